// The Nøgletal sheet: the key figures of a year and its quarters as live formulas over the tables
// (long format), with the helper column and calendar the formulas need. Reference: domain/keyfigures.ts.
import { caseRowIn } from "../../domain/case-blocks";
import { JOBCENTER_FORSOERGELSE, POSITIVE_UDSKRIVNINGER } from "../../domain/enums";
import {
  DEFAULT_LOFT,
  I_ALT,
  IMPROVED_ABOVE,
  SELF_INTAKE,
  SELF_LATEST,
  JOBCENTER_MAAL,
  UOPLYST,
  dischargeReasons,
  keyFigureDefs,
  periodsOfYear,
  previousYear,
  reportUnits,
  targetText,
  computeKeyFigures,
  type FigureFormat,
  type KeyFigureRow,
  type KeyFigureDef,
  type Target,
} from "../../domain/keyfigures";
import { SELVVURDERING } from "../../domain/instruments";
import type { Attendance, Case, StatusMeasurement, StructuredData } from "../../domain/model";
import { CASE_ROW_COLUMN, DEFINED_NAMES, NUMFMT, SHEETS, TABLES, col, thisRow } from "../contract";
import type { ComputedColumn } from "../computed";
import { computedTable, type ComputedTable } from "../structured-plan";
import { CASE_UNIT_COLUMN, ENROLMENT_FROM_COLUMN, ENROLMENT_TO_COLUMN, caseUnitName } from "../formulas/case-lookups";
import { address, parseAddress, type CachedResult, type CellPlan, type Scalar, type SheetPlan, type TablePlan } from "../plan";
import { cachedResult, referencesHold } from "../cached-results";

/*
 * Why per-cell formulas: every row of Noegletal is a different key figure, so no single column
 * formula fits all rows short of one CHOOSE over some thirty formulas (far past what a person can
 * read or audit, and near Excel's 8,192-character limit). Instead the table's Værdi, n, Sidste år
 * and Status cells each hold the formula of their row's key figure. The formulas read their row's
 * Enhed and period bounds through `Noegletal[[#This Row],[...]]`, so the text of a key figure's
 * formula is the same in every row of that figure (one for the units, one for I alt): rows can be
 * filtered, and a user can read any cell and see exactly how it is computed.
 *
 * The per-period absence figures count `Fremmoede` rows with COUNTIFS over the helper columns of
 * FREMMOEDE_REPORT_COLUMNS (cheap even for large registers); planned days come from the
 * Rapportkalender helper table (one row per day, Planlagt 1 on working days), counted per case.
 *
 * Robustness: dates are only compared (never multiplied) inside SUMPRODUCT, and columns whose cells
 * may hold text are passed as separate SUMPRODUCT arguments, which treat text as 0; so a date typed
 * as text (flagged in Problemer) never turns a key figure into #VALUE!. A rate over an empty base
 * is "" (the reference returns null).
 */

export const NOEGLETAL_COLUMNS = [
  "Enhed",
  "Periode",
  "Nøgletal",
  "Værdi",
  "n",
  "Sidste år",
  "Mål",
  "Status",
  "Fra",
  "Til",
  "Fra sidste år",
  "Til sidste år",
] as const;

export const KALENDER_TABLE = "Rapportkalender";
export const NOEGLETAL_TOP_LEFT = "A3";
const KALENDER_TOP_LEFT = "O3";

const fr = (c: string): string => thisRow(TABLES.fremmoede, c);

/** The row's case, as its Sagsrække finds it (the first with its Sags-ID, ignoring case); none for 0. */
function caseOf(row: Pick<Attendance, "sagsId">, data: StructuredData): Case | undefined {
  const k = caseRowIn(data, row.sagsId);
  return k > 0 ? data.cases[k - 1] : undefined;
}

