// Plain grids -> an ExcelJS workbook: how generated sample case lists become real .xlsx files,
// with their merged headers, hidden rows and date formats, as a coordinator's file would have them.
import ExcelJS from "exceljs";
import type { WorkbookGrids } from "../../import/grid";
import { isDateFormat } from "../../domain/text";
import { serialToExcelJsDate } from "./cell-values";

export function gridsToWorkbook(grids: WorkbookGrids): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of grids.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.cells.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        const fmt = sheet.numFmts?.[r]?.[c] ?? null;
        const isDate = typeof v === "number" && isDateFormat(fmt);
        cell.value = isDate ? serialToExcelJsDate(v as number) : v;
        if (fmt) cell.numFmt = fmt;
      });
    });
    for (const m of sheet.merges) ws.mergeCells(m);
    for (const r of sheet.hiddenRows) ws.getRow(r + 1).hidden = true;
    for (const c of sheet.hiddenCols) ws.getColumn(c + 1).hidden = true;
    // A row's fill on every cell of the row, as a coordinator colours a whole row.
    sheet.rowFills?.forEach((hex, r) => {
      if (!hex) return;
      const width = Math.max(1, sheet.cells[r]?.length ?? 1);
      for (let c = 0; c < width; c++) ws.getCell(r + 1, c + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${hex}` } };
    });
  }
  return wb;
}
