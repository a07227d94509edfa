// Convert an ExcelJS workbook in place: read the source sheets' grids, convert them (reusing the
// mapping stored by an earlier run and the cases already in Sager), and add the structured sheets.
// The source sheets are never written; the structured sheets of an earlier run are rebuilt from
// their own tables plus what the source brings, so a re-run updates and never duplicates.
// Shared by the command line and the browser preview.
import type ExcelJS from "exceljs";
import type { Case } from "../../domain/model";
import { convert, type ConvertOptions, type ConvertResult } from "../../import/convert";
import { FIELDS, type CaseKey } from "../../import/fields";
import type { Mapping } from "../../import/mapping";
import { buildConvertedWorkbook, type ConvertedWorkbook } from "../../import/structured-output";
import { SAGER_COMPUTED, SAGER_INPUT, SHEETS, TABLES } from "../../workbook/contract";
import { METADATA_SHEET, parseMetadata } from "../../workbook/metadata";
import type { Plan, Scalar } from "../../workbook/plan";
import { KALENDER_TABLE } from "../../workbook/report/noegletal";
import { JOBCENTER_TABLE } from "../../workbook/report/pladsregulering";
import { applyPlan } from "./apply-plan";
import { plainValue } from "./cell-values";
import { readGrids } from "./read-grids";
import { findTable, listTables } from "./read-tables";
import { structuredFromWorkbook } from "./structured-from-workbook";

export interface ConvertWorkbookOptions extends Omit<ConvertOptions, "existingCases" | "saved" | "units"> {
  /** Serial day of the conversion (default: today). */
  conversionDate: number;
  presets?: readonly string[];
  /** Ignore a mapping stored by an earlier run. */
  ignoreSavedMapping?: boolean;
}

export interface ConvertWorkbookOutcome {
  result: ConvertResult;
  output: ConvertedWorkbook;
  /** True when the workbook was already structured and has been updated. */
  rerun: boolean;
  sourceSheets: string[];
}

const OUR_TABLES = new Set<string>([...Object.values(TABLES), JOBCENTER_TABLE, KALENDER_TABLE].map((t) => t.toLowerCase()));
/** Tables that hold history: kept as they are on a re-run, never rebuilt. */
const KEPT_TABLES = new Set<string>([TABLES.log.toLowerCase()]);

function sheetTables(ws: ExcelJS.Worksheet): string[] {
  return ws.getTables().map((t) => ((t as unknown as { table: { name?: string } }).table.name ?? "").toLowerCase());
}

/** Sheets the add-in made: they hold a contract or report table, the overview, or the metadata. */
function isOurs(ws: ExcelJS.Worksheet): boolean {
  if (ws.name === METADATA_SHEET) return true;
  if (ws.name === SHEETS.kvartalsoversigt && sheetTables(ws).length === 0) return true;
  return sheetTables(ws).some((t) => OUR_TABLES.has(t));
}

export function readMetadata(wb: ExcelJS.Workbook): Record<string, unknown> | null {
  const ws = wb.getWorksheet(METADATA_SHEET);
  if (!ws) return null;
  const column: Scalar[] = [];
  for (let r = 1; r <= ws.rowCount; r++) column.push(plainValue(ws.getCell(r, 1).value));
  return parseMetadata(column);
}

function savedMapping(meta: Record<string, unknown> | null): Mapping | undefined {
  const m = meta?.mapping as Mapping | undefined;
  return m && m.version === 1 && Array.isArray(m.columns) ? m : undefined;
}

/** The earlier Sager's columns beyond the contract's, and date cells that hold text. */
function previousSager(wb: ExcelJS.Workbook) {
  const t = findTable(wb, TABLES.sager);
  if (!t) return { extras: [], texts: [] as Partial<Record<CaseKey, string>>[] };
  const known = new Set([...SAGER_INPUT.map((c) => c.name), ...SAGER_COMPUTED].map((h) => h.toLowerCase()));
  const rows = t.rows.filter((r) => r.some((v) => v !== null && v !== ""));
  const extras = t.headers
    .map((header, i) => ({ header, i }))
    .filter((h) => !known.has(h.header.toLowerCase()))
    .map(({ header, i }) => ({ header, values: rows.map((r) => (r[i] ?? null) as Scalar) }));
  const dateKeys = FIELDS.filter((f) => f.type === "date");
  const texts = rows.map((r) => {
    const out: Partial<Record<CaseKey, string>> = {};
    for (const f of dateKeys) {
      const i = t.headers.findIndex((h) => h.toLowerCase() === f.column.toLowerCase());
      const v = i >= 0 ? r[i] : null;
      if (typeof v === "string" && v.trim() !== "") out[f.key] = v;
    }
    return out;
  });
  return { extras, texts };
}

export function convertWorkbook(wb: ExcelJS.Workbook, options: ConvertWorkbookOptions): ConvertWorkbookOutcome {
  const ours = wb.worksheets.filter(isOurs);
  const sourceSheets = wb.worksheets.filter((ws) => !ours.includes(ws)).map((ws) => ws.name);
  const rerun = findTable(wb, TABLES.sager) !== null;
  const meta = readMetadata(wb);
  const previous = rerun ? structuredFromWorkbook(wb).data : null;
  const earlier = rerun ? previousSager(wb) : { extras: [], texts: [] };

  const grids = readGrids(wb, { sheets: options.sheets ? [...options.sheets] : sourceSheets });
  const existing: Case[] = previous?.cases ?? [];
  const result = convert(grids, {
    ...options,
    existingCases: existing,
    saved: options.ignoreSavedMapping ? undefined : savedMapping(meta),
    units: previous?.units.map((u) => u.enhed),
  });
  // Text an earlier run kept in a date cell stays where it was (the case's value there is empty).
  earlier.texts.forEach((t, i) => {
    for (const [key, text] of Object.entries(t) as [CaseKey, string][]) {
      if (i >= existing.length || result.cases[i][key] !== null) continue;
      result.unparsed[i] = { ...(result.unparsed[i] ?? {}), [key]: text };
    }
  });

  const output = buildConvertedWorkbook(result, {
    conversionDate: options.conversionDate,
    presets: options.presets,
    previous,
    previousExtras: earlier.extras.map((e) => ({ header: e.header, values: e.values })),
    sourceSheets,
    convertedSheets: grids.sheets.map((s) => s.name),
    mapping: result.mapping,
  });

  const kept = new Set(listTables(wb).map((t) => t.name.toLowerCase()).filter((t) => KEPT_TABLES.has(t)));
  const plan: Plan = {
    ...output.plan,
    sheets: output.plan.sheets.filter((s) => !s.tables.some((t) => kept.has(t.name.toLowerCase()))),
  };
  for (const ws of ours) {
    if (!sheetTables(ws).some((t) => kept.has(t)) && !isReportSheet(ws)) wb.removeWorksheet(ws.id);
  }
  // Sheet names were chosen against the source sheets only; our earlier sheets are gone now.
  applyPlan(wb, plan);
  return { result, output, rerun, sourceSheets };
}

/** Report sheets read the tables by name and stay; `sagsliste report` rebuilds them. */
function isReportSheet(ws: ExcelJS.Worksheet): boolean {
  const tables = sheetTables(ws);
  const report = [TABLES.noegletal, TABLES.pladsregulering, JOBCENTER_TABLE, KALENDER_TABLE].map((t) => t.toLowerCase());
  return tables.some((t) => report.includes(t)) || (ws.name === SHEETS.kvartalsoversigt && tables.length === 0);
}

