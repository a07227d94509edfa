// Entry of the task pane inside Excel: draws the shell on the page named by ?side= at once ("Forbinder til
// Excel …"), so that the page's chunk loads while Office.js starts; the Office.js-backed workbook port holds
// every Excel call until Office.onReady said this is Excel with the requirement set, and when it is not (or
// Office.js could not load) a notice saying why replaces the shell.
import { createRoot } from "react-dom/client";
import type { SourceReader } from "./oversigt/consolidate-flow";
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { excelRunWhenReady, startOffice } from "../adapters/officejs/host";
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

const started = startOffice();
// The adapter's port matches WorkbookPort structurally; this assignment is where the compiler checks it.
const port: WorkbookPort = withAuditLog(createOfficePort(excelRunWhenReady(started)));
const initialPage = pageFromSearch(window.location.search);
const shell = (connecting: boolean) => <App port={port} initialPage={initialPage} readSource={readSourceLazily} connecting={connecting} />;

root.render(shell(true));
void started.then((start) => root.render(start === "ready" ? shell(false) : <Notice text={NOTICES[start]} />));

/** Picked workbooks are read by the xlsx adapter, loaded only when a leader consolidates (it carries ExcelJS). */
function readSourceLazily(...args: Parameters<SourceReader>): ReturnType<SourceReader> {
  return import(/* webpackChunkName: "xlsx-reader" */ "../adapters/xlsx/consolidation-source").then((m) => m.readConsolidationSourceBytes(...args));
}
