// ExcelJS workbook -> plain grids (values, number formats, merged areas, hidden rows and columns).
import type ExcelJS from "exceljs";
import { fillHex, type RawCell, type SheetGrid, type WorkbookGrids } from "../../import/grid";
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
  let firstCol = Infinity;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const values: RawCell[] = [];
    const fmts: (string | null)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Merged slaves repeat the master's value in ExcelJS; the grid keeps it only in the master.
      if (cell.isMerged && cell.master !== cell) return;
      values[colNumber - 1] = plainValue(cell.value);
      if (colNumber - 1 < firstCol) firstCol = colNumber - 1;
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
  const grid: SheetGrid = { name: ws.name, cells, numFmts, merges, hiddenRows, hiddenCols };
  const fills = rowFills(ws, cells.length, firstCol);
  if (fills) grid.rowFills = fills;
  return grid;
}

/** The fill of each row's cell in the first used column (the same cell the Office.js reader asks for). */
function rowFills(ws: ExcelJS.Worksheet, rows: number, col: number): (string | null)[] | null {
  if (!Number.isFinite(col)) return null;
  let any = false;
  const out: (string | null)[] = new Array<string | null>(rows).fill(null);
  for (let r = 0; r < rows; r++) {
    const fill = ws.findCell(r + 1, col + 1)?.fill;
    if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") continue;
    const hex = fillHex(fill.fgColor?.argb);
    if (hex) {
      out[r] = hex;
      any = true;
    }
  }
  return any ? out : null;
}
