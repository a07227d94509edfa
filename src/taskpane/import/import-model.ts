// The Import page's logic as plain functions: the regions to offer, the mapping rows with their
// choices, the preview, the findings to list and the result summary. The page only renders these.
import type { AttendanceCodeMapping, AttendanceCodeOverrides } from "../../import/attendance-codes";
import { defaultAttendanceStatuses } from "../../domain/setup-defaults";
import { danishDate } from "../../domain/dates";
import type { Analysis } from "../../import/convert";
import { FIELDS } from "../../import/fields";
import { attendanceSourceLine, periodLine } from "../../import/conversion-summary";
import type { Mapping, MappingOverrides } from "../../import/mapping";
import { fillKey } from "../../import/fill-meaning";
import type { WorkbookConversion } from "../../import/workbook-conversion";
import type { ProblemRow } from "../../workbook/problems-plan";
import type { Scalar } from "../../workbook/plan";
import { messages } from "../messages";

const m = messages.importPage;

/** The Dropdown value of "Behold som den er" (no Sager column is called so). */
export const KEEP_VALUE = "behold";

export interface TargetOption {
  value: string;
  label: string;
}

/** The Sager input columns, then "keep it as it is". */
export function targetOptions(): TargetOption[] {
  return [...FIELDS.map((f) => ({ value: f.column, label: f.column })), { value: KEEP_VALUE, label: m.keep }];
}

export interface MappingRow {
  /** "Ark!B": the override key of one sheet's column. */
  key: string;
  label: string;
  target: string | null;
  /** 0..100. */
  confidence: number;
  reason: string;
}

export function mappingRows(mapping: Mapping): MappingRow[] {
  return mapping.columns.map((c) => ({
    key: `${c.sheet}!${c.letter}`,
    label: c.index < 0 ? m.shapeLabel(c.header, c.sheet) : m.columnLabel(c.letter, c.header, c.sheet),
    target: c.target,
    confidence: Math.round(c.confidence * 100),
    reason: c.reason,
  }));
}

export interface FillRow {
  /** "Farve FF0000": the override key of a row colour. */
  key: string;
  label: string;
  /** "udskrevet", "venteliste", "aktiv" or FILL_NONE. */
  value: string;
  confidence: number;
  reason: string;
}

/** The Dropdown value of a colour without meaning. */
export const FILL_NONE = "ingen";

/** The row colours of the lists and what they are read as, to confirm like a column. */
export function fillRows(mapping: Mapping): FillRow[] {
  return (mapping.fills ?? []).map((f) => ({
    key: fillKey(f.color),
    label: m.fillLabel(f.color, f.rows, f.sheet),
    value: f.meaning ?? FILL_NONE,
    confidence: Math.round(f.confidence * 100),
    reason: f.reason,
  }));
}

export function fillOptions(): TargetOption[] {
  return Object.entries(m.fillMeanings).map(([value, label]) => ({ value, label }));
}

/** One distinct attendance value and what it is read as, for the page's choice (as a column's). */
export interface CodeRow {
  value: string;
  label: string;
  /** A Fremmoedestatus name, or CODE_NONE. */
  chosen: string;
  confidence: number;
  reason: string;
}

export const CODE_NONE = "\u0000ingen";

/** Each distinct attendance value with the status it is read as, the user's choice winning. */
export function codeRows(codes: readonly AttendanceCodeMapping[], chosen: AttendanceCodeOverrides | undefined): CodeRow[] {
  return codes.map((c) => {
    const own = chosen && Object.prototype.hasOwnProperty.call(chosen, c.value) ? chosen[c.value] : c.status;
    return {
      value: c.value,
      label: m.codeLabel(c.value, c.count, c.sheet),
      chosen: own ?? CODE_NONE,
      confidence: Math.round(c.confidence * 100),
      reason: c.reason,
    };
  });
}

/** The statuses a value can be read as: the default Fremmoedestatus, and "not a status". */
export function codeOptions(): TargetOption[] {
  return [...defaultAttendanceStatuses().map((s) => ({ value: s.status, label: `${s.status} (${s.kode})` })), { value: CODE_NONE, label: m.codeNone }];
}

/** The user's reading of one attendance value. */
export function chooseCode(chosen: AttendanceCodeOverrides | undefined, value: string, status: string): AttendanceCodeOverrides {
  return { ...(chosen ?? {}), [value]: status === CODE_NONE ? null : status };
}

/** The user's choice of a colour's meaning. */
export function chooseFill(overrides: MappingOverrides, key: string, value: string): MappingOverrides {
  return { ...overrides, [key]: value === FILL_NONE ? null : value };
}

/** The user's choice for one column; choosing a column another one had leaves that one to the mapper. */
export function chooseTarget(overrides: MappingOverrides, key: string, value: string): MappingOverrides {
  const target = value === KEEP_VALUE ? null : value;
  const next: MappingOverrides = {};
  for (const [k, v] of Object.entries(overrides)) if (k !== key && (target === null || v !== target)) next[k] = v;
  next[key] = target;
  return next;
}

