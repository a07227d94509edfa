// The open workbook -> plain grids (values, number formats, merged areas, hidden rows and columns), the
// same shape the ExcelJS reader gives, so the import cannot tell which adapter read the case list.
//
// Syncs: one for the sheet names, one for every sheet's used range at once, then the cells in blocks
// of at most `cellsPerSync` cells (one sync for an ordinary case list; Excel on the web also limits the
// size of a response).
import { fillHex, type RawCell, type SheetGrid, type WorkbookGrids } from "../../import/grid";
import { columnIndex, columnLetters } from "../../workbook/plan";
import { withExcelErrors } from "./errors";
import { excelRun, officeHost, type ExcelRun, type OfficeHost } from "./host";

export interface ReadOptions {
  host?: OfficeHost;
  /** Read only these sheets (by name); all sheets when absent. */
  sheets?: string[];
  /** Cells loaded per sync: values and number formats of ~100,000 cells stay well under 5 MB. */
  cellsPerSync?: number;
}

interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const AREA = /(?:'(?:[^']|'')*'|[^,'!]+)!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;

/** "Sheet1!A1:B2,'My, sheet'!D4" -> areas (0-based), whatever the sheet names contain. */
export function parseAreas(address: string): Area[] {
  const out: Area[] = [];
  for (const m of address.matchAll(AREA)) {
    const c0 = columnIndex(m[1]);
    const r0 = Number(m[2]) - 1;
    out.push({ r0, c0, r1: m[4] ? Number(m[4]) - 1 : r0, c1: m[3] ? columnIndex(m[3]) : c0 });
  }
  return out;
}

function a1(area: Area): string {
  return `${columnLetters(area.c0)}${area.r0 + 1}:${columnLetters(area.c1)}${area.r1 + 1}`;
}

interface SheetRead {
  name: string;
  used: Excel.Range | null;
  /** With each block, the fills of its first column (ExcelApi 1.9): a row's colour can mean its status. */
  blocks: { top: number; range: Excel.Range; fills?: { value: { format?: { fill?: { color?: string } } }[][] } }[];
  merged?: Excel.RangeAreas;
  visible?: Excel.RangeAreas;
  rowProbes?: Excel.Range[];
  colProbes?: Excel.Range[];
}

export async function readGrids(run: ExcelRun = excelRun, options: ReadOptions = {}): Promise<WorkbookGrids> {
  const host = options.host ?? officeHost;
  const canMerge = host.isSetSupported("ExcelApi", "1.13");
  const canSpecial = host.isSetSupported("ExcelApi", "1.9");
  const cellsPerSync = options.cellsPerSync ?? 100_000;

  return withExcelErrors(() =>
    run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();

      const chosen = worksheets.items.filter((ws) => !options.sheets || options.sheets.includes(ws.name));
      const reads: SheetRead[] = chosen.map((ws) => {
        // Values only: a formatted but empty column would otherwise stretch the range to row 1,048,576.
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount,rowHidden,columnHidden");
        return { name: ws.name, used, blocks: [] };
      });
      await context.sync();

      let queued = 0;
      for (const r of reads) {
        const used = r.used;
        if (!used || used.isNullObject) {
          r.used = null;
          continue;
        }
        if (canMerge) r.merged = used.getMergedAreasOrNullObject().load("address");
        // rowHidden/columnHidden are null when only some rows/columns are hidden: then find which.
        // Visible cells tell hidden rows and columns apart only while some row and some column show.
        if (used.rowHidden === null || used.columnHidden === null) {
          if (canSpecial && used.rowHidden !== true && used.columnHidden !== true) r.visible = used.getSpecialCellsOrNullObject("Visible").load("address");
          else {
            if (used.rowHidden === null) r.rowProbes = Array.from({ length: used.rowCount }, (_, i) => used.getRow(i).load("rowHidden"));
            if (used.columnHidden === null) r.colProbes = Array.from({ length: used.columnCount }, (_, j) => used.getColumn(j).load("columnHidden"));
          }
        }
        const perBlock = Math.max(1, Math.floor(cellsPerSync / used.columnCount));
        for (let top = 0; top < used.rowCount; top += perBlock) {
          const n = Math.min(perBlock, used.rowCount - top);
          if (queued > 0 && queued + n * used.columnCount > cellsPerSync) {
            await context.sync();
            queued = 0;
          }
          const range = used
            .getCell(top, 0)
            .getResizedRange(n - 1, used.columnCount - 1)
            .load("values,numberFormat");
          const first = used.getCell(top, 0).getResizedRange(n - 1, 0);
          const fills = canSpecial ? first.getCellProperties({ format: { fill: { color: true } } }) : undefined;
          r.blocks.push({ top, range, fills });
          queued += n * used.columnCount;
        }
      }
      if (queued > 0) await context.sync();

      return { sheets: reads.map(toGrid) };
    })
  );
}

