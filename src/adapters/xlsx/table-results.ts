// Writing the cached results of the structured tables into a loaded workbook (see workbook/table-results.ts):
// each computed cell that holds a formula gets its reference's value as its result.
import ExcelJS from "exceljs";
import type { StructuredData } from "../../domain/model";
import { headerKey } from "../../workbook/contract";
import type { IntegrityReport } from "../../workbook/integrity";
import { allComputedColumns } from "../../workbook/structured-plan";
import { tableResults } from "../../workbook/table-results";
import { findTable } from "./read-tables";

/**
 * Give the structured tables' formula cells the results their references compute over `data` (read from
 * these tables, with the period the workbook will have). Nothing where the integrity check of the workbook
 * as it will be written (`integrity`) finds anything:
 * an overwritten formula or a table out of order would make a reference's value another cell's. Returns
 * the number of cells given a result.
 */
export function writeTableResults(wb: ExcelJS.Workbook, data: StructuredData, integrity: IntegrityReport): number {
  if (integrity.findings.length > 0) return 0;
  let given = 0;
  for (const owner of allComputedColumns()) {
    const t = findTable(wb, owner.table);
    if (!t) continue;
    const results = tableResults(t, data);
    if (!results) continue;
    const ws = wb.getWorksheet(t.sheet);
    if (!ws) continue;
    for (const [name, values] of results) {
      const col = t.headers.findIndex((h) => headerKey(h) === headerKey(name));
      if (col < 0) continue;
      values.forEach((v, i) => {
        if (v === null) return;
        const cell = ws.getCell(t.firstRow + i, t.firstCol + col);
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        cell.value = { ...(cell.value as ExcelJS.CellFormulaValue), result: v } as ExcelJS.CellValue;
        given++;
      });
    }
  }
  return given;
}
