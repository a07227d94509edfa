// The audit trail: pure builders of `Log` rows for an import, a form save, a repair, a sort by case and a
// pseudonymisation, and the Log sheet. A row says who-did-what only as far as the workbook may know it
// and never holds a sensitive value beyond the case id (see LOG_INPUT in the contract).
import { danishDate, serial } from "../domain/dates";
import { CASE_ROW_COLUMN, LOG_INPUT, SHEETS, TABLES, type ColumnDef } from "./contract";
import { inputColumns } from "./input-columns";
import type { Scalar, SheetPlan, TablePlan } from "./plan";

export const LOG_ACTIONS = {
  import: "Import",
  form: "Formular",
  repair: "Reparation",
  sortByCase: "Sorteret efter sag",
  pseudonymise: "Pseudonymisering",
  maskCpr: "CPR maskeret",
} as const;
export type LogAction = (typeof LOG_ACTIONS)[keyof typeof LOG_ACTIONS];

export interface LogEntry {
  /** Excel serial date-time (local clock). */
  time: number;
  action: LogAction;
  table: string;
  key: string | null;
  column: string | null;
  from: string | null;
  to: string | null;
}

export const LOG_TIME_FORMAT = "dd-mm-yyyy hh:mm:ss";

/** A clock reading as an Excel serial date-time in local time, to the second. */
export function serialDateTime(d: Date): number {
  const day = serial(d.getFullYear(), d.getMonth() + 1, d.getDate());
  const seconds = d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds();
  return day + seconds / 86_400;
}

/** One Log row in the contract's column order. */
export function logRow(e: LogEntry): Scalar[] {
  return [e.time, e.action, e.table, e.key, e.column, e.from, e.to];
}

/** One Log row as a record by header (the WorkbookWriter's append shape). */
export function logRecord(e: LogEntry): Record<string, Scalar> {
  const row = logRow(e);
  return Object.fromEntries(LOG_INPUT.map((c, i) => [c.name, row[i]]));
}

export function logTable(entries: readonly LogEntry[]): TablePlan {
  return {
    name: TABLES.log,
    topLeft: "A1",
    style: "TableStyleLight1",
    columns: LOG_INPUT.map((c) => ({
      name: c.name,
      numFmt: c.name === "Tidspunkt" ? LOG_TIME_FORMAT : undefined,
      width: c.name === "Tidspunkt" ? 20 : c.name === "Fra" || c.name === "Til" ? 28 : 16,
    })),
    rows: entries.map(logRow),
  };
}

export function logSheet(entries: readonly LogEntry[] = [], name: string = SHEETS.log): SheetPlan {
  return { name, freezeRows: 1, tables: [logTable(entries)] };
}

// ---------------------------------------------------------------- what may be written as a value

/** The tables whose changes the Log records column by column (named exactly as in the contract). */
const LOGGED_TABLES: ReadonlySet<string> = new Set([TABLES.sager, TABLES.visitationer, TABLES.statusmaalinger, TABLES.maal, TABLES.fremmoede, TABLES.enheder]);

/** Columns that say nothing about a citizen's health or identity besides the case id. */
const NEUTRAL_COLUMNS = new Set(["Enhed", "Ønsket enhed", "Instrument", "Dimension", "Pladstype"]);

function columnDef(table: string, column: string): ColumnDef | undefined {
  if (!LOGGED_TABLES.has(table)) return undefined;
  return inputColumns(table)?.find((c) => c.name.toLowerCase() === column.toLowerCase());
}

/** Whether a column's values may appear in the Log (ids, dates, units; never CPR, names, notes, scores or statuses). */
export function isLoggableColumn(table: string, column: string): boolean {
  const def = columnDef(table, column);
  if (!def) return false;
  if (table === TABLES.enheder) return def.type !== "text" || def.name === "Enhed";
  return def.type === "id" || def.type === "date" || NEUTRAL_COLUMNS.has(def.name);
}

const isEmpty = (v: Scalar | undefined): boolean => v === null || v === undefined || v === "";

function shown(table: string, column: string, v: Scalar | undefined): string {
  if (isEmpty(v)) return "tom";
  if (!isLoggableColumn(table, column)) return "udfyldt";
  if (typeof v === "number" && columnDef(table, column)?.type === "date") return danishDate(Math.floor(v));
  return String(v);
}

