// Print areas of whole columns through ExcelJS. ExcelJS reads a whole-column print area ("$A:$L", as
// Excel writes one) as "ANaN:LNaN" and writes that back as "$ANaN:$LNaN", a name Excel cannot read. A
// bounded range of the same columns (A$1:L$1048576; ExcelJS adds the columns' $) survives a load and save.
import type ExcelJS from "exceljs";

const LAST_ROW = 1_048_576;

/** "A:L" as the bounded range ExcelJS keeps; any other area unchanged. */
export function boundedPrintArea(area: string): string {
  return area.replace(/^\$?([A-Z]+):\$?([A-Z]+)$/, `$1$$1:$2$$${LAST_ROW}`);
}

/**
 * Every sheet's whole-column print areas, as ExcelJS read them ("ANaN:LNaN"), bounded again; an area
 * still unreadable (one an earlier save already wrote as "$ANaN:$LNaN") is dropped rather than written on.
 */
export function repairWholeColumnPrintAreas(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const area = ws.pageSetup?.printArea;
    if (!area || !area.includes("NaN")) continue;
    const areas = area
      .split("&&")
      .map((a) => {
        // "$ANaN" read again comes back as "ANNNaN": letters ending in NN before NaN are taken as mangled.
        const m = /^([A-Z]+)NaN:([A-Z]+)NaN$/.exec(a);
        return m && !/NN$/.test(m[1]) && !/NN$/.test(m[2]) ? boundedPrintArea(`${m[1]}:${m[2]}`) : a;
      })
      .filter((a) => !a.includes("NaN"));
    if (areas.length > 0) ws.pageSetup.printArea = areas.join("&&");
    else delete ws.pageSetup.printArea;
  }
}
