// Print areas of whole columns through ExcelJS. ExcelJS reads a whole-column print area ("$A:$L", as
// Excel writes one) as "ANaN:LNaN" and writes that back as "$ANaN:$LNaN", a name Excel cannot read. A
// bounded range of the same columns (A$1:L$1048576; ExcelJS adds the columns' $) survives a load and save.
import type ExcelJS from "exceljs";

const LAST_ROW = 1_048_576;

/** "A:L" as the bounded range ExcelJS keeps; any other area unchanged. */
export function boundedPrintArea(area: string): string {
  return area.replace(/^\$?([A-Z]+):\$?([A-Z]+)$/, `$1$$1:$2$$${LAST_ROW}`);
}

/** Every sheet's whole-column print areas, as ExcelJS read them ("ANaN:LNaN"), bounded again. */
export function repairWholeColumnPrintAreas(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const area = ws.pageSetup?.printArea;
    if (!area || !area.includes("NaN")) continue;
    ws.pageSetup.printArea = area
      .split("&&")
      .map((a) => a.replace(/^([A-Z]+)NaN:([A-Z]+)NaN$/, (_, from: string, to: string) => boundedPrintArea(`${from}:${to}`)))
      .join("&&");
  }
}
