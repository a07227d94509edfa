// Converting a whole workbook, whichever engine holds it: which sheets are the source and which are
// ours, the mapping and cases an earlier run left, and the plan with the sheets it replaces. The
// adapters only read (layout, grids, tables) and apply (remove sheets, then the plan); the CLI, the
// browser preview and the task pane in Excel thereby convert alike. Pure: no file, no Excel.
import type { Case } from "../domain/model";
import { importLogEntries, type LogEntry } from "../workbook/audit-log";
import { headerKey, LOG_INPUT, SAGER_INPUT, SHEETS, TABLES } from "../workbook/contract";
import { sagerComputedNames } from "../workbook/structured-plan";
import { METADATA_SHEET } from "../workbook/metadata";
import type { Plan, Scalar } from "../workbook/plan";
import { KALENDER_TABLE } from "../workbook/report/noegletal";
import { JOBCENTER_TABLE } from "../workbook/report/pladsregulering";
import { PUBLISHED_SHEET } from "../workbook/report/report-plan";
import { structuredFromTables, type TableRows, type TableSource } from "../workbook/structured-from-tables";
import { convert, type ConvertOptions, type ConvertResult } from "./convert";
import { FIELDS, type CaseKey } from "./fields";
import type { WorkbookGrids } from "./grid";
import type { Mapping } from "./mapping";
import { IMPORTED_KEY, importedState, rerunMerge } from "./rerun-merge";
import { buildConvertedWorkbook, type ConvertedWorkbook } from "./structured-output";

/** A sheet and the tables on it. */
export interface SheetLayout {
  name: string;
  tables: string[];
}

/** What an adapter reads first: the sheets with their tables, and the add-in's metadata. */
export interface WorkbookLayout {
  sheets: SheetLayout[];
  /** The metadata sheet's JSON (see workbook/metadata.ts), or null when missing or unreadable. */
  metadata: Record<string, unknown> | null;
}

export interface WorkbookConversionOptions extends Omit<ConvertOptions, "existingCases" | "saved" | "units"> {
  /** Serial day of the conversion. */
  conversionDate: number;
  /** Opgørelsesdato chosen by the user (its year the period); by default both are read off the data. */
  referenceDate?: number;
  /** Serial date-time of the conversion for the Log (default: the conversion date at midnight). */
  time?: number;
  presets?: readonly string[];
  /** Ignore a mapping stored by an earlier run. */
  ignoreSavedMapping?: boolean;
  /**
   * Keep the report sheets of an earlier run (default true). In Excel, removing the tables they read
   * turns their formulas into #REF!, so the task pane removes them too and asks for a new overview.
   */
  keepReportSheets?: boolean;
}

export interface WorkbookConversion {
  result: ConvertResult;
  output: ConvertedWorkbook;
  /** True when the workbook was already structured and is updated. */
  rerun: boolean;
  sourceSheets: string[];
  /** Our earlier sheets to remove before the plan is applied. */
  removeSheets: string[];
  /** Report sheets removed with them (only when keepReportSheets is false). */
  removedReports: string[];
  plan: Plan;
  /** On a re-run: existing cases whose cells the source changed, and cells changed on both sides (kept). */
  merged?: { changedCases: number; conflicts: number };
}

const lower = (names: readonly string[]) => new Set(names.map((n) => n.toLowerCase()));
const OUR_TABLES = lower([...Object.values(TABLES), JOBCENTER_TABLE, KALENDER_TABLE]);
const REPORT_TABLES = lower([TABLES.noegletal, TABLES.pladsregulering, JOBCENTER_TABLE, KALENDER_TABLE]);

const holds = (s: SheetLayout, set: Set<string>) => s.tables.some((t) => set.has(t.toLowerCase()));
const isOverview = (s: SheetLayout) => (s.name === SHEETS.kvartalsoversigt || s.name === PUBLISHED_SHEET) && s.tables.length === 0;

