// The status-measurement form's logic, apart from React: the measurements and goals of a case, the
// previous score and change per dimension, the live GAS T-score, validation with the shared schemas, and
// the rows a save writes (one per dimension to Statusmaalinger, the goal scores to Maal).
import { danishDate } from "../../domain/dates";
import { gasTScore } from "../../domain/gas";
import { parseLevels, sameText } from "../../domain/instruments";
import type { Goal, InstrumentDimension, StatusMeasurement } from "../../domain/model";
import { GoalSchema, statusMeasurementSchema } from "../../domain/schemas";
import { TABLES } from "../../workbook/contract";
import { messages } from "../messages";
import type { PortCell, TableChange, TableContents } from "../../ports/workbook-port";
import { hasErrors, issuesByField, parseDateField, parseNumberField, textOrNull, type FieldErrors } from "./field-values";
import { goalRecord, measurementRecord } from "./rows";
import { num, serialDate, tableRows, text } from "./table-rows";

export interface MeasurementRow extends StatusMeasurement {
  index: number;
}

export interface GoalRow extends Goal {
  index: number;
}

export function measurementsFrom(t: TableContents | null): MeasurementRow[] {
  const out: MeasurementRow[] = [];
  for (const r of tableRows(t)) {
    const sagsId = text(r.get("Sags-ID"));
    const dato = serialDate(r.get("Dato"));
    if (!sagsId || dato === null) continue;
    out.push({
      index: r.index,
      sagsId,
      dato,
      instrument: text(r.get("Instrument")) ?? "",
      dimension: text(r.get("Dimension")) ?? "",
      score: num(r.get("Score")),
      bemaerkning: text(r.get("Bemærkning")),
      registreretAf: text(r.get("Registreret af")),
    });
  }
  return out;
}

export function goalsFrom(t: TableContents | null): GoalRow[] {
  const out: GoalRow[] = [];
  for (const r of tableRows(t)) {
    const sagsId = text(r.get("Sags-ID"));
    if (!sagsId) continue;
    out.push({
      index: r.index,
      sagsId,
      maal: text(r.get("Mål")) ?? "",
      vaegt: num(r.get("Vægt")),
      gasScore: num(r.get("GAS-score")),
      dato: serialDate(r.get("Dato")),
    });
  }
  return out;
}

/** The instrument names of the setup, in table order. */
export function instrumentNames(dims: readonly InstrumentDimension[]): string[] {
  const out: string[] = [];
  for (const d of dims) if (!out.some((n) => sameText(n, d.instrument))) out.push(d.instrument);
  return out;
}

export function dimensionsOf(dims: readonly InstrumentDimension[], instrument: string): InstrumentDimension[] {
  return dims.filter((d) => sameText(d.instrument, instrument));
}

/** The scale text shown beside a dimension: its range and level labels. */
export function scaleText(d: InstrumentDimension): string {
  const levels = parseLevels(d.niveauer)
    .map((l) => `${l.score} ${l.label}`)
    .join(", ");
  return messages.statusForm.scaleHint(d.min, d.max, levels);
}

/** The instrument a case was last measured with, or the setup's first. */
export function defaultInstrument(measurements: readonly StatusMeasurement[], sagsId: string, names: readonly string[]): string {
  const own = measurements.filter((m) => sameText(m.sagsId, sagsId)).sort((a, b) => b.dato - a.dato);
  const last = own.find((m) => names.some((n) => sameText(n, m.instrument)));
  return last ? names.find((n) => sameText(n, last.instrument))! : (names[0] ?? "");
}

/** Dates on which the case was measured with the instrument, latest first (the edit picker). */
export function measurementDates(measurements: readonly StatusMeasurement[], sagsId: string, instrument: string): number[] {
  const dates = new Set<number>();
  for (const m of measurements) if (sameText(m.sagsId, sagsId) && sameText(m.instrument, instrument)) dates.add(m.dato);
  return [...dates].sort((a, b) => b - a);
}

/** The latest numeric score on the dimension before the date ("ikke relevant" is no score). */
export function previousScore(
  measurements: readonly StatusMeasurement[],
  sagsId: string,
  dim: InstrumentDimension,
  before: number
): { score: number; dato: number } | null {
  let best: { score: number; dato: number } | null = null;
  for (const m of measurements) {
    if (!sameText(m.sagsId, sagsId) || !sameText(m.instrument, dim.instrument) || !sameText(m.dimension, dim.dimension)) continue;
    if (m.dato >= before || m.score === null || m.score === dim.ikkeRelevant) continue;
    if (!best || m.dato > best.dato) best = { score: m.score, dato: m.dato };
  }
  return best;
}

/** "+2", "-1", "0": a change as shown beside a dimension. */
export function signed(n: number): string {
  const r = Math.round(n * 100) / 100;
  return r > 0 ? `+${r}` : String(r).replace(".", ",");
}

export interface GoalDraft {
  /** Row in Maal, or null for a goal added in this form. */
  index: number | null;
  maal: string;
  vaegt: string;
  /** "" (not scored) or "-2" .. "2". */
  score: string;
}

