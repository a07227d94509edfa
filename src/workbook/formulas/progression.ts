// Computed columns for status measurements, GAS goals and visitations, and the per-case columns of
// `Sager` built from them (progression, due measurement, GAS T-score), each beside its reference.
// Definitions live in src/domain/progression.ts, gas.ts and visitation.ts.
import { col, DEFINED_NAMES, NUMFMT, TABLES, thisRow } from "../contract";
import type { ComputedColumn } from "../computed";
import type { Case, Goal, InstrumentDimension, StatusMeasurement, StructuredData, Visitation } from "../../domain/model";
import { dimensionKey, RETNING } from "../../domain/instruments";
import {
  JA,
  caseProgression,
  improvedDimensions,
  latestMeasurementDate,
  measurementDue,
  measurementRow,
  measurementRows,
  type MeasurementRowValues,
} from "../../domain/progression";
import { caseGasTScore, gasWeight, GAS_RHO, scoredGoal } from "../../domain/gas";
import { sagsbehandlingstid, startdato, ventetid } from "../../domain/visitation";
import { blockRange, SAGER_STATUS_BLOCK, STATUS_OWN_BLOCK, STATUSMAALINGER_BLOCK_COLUMNS } from "./case-blocks";

const SM = TABLES.statusmaalinger;
const INS = TABLES.instrumenter;
const SAG = TABLES.sager;
const MAAL = TABLES.maal;
const VIS = TABLES.visitationer;
const OPG = DEFINED_NAMES.opgoerelsesdato;
const INTERVAL = DEFINED_NAMES.statusintervalMdr;

/** The lookup key column on both `Instrumenter` and `Statusmaalinger`: "Instrument|Dimension". */
export const KEY_COLUMN = "Nøgle";

// ---------------------------------------------------------------- Instrumenter

export const INSTRUMENTER_COMPUTED_COLUMNS: ComputedColumn<InstrumentDimension>[] = [
  {
    table: INS,
    name: KEY_COLUMN,
    formula: `=${thisRow(INS, "Instrument")}&"|"&${thisRow(INS, "Dimension")}`,
    reference: (d) => dimensionKey(d.instrument, d.dimension),
    compare: "exact",
  },
];

// ---------------------------------------------------------------- Statusmaalinger

const r = (c: string) => thisRow(SM, c);
/** The row's position in `Instrumenter` (MATCH ignores case, as the reference does). */
const instrumentRow = `MATCH(${r(KEY_COLUMN)},${col(INS, KEY_COLUMN)},0)`;
const lookupNumber = (column: string) => `IFERROR(IF(ISNUMBER(INDEX(${col(INS, column)},${instrumentRow})),INDEX(${col(INS, column)},${instrumentRow}),""),"")`;
/** The series key column: one text per case x dimension, on valid rows only. */
export const SERIES_COLUMN = "Serie";
/** A column cut to this row's case's block of rows (the whole table while it is not sorted by case). */
const own = (name: string) => blockRange(SM, name, SM, STATUS_OWN_BLOCK);
/**
 * COUNTIFS-family criteria selecting the valid rows of this row's series (case x dimension): one
 * criterion on the series key rather than three (Sags-ID, Nøgle, Gyldig), because every criterion is a
 * pass over the range for every row, and these columns are what the recalculation spends its time on.
 */
const series = `${own(SERIES_COLUMN)},${r(SERIES_COLUMN)}`;
const sign = `IF(${r("Retning")}="${RETNING.lavere}",-1,1)`;
const valid = `${r("Gyldig")}=1`;

/**
 * The reference values of every row, computed once per data object: a column's reference is called
 * once per row, and per-row rescans would cost O(n^2). StructuredData is treated as an immutable value.
 */
const rowCache = new WeakMap<StructuredData, Map<StatusMeasurement, MeasurementRowValues>>();
function rowOf(m: StatusMeasurement, data: StructuredData): MeasurementRowValues {
  let rows = rowCache.get(data);
  if (!rows) rowCache.set(data, (rows = measurementRows(data)));
  return rows.get(m) ?? measurementRow(m, data);
}