/** Sheets the add-in made: they hold a contract or report table, the overview, or the metadata. */
export function isOurSheet(s: SheetLayout): boolean {
  return s.name === METADATA_SHEET || isOverview(s) || holds(s, OUR_TABLES);
}

/** Report sheets read the tables by name; `sagsliste report` and the Oversigt page rebuild them. */
export function isReportSheet(s: SheetLayout): boolean {
  return holds(s, REPORT_TABLES) || isOverview(s);
}

/** The user's own sheets: what the import reads. */
export function sourceSheetsOf(layout: WorkbookLayout): string[] {
  return layout.sheets.filter((s) => !isOurSheet(s)).map((s) => s.name);
}

export function isConverted(layout: WorkbookLayout): boolean {
  return layout.sheets.some((s) => s.tables.some((t) => t.toLowerCase() === TABLES.sager.toLowerCase()));
}

/** The mapping a user confirmed in an earlier run, when the metadata holds a valid one. */
export function savedMappingOf(metadata: Record<string, unknown> | null): Mapping | undefined {
  const m = metadata?.mapping as Mapping | undefined;
  return m && m.version === 1 && Array.isArray(m.columns) ? m : undefined;
}

/** The attendance codes a user confirmed in an earlier run (value -> status, or null: not a status). */
export function savedCodesOf(metadata: Record<string, unknown> | null): Record<string, string | null> {
  const c = metadata?.attendanceCodes;
  if (!c || typeof c !== "object" || Array.isArray(c)) return {};
  return Object.fromEntries(Object.entries(c as Record<string, unknown>).filter(([, v]) => v === null || typeof v === "string")) as Record<
    string,
    string | null
  >;
}

/** The earlier Sager's columns beyond the contract's, and date cells that hold text. */
function previousSager(t: TableRows | null) {
  if (!t) return { extras: [], texts: [] as Partial<Record<CaseKey, string>>[] };
  const known = lower([...SAGER_INPUT.map((c) => c.name), ...sagerComputedNames()]);
  const rows = t.rows.filter((r) => r.some((v) => v !== null && v !== ""));
  const extras = t.headers
    .map((header, i) => ({ header, i }))
    .filter((h) => !known.has(h.header.toLowerCase()))
    .map(({ header, i }) => ({ header, values: rows.map((r) => (r[i] ?? null) as Scalar) }));
  const dateKeys = FIELDS.filter((f) => f.type === "date");
  const texts = rows.map((r) => {
    const out: Partial<Record<CaseKey, string>> = {};
    for (const f of dateKeys) {
      const i = t.headers.findIndex((h) => headerKey(h) === headerKey(f.column));
      const v = i >= 0 ? r[i] : null;
      if (typeof v === "string" && v.trim() !== "") out[f.key] = v;
    }
    return out;
  });
  return { extras, texts };
}

/** The earlier Log's rows, kept verbatim by header: the audit trail is never rewritten. */
function previousLog(t: TableRows | null): LogEntry[] {
  if (!t) return [];
  const at = (name: string) => t.headers.findIndex((h) => headerKey(h) === headerKey(name));
  const idx = LOG_INPUT.map((c) => at(c.name));
  const text = (v: Scalar | undefined): string | null => (v === null || v === undefined || v === "" ? null : String(v));
  return t.rows
    .filter((r) => r.some((v) => v !== null && v !== ""))
    .map((r) => {
      const v = idx.map((i) => (i >= 0 ? r[i] : null));
      return {
        time: typeof v[0] === "number" ? v[0] : 0,
        action: (text(v[1]) ?? "") as LogEntry["action"],
        table: text(v[2]) ?? "",
        key: text(v[3]),
        column: text(v[4]),
        from: text(v[5]),
        to: text(v[6]),
      };
    });
}