/** The case's unit as `Enheder` spells it ("" when the case or its unit is unknown), for a table with Sags-ID. */
function caseUnitColumn<Row extends Pick<Attendance, "sagsId">>(table: typeof TABLES.fremmoede | typeof TABLES.statusmaalinger): ComputedColumn<Row> {
  return {
    table,
    name: "Enhed",
    formula: `=${ofCase(table, CASE_UNIT_COLUMN)}`,
    reference: (row, data) => {
      const c = caseOf(row, data);
      return c ? caseUnitName(c, data) : null;
    },
    compare: "exact",
  };
}

/**
 * A column of the row's case in Sager, found by the row's Sagsrække (the one MATCH the row makes);
 * "" when the case is unknown (Sagsrække 0).
 */
function ofCase(table: typeof TABLES.fremmoede | typeof TABLES.statusmaalinger, column: string): string {
  const k = thisRow(table, CASE_ROW_COLUMN);
  return `IF(${k}>0,INDEX(${col("Sager", column)},${k}),"")`;
}

/**
 * Helper columns on `Fremmoede` for the per-period absence figures (structured-plan adds them via
 * extraComputedColumns): the case's unit as `Enheder` spells it ("" when the case or its unit is
 * unknown), and whether the date lies within the case's enrolment (1/0). With the table's own
 * Arbejdsdag and status flags they let one COUNTIFS count a unit's registrations in any period.
 */
export const FREMMOEDE_REPORT_COLUMNS: ComputedColumn<Attendance>[] = (() => {
  const k = fr(CASE_ROW_COLUMN);
  const d = fr("Dato");
  const within = `AND(ISNUMBER(${d}),${d}>=INDEX(${col("Sager", ENROLMENT_FROM_COLUMN)},${k}),${d}<=INDEX(${col("Sager", ENROLMENT_TO_COLUMN)},${k}))`;
  return [
    caseUnitColumn<Attendance>(TABLES.fremmoede),
    {
      table: TABLES.fremmoede,
      name: "I forløb",
      // The case's enrolment as Sager's helpers give it: no valid start lets no date in, no valid end
      // (empty or text) keeps it open, as the reader's null.
      formula: `=IF(${k}>0,IFERROR(IF(${within},1,0),0),0)`,
      numFmt: NUMFMT.integer,
      reference: (row, data) => {
        const c = caseOf(row, data);
        if (!c || c.indskrevet === null) return 0;
        return row.dato >= c.indskrevet && (c.udskrevet === null || row.dato <= c.udskrevet) ? 1 : 0;
      },
    },
  ];
})();

/**
 * Helper columns on `Statusmaalinger` for the self-assessment cohorts: the case's unit as `Enheder`
 * spells it and its enrolment date, so that SUMIFS can select a unit's cohort in any period.
 */
export const STATUSMAALINGER_REPORT_COLUMNS: ComputedColumn<StatusMeasurement>[] = [
  caseUnitColumn<StatusMeasurement>(TABLES.statusmaalinger),
  {
    table: TABLES.statusmaalinger,
    name: "Indskrevet",
    formula: `=${ofCase(TABLES.statusmaalinger, ENROLMENT_FROM_COLUMN)}`,
    numFmt: NUMFMT.date,
    reference: (row, data) => caseOf(row, data)?.indskrevet ?? null,
  },
];

/** The helper columns the report formulas read, for buildStructuredPlan's extraComputedColumns. */
export function reportHelperColumns(): ComputedTable[] {
  return [
    computedTable(TABLES.fremmoede, SHEETS.fremmoede, (d) => d.attendance, FREMMOEDE_REPORT_COLUMNS),
    computedTable(TABLES.statusmaalinger, SHEETS.statusmaalinger, (d) => d.measurements, STATUSMAALINGER_REPORT_COLUMNS),
  ];
}

/** A text literal for a formula. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

const row = (c: string): string => thisRow(TABLES.noegletal, c);

/** A unit (a reference to the cell holding its name) or every unit listed in Enheder. */
export type Scope = { unit: string } | "all";