export const STATUSMAALINGER_COMPUTED_COLUMNS: ComputedColumn<StatusMeasurement>[] = [
  {
    table: SM,
    name: KEY_COLUMN,
    formula: `=${r("Instrument")}&"|"&${r("Dimension")}`,
    reference: (m, d) => rowOf(m, d).noegle,
    compare: "exact",
  },
  { table: SM, name: "Min", formula: `=${lookupNumber("Min")}`, reference: (m, d) => rowOf(m, d).min },
  { table: SM, name: "Max", formula: `=${lookupNumber("Max")}`, reference: (m, d) => rowOf(m, d).max },
  {
    table: SM,
    name: "Retning",
    // &"" so that an empty cell reads as "" rather than 0.
    formula: `=IFERROR(INDEX(${col(INS, "Retning")},${instrumentRow})&"","")`,
    reference: (m, d) => rowOf(m, d).retning,
    compare: "exact",
  },
  {
    table: SM,
    name: "Gyldig",
    // 1 when the score counts: a number on the dimension's scale that is not its "ikke relevant".
    // Min needs no ISNUMBER: it is a number or "", and Max > "" is FALSE (text sorts after numbers).
    formula:
      `=IF(AND(${r("Sags-ID")}<>"",ISNUMBER(${r("Dato")}),ISNUMBER(${r("Score")}),ISNUMBER(${r("Max")})),` +
      `IF(AND(${r("Max")}>${r("Min")},${r("Score")}>=${r("Min")},${r("Score")}<=${r("Max")},` +
      `NOT(IFERROR(AND(ISNUMBER(INDEX(${col(INS, "Ikke relevant")},${instrumentRow})),` +
      `INDEX(${col(INS, "Ikke relevant")},${instrumentRow})=${r("Score")}),FALSE))),1,0),0)`,
    numFmt: NUMFMT.integer,
    reference: (m, d) => rowOf(m, d).gyldig,
  },
  {
    table: SM,
    name: SERIES_COLUMN,
    // The length prefix keeps the key one-to-one: a Sags-ID containing "|" cannot pose as another case's
    // dimension. Starting with a digit and holding "|", it is never read as a number or an operator.
    formula: `=IF(${valid},LEN(${r("Sags-ID")})&":"&${r("Sags-ID")}&"|"&${r(KEY_COLUMN)},"")`,
    reference: (m, d) => rowOf(m, d).serie,
    compare: "exact",
  },
  ...STATUSMAALINGER_BLOCK_COLUMNS,
  {
    table: SM,
    name: "Første dato",
    formula: `=IF(${valid},MINIFS(${own("Dato")},${series}),"")`,
    numFmt: NUMFMT.date,
    reference: (m, d) => rowOf(m, d).foersteDato,
  },
  {
    table: SM,
    name: "Seneste dato",
    formula: `=IF(${valid},MAXIFS(${own("Dato")},${series}),"")`,
    numFmt: NUMFMT.date,
    reference: (m, d) => rowOf(m, d).senesteDato,
  },
  {
    table: SM,
    name: "Første score",
    // The mean over the first date's rows: a double registration on one date counts once.
    formula: `=IF(${valid},AVERAGEIFS(${own("Score")},${series},${own("Dato")},${r("Første dato")}),"")`,
    numFmt: NUMFMT.number,
    reference: (m, d) => rowOf(m, d).foersteScore,
  },
  {
    table: SM,
    name: "Ændring",
    formula: `=IF(${valid},${r("Score")}-${r("Første score")},"")`,
    numFmt: NUMFMT.number,
    reference: (m, d) => rowOf(m, d).aendring,
  },
  {
    table: SM,
    name: "Normaliseret ændring",
    formula: `=IF(${valid},${sign}*${r("Ændring")}/(${r("Max")}-${r("Min")}),"")`,
    numFmt: NUMFMT.number,
    reference: (m, d) => rowOf(m, d).normaliseretAendring,
  },
  {
    table: SM,
    name: "Seneste",
    formula: `=IF(${valid},IF(${r("Dato")}=${r("Seneste dato")},"Ja","Nej"),"")`,
    reference: (m, d) => rowOf(m, d).seneste,
    compare: "exact",
  },
  {
    table: SM,
    name: "Dimensionsvægt",
    // 1/k on each of the k rows of the latest date of a dimension with two or more dates, so that
    // SUMIFS over a case's rows counts each such dimension once.
    formula: `=IF(${valid},IF(AND(${r("Seneste")}="${JA}",${r("Første dato")}<${r("Dato")}),` + `1/COUNTIFS(${series},${own("Dato")},${r("Dato")}),0),0)`,
    numFmt: NUMFMT.number,
    reference: (m, d) => rowOf(m, d).dimensionsvaegt,
  },
  {
    table: SM,
    name: "Dimensionsprogression",
    // The mean Normaliseret ændring of the latest date's rows: the rows of a series share their first
    // score, direction and scale, so it is (latest score - first score) / (Max - Min), signed.
    formula: `=IF(${r("Dimensionsvægt")}>0,AVERAGEIFS(${own("Normaliseret ændring")},${series},${own("Dato")},${r("Dato")}),"")`,
    numFmt: NUMFMT.number,
    reference: (m, d) => rowOf(m, d).dimensionsprogression,
  },
  {
    table: SM,
    name: "Progressionsbidrag",
    formula: `=IF(${r("Dimensionsvægt")}>0,${r("Dimensionsvægt")}*${r("Dimensionsprogression")},0)`,
    numFmt: NUMFMT.number,
    reference: (m, d) => rowOf(m, d).progressionsbidrag,
  },
];

