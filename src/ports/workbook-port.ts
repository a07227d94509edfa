// The task pane's only way to the workbook. Office.js (in Excel) and ExcelJS (the browser preview)
// each implement it; the UI never touches Excel.* or a workbook library directly.
import type { WorkbookGrids } from "../import/grid";
import type { WorkbookLayout } from "../import/workbook-conversion";
import type { Plan } from "../workbook/plan";
import type { ChartSpec } from "../workbook/report/kvartalsoversigt";
import type { WorkbookSnapshot } from "../workbook/integrity";

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
  updates?: {
    index: number;
    values: Record<string, PortCell>;
    /** The row's values before the change, when the caller holds them (the audit log's "from"). */
    previous?: Record<string, PortCell>;
  }[];
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

/** Whether a port can also write (the forms need it; a read-only port makes them say so). */
export function isWorkbookWriter(port: WorkbookPort): port is WorkbookPort & WorkbookWriter {
  const p = port as Partial<WorkbookWriter>;
  return typeof p.saveRows === "function" && typeof p.selectCell === "function";
}

/** Bringing a sheet to the front in Excel, e.g. the sheets the Oversigt page has just made. */
export interface SheetActivator {
  /** Make the sheet the active one (the user sees it); fails with a Danish reason when it does not exist. */
  activateSheet(sheet: string): Promise<void>;
}

export function canActivateSheet(port: WorkbookPort): port is WorkbookPort & SheetActivator {
  return typeof (port as Partial<SheetActivator>).activateSheet === "function";
}

/**
 * The integrity check's access (the Kontrol page): the workbook with its formulas, repair of computed
 * columns, and sorting a table kept sorted by case.
 */
export interface WorkbookInspector {
  /** Every table with its constants and formulas, every sheet and defined name. */
  inspect(): Promise<WorkbookSnapshot>;
  /** Give computed columns their formula on every data row (formulas only, never data); returns cells written. */
  setColumnFormulas(table: string, columns: { column: string; formula: string }[]): Promise<number>;
  /**
   * Sort Fremmoede or Statusmaalinger by Sagsrække, then Dato (decision 0006): whole rows move, no value
   * changes. True when sorted; false when the table lacks the sort columns (it is left as it is).
   */
  sortByCase(table: string): Promise<boolean>;
}

export function isWorkbookInspector(port: WorkbookPort): port is WorkbookPort & WorkbookInspector {
  const p = port as Partial<WorkbookInspector>;
  return typeof p.inspect === "function" && typeof p.setColumnFormulas === "function" && typeof p.sortByCase === "function";
}

/** A table read whole, with its header texts (see src/workbook/structured-from-tables.ts). */
export interface PortTable {
  headers: string[];
  rows: PortCell[][];
}

/** Tables by name (absent when the workbook lacks one) and single-cell defined names' values. */
export interface TablesRead {
  tables: Record<string, PortTable>;
  names: Record<string, PortCell>;
}

export interface ApplyPlanOptions {
  /** Our earlier sheets to remove first (in the same Excel.run, so nothing half-replaced is left). */
  removeSheets: readonly string[];
  /** Charts to draw once the plan's sheets exist (Office.js only; a file engine draws none). */
  charts?: readonly ChartSpec[];
  /** Values to write into the cells defined names point at (the period a report sets); a missing name is skipped. */
  namedValues?: Readonly<Record<string, number>>;
}

export interface ApplyPlanReport {
  /** Charts drawn (0 where the engine cannot draw charts). */
  charts: number;
  /** Danish notes on features this Excel lacked and that were left out. */
  warnings: string[];
}

/**
 * What the Import and Oversigt pages need beyond reading tables: the sheets with their tables and the
 * stored metadata, the source sheets' grids, whole tables with the defined names, and replacing our
 * sheets by a plan. Each method is one Excel.run in Office.js.
 */
export interface PlanPort {
  readLayout(): Promise<WorkbookLayout>;
  /** Grids of these sheets (all sheets when absent), as the import reads them. */
  readGrids(sheets?: readonly string[]): Promise<WorkbookGrids>;
  readTables(tables: readonly string[], names: readonly string[]): Promise<TablesRead>;
  applyPlan(plan: Plan, options: ApplyPlanOptions): Promise<ApplyPlanReport>;
}

/** The port as a PlanPort, or null when this host's port cannot replace sheets. */
export function asPlanPort(port: WorkbookPort): (WorkbookPort & PlanPort) | null {
  const p = port as Partial<PlanPort> & WorkbookPort;
  return typeof p.readLayout === "function" && typeof p.readGrids === "function" && typeof p.readTables === "function" && typeof p.applyPlan === "function"
    ? (p as WorkbookPort & PlanPort)
    : null;
}
