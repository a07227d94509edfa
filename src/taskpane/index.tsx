// Entry of the task pane inside Excel: waits for Office.js, checks the requirement set, then shows the
// shell on the page named by ?side= with the Office.js-backed workbook port.
import { createRoot } from "react-dom/client";
import type { SourceReader } from "./oversigt/consolidate-flow";
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { createOfficePort } from "../adapters/officejs/port";
import { withAuditLog } from "./audit-port";
import { App } from "./App";
import { messages } from "./messages";
import { pageFromSearch } from "./pages";
import type { WorkbookPort } from "./workbook-port";

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

// Office.js comes from Microsoft's CDN; when it could not load (no network, a proxy that blocks the
// address) there is no Office object, and the pane says why and what to do instead of staying blank.
if (typeof Office === "undefined") root.render(<Notice text={messages.office.notLoaded} />);
else Office.onReady((info) => {
  if (info.host !== Office.HostType.Excel) {
    root.render(<Notice text={messages.office.notInExcel} />);
    return;
  }
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.8")) {
    root.render(<Notice text={messages.office.unsupported} />);
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
