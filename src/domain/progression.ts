// Progression of status measurements (docs/domain.md): per case and dimension from the first to the latest
// score, normalised across instruments, and when a case's next measurement is due. The reference the
// workbook formulas of `Statusmaalinger` and `Sager` are tested against.
import { addMonths } from "./dates";
import { rowsOfCase } from "./rows-of-case";
import { dimensionKey, directionSign, findDimension, sameText } from "./instruments";
import type { Case, InstrumentDimension, StatusMeasurement, StructuredData } from "./model";

/*
 * Definitions (each one a formula can reproduce with COUNTIFS/AVERAGEIFS/MINIFS/MAXIFS):
 *
 * - A *series* is the rows of one case and one dimension: same Sags-ID and same Instrument|Dimension,
 *   compared as Excel compares text (ignoring case).
 * - A row is *valid* when it has a Sags-ID, a numeric date and a numeric score, its dimension is in
 *   `Instrumenter` with a numeric scale Min < Max, Min <= score <= Max, and the score is not the
 *   dimension's "ikke relevant" value. Invalid rows (empty, ikke relevant, out of scale, unknown
 *   dimension) are ignored everywhere: they are never a first or latest score and never "measured".
 * - The *first* (latest) date of a series is the smallest (largest) date of its valid rows. The first
 *   (latest) score is the mean of the valid scores on that date, so that several rows on one date
 *   (a double registration) count once, whatever their order: AVERAGEIFS reproduces it.
 * - Per row: Ændring = score - first score; Normaliseret ændring = Ændring / (Max - Min), negated when
 *   lower is better (+1 is the best possible improvement); Seneste = "Ja" on rows of the latest date.
 * - A dimension *has progression* when its first date is before its latest date (two or more distinct
 *   dates). Its progression = (latest score - first score) / (Max - Min), negated when lower is better.
 * - A case's Progression = the mean over its dimensions with progression; Forbedrede dimensioner = how
 *   many of those are > 0. Both are empty when no dimension has progression.
 * - In the workbook, each of the k valid rows on a dimension's latest date carries the weight 1/k
 *   (Dimensionsvægt) and weight x progression (Progressionsbidrag), so that sums over a case's rows
 *   count each dimension once: mean = sum(bidrag) / sum(vægt).
 */

export const JA = "Ja";
export const NEJ = "Nej";
export type JaNej = typeof JA | typeof NEJ;

/** Whether a measurement counts, given its dimension (as found in `Instrumenter`). */
export function isValidMeasurement(m: StatusMeasurement, dim: InstrumentDimension | null): boolean {
  if (!dim || m.sagsId === "" || m.sagsId === null) return false;
  if (!isNum(m.dato) || !isNum(m.score) || !isNum(dim.min) || !isNum(dim.max)) return false;
  if (!(dim.max > dim.min) || m.score < dim.min || m.score > dim.max) return false;
  return !(isNum(dim.ikkeRelevant) && m.score === dim.ikkeRelevant);
}

