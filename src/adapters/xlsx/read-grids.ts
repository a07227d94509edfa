// ExcelJS workbook -> plain grids (values, number formats, merged areas, hidden rows and columns).
import type ExcelJS from "exceljs";
import type { RawCell, SheetGrid, WorkbookGrids } from "../../import/grid";
import { plainValue } from "./cell-values";

export function readGrids(workbook: ExcelJS.Workbook, options: { sheets?: string[] } = {}): WorkbookGrids {
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((ws) => {
    if (options.sheets && !options.sheets.includes(ws.name)) return;
    sheets.push(readSheet(ws));
  });
  return { sheets };
}

export function readSheet(ws: ExcelJS.Worksheet): SheetGrid {
  const cells: RawCell[][] = [];
  const numFmts: (string | null)[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const values: RawCell[] = [];
    const fmts: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged slaves repeat the master's value in ExcelJS; the grid keeps it only in the master.
      if (cell.isMerged && cell.master !== cell) return;
      values[colNumber - 1] = plainValue(cell.value);
      fmts[colNumber - 1] = cell.numFmt || null;
    });
    for (let i = 0; i < values.length; i++) {
      if (values[i] === undefined) values[i] = null;
      if (fmts[i] === undefined) fmts[i] = null;
    }
    cells[r] = values;
    numFmts[r] = fmts;
  });
  for (let i = 0; i < cells.length; i++) {
    if (!cells[i]) {
      cells[i] = [];
      numFmts[i] = [];
    }
  }
  const hiddenCols: number[] = [];
  const columnCount = ws.columnCount;
  for (let c = 1; c <= columnCount; c++) if (ws.getColumn(c).hidden) hiddenCols.push(c - 1);
  // The merged areas as `ws.model` lists them, without building the model of every row to get them.
  const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {}).map((m) => m.range);
  return { name: ws.name, cells, numFmts, merges, hiddenRows, hiddenCols };
}
