// From a conversion result to the Plan of the structured workbook: Sager with the source's
// unparsed text kept in place and its unmapped columns to the right, the setup sheet, the other
// tables (kept from an earlier conversion), Problemer with each finding pointing at its cell in
// Sager, and the metadata that lets a re-run reuse the confirmed mapping. Pure: no file, no Excel.
import { sortedByCase } from "../domain/case-blocks";
import { holidayYearSpan, missingHolidays } from "../domain/holidays";
import { INSTRUMENT_PRESETS, allPresetDimensions } from "../domain/instruments";
import type { Attendance, Case, Params, StructuredData, Unit, Visitation } from "../domain/model";
import { defaultAttendanceStatuses, defaultParams, paramsFromData, type PeriodSource } from "../domain/setup-defaults";
import { SAGER_INPUT, SHEETS, TABLES } from "../workbook/contract";
import type { LogEntry } from "../workbook/audit-log";
import { metadataSheet } from "../workbook/metadata";
import { address, columnLetters, parseAddress, type ConditionalFormatPlan, type Plan, type Scalar, type TablePlan } from "../workbook/plan";
import { flaggedCellsFormat, problemCellsName, problemsSheet, repeatedCellsFormats, type ProblemRow } from "../workbook/problems-plan";
import { reportHelperColumns } from "../workbook/report/noegletal";
import { avoidSheetClashes } from "../workbook/sheet-names";
import { buildStructuredPlan, SCHEMA_VERSION } from "../workbook/structured-plan";
import { forgetCachedResults } from "../workbook/cached-results";
import type { ConvertResult } from "./convert";
import { FIELDS, FIELD_INDEX, type CaseKey } from "./fields";
import type { Finding } from "./findings";
import type { Mapping } from "./mapping";
import { sameUnit } from "../domain/text";

export interface OutputOptions {
  /** The conversion date (serial day). */
  conversionDate: number;
  /** Opgørelsesdato the user chose (its year the period); else the period is read off the data. */
  referenceDate?: number;
  /** Instrument presets for Instrumenter on a first conversion (default: all of them). */
  presets?: readonly string[];
  /** The structured data of an earlier conversion: its other tables and setup are kept. */
  previous?: StructuredData | null;
  /** The earlier Sager's extra columns (header and one value per earlier case). */
  previousExtras?: { header: string; values: Scalar[] }[];
  /** Every sheet name of the workbook that is not ours (the structured sheets must not clash). */
  sourceSheets: readonly string[];
  /** The source sheets this conversion read, for the metadata. */
  convertedSheets: readonly string[];
  mapping: Mapping;
  /** Attendance codes the user confirmed, kept for the next run like the mapping. */
  attendanceCodes?: Readonly<Record<string, string | null>>;
  /** The Log rows to keep (an earlier run's) and this import's entries. */
  log?: LogEntry[];
  /** More for the metadata (the imported cases' identities, see rerun-merge.ts). */
  metadata?: Record<string, unknown>;
}

export interface ConvertedWorkbook {
  plan: Plan;
  data: StructuredData;
  problems: ProblemRow[];
  /** The period the workbook got and where it came from ("tidligere": kept from an earlier run). */
  period: { start: number; end: number; reference: number; source: PeriodSource | "valgt" | "tidligere" };
  /** Names of the structured sheets as placed (they may differ where the source had the name). */
  sheetNames: Record<string, string>;
}

/** Unknown preset names are a usage error the caller reports. */
export function presetDimensions(presets: readonly string[] | undefined) {
  if (!presets) return allPresetDimensions();
  return presets.flatMap((p) => {
    const found = Object.entries(INSTRUMENT_PRESETS).find(([name]) => name.toLowerCase() === p.toLowerCase());
    if (!found) throw new Error(`Ukendt instrument: ${p}. Vælg blandt ${Object.keys(INSTRUMENT_PRESETS).join(", ")}.`);
    return found[1];
  });
}

/** From the earliest date of the data (or the conversion) to the year after the latest. */
function yearSpan(cases: readonly Case[], attendance: readonly Attendance[], conversionDate: number): [number, number] {
  function* dates() {
    yield conversionDate;
    for (const c of cases) {
      yield c.visitationsdato;
      yield c.indskrevet;
      yield c.udskrevet;
    }
    for (const a of attendance) yield a.dato;
  }
  return holidayYearSpan(dates())!;
}

