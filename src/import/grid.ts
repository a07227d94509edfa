// Workbooks as plain grids: what both adapters' readers produce and the import understands.
// Dates arrive as Excel serial numbers, with the cell's number format beside them in numFmts.

export type RawCell = string | number | boolean | null;

export interface SheetGrid {
  name: string;
  /** Row-major, 0-based; rows may be ragged (missing trailing cells are empty). */
  cells: RawCell[][];
  numFmts?: (string | null)[][];
  /** Merged areas in A1 notation, e.g. "A1:C1". */
  merges: string[];
  /** 0-based indexes. */
  hiddenRows: number[];
  hiddenCols: number[];
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
}
