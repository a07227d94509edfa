// Entry of the task pane inside Excel: waits for Office.js, checks the requirement set, then shows the
// shell on the page named by ?side= with the Office.js-backed workbook port.
import { createRoot } from "react-dom/client";
import type { SourceReader } from "./oversigt/consolidate-flow";
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { startOffice } from "../adapters/officejs/host";
import { createOfficePort } from "../adapters/officejs/port";
import { withAuditLog } from "./audit-port";
import { App } from "./App";
import { messages } from "./messages";
import { pageFromSearch } from "./pages";
import type { WorkbookPort } from "../ports/workbook-port";

function Notice({ text }: { text: string }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <MessageBar intent="warning">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

const container = document.getElementById("root");
if (!container) throw new Error("Sagsliste: elementet #root mangler i taskpane.html");
const root = createRoot(container);

const NOTICES = { notLoaded: messages.office.notLoaded, notInExcel: messages.office.notInExcel, unsupported: messages.office.unsupported } as const;

void startOffice().then((start) => {
  if (start !== "ready") {
    root.render(<Notice text={NOTICES[start]} />);
    return;
  }
  // The adapter's port matches WorkbookPort structurally; this assignment is where the compiler checks it.
  const port: WorkbookPort = withAuditLog(createOfficePort());
  root.render(<App port={port} initialPage={pageFromSearch(window.location.search)} readSource={readSourceLazily} />);
});

/** Picked workbooks are read by the xlsx adapter, loaded only when a leader consolidates (it carries ExcelJS). */
function readSourceLazily(...args: Parameters<SourceReader>): ReturnType<SourceReader> {
  return import(/* webpackChunkName: "xlsx-reader" */ "../adapters/xlsx/consolidation-source").then((m) => m.readConsolidationSourceBytes(...args));
}
