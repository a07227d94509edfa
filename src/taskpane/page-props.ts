// What every page of the task pane receives from the shell.
import type { SourceReader } from "./oversigt/consolidate-flow";
import type { WorkbookPort } from "../ports/workbook-port";

export interface PageProps {
  port: WorkbookPort;
  /** Call after a page changed the workbook, so the shell re-reads it (the status line). */
  onWorkbookChanged: () => void;
  /** Reads a picked workbook file into a consolidation source (absent where the host cannot read files). */
  readSource?: SourceReader;
  /** A result another view of the shell reached for this page (a consolidation before the workbook was converted). */
  carriedOutcome?: { lines: string[]; sheets: string[] };
}