/** Earlier units first (with the places the user filled in), then the units this import found. */
function mergeUnits(previous: readonly Unit[], found: readonly Unit[]): Unit[] {
  return [...previous, ...found.filter((u) => !previous.some((p) => sameUnit(p.enhed, u.enhed)))];
}

/** Earlier visitations are kept; a waiting-list case without one gets its own, with the next free id. */
function mergeVisitations(previous: readonly Visitation[], found: readonly Visitation[]): Visitation[] {
  const linked = new Set(previous.map((v) => v.sagsId?.toLowerCase()));
  const taken = new Set(previous.map((v) => v.visitationsId.toLowerCase()));
  const out = [...previous];
  let n = 0;
  for (const v of found) {
    if (linked.has(v.sagsId?.toLowerCase())) continue;
    let id: string;
    do id = `V-${String(++n).padStart(4, "0")}`;
    while (taken.has(id.toLowerCase()));
    taken.add(id.toLowerCase());
    out.push({ ...v, visitationsId: id });
  }
  return out;
}

/** Earlier registrations are kept; the import adds the case-days it does not already hold. */
function mergeAttendance(previous: readonly Attendance[], found: readonly Attendance[]): Attendance[] {
  const key = (a: Attendance) => `${a.sagsId}\u0000${a.dato}`;
  const seen = new Set(previous.map(key));
  return [...previous, ...found.filter((a) => !seen.has(key(a)))];
}

const SAGER_COLUMN_OF: Readonly<Record<CaseKey, number>> = FIELD_INDEX;

/** Where each finding's source cell landed in Sager, e.g. "Sager!I12"; `marks` for findings told once for many cells. */
function problemRows(result: ConvertResult, sagerSheet: string, marks: ConditionalFormatPlan[] = []): ProblemRow[] {
  const caseAt = new Map<string, number>();
  result.sourceRefs.forEach((ref, i) => {
    if (ref) caseAt.set(`${ref.sheet}\u0000${ref.row}`, i);
  });
  const fieldAt = new Map<string, CaseKey>();
  for (const [sheet, letters] of Object.entries(result.fieldLetters)) {
    for (const [key, letter] of Object.entries(letters) as [CaseKey, string][]) fieldAt.set(`${sheet}\u0000${letter}`, key);
  }
  const cellOf = (sheet: string, cell: string): string | null => {
    const { row } = parseAddress(cell);
    const letter = cell.replace(/\d+$/, "");
    const i = caseAt.get(`${sheet}\u0000${row + 1}`);
    const key = fieldAt.get(`${sheet}\u0000${letter}`);
    return i !== undefined && key !== undefined ? address(i + 1, SAGER_COLUMN_OF[key]) : null;
  };
  return result.findings.map((f: Finding) => {
    const cell = cellOf(f.sheet, f.cell);
    const target = cell === null ? null : `${sagerSheet}!${cell}`;
    if (f.cells && target !== null)
      marks.push(
        ...repeatedCellsFormats(
          sagerSheet,
          target,
          f.cells.map((c) => cellOf(f.sheet, c))
        )
      );
    const { cells: _cells, ...row } = f;
    return { ...row, target };
  });
}

/** Put the text of unparsed date cells where the typed value would have gone (nothing is lost). */
function keepUnparsedText(sager: TablePlan, result: ConvertResult): void {
  result.unparsed.forEach((u, i) => {
    if (!u) return;
    for (const [key, text] of Object.entries(u) as [CaseKey, string][]) sager.rows[i][FIELD_INDEX[key]] = text;
    // The references read the row without its text: its formulas may give otherwise, so no cached results.
    forgetCachedResults(sager, i);
  });
}

/** Extra columns of this import, then the earlier Sager's extra columns the import did not bring again. */
function extraColumns(result: ConvertResult, previousExtras: OutputOptions["previousExtras"]): { header: string; values: Scalar[]; numFmt: string | null }[] {
  const out = result.extraColumns.map((e) => ({ header: e.header, values: e.values.map((v) => v as Scalar), numFmt: e.numFmt }));
  for (const prev of previousExtras ?? []) {
    const same = out.find((e) => e.header.toLowerCase() === prev.header.toLowerCase());
    if (same) {
      prev.values.forEach((v, i) => {
        if (i < same.values.length && same.values[i] === null) same.values[i] = v;
      });
    } else {
      out.push({ header: prev.header, values: result.cases.map((_, i) => prev.values[i] ?? null), numFmt: null });
    }
  }
  return out;
}