/** Sags-ID (or Visitations-ID), with the date for tables of one row per case and day. */
export function rowKey(record: Readonly<Record<string, Scalar | undefined>>): string | null {
  const get = (h: string): Scalar | undefined => {
    const k = Object.keys(record).find((x) => x.toLowerCase() === h.toLowerCase());
    return k === undefined ? undefined : record[k];
  };
  const id = get("Visitations-ID") ?? get("Sags-ID");
  const dato = get("Dato");
  const parts = [id, typeof dato === "number" ? danishDate(Math.floor(dato)) : dato].filter((p) => !isEmpty(p)).map(String);
  return parts.length ? parts.join(" ") : null;
}

// ---------------------------------------------------------------- entries per action

export interface ImportCount {
  table: string;
  before: number;
  after: number;
  added: number;
  updated: number;
}

/** One entry per table an import wrote: its row count before and after. */
export function importLogEntries(time: number, counts: readonly ImportCount[]): LogEntry[] {
  return counts.map((c) => ({
    time,
    action: LOG_ACTIONS.import,
    table: c.table,
    key: null,
    column: null,
    from: `${c.before} rækker`,
    to: `${c.after} rækker (${c.added} nye, ${c.updated} opdaterede)`,
  }));
}

/** The shape of a form save (structurally the task pane's TableChange). */
export interface SavedChange {
  table: string;
  updates?: { index: number; values: Record<string, Scalar> }[];
  appends?: Record<string, Scalar>[];
}

export interface TableBefore {
  headers: string[];
  rows: Scalar[][];
}

/**
 * Entries for a form save: one per appended row and one per changed column of an updated row, the
 * values as far as the column may be logged. `before` holds the tables as they were, for "from".
 */
export function saveLogEntries(time: number, changes: readonly SavedChange[], before: Readonly<Record<string, TableBefore | null>>): LogEntry[] {
  const out: LogEntry[] = [];
  for (const change of changes) {
    if (change.table.toLowerCase() === TABLES.log.toLowerCase()) continue;
    const old = before[change.table] ?? null;
    const oldRecord = (index: number): Record<string, Scalar> => {
      const row = old?.rows[index];
      return row && old ? Object.fromEntries(old.headers.map((h, j) => [h, row[j] ?? null])) : {};
    };
    for (const u of change.updates ?? []) {
      const was = oldRecord(u.index);
      const key = rowKey({ ...was, ...u.values });
      for (const [column, value] of Object.entries(u.values)) {
        const prior = Object.entries(was).find(([h]) => h.toLowerCase() === column.toLowerCase())?.[1] ?? null;
        if (prior === value || (isEmpty(prior) && isEmpty(value))) continue;
        const from = shown(change.table, column, prior);
        const to = shown(change.table, column, value);
        out.push({ time, action: LOG_ACTIONS.form, table: change.table, key, column, from, to: from === "udfyldt" && to === "udfyldt" ? "ændret" : to });
      }
    }
    for (const a of change.appends ?? []) {
      out.push({ time, action: LOG_ACTIONS.form, table: change.table, key: rowKey(a), column: null, from: null, to: "ny række" });
    }
  }
  return out;
}

export interface RepairedCell {
  table: string;
  column: string;
  key: string | null;
  /** What stood in the cell: a constant or another formula. */
  was: "værdi" | "formel";
}

export function repairLogEntries(time: number, repaired: readonly RepairedCell[]): LogEntry[] {
  return repaired.map((r) => ({
    time,
    action: LOG_ACTIONS.repair,
    table: r.table,
    key: r.key,
    column: r.column,
    from: r.was === "værdi" ? "overskrevet med en værdi" : "en anden formel",
    to: "kolonnens formel",
  }));
}

/** One entry per table the check's repair sorted by case: whole rows moved, no value changed. */
export function sortLogEntries(time: number, tables: readonly string[]): LogEntry[] {
  return tables.map((table) => ({
    time,
    action: LOG_ACTIONS.sortByCase,
    table,
    key: null,
    column: `${CASE_ROW_COLUMN}, Dato`,
    from: "ikke sorteret efter sag",
    to: `sorteret efter ${CASE_ROW_COLUMN} og Dato (hele rækker flyttet, ingen værdi ændret)`,
  }));
}
