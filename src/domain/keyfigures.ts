// The key figures (nøgletal) of a year and its quarters, per unit and "I alt": the reference the
// Noegletal sheet's formulas are tested against, and the figures of published overviews.
import { absenceFigures } from "./absence";
import { JOBCENTER_FORSOERGELSE, POSITIVE_UDSKRIVNINGER, UDSKRIVNINGSAARSAGER } from "./enums";
import { serial, yearEnd, yearStart } from "./dates";
import { holidayDates } from "./holidays";
import type { Attendance, Case, StatusMeasurement, StructuredData, Unit, Visitation } from "./model";
import { daysInPeriod, placeWeight, sameText } from "./occupancy";
import { SELVVURDERING } from "./instruments";
import { caseProgression, measurementRows, type MeasurementRowValues } from "./progression";
import { placesOf } from "./regulation";
import { textKey } from "./text";

/*
 * Definitions. A period P = [F, T] (calendar days, inclusive) is a year ("2024") or a quarter
 * ("2024-K1" .. "2024-K4"). The scope of a row is one unit of `Enheder`, or "I alt": the cases of
 * all units listed in `Enheder` (so every additive figure of I alt is the sum over the unit rows;
 * cases of an unlisted unit count nowhere). Names compare case-insensitively, as in Excel.
 * A case is *active in P* when it has at least one enrolment day in P (days_i(P) > 0, docs/domain.md).
 * Every figure has n, the number of cases behind it; a figure without a base is empty (null).
 *
 * - Normerede pladser: full-time + part-time weight x part-time places (I alt: the sum). n empty.
 * - Gennemsnitligt besatte pladser: B = sum of w_i x days_i(P) / days in P. n = cases active in P.
 * - Belægningsprocent: B / Normerede pladser, empty when there are no places. n = cases active in P.
 * - Indskrevne ultimo: cases enrolled on T (s <= T, and e empty or e >= T). n = the count.
 * - Nye indskrivninger: cases with s in P. Udskrivninger: cases with e in P. n = the count.
 * - Udskrivninger: <reason>: cases with e in P and that reason; "Uoplyst" is an empty reason, so the
 *   reasons add up to Udskrivninger. Positive udskrivninger: reason Uddannelse, Praktik or Beskæftigelse.
 * - Andel positive udskrivninger, Andel udskrivninger for udeblivelse: that count / Udskrivninger,
 *   empty without discharges. n = Udskrivninger.
 * - Fraværsprocent, Udeblivelsesprocent: over the registrations that count for the scope's cases in
 *   P (absence.ts: within the enrolment and P, on a planned working day), the absence (lawful and
 *   unlawful) resp. unlawful-absence days in the base divided by the days in the base; empty when the
 *   base is 0. n = cases active in P.
 * - Uregistrerede dage: the scope's planned days in P up to Opgørelsesdato minus its counting
 *   registrations in the same days. (Summing the
 *   cases' own max(0, planned - registered) differs only where duplicate rows over-fill a case.)
 *   n = cases active in P.
 * - Statusmålinger: `Statusmaalinger` rows (one score each) dated in P of the scope's cases.
 *   n = cases with at least one such row.
 * - Gennemsnitlig progression, Andel forbedret: over the cases active in P that have a progression
 *   (`Sager[Progression]`: first to latest measurement, progression.ts): its mean, and the share
 *   above 0 (IMPROVED_ABOVE). n = those cases. (A simplification: the progression is the case's, not limited to P.)
 * - Selvvurdering ved indskrivning, Selvvurdering seneste: the cohort of P is the scope's cases
 *   enrolled in P. Over the valid latest rows (Seneste "Ja") of the Selvvurdering instrument of the
 *   cohort's cases (each row matched to the first case of its Sags-ID), the mean of Første score resp.
 *   of Score: the share answering yes at intake and at the latest measurement (items are 0/1; a
 *   double registration on the latest day counts twice). n = the cohort's cases with such a row.
 *   Target on the latest share: at least double the intake share, and above it (from 0 % any yes
 *   is progress, while 0 % twice is not).
 * - Visitationer modtaget: visitations with Henvendelsesdato in P (scope: Ønsket enhed).
 *   Visitationer bevilget / afslag: decision "Bevilget" / "Afslag" with Beslutningsdato in P.
 *   Gennemsnitlig sagsbehandlingstid: mean of Beslutningsdato - Henvendelsesdato over visitations
 *   with a Beslutningsdato in P. n = the count resp. the visitations averaged.
 * - Andel i jobcenterforløb: active cases in P with Jobcenterforløb "Ja", or empty and an income basis
 *   of JOBCENTER_FORSOERGELSE, divided by the active cases. n = active cases. Target at most 60 %.
 * - Brugere: cases active in P. n = the count. Target: more than the same period last year, or at
 *   the cap. Loft: the unit's cap on users (20 when empty; I alt: the sum). n empty.
 *
 * Targets (Mål, Status "Opfyldt" / "Ikke opfyldt" / "For lidt data"): "For lidt data" when a value
 * compared is empty or n is below Diskretionsgraense (for Brugere and Positive udskrivninger: in both
 * years; for the no-show share: this year's discharges).
 * - Andel i jobcenterforløb <= 60 %.
 * - Brugere rising up to the cap: Værdi > Sidste år, or Værdi >= Loft.
 * - Positive udskrivninger rising year on year: Værdi > Sidste år.
 * - Andel udskrivninger for udeblivelse halved: Værdi <= Sidste år / 2.
 * - Selvvurdering seneste doubled: Værdi >= 2 x Selvvurdering ved indskrivning and Værdi > it.
 * "Sidste år" is the same figure for the same period one year earlier.
 */