// ---------------------------------------------------------------- Maal

const g = (name: string) => thisRow(MAAL, name);

function goalWeight(goal: Goal): number | null {
  return scoredGoal(goal) ? gasWeight(goal.vaegt) : null;
}

export const MAAL_COMPUTED_COLUMNS: ComputedColumn<Goal>[] = [
  {
    table: MAAL,
    name: "Vægt brugt",
    // Only scored goals of a case count; an empty weight is the default 1.
    formula: `=IF(AND(${g("Sags-ID")}<>"",ISNUMBER(${g("GAS-score")})),IF(ISNUMBER(${g("Vægt")}),${g("Vægt")},1),"")`,
    numFmt: NUMFMT.number,
    reference: (goal) => goalWeight(goal),
  },
  {
    table: MAAL,
    name: "Vægtet score",
    formula: `=IF(ISNUMBER(${g("Vægt brugt")}),${g("Vægt brugt")}*${g("GAS-score")},"")`,
    numFmt: NUMFMT.number,
    reference: (goal) => {
      const w = goalWeight(goal);
      return w === null ? null : w * (goal.gasScore as number);
    },
  },
  {
    table: MAAL,
    name: "Vægt i anden",
    formula: `=IF(ISNUMBER(${g("Vægt brugt")}),${g("Vægt brugt")}^2,"")`,
    numFmt: NUMFMT.number,
    reference: (goal) => {
      const w = goalWeight(goal);
      return w === null ? null : w * w;
    },
  },
];

// ---------------------------------------------------------------- Sager

const s = (name: string) => thisRow(SAG, name);
const caseId = s("Sags-ID");
/** A Statusmaalinger column cut to this case's block of rows (the whole table while it is not sorted by case). */
const sb = (name: string) => blockRange(SM, name, SAG, SAGER_STATUS_BLOCK);
const smCase = `${sb("Sags-ID")},${caseId}`;
const weightSum = `SUMIFS(${sb("Dimensionsvægt")},${smCase})`;
const onOrBeforeOpg = `${sb("Dato")},"<="&${OPG}`;
const maalSum = (column: string) => `SUMIFS(${col(MAAL, column)},${col(MAAL, "Sags-ID")},${caseId})`;
const gasDenominator = `${1 - GAS_RHO}*${maalSum("Vægt i anden")}+${GAS_RHO}*${maalSum("Vægt brugt")}^2`;