export interface RegionChoice {
  sheet: string;
  label: string;
}

/** One entry per sheet with a case list or an attendance grid. */
export function regionChoices(analysis: Pick<Analysis, "regions">): RegionChoice[] {
  return analysis.regions.map((r) =>
    r.kind === "sager"
      ? { sheet: r.sheet, label: m.regionCases(r.sheet, r.dataRows.length, r.headerRows[r.headerRows.length - 1] + 1) }
      : r.kind === "fremmoederegister"
        ? { sheet: r.sheet, label: m.regionRegister(r.sheet, r.dataRows.length) }
        : { sheet: r.sheet, label: m.regionAttendance(r.sheet, r.dataRows.length, r.dateColumns.length) }
  );
}

/** Whether to offer merging: more than one chosen case list. */
export function offerMerge(analysis: Pick<Analysis, "regions">, chosen: readonly string[]): boolean {
  return analysis.regions.filter((r) => r.kind === "sager" && chosen.includes(r.sheet)).length > 1;
}

export interface PreviewTable {
  headers: string[];
  rows: string[][];
}

const PREVIEW_ROWS = 5;

function shown(v: Scalar): string {
  return v === null ? "" : String(v);
}

/** The columns that hold something in the first rows (an empty Sager column tells the user nothing). */
export function previewTable(preview: Analysis["preview"], dateColumns: readonly string[] = dateHeaders()): PreviewTable {
  const rows = preview.rows.slice(0, PREVIEW_ROWS);
  const keep = preview.headers.map((_, j) => rows.some((r) => r[j] !== null && r[j] !== ""));
  const format = (h: string, v: Scalar) => (typeof v === "number" && dateColumns.includes(h) ? danishDate(v) : shown(v));
  return {
    headers: preview.headers.filter((_, j) => keep[j]),
    rows: rows.map((r) => preview.headers.flatMap((h, j) => (keep[j] ? [format(h, r[j] ?? null)] : []))),
  };
}

function dateHeaders(): string[] {
  return FIELDS.filter((f) => f.type === "date").map((f) => f.column);
}

export interface FindingItem {
  id: string;
  severity: ProblemRow["severity"];
  text: string;
  /** Where a click goes: the cell in Sager when the value landed there, else the source cell. */
  sheet: string;
  cell: string;
}

const MAX_FINDINGS = 200;

/** "Sager!I12" or "'Mit ark'!B3" -> sheet and cell. */
export function splitTarget(target: string): { sheet: string; cell: string } | null {
  const at = target.lastIndexOf("!");
  if (at <= 0) return null;
  const sheet = target
    .slice(0, at)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return { sheet, cell: target.slice(at + 1) };
}

export function findingItems(problems: readonly ProblemRow[]): { items: FindingItem[]; more: number } {
  const items = problems.slice(0, MAX_FINDINGS).map((p, i) => {
    const where = (p.target && splitTarget(p.target)) || { sheet: p.sheet, cell: p.cell };
    return {
      id: `fund-${i}`,
      severity: p.severity,
      sheet: where.sheet,
      cell: where.cell,
      text: m.findingText(m.severity[p.severity], `${where.sheet}!${where.cell}`, p.message),
    };
  });
  return { items, more: Math.max(0, problems.length - MAX_FINDINGS) };
}

export interface ImportSummary {
  lines: string[];
  errors: number;
  warnings: number;
}

/** The result in plain Danish: rows in and out, findings, units whose places must be filled in. */
export function importSummary(c: Pick<WorkbookConversion, "result" | "output" | "rerun" | "removedReports" | "merged">): ImportSummary {
  const s = c.result.stats;
  const lines = [m.rowsInOut(s.rowsIn, s.sheets, c.result.cases.length)];
  if (c.rerun) lines.push(m.rerunCounts(s.added, c.merged?.changedCases ?? s.updated));
  if (c.merged?.conflicts) lines.push(m.rerunConflicts(c.merged.conflicts, c.output.sheetNames.Problemer ?? "Problemer"));
  if (s.attendanceRows > 0) lines.push(m.attendance(s.attendanceRows), ...attendanceSourceLine(c.result.attendanceSources ?? []));
  lines.push(s.errors + s.warnings > 0 ? m.problems(s.errors, s.warnings, c.output.sheetNames.Problemer ?? "Problemer") : m.noProblems);
  lines.push(periodLine(c.output.period));
  const units = c.output.data.units.filter((u) => u.fuldtidspladser === null && u.deltidspladser === null).map((u) => u.enhed);
  if (units.length > 0) lines.push(m.unitsToFill(units.join(", ")));
  if (c.removedReports.length > 0) lines.push(m.reportsRemoved(c.removedReports.join(", ")));
  return { lines, errors: s.errors, warnings: s.warnings };
}