export const I_ALT = "I alt";
export const UOPLYST = "Uoplyst";
export const DEFAULT_LOFT = 20;
export const JOBCENTER_MAAL = 0.6;
/**
 * "Forbedret" is a progression above this, not above 0: the mean of +x and -x can come out as 1e-17
 * in one engine and 0 in another, and noise must not count as improvement.
 */
export const IMPROVED_ABOVE = 1e-9;

export type TargetStatus = "Opfyldt" | "Ikke opfyldt" | "For lidt data";
export type FigureFormat = "integer" | "number" | "percent" | "days";
/** How a figure is suppressed in published overviews (see suppression.ts). */
export type FigureKind = "count" | "rate" | "none";

export interface Period {
  /** "2024" or "2024-K1" .. "2024-K4". */
  label: string;
  start: number;
  end: number;
}

export function periodsOfYear(year: number): Period[] {
  const quarters = [1, 2, 3, 4].map((q) => ({
    label: `${year}-K${q}`,
    start: serial(year, 3 * q - 2, 1),
    end: serial(year, 3 * q + 1, 1) - 1,
  }));
  quarters[3].end = yearEnd(year);
  return [{ label: String(year), start: yearStart(year), end: yearEnd(year) }, ...quarters];
}

/** The same period one year earlier (quarters and years only, so no day is ever clamped). */
export function previousYear(p: Period): Period {
  const shift = (s: number): number => {
    const d = new Date(Date.UTC(1899, 11, 30) + s * 86_400_000);
    return serial(d.getUTCFullYear() - 1, d.getUTCMonth() + 1, d.getUTCDate());
  };
  const label = p.label.replace(/^(\d{4})/, (y) => String(Number(y) - 1));
  return { label, start: shift(p.start), end: shift(p.end) };
}

export type Target = "jobcenter" | "brugere" | "stigende" | "halveret" | "fordoblet";

export const SELF_INTAKE = "Selvvurdering ved indskrivning";
export const SELF_LATEST = "Selvvurdering seneste";

export interface KeyFigureDef {
  name: string;
  format: FigureFormat;
  kind: FigureKind;
  /** Theme of the quarterly overview. */
  theme: "Belægning" | "Ind- og udskrivning" | "Udskrivningsårsager" | "Fremmøde" | "Progression" | "Visitation" | "Brugere og mål";
  target?: Target;
  /** For shares: the count figure of the numerator (suppressed together). */
  numeratorOf?: string;
}

export function reasonFigure(reason: string): string {
  return `Udskrivninger: ${reason}`;
}

/** Discharge reasons with a row: the default list, then those found in the data, then Uoplyst. */
export function dischargeReasons(data: StructuredData): string[] {
  const reasons: string[] = [...UDSKRIVNINGSAARSAGER];
  for (const c of data.cases) {
    const r = c.udskrivningsaarsag;
    if (r !== null && r.trim() !== "" && !reasons.some((x) => sameText(x, r))) reasons.push(r);
  }
  return [...reasons, UOPLYST];
}