/** The scope of a Noegletal row: its own Enhed cell. */
export const ROW_UNIT: Scope = { unit: row("Enhed") };

export interface Bounds {
  F: string;
  T: string;
}

const S = col("Sager", "Indskrevet");
const E = col("Sager", "Udskrevet");
const W = col("Sager", "Pladsvægt");

/** The cases of the scope: the row's unit, or every unit listed in Enheder. */
function sagerScope(scope: Scope): string {
  const e = col("Sager", "Enhed");
  return scope === "all" ? `ISNUMBER(MATCH(${e},${col("Enheder", "Enhed")},0))` : `(${e}=${scope.unit})`;
}

function enhederScope(scope: Scope): string {
  const e = col("Enheder", "Enhed");
  return scope === "all" ? `(${e}<>"")` : `(${e}=${scope.unit})`;
}

function visitScope(scope: Scope): string {
  const v = col("Visitationer", "Ønsket enhed");
  return scope === "all" ? `ISNUMBER(MATCH(${v},${col("Enheder", "Enhed")},0))` : `(${v}=${scope.unit})`;
}

/** Cases with at least one enrolment day in [F, T]; a text end date counts as still enrolled. */
export function activeMask(scope: Scope, b: Bounds): string {
  return `${sagerScope(scope)}*ISNUMBER(${S})*(${S}<=${b.T})*((${E}>=${b.F})+(${E}=""))`;
}

export function normerede(scope: Scope): string {
  return `SUMPRODUCT(${enhederScope(scope)}*1,${col("Enheder", "Normerede pladser")})`;
}

/**
 * Sum of w_i x days_i(P) (weighted by Pladsvægt, or unweighted), written so that no date is ever
 * multiplied: T x (weights of cases still enrolled at T) + (their end dates before T) - F x (weights
 * of cases enrolled by F) - (their later start dates) + (the weights), over the cases active in P.
 */
export function enrolmentDaysSum(scope: Scope, b: Bounds, weighted: boolean): string {
  const ov = activeMask(scope, b);
  const w = weighted ? `,${W}` : "";
  return (
    `(${b.T}*SUMPRODUCT(${ov}*((${E}>=${b.T})+(${E}=""))${w})` +
    `+SUMPRODUCT(${ov}*ISNUMBER(${E})*(${E}<${b.T})${w},${E})` +
    `-${b.F}*SUMPRODUCT(${ov}*(${S}<=${b.F})${w})` +
    `-SUMPRODUCT(${ov}*(${S}>${b.F})${w},${S})` +
    `+SUMPRODUCT(${ov}${w}))`
  );
}

/** Gennemsnitligt besatte pladser B(P). */
export function besatte(scope: Scope, b: Bounds): string {
  return `${enrolmentDaysSum(scope, b, true)}/(${b.T}-${b.F}+1)`;
}

function count(mask: string): string {
  return `SUMPRODUCT(${mask})`;
}

function dischargedMask(scope: Scope, b: Bounds): string {
  return `${sagerScope(scope)}*ISNUMBER(${E})*(${E}>=${b.F})*(${E}<=${b.T})`;
}

function reasonTest(reason: string): string {
  const r = col("Sager", "Udskrivningsårsag");
  return reason === UOPLYST ? `(TRIM(${r})="")` : `(${r}=${str(reason)})`;
}

function positiveTest(): string {
  return `(${POSITIVE_UDSKRIVNINGER.map(reasonTest).join("+")})`;
}

function share(numerator: string, denominator: string): string {
  return `IF(${denominator}=0,"",${numerator}/${denominator})`;
}

/**
 * COUNTIFS criteria for the registrations that count for the scope's cases in [F, T] (absence.ts):
 * within the enrolment, on a planned working day; plus the given 1/0 flags of the status.
 */
