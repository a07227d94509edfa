// The browser preview: the task pane's shell and pages against an in-memory ExcelJS workbook, without
// Office.js and without any request beyond its own origin. Tests read the workbook back via window.__sagsliste.
// ?arbejdsbog=raa starts from a raw (unstructured) case list instead of the structured sample; ?arbejdsbog=to-ark
// from two raw case lists with the same header on two sheets.
import type ExcelJS from "exceljs";
import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { pageFromSearch } from "../taskpane/pages";
import { MemoryWorkbookPort } from "./memory-port";
import { withAuditLog } from "../taskpane/audit-port";
import { rawSample, rawTwoSheetsSample, structuredSample } from "./sample-workbook";

declare global {
  interface Window {
    __sagsliste?: { workbook: ExcelJS.Workbook; port: MemoryWorkbookPort };
  }
}

const params = new URLSearchParams(window.location.search);
const kind = params.get("arbejdsbog");
const workbook = kind === "raa" ? rawSample() : kind === "to-ark" ? rawTwoSheetsSample() : structuredSample();
const port = new MemoryWorkbookPort(workbook);
window.__sagsliste = { workbook, port };

const container = document.getElementById("root");
if (!container) throw new Error("Sagsliste: elementet #root mangler i preview.html");
createRoot(container).render(<App port={withAuditLog(port)} initialPage={pageFromSearch(window.location.search)} />);