export function keyFigureDefs(reasons: readonly string[]): KeyFigureDef[] {
  return [
    { name: "Normerede pladser", format: "number", kind: "none", theme: "Belægning" },
    { name: "Gennemsnitligt besatte pladser", format: "number", kind: "rate", theme: "Belægning" },
    { name: "Belægningsprocent", format: "percent", kind: "rate", theme: "Belægning" },
    { name: "Indskrevne ultimo", format: "integer", kind: "count", theme: "Ind- og udskrivning" },
    { name: "Nye indskrivninger", format: "integer", kind: "count", theme: "Ind- og udskrivning" },
    { name: "Udskrivninger", format: "integer", kind: "count", theme: "Ind- og udskrivning" },
    ...reasons.map((r): KeyFigureDef => ({ name: reasonFigure(r), format: "integer", kind: "count", theme: "Udskrivningsårsager" })),
    { name: "Positive udskrivninger", format: "integer", kind: "count", theme: "Ind- og udskrivning", target: "stigende" },
    {
      name: "Andel positive udskrivninger",
      format: "percent",
      kind: "rate",
      theme: "Ind- og udskrivning",
      numeratorOf: "Positive udskrivninger",
    },
    {
      name: "Andel udskrivninger for udeblivelse",
      format: "percent",
      kind: "rate",
      theme: "Ind- og udskrivning",
      target: "halveret",
      numeratorOf: reasonFigure("Udeblivelse"),
    },
    { name: "Fraværsprocent", format: "percent", kind: "rate", theme: "Fremmøde" },
    { name: "Udeblivelsesprocent", format: "percent", kind: "rate", theme: "Fremmøde" },
    { name: "Uregistrerede dage", format: "integer", kind: "rate", theme: "Fremmøde" },
    { name: "Statusmålinger", format: "integer", kind: "rate", theme: "Progression" },
    { name: "Andel forbedret", format: "percent", kind: "rate", theme: "Progression" },
    { name: "Gennemsnitlig progression", format: "number", kind: "rate", theme: "Progression" },
    { name: SELF_INTAKE, format: "percent", kind: "rate", theme: "Progression" },
    { name: SELF_LATEST, format: "percent", kind: "rate", theme: "Progression", target: "fordoblet" },
    { name: "Visitationer modtaget", format: "integer", kind: "count", theme: "Visitation" },
    { name: "Visitationer bevilget", format: "integer", kind: "count", theme: "Visitation" },
    { name: "Visitationer afslag", format: "integer", kind: "count", theme: "Visitation" },
    { name: "Gennemsnitlig sagsbehandlingstid", format: "days", kind: "rate", theme: "Visitation" },
    { name: "Andel i jobcenterforløb", format: "percent", kind: "rate", theme: "Brugere og mål", target: "jobcenter" },
    { name: "Brugere", format: "integer", kind: "count", theme: "Brugere og mål", target: "brugere" },
    { name: "Loft", format: "integer", kind: "none", theme: "Brugere og mål" },
  ];
}

/** The Danish wording of each target (the Mål column). */
export function targetText(t: Target | undefined): string | null {
  switch (t) {
    case "jobcenter":
      return "Højst 60 %";
    case "brugere":
      return "Stigende op til loftet";
    case "stigende":
      return "Stigende fra år til år";
    case "halveret":
      return "Halveret fra år til år";
    case "fordoblet":
      return "Mindst det dobbelte af ved indskrivning";
    default:
      return null;
  }
}

export interface FigureValue {
  value: number | null;
  n: number | null;
  /** For shares: the count in the numerator. */
  numerator?: number | null;
}

export interface KeyFigureRow {
  enhed: string;
  periode: string;
  noegletal: string;
  vaerdi: number | null;
  n: number | null;
  sidsteAar: number | null;
  maal: string | null;
  status: TargetStatus | null;
  numerator: number | null;
}

/** A case's progression (mean normalised change) or null; supplied by progression.ts. */
export type CaseProgression = (c: Case, data: StructuredData) => number | null;

export interface KeyFigureOptions {
  /** Defaults to progression.ts's caseProgression, the reference of Sager[Progression]. */
  progression?: CaseProgression;
}

/** The units with rows, in the order of `Enheder`. */
export function reportUnits(data: StructuredData): Unit[] {
  return data.units.filter((u) => u.enhed.trim() !== "");
}

