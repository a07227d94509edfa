// What an Excel sheet can hold: a plan that needs more rows or columns fails before anything is written,
// with a message that names the limit and what to do, instead of a file Excel cannot open.
import { parseAddress, type Plan } from "../../workbook/plan";
import { WorkbookFileError } from "./workbook-file-error";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

const da = (n: number) => n.toLocaleString("da-DK");

export function checkSheetSizes(plan: Plan): void {
  for (const sheet of plan.sheets) {
    for (const t of sheet.tables) {
      const { row, col } = parseAddress(t.topLeft);
      const lastRow = row + 1 + Math.max(1, t.rows.length);
      if (lastRow > MAX_ROWS) {
        throw new WorkbookFileError(
          `Tabellen ${t.name} på arket ${sheet.name} får ${da(t.rows.length)} rækker, men et Excel-ark kan højst have ${da(MAX_ROWS)} rækker ` +
            `(${da(MAX_ROWS - row - 1)} datarækker under overskriften). Del sagslisten i flere projektmapper, fx efter år eller enhed, og konvertér dem hver for sig.`
        );
      }
      if (col + t.columns.length > MAX_COLUMNS) {
        throw new WorkbookFileError(
          `Tabellen ${t.name} på arket ${sheet.name} får ${da(t.columns.length)} kolonner, men et Excel-ark kan højst have ${da(MAX_COLUMNS)} kolonner. Fjern kolonner, du ikke bruger, og prøv igen.`
        );
      }
    }
  }
}