export const SAGER_PROGRESSION_COLUMNS: ComputedColumn<Case>[] = [
  {
    table: SAG,
    name: "Seneste statusmåling",
    formula: `=IF(COUNTIFS(${smCase},${sb("Gyldig")},1)=0,"",MAXIFS(${sb("Dato")},${smCase},${sb("Gyldig")},1))`,
    numFmt: NUMFMT.date,
    reference: (k, d) => latestMeasurementDate(k, d),
  },
  {
    table: SAG,
    name: "Statusmåling forfalden",
    // See measurementDue: only measurements dated on or before Opgoerelsesdato count.
    formula:
      `=IF(NOT(ISNUMBER(${s("Indskrevet")})),"",` +
      `IF(OR(${s("Indskrevet")}>${OPG},AND(ISNUMBER(${s("Udskrevet")}),${s("Udskrevet")}<${OPG})),"Nej",` +
      `IF(COUNTIFS(${smCase},${sb("Gyldig")},1,${onOrBeforeOpg})=0,IF(${OPG}>EDATE(${s("Indskrevet")},1),"Ja","Nej"),` +
      `IF(EDATE(MAXIFS(${sb("Dato")},${smCase},${sb("Gyldig")},1,${onOrBeforeOpg}),${INTERVAL})<${OPG},"Ja","Nej"))))`,
    reference: (k, d) => measurementDue(k, d),
    compare: "exact",
  },
  {
    table: SAG,
    name: "Progression",
    formula: `=IF(${weightSum}>0,SUMIFS(${sb("Progressionsbidrag")},${smCase})/${weightSum},"")`,
    numFmt: NUMFMT.number,
    reference: (k, d) => caseProgression(k, d),
  },
  {
    table: SAG,
    name: "Forbedrede dimensioner",
    // ROUND: the weights 1/k of a dimension add up to 1 only up to rounding.
    formula: `=IF(${weightSum}>0,ROUND(SUMIFS(${sb("Dimensionsvægt")},${smCase},${sb("Dimensionsprogression")},">0"),0),"")`,
    numFmt: NUMFMT.integer,
    reference: (k, d) => improvedDimensions(k, d),
  },
  {
    table: SAG,
    name: "GAS T-score",
    formula: `=IF(${gasDenominator}>0,50+10*${maalSum("Vægtet score")}/SQRT(${gasDenominator}),"")`,
    numFmt: NUMFMT.number,
    reference: (k, d) => caseGasTScore(k, d),
  },
];

// ---------------------------------------------------------------- Visitationer

const v = (name: string) => thisRow(VIS, name);
const expectedStart = `IF(ISNUMBER(${v("Forventet start")}),${v("Forventet start")},"")`;
const caseRow = `MATCH(${v("Sags-ID")},${col(SAG, "Sags-ID")},0)`;
const caseEnrolment = `INDEX(${col(SAG, "Indskrevet")},${caseRow})`;

export const VISITATIONER_COMPUTED_COLUMNS: ComputedColumn<Visitation>[] = [
  {
    table: VIS,
    name: "Sagsbehandlingstid",
    formula: `=IF(AND(ISNUMBER(${v("Beslutningsdato")}),ISNUMBER(${v("Henvendelsesdato")})),${v("Beslutningsdato")}-${v("Henvendelsesdato")},"")`,
    numFmt: NUMFMT.integer,
    reference: (x) => sagsbehandlingstid(x),
  },
  {
    table: VIS,
    name: "Startdato",
    // The linked case's enrolment date, else the expected start (see startdato in the domain).
    formula: `=IF(${v("Sags-ID")}="",${expectedStart},` + `IFERROR(IF(ISNUMBER(${caseEnrolment}),${caseEnrolment},${expectedStart}),${expectedStart}))`,
    numFmt: NUMFMT.date,
    reference: (x, d) => startdato(x, d.cases),
  },
  {
    table: VIS,
    name: "Ventetid",
    formula: `=IF(AND(ISNUMBER(${v("Beslutningsdato")}),ISNUMBER(${v("Startdato")})),${v("Startdato")}-${v("Beslutningsdato")},"")`,
    numFmt: NUMFMT.integer,
    reference: (x, d) => ventetid(x, d.cases),
  },
];