/** Every key figure of every unit and I alt, for the year and its quarters. */
export function computeKeyFigures(data: StructuredData, year: number, options: KeyFigureOptions = {}): KeyFigureRow[] {
  const units = reportUnits(data);
  const defs = keyFigureDefs(dischargeReasons(data));
  const ctx = new Context(data, options);
  const rows: KeyFigureRow[] = [];
  const scopes: (Unit | null)[] = [...units, null];
  for (const unit of scopes) {
    for (const period of periodsOfYear(year)) {
      const values = ctx.figures(unit, period);
      const last = ctx.figures(unit, previousYear(period));
      for (const def of defs) {
        const v = values.get(def.name)!;
        const l = last.get(def.name)!;
        rows.push({
          enhed: unit ? unit.enhed : I_ALT,
          periode: period.label,
          noegletal: def.name,
          vaerdi: v.value,
          n: v.n,
          sidsteAar: l.value,
          maal: targetText(def.target),
          status: def.target ? targetStatus(def.target, v, l, values.get("Loft")!.value, data.params.diskretionsgraense, values.get(SELF_INTAKE)!.value) : null,
          numerator: v.numerator ?? null,
        });
      }
    }
  }
  return rows;
}

export function targetStatus(
  target: Target,
  v: FigureValue,
  last: FigureValue,
  loft: number | null,
  threshold: number,
  intake: number | null = null
): TargetStatus {
  if (v.value === null) return "For lidt data";
  switch (target) {
    case "jobcenter":
      if ((v.n ?? 0) < threshold) return "For lidt data";
      return v.value <= JOBCENTER_MAAL ? "Opfyldt" : "Ikke opfyldt";
    case "brugere":
      if (loft !== null && v.value >= loft) return "Opfyldt";
      if (last.value === null || ((v.n ?? 0) < threshold && (last.n ?? 0) < threshold)) return "For lidt data";
      return v.value > last.value ? "Opfyldt" : "Ikke opfyldt";
    case "stigende":
      if (last.value === null || ((v.n ?? 0) < threshold && (last.n ?? 0) < threshold)) return "For lidt data";
      return v.value > last.value ? "Opfyldt" : "Ikke opfyldt";
    case "halveret":
      // Last year's n is not on the row; the base of this year decides.
      if (last.value === null || (v.n ?? 0) < threshold) return "For lidt data";
      return v.value <= last.value / 2 ? "Opfyldt" : "Ikke opfyldt";
    case "fordoblet":
      if (intake === null || (v.n ?? 0) < threshold) return "For lidt data";
      return v.value >= 2 * intake && v.value > intake ? "Opfyldt" : "Ikke opfyldt";
  }
}

/** Does the case count towards "andel i jobcenterforløb"? */
export function inJobcenterCourse(c: Case): boolean {
  if (sameText(c.jobcenterforloeb, "Ja")) return true;
  if ((c.jobcenterforloeb ?? "") !== "") return false;
  return JOBCENTER_FORSOERGELSE.some((f) => sameText(f, c.forsoergelsesgrundlag));
}

class Context {
  private readonly holidays: Set<number>;
  private readonly attendanceByCase = new Map<string, Attendance[]>();
  private readonly progression = new Map<Case, number | null>();
  private readonly reasons: string[];
  /** Valid latest Selvvurdering rows with their computed values, by lower-case Sags-ID. */
  private readonly selfRows = new Map<string, { m: StatusMeasurement; v: MeasurementRowValues }[]>();
  private readonly cache = new Map<string, Map<string, FigureValue>>();
  /** The first case of each Sags-ID (as MATCH finds it), by lower-case id. */
  private readonly firstCases = new Map<string, Case>();
  /** The report's units, as the scope "I alt" compares them. */
  private readonly unitKeys: Set<string>;
  /** Cases and visitations by unit key, in the data's order: each scope takes its own without scanning all. */
  private readonly casesByUnit = new Map<string, Case[]>();
  private readonly visitationsByUnit = new Map<string, Visitation[]>();
  /** The dates of each case's status measurements, by lower-case Sags-ID. */
  private readonly measurementDates = new Map<string, number[]>();