export interface StatusDraft {
  sagsId: string;
  dato: string;
  instrument: string;
  /** The measured date being corrected, or null for a new measurement. */
  editingDate: number | null;
  scores: Record<string, string>;
  notRelevant: Record<string, boolean>;
  bemaerkning: string;
  registreretAf: string;
  goals: GoalDraft[];
}

export const scoreField = (dimension: string): string => `score:${dimension}`;
export const goalField = (i: number, part: "maal" | "vaegt" | "score"): string => `goal:${i}:${part}`;

export type StatusErrors = FieldErrors<string>;

/** The draft's goals as the case has them in Maal. */
export function goalDrafts(goals: readonly GoalRow[], sagsId: string): GoalDraft[] {
  return goals
    .filter((g) => sameText(g.sagsId, sagsId))
    .map((g) => ({ index: g.index, maal: g.maal, vaegt: g.vaegt === null ? "" : String(g.vaegt), score: g.gasScore === null ? "" : String(g.gasScore) }));
}

/** The scores of an earlier measurement, for correcting it. */
export function scoresOn(measurements: readonly StatusMeasurement[], sagsId: string, dims: readonly InstrumentDimension[], dato: number) {
  const scores: Record<string, string> = {};
  const notRelevant: Record<string, boolean> = {};
  let bemaerkning = "";
  let registreretAf = "";
  for (const d of dims) {
    const m = measurements.find(
      (x) => sameText(x.sagsId, sagsId) && x.dato === dato && sameText(x.instrument, d.instrument) && sameText(x.dimension, d.dimension)
    );
    if (!m) continue;
    if (m.score !== null && m.score === d.ikkeRelevant) notRelevant[d.dimension] = true;
    else scores[d.dimension] = m.score === null ? "" : String(m.score);
    bemaerkning ||= m.bemaerkning ?? "";
    registreretAf ||= m.registreretAf ?? "";
  }
  return { scores, notRelevant, bemaerkning, registreretAf };
}

/** The live T-score of the draft's goals (unparseable entries count as not scored). */
export function draftTScore(goals: readonly GoalDraft[]): number | null {
  return gasTScore(
    goals.map((g) => {
      const w = parseNumberField(g.vaegt);
      const s = parseNumberField(g.score);
      return { weight: w.ok ? w.value : null, score: s.ok ? s.value : null };
    })
  );
}

export interface StatusContext {
  dimensions: readonly InstrumentDimension[];
  measurements: readonly MeasurementRow[];
  goals: readonly GoalRow[];
}

export interface StatusSave {
  measurements: { row: StatusMeasurement; index: number | null; previous?: StatusMeasurement }[];
  goals: { goal: Goal; index: number | null; previous?: Goal }[];
  dato: number;
}

export type StatusResult = { ok: true; save: StatusSave } | { ok: false; errors: StatusErrors };