function registrations(scope: Scope, b: Bounds, flags: string[] = []): string {
  const f = (c: string): string => col(TABLES.fremmoede, c);
  const crit = scope === "all" ? `"?*"` : scope.unit;
  return (
    `COUNTIFS(${f("Enhed")},${crit},${f("Dato")},">="&${b.F},${f("Dato")},"<="&${b.T},` +
    `${f("Arbejdsdag")},1,${f("I forløb")},1${flags.map((x) => `,${f(x)},1`).join("")})`
  );
}

function plannedDays(scope: Scope, b: Bounds): string {
  const k = col(KALENDER_TABLE, "Dato");
  const inP = `${k},">="&${b.F},${k},"<="&${b.T},${col(KALENDER_TABLE, "Planlagt")},1`;
  const base = `${sagerScope(scope)}*ISNUMBER(${S})`;
  return (
    `(SUMPRODUCT(${base}*ISNUMBER(${E})*COUNTIFS(${k},">="&${S},${k},"<="&${E},${inP}))` +
    `+SUMPRODUCT(${base}*NOT(ISNUMBER(${E}))*COUNTIFS(${k},">="&${S},${inP})))`
  );
}

function measurementsPerCase(b: Bounds): string {
  const d = col("Statusmaalinger", "Dato");
  return `COUNTIFS(${col("Statusmaalinger", "Sags-ID")},${col("Sager", "Sags-ID")},${d},">="&${b.F},${d},"<="&${b.T})`;
}

function progressionMask(scope: Scope, b: Bounds): string {
  return `${activeMask(scope, b)}*ISNUMBER(${col("Sager", "Progression")})`;
}

/** SUMIFS/COUNTIFS criteria: the valid latest Selvvurdering rows of the scope's cohort enrolled in [F, T]. */
function selfCriteria(scope: Scope, b: Bounds): string {
  const c = (name: string): string => col(TABLES.statusmaalinger, name);
  const unit = scope === "all" ? `"?*"` : scope.unit;
  return (
    `${c("Instrument")},${str(SELVVURDERING)},${c("Seneste")},"Ja",${c("Gyldig")},1,` +
    `${c("Enhed")},${unit},${c("Indskrevet")},">="&${b.F},${c("Indskrevet")},"<="&${b.T}`
  );
}

function selfShare(scope: Scope, b: Bounds, column: string): string {
  const k = `COUNTIFS(${selfCriteria(scope, b)})`;
  return share(`SUMIFS(${col(TABLES.statusmaalinger, column)},${selfCriteria(scope, b)})`, k);
}

/** The cohort's cases (enrolled in [F, T]) with a valid latest Selvvurdering row. */
function selfCohort(scope: Scope, b: Bounds): string {
  const c = (name: string): string => col(TABLES.statusmaalinger, name);
  const measured = `(COUNTIFS(${c("Sags-ID")},${col("Sager", "Sags-ID")},${c("Instrument")},${str(SELVVURDERING)},${c("Seneste")},"Ja",${c("Gyldig")},1)>0)`;
  return count(`${sagerScope(scope)}*ISNUMBER(${S})*(${S}>=${b.F})*(${S}<=${b.T})*${measured}`);
}

function visitDecided(scope: Scope, b: Bounds, decision: string): string {
  const d = col("Visitationer", "Beslutningsdato");
  return count(`${visitScope(scope)}*(${col("Visitationer", "Beslutning")}=${str(decision)})*ISNUMBER(${d})*(${d}>=${b.F})*(${d}<=${b.T})`);
}

function jobcenterTest(): string {
  const list = `{${JOBCENTER_FORSOERGELSE.map(str).join(",")}}`;
  const j = col("Sager", "Jobcenterforløb");
  return `((${j}="Ja")+(${j}="")*ISNUMBER(MATCH(${col("Sager", "Forsørgelsesgrundlag")},${list},0)))`;
}