  constructor(
    private readonly data: StructuredData,
    options: KeyFigureOptions
  ) {
    this.holidays = holidayDates(data.holidays);
    for (const c of data.cases) if (!this.firstCases.has(textKey(c.sagsId))) this.firstCases.set(textKey(c.sagsId), c);
    this.unitKeys = new Set(reportUnits(data).map((u) => textKey(u.enhed)));
    const group = <T>(map: Map<string, T[]>, key: string, item: T): void => {
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    };
    for (const c of data.cases) group(this.casesByUnit, textKey(c.enhed), c);
    for (const v of data.visitations) group(this.visitationsByUnit, textKey(v.oensketEnhed), v);
    for (const m of data.measurements) if (m.dato !== null) group(this.measurementDates, textKey(m.sagsId), m.dato);
    // Registrations by case id (ids compare case-insensitively), so each case scans only its own.
    for (const a of data.attendance) {
      const id = a.sagsId.toLowerCase();
      const list = this.attendanceByCase.get(id);
      if (list) list.push(a);
      else this.attendanceByCase.set(id, [a]);
    }
    const progression = options.progression ?? caseProgression;
    for (const c of data.cases) this.progression.set(c, progression(c, data));
    this.reasons = dischargeReasons(data);
    const computed = measurementRows(data);
    for (const m of data.measurements) {
      if (!sameText(m.instrument, SELVVURDERING)) continue;
      const v = computed.get(m);
      if (!v || v.gyldig !== 1 || v.seneste !== "Ja") continue;
      const id = m.sagsId.toLowerCase();
      const list = this.selfRows.get(id);
      if (list) list.push({ m, v });
      else this.selfRows.set(id, [{ m, v }]);
    }
  }

  /** The first case of each Sags-ID, as MATCH finds it. */
  private firstCase(sagsId: string): Case | undefined {
    return this.firstCases.get(textKey(sagsId));
  }

  /** The rows of a unit, or of every report unit ("I alt"), in the data's order. */
  private inScopeOf<T>(byUnit: Map<string, T[]>, all: readonly T[], enhed: (row: T) => string | null, unit: Unit | null): T[] {
    if (unit) return byUnit.get(textKey(unit.enhed)) ?? [];
    return all.filter((row) => this.unitKeys.has(textKey(enhed(row))));
  }

  private inScope(enhed: string | null, unit: Unit | null): boolean {
    if (unit) return sameText(enhed, unit.enhed);
    return this.unitKeys.has(textKey(enhed));
  }