export function validateStatusDraft(d: StatusDraft, ctx: StatusContext): StatusResult {
  const errors: StatusErrors = {};
  if (d.sagsId.trim() === "") errors.sagsId = messages.statusForm.chooseCase;
  const date = parseDateField(d.dato);
  if (!date.ok || date.value === null) errors.dato = messages.forms.invalidDate;
  const dato = date.ok ? (date.value ?? 0) : 0;
  const base = { sagsId: d.sagsId.trim(), dato, instrument: d.instrument, bemaerkning: textOrNull(d.bemaerkning), registreretAf: textOrNull(d.registreretAf) };

  // An earlier measurement of the same case, instrument and day is corrected, never duplicated.
  const existingDate = d.editingDate ?? dato;
  const existing = ctx.measurements.filter((m) => sameText(m.sagsId, base.sagsId) && m.dato === existingDate && sameText(m.instrument, d.instrument));
  const measurements: StatusSave["measurements"] = [];
  let filled = 0;
  for (const dim of ctx.dimensions) {
    const field = scoreField(dim.dimension);
    const notRelevant = d.notRelevant[dim.dimension] === true && dim.ikkeRelevant !== null;
    const parsed = notRelevant ? { ok: true as const, value: dim.ikkeRelevant } : parseNumberField(d.scores[dim.dimension] ?? "");
    if (!parsed.ok) {
      errors[field] = messages.statusForm.invalidScore(dim.min, dim.max);
      continue;
    }
    if (!notRelevant && parsed.value !== null && wholeNumberScale(dim) && !Number.isInteger(parsed.value)) {
      errors[field] = messages.statusForm.wholeNumbers(dim.min, dim.max);
      continue;
    }
    const row: StatusMeasurement = {
      ...base,
      dimension: dim.dimension,
      score: parsed.value,
      bemaerkning: notRelevant ? (base.bemaerkning ?? messages.statusForm.ikkeRelevant) : base.bemaerkning,
    };
    const check = statusMeasurementSchema(dim).safeParse(row);
    if (!check.success) {
      const byField = issuesByField(check.error.issues, (p) => (p === "score" ? field : p));
      Object.assign(errors, Object.fromEntries(Object.entries(byField).filter(([k]) => errors[k] === undefined)));
      continue;
    }
    const before = existing.find((m) => sameText(m.dimension, dim.dimension));
    if (row.score === null && !before) continue;
    if (row.score !== null) filled++;
    measurements.push({ row, index: before?.index ?? null, previous: before });
  }

  const goals: StatusSave["goals"] = [];
  d.goals.forEach((g, i) => {
    if (g.index === null && g.maal.trim() === "" && g.score === "" && g.vaegt === "") return; // an empty new line
    const w = parseNumberField(g.vaegt);
    const s = parseNumberField(g.score);
    if (!w.ok) errors[goalField(i, "vaegt")] = messages.forms.invalidNumber;
    if (!s.ok) errors[goalField(i, "score")] = messages.forms.invalidNumber;
    if (!w.ok || !s.ok) return;
    const original = g.index === null ? undefined : ctx.goals.find((x) => x.index === g.index);
    const goal: Goal = { sagsId: base.sagsId, maal: g.maal.trim(), vaegt: w.value, gasScore: s.value, dato: original?.dato ?? null };
    const changed = !original || original.maal !== goal.maal || original.vaegt !== goal.vaegt || original.gasScore !== goal.gasScore;
    if (!changed) return;
    // The date of a goal's score is the measurement's date: when it was last scored.
    if (!original || original.gasScore !== goal.gasScore) goal.dato = dato;
    const check = GoalSchema.safeParse(goal);
    if (!check.success) {
      const byField = issuesByField(check.error.issues, (p) =>
        p === "gasScore" ? goalField(i, "score") : p === "vaegt" ? goalField(i, "vaegt") : goalField(i, "maal")
      );
      for (const [k, m] of Object.entries(byField)) errors[k] ??= m;
      return;
    }
    goals.push({ goal, index: g.index, previous: original });
  });

  // Goal scores can be saved alone; a save with neither a score nor a goal change has nothing to write.
  if (filled === 0 && goals.length === 0 && !errors.sagsId) {
    errors[scoreField(ctx.dimensions[0]?.dimension ?? "")] ??= ctx.dimensions.length > 0 ? messages.statusForm.noScores : messages.statusForm.noScoresOrGoals;
  }
  if (hasErrors(errors)) return { ok: false, errors };
  // A measurement with no score at all is not a measurement: only its goals are written.
  const kept = filled === 0 ? measurements.filter((x) => x.index !== null) : measurements;
  return { ok: true, save: { measurements: kept, goals, dato } };
}

function tableChange(
  table: string,
  items: { values: Record<string, PortCell>; index: number | null; previous?: Record<string, PortCell> }[]
): TableChange | null {
  if (items.length === 0) return null;
  const updates = items
    .filter((i) => i.index !== null)
    .map((i) => ({ index: i.index as number, values: i.values, ...(i.previous ? { previous: i.previous } : {}) }));
  const appends = items.filter((i) => i.index === null).map((i) => i.values);
  return { table, ...(updates.length ? { updates } : {}), ...(appends.length ? { appends } : {}) };
}

export function statusChanges(save: StatusSave): TableChange[] {
  return [
    tableChange(
      TABLES.statusmaalinger,
      save.measurements.map((m) => ({ values: measurementRecord(m.row), index: m.index, previous: m.previous && measurementRecord(m.previous) }))
    ),
    tableChange(
      TABLES.maal,
      save.goals.map((g) => ({ values: goalRecord(g.goal), index: g.index, previous: g.previous && goalRecord(g.previous) }))
    ),
  ].filter((c): c is TableChange => c !== null);
}

export function statusSavedText(save: StatusSave, name: string): string {
  const m = messages.statusForm;
  const scored = save.measurements.length;
  return [scored > 0 ? m.saved(scored, name, danishDate(save.dato)) : "", save.goals.length > 0 ? m.goalsSaved(save.goals.length) : ""]
    .filter(Boolean)
    .join(" ");
}

/** A scale of whole numbers: whole bounds and whole level scores ("5,5" on 1–10 is a typing slip, not a score). */
export function wholeNumberScale(d: InstrumentDimension): boolean {
  return Number.isInteger(d.min) && Number.isInteger(d.max) && parseLevels(d.niveauer).every((l) => Number.isInteger(l.score));
}

/** The dimensions the draft leaves without a score (neither a number nor "ikke relevant"). */
export function emptyDimensions(d: StatusDraft, dims: readonly InstrumentDimension[]): string[] {
  return dims
    .filter((x) => (d.scores[x.dimension] ?? "").trim() === "" && !(d.notRelevant[x.dimension] === true && x.ikkeRelevant !== null))
    .map((x) => x.dimension);
}

/** Whether the draft holds anything typed that a switch of citizen or instrument would discard. */
export function draftHasInput(d: StatusDraft, goals: readonly GoalRow[]): boolean {
  if (Object.values(d.scores).some((v) => v.trim() !== "") || Object.values(d.notRelevant).some(Boolean) || d.bemaerkning.trim() !== "") return true;
  const loaded = d.sagsId ? goalDrafts(goals, d.sagsId) : [];
  return JSON.stringify(d.goals) !== JSON.stringify(loaded);
}