function loft(scope: Scope): string {
  const l = col("Enheder", "Loft");
  const valid = `ISNUMBER(${l})*(${l}>0)`;
  return `(SUMPRODUCT(${enhederScope(scope)}*${valid},${l})+${DEFAULT_LOFT}*SUMPRODUCT(${enhederScope(scope)}*(1-${valid})))`;
}

export interface FigureFormulas {
  value: string;
  /** Empty for figures that are not about cases (places, caps). */
  n: string | null;
}

/** The formulas of one key figure for a scope and period bounds (cell references or expressions). */
export function figureFormulas(def: KeyFigureDef, scope: Scope, b: Bounds): FigureFormulas {
  const active = count(activeMask(scope, b));
  const discharged = count(dischargedMask(scope, b));
  const name = def.name;
  if (name.startsWith("Udskrivninger: ")) {
    const reason = name.slice("Udskrivninger: ".length);
    const f = count(`${dischargedMask(scope, b)}*${reasonTest(reason)}`);
    return { value: f, n: f };
  }
  switch (name) {
    case "Normerede pladser":
      return { value: normerede(scope), n: null };
    case "Gennemsnitligt besatte pladser":
      return { value: besatte(scope, b), n: active };
    case "Belægningsprocent":
      return { value: `IF(${normerede(scope)}=0,"",${besatte(scope, b)}/${normerede(scope)})`, n: active };
    case "Indskrevne ultimo": {
      const f = count(`${sagerScope(scope)}*ISNUMBER(${S})*(${S}<=${b.T})*((${E}>=${b.T})+(${E}=""))`);
      return { value: f, n: f };
    }
    case "Nye indskrivninger": {
      const f = count(`${sagerScope(scope)}*ISNUMBER(${S})*(${S}>=${b.F})*(${S}<=${b.T})`);
      return { value: f, n: f };
    }
    case "Udskrivninger":
      return { value: discharged, n: discharged };
    case "Positive udskrivninger": {
      const f = count(`${dischargedMask(scope, b)}*${positiveTest()}`);
      return { value: f, n: f };
    }
    case "Andel positive udskrivninger":
      return { value: share(count(`${dischargedMask(scope, b)}*${positiveTest()}`), discharged), n: discharged };
    case "Andel udskrivninger for udeblivelse":
      return { value: share(count(`${dischargedMask(scope, b)}*${reasonTest("Udeblivelse")}`), discharged), n: discharged };
    case "Fraværsprocent":
      return {
        value: share(registrations(scope, b, ["I basis", "Fravær"]), registrations(scope, b, ["I basis"])),
        n: active,
      };
    case "Udeblivelsesprocent":
      return {
        value: share(registrations(scope, b, ["I basis", "Ulovligt fravær"]), registrations(scope, b, ["I basis"])),
        n: active,
      };
    case "Uregistrerede dage": {
      // Only up to the reference date: days not yet come are not missing.
      const soFar: Bounds = { F: b.F, T: `MIN(${b.T},${DEFINED_NAMES.opgoerelsesdato})` };
      return { value: `${plannedDays(scope, soFar)}-${registrations(scope, soFar)}`, n: active };
    }
    case "Statusmålinger":
      return {
        value: `SUMPRODUCT(${sagerScope(scope)}*${measurementsPerCase(b)})`,
        n: `SUMPRODUCT(${sagerScope(scope)}*(${measurementsPerCase(b)}>0))`,
      };
    case "Andel forbedret": {
      const n = count(progressionMask(scope, b));
      return { value: share(count(`${progressionMask(scope, b)}*(${col("Sager", "Progression")}>${IMPROVED_ABOVE.toFixed(9)})`), n), n };
    }
    case "Gennemsnitlig progression": {
      const n = count(progressionMask(scope, b));
      return { value: share(`SUMPRODUCT(${progressionMask(scope, b)},${col("Sager", "Progression")})`, n), n };
    }
    case SELF_INTAKE:
      return { value: selfShare(scope, b, "Første score"), n: selfCohort(scope, b) };
    case SELF_LATEST:
      return { value: selfShare(scope, b, "Score"), n: selfCohort(scope, b) };
    case "Visitationer modtaget": {
      const h = col("Visitationer", "Henvendelsesdato");
      const f = count(`${visitScope(scope)}*ISNUMBER(${h})*(${h}>=${b.F})*(${h}<=${b.T})`);
      return { value: f, n: f };
    }
    case "Visitationer bevilget": {
      const f = visitDecided(scope, b, "Bevilget");
      return { value: f, n: f };
    }
    case "Visitationer afslag": {
      const f = visitDecided(scope, b, "Afslag");
      return { value: f, n: f };
    }
    case "Gennemsnitlig sagsbehandlingstid": {
      const h = col("Visitationer", "Henvendelsesdato");
      const d = col("Visitationer", "Beslutningsdato");
      const m = `${visitScope(scope)}*ISNUMBER(${h})*ISNUMBER(${d})*(${d}>=${b.F})*(${d}<=${b.T})`;
      const n = count(m);
      return { value: share(`(SUMPRODUCT(${m},${d})-SUMPRODUCT(${m},${h}))`, n), n };
    }
    case "Andel i jobcenterforløb":
      return { value: share(count(`${activeMask(scope, b)}*${jobcenterTest()}`), active), n: active };
    case "Brugere":
      return { value: active, n: active };
    case "Loft":
      return { value: loft(scope), n: null };
    default:
      throw new Error(`Ukendt nøgletal: ${name}`);
  }
}