  figures(unit: Unit | null, p: Period): Map<string, FigureValue> {
    const key = `${unit?.enhed ?? ""}|${p.start}|${p.end}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const m = this.compute(unit, p);
    this.cache.set(key, m);
    return m;
  }

  private compute(unit: Unit | null, p: Period): Map<string, FigureValue> {
    const { data } = this;
    const out = new Map<string, FigureValue>();
    const put = (name: string, value: number | null, n: number | null, numerator?: number | null) => out.set(name, { value, n, numerator });
    const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
    const within = (d: number | null): boolean => d !== null && d >= p.start && d <= p.end;
    const periodDays = p.end - p.start + 1;

    const units = unit ? [unit] : reportUnits(data);
    const places = units.reduce((s, u) => s + placesOf(u), 0);
    const loft = units.reduce((s, u) => s + (u.loft !== null && u.loft > 0 ? u.loft : DEFAULT_LOFT), 0);

    const cases = this.inScopeOf(this.casesByUnit, data.cases, (c) => c.enhed, unit);
    const days = (c: Case): number => daysInPeriod(c, p.start, p.end) ?? 0;
    const active = cases.filter((c) => days(c) > 0);
    const weighted = cases.reduce((s, c) => s + placeWeight(c, data.units) * days(c), 0);
    const b = weighted / periodDays;
    put("Normerede pladser", places, null);
    put("Gennemsnitligt besatte pladser", b, active.length);
    put("Belægningsprocent", places === 0 ? null : b / places, active.length);

    const count = (pred: (c: Case) => boolean): number => cases.filter(pred).length;
    const ultimo = count((c) => c.indskrevet !== null && c.indskrevet <= p.end && (c.udskrevet === null || c.udskrevet >= p.end));
    put("Indskrevne ultimo", ultimo, ultimo);
    const nye = count((c) => within(c.indskrevet));
    put("Nye indskrivninger", nye, nye);
    const discharged = cases.filter((c) => within(c.udskrevet));
    put("Udskrivninger", discharged.length, discharged.length);
    const byReason = (r: string): number =>
      discharged.filter((c) => (r === UOPLYST ? (c.udskrivningsaarsag ?? "").trim() === "" : sameText(c.udskrivningsaarsag, r))).length;
    for (const r of this.reasons) {
      const k = byReason(r);
      put(reasonFigure(r), k, k);
    }
    const positive = POSITIVE_UDSKRIVNINGER.reduce((s, r) => s + byReason(r), 0);
    put("Positive udskrivninger", positive, positive);
    put("Andel positive udskrivninger", ratio(positive, discharged.length), discharged.length, positive);
    const noShow = byReason("Udeblivelse");
    put("Andel udskrivninger for udeblivelse", ratio(noShow, discharged.length), discharged.length, noShow);

    let base = 0;
    let absent = 0;
    let unlawful = 0;
    let planned = 0;
    let registered = 0;
    // Uregistrerede dage counts only up to the reference date: days not yet come are not missing.
    const soFar = Math.min(p.end, data.params.opgoerelsesdato);
    for (const c of cases) {
      const own = this.attendanceByCase.get(c.sagsId.toLowerCase()) ?? [];
      const f = absenceFigures(c, own, data.attendanceStatuses, this.holidays, p.start, p.end);
      if (f === null) continue;
      base += f.basisDage;
      absent += f.fravaersdage;
      unlawful += f.udeblivelsesdage;
      if (soFar >= p.end) {
        planned += f.planlagteDage;
        registered += f.registreredeDage;
      } else {
        const g = absenceFigures(c, own, data.attendanceStatuses, this.holidays, p.start, soFar);
        planned += g?.planlagteDage ?? 0;
        registered += g?.registreredeDage ?? 0;
      }
    }
    put("Fraværsprocent", ratio(absent, base), active.length);
    put("Udeblivelsesprocent", ratio(unlawful, base), active.length);
    put("Uregistrerede dage", planned - registered, active.length);

    // Per case of the scope, its rows in P (as COUNTIFS over the case's id counts them).
    let scores = 0;
    let measured = 0;
    for (const c of cases) {
      const k = (this.measurementDates.get(textKey(c.sagsId)) ?? []).filter(within).length;
      scores += k;
      if (k > 0) measured++;
    }
    put("Statusmålinger", scores, measured);

    const progressions = active.map((c) => this.progression.get(c) ?? null).filter((x): x is number => x !== null);
    const improved = progressions.filter((x) => x > IMPROVED_ABOVE).length;
    put("Andel forbedret", ratio(improved, progressions.length), progressions.length, improved);
    put(
      "Gennemsnitlig progression",
      ratio(
        progressions.reduce((s, x) => s + x, 0),
        progressions.length
      ),
      progressions.length
    );

    // Self-assessment of the cohort enrolled in P: rows count through their Sags-ID's first case.
    let answers = 0;
    let intakeYes = 0;
    let latestYes = 0;
    for (const [id, list] of this.selfRows) {
      const c = this.firstCase(id);
      if (!c || !within(c.indskrevet) || !this.inScope(c.enhed, unit)) continue;
      for (const { m, v } of list) {
        answers++;
        intakeYes += v.foersteScore ?? 0;
        latestYes += m.score ?? 0;
      }
    }
    const cohort = cases.filter((c) => within(c.indskrevet) && this.selfRows.has(c.sagsId.toLowerCase())).length;
    put(SELF_INTAKE, ratio(intakeYes, answers), cohort);
    put(SELF_LATEST, ratio(latestYes, answers), cohort);

    const visitations = this.inScopeOf(this.visitationsByUnit, data.visitations, (v) => v.oensketEnhed, unit);
    const received = visitations.filter((v) => within(v.henvendelsesdato)).length;
    put("Visitationer modtaget", received, received);
    const decided = (d: string): number => visitations.filter((v) => sameText(v.beslutning, d) && within(v.beslutningsdato)).length;
    const granted = decided("Bevilget");
    put("Visitationer bevilget", granted, granted);
    const refused = decided("Afslag");
    put("Visitationer afslag", refused, refused);
    const timed = visitations.filter((v) => within(v.beslutningsdato) && v.henvendelsesdato !== null);
    const totalTime = timed.reduce((s, v) => s + (v.beslutningsdato! - v.henvendelsesdato), 0);
    put("Gennemsnitlig sagsbehandlingstid", ratio(totalTime, timed.length), timed.length);

    const jobcenter = active.filter(inJobcenterCourse).length;
    put("Andel i jobcenterforløb", ratio(jobcenter, active.length), active.length, jobcenter);
    put("Brugere", active.length, active.length);
    put("Loft", loft, null);
    return out;
  }
}