function toGrid(r: SheetRead): SheetGrid {
  const grid: SheetGrid = { name: r.name, cells: [], numFmts: [], merges: [], hiddenRows: [], hiddenCols: [] };
  const used = r.used;
  if (!used) return grid;
  const row0 = used.rowIndex;
  const col0 = used.columnIndex;
  const cells: RawCell[][] = [];
  const numFmts: (string | null)[][] = [];
  for (let i = 0; i < row0; i++) {
    cells.push([]);
    numFmts.push([]);
  }
  for (const block of r.blocks) {
    const values = block.range.values;
    const formats = block.range.numberFormat;
    for (let i = 0; i < values.length; i++) {
      const row: RawCell[] = new Array<RawCell>(col0).fill(null);
      const fmts: (string | null)[] = new Array<string | null>(col0).fill(null);
      for (let j = 0; j < values[i].length; j++) {
        const v = values[i][j] as RawCell | undefined;
        row.push(v === "" || v === undefined ? null : v);
        const f = formats[i]?.[j] as string | undefined;
        fmts.push(f && f !== "General" ? f : null);
      }
      // Rows are ragged, as from the ExcelJS reader: trailing empty cells are dropped.
      let end = row.length;
      while (end > 0 && row[end - 1] === null) end--;
      cells.push(row.slice(0, end));
      numFmts.push(fmts.slice(0, end));
    }
  }
  grid.cells = cells;
  grid.numFmts = numFmts;
  const fills: (string | null)[] = new Array<string | null>(cells.length).fill(null);
  let anyFill = false;
  for (const block of r.blocks) {
    block.fills?.value.forEach((row, i) => {
      const hex = fillHex(row[0]?.format?.fill?.color);
      if (hex && row0 + block.top + i < fills.length) {
        fills[row0 + block.top + i] = hex;
        anyFill = true;
      }
    });
  }
  if (anyFill) grid.rowFills = fills;

  if (r.merged && !r.merged.isNullObject) grid.merges = parseAreas(r.merged.address).map(a1);

  const rows = { from: row0, to: row0 + used.rowCount - 1 };
  const cols = { from: col0, to: col0 + used.columnCount - 1 };
  const all = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (used.rowHidden === true) grid.hiddenRows = all(rows.from, rows.to);
  if (used.columnHidden === true) grid.hiddenCols = all(cols.from, cols.to);
  if (r.visible && !r.visible.isNullObject) {
    // A cell is visible when its row and its column are: the visible areas' rows are the visible rows.
    const areas = parseAreas(r.visible.address);
    const shownRows = new Set<number>();
    const shownCols = new Set<number>();
    for (const a of areas) {
      for (let i = a.r0; i <= a.r1; i++) shownRows.add(i);
      for (let j = a.c0; j <= a.c1; j++) shownCols.add(j);
    }
    if (used.rowHidden === null) grid.hiddenRows = all(rows.from, rows.to).filter((i) => !shownRows.has(i));
    if (used.columnHidden === null) grid.hiddenCols = all(cols.from, cols.to).filter((j) => !shownCols.has(j));
  }
  if (r.rowProbes) grid.hiddenRows = r.rowProbes.flatMap((p, i) => (p.rowHidden ? [row0 + i] : []));
  if (r.colProbes) grid.hiddenCols = r.colProbes.flatMap((p, j) => (p.columnHidden ? [col0 + j] : []));
  return grid;
}