/**
 * Convert the source grids into the plan of the structured workbook. `tables` gives the earlier
 * structured tables on a re-run (see STRUCTURED_TABLES); `grids` holds the source sheets to convert.
 */
export function planWorkbookConversion(
  layout: WorkbookLayout,
  grids: WorkbookGrids,
  tables: TableSource | null,
  options: WorkbookConversionOptions
): WorkbookConversion {
  const sourceSheets = sourceSheetsOf(layout);
  const rerun = isConverted(layout) && tables !== null;
  const previous = rerun ? structuredFromTables(tables).data : null;
  const earlier = rerun ? previousSager(tables.table(TABLES.sager)) : { extras: [], texts: [] };
  const { conversionDate, referenceDate, time, presets, ignoreSavedMapping, keepReportSheets, ...convertOptions } = options;

  const existing: Case[] = previous?.cases ?? [];
  const merge = rerun ? rerunMerge(layout.metadata, earlier.texts) : null;
  // Codes confirmed in an earlier run hold unless confirmed anew.
  const attendanceCodes = ignoreSavedMapping ? convertOptions.attendanceCodes : { ...savedCodesOf(layout.metadata), ...convertOptions.attendanceCodes };
  const result = convert(grids, {
    ...convertOptions,
    caseMerger: merge?.merger,
    attendanceCodes,
    existingCases: existing,
    saved: ignoreSavedMapping ? undefined : savedMappingOf(layout.metadata),
    units: previous?.units.map((u) => u.enhed),
  });
  // Text an earlier run kept in a date cell stays where it was (the case's value there is empty).
  earlier.texts.forEach((t, i) => {
    for (const [key, text] of Object.entries(t) as [CaseKey, string][]) {
      if (i >= existing.length || result.cases[i][key] !== null || result.unparsed[i]?.[key] !== undefined) continue;
      result.unparsed[i] = { ...(result.unparsed[i] ?? {}), [key]: text };
    }
  });

  const attendanceBefore = previous?.attendance.length ?? 0;
  const held = new Set((previous?.attendance ?? []).map((a) => `${a.sagsId}\u0000${a.dato}`));
  const attendanceAdded = result.attendance.filter((a) => !held.has(`${a.sagsId}\u0000${a.dato}`)).length;
  const log = [
    ...(rerun ? previousLog(tables.table(TABLES.log)) : []),
    ...(merge ? merge.logEntries(result, time ?? conversionDate) : []),
    ...importLogEntries(time ?? conversionDate, [
      {
        table: TABLES.sager,
        before: existing.length,
        after: result.cases.length,
        added: result.stats.added,
        updated: merge ? merge.changedCases() : result.stats.updated,
      },
      ...(result.stats.attendanceRows > 0
        ? [{ table: TABLES.fremmoede, before: attendanceBefore, after: attendanceBefore + attendanceAdded, added: attendanceAdded, updated: 0 }]
        : []),
    ]),
  ];
  const output = buildConvertedWorkbook(result, {
    log,
    conversionDate,
    referenceDate,
    presets,
    previous,
    previousExtras: earlier.extras,
    sourceSheets,
    convertedSheets: grids.sheets.map((s) => s.name),
    mapping: result.mapping,
    metadata: { [IMPORTED_KEY]: merge ? merge.state(result) : importedState(result) },
    attendanceCodes,
  });

  // The Log is rebuilt with its earlier rows first, so one plan serves every engine.
  const plan: Plan = output.plan;
  const ours = layout.sheets.filter(isOurSheet);
  const keepReports = keepReportSheets !== false;
  const removedReports = keepReports ? [] : ours.filter(isReportSheet).map((s) => s.name);
  const removeSheets = ours.filter((s) => !keepReports || !isReportSheet(s)).map((s) => s.name);
  const merged = merge ? { changedCases: merge.changedCases(), conflicts: merge.conflicts() } : undefined;
  return { result, output, rerun, sourceSheets, removeSheets, removedReports, plan, merged };
}