function isNum(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** One case's valid rows on one dimension, with the dimension they share. */
export interface Series {
  dim: InstrumentDimension;
  rows: StatusMeasurement[];
}

/** The valid rows of the series a row belongs to; null when the row's dimension is unknown. */
export function seriesOf(m: StatusMeasurement, data: Pick<StructuredData, "measurements" | "instruments">): Series | null {
  const dim = findDimension(data.instruments, m.instrument, m.dimension);
  if (!dim) return null;
  const key = dimensionKey(m.instrument, m.dimension);
  const rows = rowsOfCase(data.measurements, m.sagsId).filter((x) => sameText(dimensionKey(x.instrument, x.dimension), key) && isValidMeasurement(x, dim));
  return { dim, rows };
}

export interface SeriesSummary {
  instrument: string;
  dimension: string;
  firstDate: number;
  latestDate: number;
  firstScore: number;
  latestScore: number;
  /** Valid rows on the latest date. */
  rowsOnLatest: number;
  /** Distinct dates with a valid score. */
  dates: number;
  /** Normalised latest - first; null with only one date. */
  progression: number | null;
}

/** First and latest score of a series of valid rows (null when it has none). */
export function summarise(series: Series): SeriesSummary | null {
  const { dim, rows } = series;
  if (rows.length === 0) return null;
  const dates = rows.map((r) => r.dato);
  const firstDate = Math.min(...dates);
  const latestDate = Math.max(...dates);
  const firstScore = mean(rows.filter((r) => r.dato === firstDate).map((r) => r.score as number));
  const latestRows = rows.filter((r) => r.dato === latestDate);
  const latestScore = mean(latestRows.map((r) => r.score as number));
  const progression = firstDate < latestDate ? (directionSign(dim.retning) * (latestScore - firstScore)) / (dim.max - dim.min) : null;
  return {
    instrument: dim.instrument,
    dimension: dim.dimension,
    firstDate,
    latestDate,
    firstScore,
    latestScore,
    rowsOnLatest: latestRows.length,
    dates: new Set(dates).size,
    progression,
  };
}

/** The computed values of one `Statusmaalinger` row (null = the formula's ""). */
export interface MeasurementRowValues {
  noegle: string;
  min: number | null;
  max: number | null;
  retning: string | null;
  gyldig: 0 | 1;
  foersteDato: number | null;
  senesteDato: number | null;
  foersteScore: number | null;
  aendring: number | null;
  normaliseretAendring: number | null;
  seneste: JaNej | null;
  /** The series key "LEN(Sags-ID):Sags-ID|Nøgle" on valid rows (null = ""). */
  serie: string | null;
  dimensionsvaegt: number;
  dimensionsprogression: number | null;
  progressionsbidrag: number;
}

export function measurementRow(m: StatusMeasurement, data: Pick<StructuredData, "measurements" | "instruments">): MeasurementRowValues {
  const dim = findDimension(data.instruments, m.instrument, m.dimension);
  const series = dim && isValidMeasurement(m, dim) ? seriesOf(m, data) : null;
  return rowValues(m, dim, series && summarise(series));
}

/**
 * The computed values of every `Statusmaalinger` row at once, grouping in one pass: what a column's
 * reference needs for thousands of rows (measurementRow alone would rescan the table per row).
 */
export function measurementRows(data: Pick<StructuredData, "measurements" | "instruments">): Map<StatusMeasurement, MeasurementRowValues> {
  const dims = new Map<string, InstrumentDimension>();
  for (const d of data.instruments) {
    const k = dimensionKey(d.instrument, d.dimension).toLowerCase();
    if (!dims.has(k)) dims.set(k, d);
  }
  const dimOf = (m: StatusMeasurement) => dims.get(dimensionKey(m.instrument, m.dimension).toLowerCase()) ?? null;
  const groups = new Map<string, Series>();
  for (const m of data.measurements) {
    const dim = dimOf(m);
    if (!dim || !isValidMeasurement(m, dim)) continue;
    const k = seriesKey(m);
    const g = groups.get(k);
    if (g) g.rows.push(m);
    else groups.set(k, { dim, rows: [m] });
  }
  const summaries = new Map<string, SeriesSummary | null>();
  for (const [k, g] of groups) summaries.set(k, summarise(g));
  const out = new Map<StatusMeasurement, MeasurementRowValues>();
  for (const m of data.measurements) out.set(m, rowValues(m, dimOf(m), summaries.get(seriesKey(m)) ?? null));
  return out;
}

/** The `Serie` column's text: the Sags-ID's length, the Sags-ID and the dimension key, one-to-one. */
export function seriesText(m: StatusMeasurement): string {
  const id = m.sagsId ?? "";
  return `${id.length}:${id}|${dimensionKey(m.instrument, m.dimension)}`;
}

function seriesKey(m: StatusMeasurement): string {
  return `${(m.sagsId ?? "").toLowerCase()}\u0000${dimensionKey(m.instrument, m.dimension).toLowerCase()}`;
}

function rowValues(m: StatusMeasurement, dim: InstrumentDimension | null, s: SeriesSummary | null): MeasurementRowValues {
  const base: MeasurementRowValues = {
    noegle: dimensionKey(m.instrument, m.dimension),
    min: dim && isNum(dim.min) ? dim.min : null,
    max: dim && isNum(dim.max) ? dim.max : null,
    retning: dim && dim.retning ? dim.retning : null,
    gyldig: 0,
    foersteDato: null,
    senesteDato: null,
    foersteScore: null,
    aendring: null,
    normaliseretAendring: null,
    seneste: null,
    serie: null,
    dimensionsvaegt: 0,
    dimensionsprogression: null,
    progressionsbidrag: 0,
  };
  if (!dim || !s || !isValidMeasurement(m, dim)) return base;
  const score = m.score as number;
  const aendring = score - s.firstScore;
  const isLatest = m.dato === s.latestDate;
  const carries = isLatest && s.progression !== null;
  const vaegt = carries ? 1 / s.rowsOnLatest : 0;
  return {
    ...base,
    gyldig: 1,
    foersteDato: s.firstDate,
    senesteDato: s.latestDate,
    foersteScore: s.firstScore,
    aendring,
    normaliseretAendring: (directionSign(dim.retning) * aendring) / (dim.max - dim.min),
    seneste: isLatest ? JA : NEJ,
    serie: seriesText(m),
    dimensionsvaegt: vaegt,
    dimensionsprogression: carries ? s.progression : null,
    progressionsbidrag: carries ? vaegt * (s.progression as number) : 0,
  };
}

/** The valid measurements of a case, grouped by dimension and summarised, in order of first appearance. */
export function caseSeries(sagsId: string, data: Pick<StructuredData, "measurements" | "instruments">): SeriesSummary[] {
  const groups: { dim: InstrumentDimension; key: string; rows: StatusMeasurement[] }[] = [];
  for (const m of rowsOfCase(data.measurements, sagsId)) {
    const dim = findDimension(data.instruments, m.instrument, m.dimension);
    if (!dim || !isValidMeasurement(m, dim)) continue;
    const key = dimensionKey(m.instrument, m.dimension);
    let g = groups.find((x) => sameText(x.key, key));
    if (!g) groups.push((g = { dim, key, rows: [] }));
    g.rows.push(m);
  }
  return groups.map((g) => summarise({ dim: g.dim, rows: g.rows })).filter((s): s is SeriesSummary => s !== null);
}

function progressions(c: Case, data: StructuredData): number[] {
  if (!c.sagsId) return [];
  return caseSeries(c.sagsId, data)
    .map((s) => s.progression)
    .filter((p): p is number => p !== null);
}

/** A case's progression: the mean normalised change over its dimensions with two or more dates. */
export function caseProgression(c: Case, data: StructuredData): number | null {
  const ps = progressions(c, data);
  return ps.length === 0 ? null : mean(ps);
}

/** How many of a case's dimensions with progression improved (> 0); null when none has progression. */
export function improvedDimensions(c: Case, data: StructuredData): number | null {
  const ps = progressions(c, data);
  return ps.length === 0 ? null : ps.filter((p) => p > 0).length;
}

/** The date of a case's latest valid measurement (optionally on or before a date), or null. */
export function latestMeasurementDate(c: Case, data: StructuredData, onOrBefore?: number): number | null {
  if (!c.sagsId) return null;
  let latest: number | null = null;
  for (const m of rowsOfCase(data.measurements, c.sagsId)) {
    if (onOrBefore !== undefined && !(m.dato <= onOrBefore)) continue;
    if (!isValidMeasurement(m, findDimension(data.instruments, m.instrument, m.dimension))) continue;
    if (latest === null || m.dato > latest) latest = m.dato;
  }
  return latest;
}

/** Active on a date: enrolled on or before it, and not discharged before it (discharge day counts). */
export function isActiveOn(c: Case, date: number): boolean {
  if (!isNum(c.indskrevet) || c.indskrevet > date) return false;
  return !isNum(c.udskrevet) || c.udskrevet >= date;
}

/**
 * Whether a status measurement is due ("Ja"/"Nej"), on D = Opgoerelsesdato with the interval
 * m = Statusinterval_mdr (whole months, as EDATE truncates):
 * - empty (null) when the case has no enrolment date;
 * - "Nej" when the case is not active on D;
 * - with no valid measurement dated on or before D: "Ja" once the first month has passed,
 *   D > EDATE(Indskrevet, 1) (the first measurement is due within the first month);
 * - otherwise "Ja" when EDATE(latest such measurement, m) < D: the interval has run out.
 * Measurements after D are left out so that a reference date in the past gives the answer of that day.
 */
export function measurementDue(c: Case, data: StructuredData): JaNej | null {
  if (!isNum(c.indskrevet)) return null;
  const d = data.params.opgoerelsesdato;
  if (!isActiveOn(c, d)) return NEJ;
  const latest = latestMeasurementDate(c, data, d);
  if (latest === null) return d > addMonths(c.indskrevet, 1) ? JA : NEJ;
  return addMonths(latest, Math.trunc(data.params.statusintervalMdr)) < d ? JA : NEJ;
}
