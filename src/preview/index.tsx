// The browser preview: the task pane's shell and pages against an in-memory ExcelJS workbook, without
// Office.js and without any request beyond its own origin. Tests read the workbook back via window.__sagsliste.
// ?arbejdsbog=raa starts from a raw (unstructured) case list instead of the structured sample;
// ?arbejdsbog=fremmoede from a case list with an attendance register in long format beside it;
// ?arbejdsbog=farver from a list whose row colours mean status; ?arbejdsbog=to-ark from two raw case lists
// with the same header on two sheets.
import { type XlsxWorkbook } from "../adapters/xlsx/workbook";
import { createRoot } from "react-dom/client";
import type { SourceReader } from "../taskpane/oversigt/consolidate-flow";
import { App } from "../taskpane/App";
import { pageFromSearch } from "../taskpane/pages";
import { MemoryWorkbookPort } from "../adapters/xlsx/memory-port";
import { withAuditLog } from "../taskpane/audit-port";
import { colouredSample, rawSample, rawTwoSheetsSample, registerSample, structuredSample } from "../adapters/xlsx/sample-workbooks";

declare global {
  interface Window {
    __sagsliste?: { workbook: XlsxWorkbook; port: MemoryWorkbookPort };
  }
}

const params = new URLSearchParams(window.location.search);
const choice = params.get("arbejdsbog");
const SAMPLES: Record<string, () => XlsxWorkbook> = {
  raa: rawSample,
  fremmoede: registerSample,
  farver: colouredSample,
  "to-ark": rawTwoSheetsSample,
};
const workbook = (choice !== null && SAMPLES[choice] ? SAMPLES[choice] : structuredSample)();
const port = new MemoryWorkbookPort(workbook);
window.__sagsliste = { workbook, port };

const container = document.getElementById("root");
if (!container) throw new Error("Sagsliste: elementet #root mangler i preview.html");
createRoot(container).render(<App port={withAuditLog(port)} initialPage={pageFromSearch(window.location.search)} readSource={readSourceLazily} />);

/** Picked workbooks are read by the xlsx adapter, loaded only when a leader consolidates (it carries ExcelJS). */
function readSourceLazily(...args: Parameters<SourceReader>): ReturnType<SourceReader> {
  return import(/* webpackChunkName: "xlsx-reader" */ "../adapters/xlsx/consolidation-source").then((m) => m.readConsolidationSourceBytes(...args));
}
