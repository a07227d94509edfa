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
  /**
   * The solid fill of each row's cell in the sheet's first used column, as 6-digit upper-case hex
   * ("FF0000"); null for no fill or white. Absent when no row has one. One value per row keeps it cheap:
   * coordinators colour whole rows ("red = discharged").
   */
  rowFills?: (string | null)[];
}

/** A fill colour as 6-digit upper-case hex, or null for none, white or not a plain colour. */
export function fillHex(color: string | null | undefined): string | null {
  if (!color) return null;
  const m = /^#?(?:[0-9a-f]{2})?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1].toUpperCase();
  return hex === "FFFFFF" ? null : hex;
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
}
