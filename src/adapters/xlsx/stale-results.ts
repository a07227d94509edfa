// Cached formula results read from a file hold for the file as it was. A command that changes what the
// formulas read (the report's period, a repair's formulas or sorted rows, pseudonymised ids) and writes
// the workbook again drops them first: a reader that does not recalculate then shows empty cells, never
// numbers of the workbook before the change. (Excel and LibreOffice recalculate on open either way.)
import type ExcelJS from "exceljs";

const FORMULA = 6; // ExcelJS's ValueType.Formula

/** Forget every formula cell's cached result (the formulas stay). */
export function forgetReadResults(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== FORMULA) return;
        const v = cell.value as ExcelJS.CellFormulaValue;
        if (v.result === undefined || !v.formula) return;
        cell.value = { formula: v.formula, date1904: false };
      })
    );
  }
}