/** The Status formula of a target row (reads the row's Værdi, n and Sidste år; the intake share for "fordoblet"). */
export function statusFormula(target: Target, scope: Scope, b: Bounds = { F: row("Fra"), T: row("Til") }): string {
  const V = row("Værdi");
  const N = row("n");
  const L = row("Sidste år");
  const G = DEFINED_NAMES.diskretionsgraense;
  const few = `"For lidt data"`;
  switch (target) {
    case "jobcenter":
      return `=IF(OR(${V}="",${N}<${G}),${few},IF(${V}<=${JOBCENTER_MAAL},"Opfyldt","Ikke opfyldt"))`;
    case "brugere":
      return (
        `=IF(${V}="",${few},IF(${V}>=${loft(scope)},"Opfyldt",` + `IF(OR(${L}="",AND(${N}<${G},${L}<${G})),${few},IF(${V}>${L},"Opfyldt","Ikke opfyldt"))))`
      );
    case "stigende":
      return `=IF(OR(${V}="",${L}="",AND(${N}<${G},${L}<${G})),${few},IF(${V}>${L},"Opfyldt","Ikke opfyldt"))`;
    case "halveret":
      return `=IF(OR(${V}="",${L}="",${N}<${G}),${few},IF(${V}<=${L}/2,"Opfyldt","Ikke opfyldt"))`;
    case "fordoblet": {
      const intake = selfShare(scope, b, "Første score");
      return `=IF(OR(${V}="",${N}<${G}),${few},IF(AND(${V}>=2*${intake},${V}>${intake}),"Opfyldt","Ikke opfyldt"))`;
    }
  }
}

export function numFmtOf(format: FigureFormat): string {
  switch (format) {
    case "integer":
      return NUMFMT.integer;
    case "number":
      return NUMFMT.number;
    case "percent":
      return NUMFMT.percent;
    case "days":
      return NUMFMT.days;
  }
}

/**
 * How Nøgletal prints, live and published: A4 landscape, the figure's columns (`columns`, up to Status;
 * the dates the formulas read and the working-day table beside them stay off the page) fitted to the
 * width, the table's header on every page and the year in the footer.
 */
