// The task pane's only way to the workbook. Office.js (in Excel) and ExcelJS (the browser preview)
// each implement it; the UI never touches Excel.* or a workbook library directly.

export type PortCell = string | number | boolean | null;

export interface WorkbookDescription {
  /** True when the workbook already has the structured table `Sager`. */
  structured: boolean;
  tables: string[];
  sheets: string[];
}

export interface TableContents {
  headers: string[];
  rows: PortCell[][];
}

export interface WorkbookPort {
  describe(): Promise<WorkbookDescription>;
  /** A table's header texts and data rows, or null when the workbook has no table of that name. */
  readTable(name: string): Promise<TableContents | null>;
}

/** The table whose presence marks a structured workbook (see docs: the workbook contract). */
export const STRUCTURED_MARKER_TABLE = "Sager";

/** Whether a list of table names contains the marker table (table names compare case-insensitively, as in Excel). */
export function isStructured(tables: readonly string[]): boolean {
  return tables.some((t) => t.toLowerCase() === STRUCTURED_MARKER_TABLE.toLowerCase());
}

/** One table's changes in a save: rows replaced in place and rows appended, by header name. */
export interface TableChange {
  table: string;
  /** 0-based data-row index of the table and the input columns to set; other columns are left alone. */
  updates?: { index: number; values: Record<string, PortCell> }[];
  /** New rows: input columns by header; computed columns fill themselves (calculated columns). */
  appends?: Record<string, PortCell>[];
}

export interface SaveReport {
  updated: number;
  appended: number;
}

/**
 * The write side, used by the forms, the import and the integrity check. Every method is one
 * Excel.run in Office.js; a save either writes all its changes or none (it validates headers first).
 */
export interface WorkbookWriter {
  /** Write rows to several tables in one go (e.g. Statusmaalinger and Maal). */
  saveRows(changes: TableChange[]): Promise<SaveReport>;
  /** Select a cell in Excel, e.g. when the user clicks a finding ("Sager", "E12"). */
  selectCell(sheet: string, address: string): Promise<void>;
}