/** An earlier run's parameters; else the date the user chose; else the period read off the data. */
function chooseParams(previous: StructuredData | null, cases: readonly Case[], attendance: readonly Attendance[], options: OutputOptions) {
  let params: Params;
  let source: ConvertedWorkbook["period"]["source"];
  if (previous) [params, source] = [previous.params, "tidligere"];
  else if (options.referenceDate !== undefined) [params, source] = [defaultParams(options.referenceDate), "valgt"];
  else {
    const { periodSource, ...p } = paramsFromData(
      cases,
      attendance.map((a) => a.dato),
      options.conversionDate
    );
    [params, source] = [p, periodSource];
  }
  return { params, period: { start: params.periodestart, end: params.periodeslut, reference: params.opgoerelsesdato, source } };
}

export function buildConvertedWorkbook(result: ConvertResult, options: OutputOptions): ConvertedWorkbook {
  const previous = options.previous ?? null;
  const attendance = mergeAttendance(previous?.attendance ?? [], result.attendance);
  const [from, to] = yearSpan(result.cases, attendance, options.conversionDate);
  const previousHolidays = previous?.holidays ?? [];
  const holidays = [...previousHolidays, ...missingHolidays(previousHolidays, from, to)];
  holidays.sort((a, b) => a.dato - b.dato);

  const { params, period } = chooseParams(previous, result.cases, attendance, options);
  // Attendance and measurements in case order, so the per-case formulas take their fast path (decision 0006).
  const data: StructuredData = sortedByCase({
    params,
    cases: result.cases,
    units: mergeUnits(previous?.units ?? [], result.units),
    attendance,
    attendanceStatuses: previous?.attendanceStatuses.length ? previous.attendanceStatuses : defaultAttendanceStatuses(),
    holidays,
    instruments: previous?.instruments.length ? previous.instruments : presetDimensions(options.presets),
    measurements: previous?.measurements ?? [],
    goals: previous?.goals ?? [],
    visitations: mergeVisitations(previous?.visitations ?? [], result.visitations),
  });

  const extras = extraColumns(result, options.previousExtras);
  const structured = buildStructuredPlan(data, {
    log: options.log,
    extraCaseColumns: extras.map((e) => ({ header: e.header, values: e.values })),
    extraComputedColumns: reportHelperColumns(),
  });
  const sager = structured.sheets.find((s) => s.name === SHEETS.sager)!.tables[0];
  keepUnparsedText(sager, result);
  // Verbatim dates in kept columns still read as dates.
  const firstExtra = sager.columns.length - extras.length;
  extras.forEach((e, k) => {
    if (e.numFmt) sager.columns[firstExtra + k].numFmt = e.numFmt;
  });

  const plan = avoidSheetClashes(
    {
      sheets: [...structured.sheets, problemsSheet([])],
      names: [...structured.names, problemCellsName()],
      metadata: structured.metadata,
    },
    options.sourceSheets
  );
  const sheetNames: Record<string, string> = {};
  [...structured.sheets.map((s) => s.name), SHEETS.problemer].forEach((name, i) => (sheetNames[name] = plan.sheets[i].name));

  const sagerSheet = plan.sheets.find((s) => s.tables.some((t) => t.name === TABLES.sager))!;
  const marks: ConditionalFormatPlan[] = [];
  const problems = problemRows(result, sagerSheet.name, marks);
  const problemsAt = plan.sheets.findIndex((s) => s.tables.some((t) => t.name === TABLES.problemer));
  plan.sheets[problemsAt] = problemsSheet(problems, plan.sheets[problemsAt].name);
  const lastRow = Math.max(1, sager.rows.length) + 1;
  sagerSheet.conditionalFormats = [
    ...(sagerSheet.conditionalFormats ?? []),
    flaggedCellsFormat(sagerSheet.name, `A2:${columnLetters(SAGER_INPUT.length - 1)}${lastRow}`),
    ...marks,
  ];
  plan.sheets.push(
    metadataSheet({
      ...plan.metadata,
      schemaVersion: SCHEMA_VERSION,
      mapping: options.mapping,
      ...(options.attendanceCodes && Object.keys(options.attendanceCodes).length ? { attendanceCodes: options.attendanceCodes } : {}),
      sourceSheets: options.convertedSheets,
      sheetNames,
      fields: FIELDS.map((f) => f.column),
      ...options.metadata,
    })
  );
  return { plan, data, problems, sheetNames, period };
}