export function noegletalPrint(year: number, columns: string): NonNullable<SheetPlan["print"]> {
  const header = parseAddress(NOEGLETAL_TOP_LEFT).row + 1;
  return {
    orientation: "landscape",
    paperSize: "A4",
    fitToWidth: true,
    columns,
    titleRows: `${header}:${header}`,
    footer: `Nøgletal ${year} · perioden 1. januar – 31. december ${year}`,
  };
}

/** Where each (Enhed, Periode, Nøgletal) lands in the table: used by tests and the overview. */
export interface NoegletalLayout {
  /** Row keys in table order. */
  keys: { enhed: string; periode: string; noegletal: string }[];
  /** Sheet row (1-based) of the first data row. */
  firstRow: number;
  /** Column letter of each table column. */
  columns: Record<(typeof NOEGLETAL_COLUMNS)[number], string>;
}

export interface NoegletalSheet {
  sheet: SheetPlan;
  layout: NoegletalLayout;
}

/** The Nøgletal sheet for a year: the Noegletal table and the Rapportkalender helper table. */
/** `figures`: the reference's key figures of the year, from a caller that shares them with another sheet (report-plan.ts). */
export function buildNoegletalSheet(data: StructuredData, year: number, cached = true, figures?: () => readonly KeyFigureRow[]): NoegletalSheet {
  const defs = keyFigureDefs(dischargeReasons(data));
  const periods = periodsOfYear(year);
  const scopes: { enhed: string; scope: Scope }[] = [...reportUnits(data).map((u) => ({ enhed: u.enhed, scope: ROW_UNIT })), { enhed: I_ALT, scope: "all" }];
  const { row: top, col: left } = parseAddress(NOEGLETAL_TOP_LEFT);
  const letter = (name: (typeof NOEGLETAL_COLUMNS)[number]): string => address(0, left + NOEGLETAL_COLUMNS.indexOf(name)).replace(/\d+$/, "");
  const columns = Object.fromEntries(NOEGLETAL_COLUMNS.map((c) => [c, letter(c)])) as NoegletalLayout["columns"];
  const current: Bounds = { F: row("Fra"), T: row("Til") };
  const last: Bounds = { F: row("Fra sidste år"), T: row("Til sidste år") };

  const rows: Scalar[][] = [];
  const cells: CellPlan[] = [];
  const keys: NoegletalLayout["keys"] = [];
  // The reference's figures, row for row as the loops below lay them out: the formulas' cached results.
  const reference = cached ? noegletalResults(data, year, figures) : null;
  const result = (k: number, c: "vaerdi" | "n" | "sidsteAar" | "status"): { result?: CachedResult } => {
    const r = reference?.[k];
    const v = r === undefined ? null : cachedResult(r[c]);
    return v === null ? {} : { result: v };
  };
  for (const { enhed, scope } of scopes) {
    for (const p of periods) {
      const prev = previousYear(p);
      for (const def of defs) {
        const sheetRow = top + 2 + rows.length; // 1-based: header at top + 1
        const k = rows.length;
        rows.push([enhed, p.label, def.name, null, null, null, targetText(def.target), null, p.start, p.end, prev.start, prev.end]);
        keys.push({ enhed, periode: p.label, noegletal: def.name });
        const now = figureFormulas(def, scope, current);
        const before = figureFormulas(def, scope, last);
        const fmt = numFmtOf(def.format);
        cells.push({ address: `${columns["Værdi"]}${sheetRow}`, value: { formula: "=" + now.value, ...result(k, "vaerdi") }, numFmt: fmt });
        cells.push({
          address: `${columns["n"]}${sheetRow}`,
          value: now.n === null ? null : { formula: "=" + now.n, ...result(k, "n") },
          numFmt: NUMFMT.integer,
        });
        cells.push({ address: `${columns["Sidste år"]}${sheetRow}`, value: { formula: "=" + before.value, ...result(k, "sidsteAar") }, numFmt: fmt });
        if (def.target) {
          cells.push({ address: `${columns["Status"]}${sheetRow}`, value: { formula: statusFormula(def.target, scope), ...result(k, "status") } });
        }
      }
    }
  }

  const table: TablePlan = {
    name: TABLES.noegletal,
    topLeft: NOEGLETAL_TOP_LEFT,
    columns: NOEGLETAL_COLUMNS.map((name) => ({
      name,
      numFmt: /^(Fra|Til)/.test(name) ? NUMFMT.date : undefined,
      width: name === "Nøgletal" ? 38 : name === "Enhed" ? 22 : name === "Mål" ? 40 : name === "Status" ? 14 : 12,
    })),
    rows,
    style: "TableStyleLight9",
  };

  // Working days of the previous and the report year; Planlagt is 1 on a weekday that is no holiday.
  const kalenderDates: number[] = [];
  for (let d = previousYear(periods[0]).start; d <= periods[0].end; d++) kalenderDates.push(d);
  const kalender: TablePlan = {
    name: KALENDER_TABLE,
    topLeft: KALENDER_TOP_LEFT,
    columns: [
      { name: "Dato", numFmt: NUMFMT.date, width: 12 },
      {
        name: "Planlagt",
        formula: `=(WEEKDAY(${thisRow(KALENDER_TABLE, "Dato")},2)<6)` + `*(COUNTIF(${col("Helligdage", "Dato")},${thisRow(KALENDER_TABLE, "Dato")})=0)`,
        numFmt: NUMFMT.integer,
        width: 10,
      },
    ],
    rows: kalenderDates.map((d) => [d, null]),
    style: "TableStyleLight1",
  };
  const kal = parseAddress(KALENDER_TOP_LEFT);
  return {
    sheet: {
      name: SHEETS.noegletal,
      tables: [table, kalender],
      cells: [
        { address: "A1", value: `Nøgletal ${year}`, bold: true, size: 14 },
        {
          address: "A2",
          value: 'Levende formler over tabellerne. Enhed "I alt" er summen over enhederne i Enheder. Tomt felt: intet grundlag.',
        },
        { address: address(kal.row - 2, kal.col), value: "Hjælpetabel: arbejdsdage (bruges af Uregistrerede dage)", bold: true },
        ...cells,
      ],
      freezeRows: top + 1,
      print: noegletalPrint(year, `${columns["Enhed"]}:${columns["Status"]}`),
    },
    layout: { keys, firstRow: top + 2, columns },
  };
}

/**
 * The reference's key figures (domain/keyfigures.ts) in the sheet's row order, or null when they do not
 * line up with the rows (then no cell gets a cached result rather than another row's).
 */
function noegletalResults(data: StructuredData, year: number, known?: () => readonly KeyFigureRow[]): readonly KeyFigureRow[] | null {
  if (!referencesHold(data)) return null;
  const defs = keyFigureDefs(dischargeReasons(data));
  const figures = known ? known() : computeKeyFigures(data, year);
  const expected = (reportUnits(data).length + 1) * periodsOfYear(year).length * defs.length;
  if (figures.length !== expected) return null;
  let k = 0;
  for (const enhed of [...reportUnits(data).map((u) => u.enhed), I_ALT]) {
    for (const p of periodsOfYear(year)) {
      for (const def of defs) {
        const f = figures[k++];
        if (f.enhed !== enhed || f.periode !== p.label || f.noegletal !== def.name) return null;
      }
    }
  }
  return figures;
}

/** Sheet row (1-based) of a key in the layout, or throws. */
export function layoutRow(layout: NoegletalLayout, enhed: string, periode: string, noegletal: string): number {
  const i = layout.keys.findIndex((k) => k.enhed === enhed && k.periode === periode && k.noegletal === noegletal);
  if (i < 0) throw new Error(`Nøgletallet ${noegletal} for ${enhed} ${periode} findes ikke`);
  return layout.firstRow + i;
}
