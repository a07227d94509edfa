// The Pladsregulering sheet: yearly place regulation of the §103/§104 units and, beside it, the
// jobcenter course income (budgeted from the user's inputs, actual from enrolment days), all as live
// formulas over Sager and Enheder. Reference: domain/regulation.ts.
import {
  DEFAULT_UGER,
  courseIncomeRows,
  courseTypes,
  isRegulatedUnit,
  regulationRows,
  type CourseBudget,
  type CourseIncomeRow,
  type RegulationRow,
} from "../../domain/regulation";
import type { StructuredData } from "../../domain/model";
import { DEFINED_NAMES, NUMFMT, SHEETS, TABLES, col, thisRow } from "../contract";
import type { SheetPlan, TablePlan } from "../plan";
import { cachedResult, referencesHold } from "../cached-results";
import { enrolmentDaysSum, normerede, type Bounds } from "./noegletal";

export const JOBCENTER_TABLE = "Jobcenterindtaegt";

export const PLADSREGULERING_COLUMNS = [
  "Enhed",
  "År",
  "Normerede pladser",
  "Pladsdage",
  "Gennemsnitligt besatte pladser",
  "Belægningsprocent",
  "Inden for båndet",
  "Reguleret afvigelse (pladser)",
  "Reguleringspris",
  "Reguleringsbeløb",
  "Stykpris",
  "Budgetramme",
] as const;

export const JOBCENTER_COLUMNS = [
  "Forløbstype",
  "År",
  "Budgetterede borgere",
  "Uger",
  "Pris pr. uge",
  "Budgetteret indtægt",
  "Faktiske borgere",
  "Faktisk indtægt",
] as const;

export const PLADSREGULERING_TOP_LEFT = "A7";

/** The jobcenter table's top-left cell: below the regulation table, so that an A4 page holds each at a readable size. */
export function jobcenterTopLeft(regulatedUnits: number): string {
  return `A${7 + Math.max(1, regulatedUnits) + 5}`;
}

/** Band and model in words, from the defined names: "Bånd: 95 %–105 %. Model: Hele afvigelsen …". */
export function bandAndModelFormula(): string {
  const pct = (name: string): string => `ROUND(${name}*100,1)&" %"`;
  const m = DEFINED_NAMES.reguleringsmodel;
  return (
    `="Ingen regulering, når belægningen ligger i båndet "&${pct(DEFINED_NAMES.baandNedre)}&"–"&${pct(DEFINED_NAMES.baandOevre)}&". ` +
    `Reguleringsmodel: "&${m}&IF(${m}="Ud over båndet",` +
    `" – kun pladserne uden for båndet reguleres: (B − N × grænsen) × reguleringspris.",` +
    `" – hele afvigelsen reguleres: (B − N) × reguleringspris.")`
  );
}

/** What to fill in while the table has no normerede pladser (a freshly converted workbook). */
export function missingInputFormula(): string {
  return (
    `=IF(COUNT(${col(TABLES.pladsregulering, "Normerede pladser")})=0,` +
    `"Intet at regulere endnu: udfyld Fuldtidspladser (og Deltidspladser), Stykpris og Reguleringspris for enhederne i tabellen Enheder på arket Opsætning.","")`
  );
}

/** How each row is computed, in words, read from left to right (two lines that fit the printed page). */
export const DERIVATION_TEXT = [
  "Sådan regnes hver række fra venstre: pladsdage (de indskrevnes dage i året, vægtet med Pladsvægt) ÷ årets dage = gennemsnitligt besatte pladser (B);",
  "B ÷ normerede pladser (N) = belægningsprocent; reguleret afvigelse (0 i båndet) × reguleringspris = reguleringsbeløb (positivt hæver budgettet).",
];

const r = (c: string): string => thisRow(TABLES.pladsregulering, c);
const j = (c: string): string => thisRow(JOBCENTER_TABLE, c);

/**
 * Round to øre after cutting binary noise at 6 decimals: (89 - 94.5 x 0.95) x 105,465 is
 * -81,735.37499999 in floating point and must give -81,735.38 (regulation.ts's roundKr does the same).
 */
export function roundKrFormula(expr: string): string {
  return `ROUND(ROUND(${expr},6),2)`;
}

function yearBounds(yearCell: string): Bounds {
  return { F: `DATE(${yearCell},1,1)`, T: `DATE(${yearCell},12,31)` };
}

/** A unit's numeric value from Enheder, or "" when the unit has none. */
function unitNumber(column: string): string {
  const m = `INDEX(${col("Enheder", column)},MATCH(${r("Enhed")},${col("Enheder", "Enhed")},0))`;
  return `=IFERROR(IF(ISNUMBER(${m}),${m},""),"")`;
}

/** Canonical formulas of the Pladsregulering columns (null: an input column). */
export function pladsreguleringFormulas(): Record<(typeof PLADSREGULERING_COLUMNS)[number], string | null> {
  const unit = { unit: r("Enhed") };
  const b = yearBounds(r("År"));
  const N = r("Normerede pladser");
  const days = r("Pladsdage");
  const B = r("Gennemsnitligt besatte pladser");
  const rate = r("Belægningsprocent");
  const lower = DEFINED_NAMES.baandNedre;
  const upper = DEFINED_NAMES.baandOevre;
  const pris = r("Reguleringspris");
  const afv = r("Reguleret afvigelse (pladser)");
  const deviation = `IF(${DEFINED_NAMES.reguleringsmodel}="Ud over båndet",` + `${B}-${N}*IF(${rate}<${lower},${lower},${upper}),${B}-${N})`;
  // A row without a unit or a year (the placeholder row of an empty table) stays empty.
  const known = `OR(${r("Enhed")}="",NOT(ISNUMBER(${r("År")})))`;
  return {
    Enhed: null,
    År: null,
    "Normerede pladser": `=IF(${r("Enhed")}="","",${normerede(unit)})`,
    Pladsdage: `=IF(${known},"",${enrolmentDaysSum(unit, b, true)})`,
    "Gennemsnitligt besatte pladser": `=IF(${days}="","",${days}/(${b.T}-${b.F}+1))`,
    Belægningsprocent: `=IF(COUNT(${N},${B})<2,"",IF(${N}<=0,"",${B}/${N}))`,
    "Inden for båndet": `=IF(${rate}="","",IF(AND(${rate}>=${lower},${rate}<=${upper}),"Ja","Nej"))`,
    "Reguleret afvigelse (pladser)": `=IF(${rate}="","",IF(${r("Inden for båndet")}="Ja",0,${deviation}))`,
    Reguleringspris: unitNumber("Reguleringspris"),
    Reguleringsbeløb: `=IF(${afv}="","",IF(${r("Inden for båndet")}="Ja",0,IF(${pris}="","",${roundKrFormula(`${afv}*${pris}`)})))`,
    Stykpris: unitNumber("Stykpris"),
    Budgetramme: `=IF(COUNT(${N},${r("Stykpris")})<2,"",${roundKrFormula(`${N}*${r("Stykpris")}`)})`,
  };
}

export function jobcenterFormulas(): Record<(typeof JOBCENTER_COLUMNS)[number], string | null> {
  const b = yearBounds(j("År"));
  return {
    Forløbstype: null,
    År: null,
    "Budgetterede borgere": null,
    Uger: null,
    "Pris pr. uge": null,
    "Budgetteret indtægt":
      `=IF(COUNT(${j("Budgetterede borgere")},${j("Uger")},${j("Pris pr. uge")})<3,"",` +
      `${roundKrFormula(`${j("Budgetterede borgere")}*${j("Uger")}*${j("Pris pr. uge")}`)})`,
    "Faktiske borgere":
      `=IF(OR(${j("Forløbstype")}="",NOT(ISNUMBER(${j("År")}))),"",` + `${enrolmentDaysSum({ unit: j("Forløbstype") }, b, false)}/(${b.T}-${b.F}+1))`,
    "Faktisk indtægt": `=IF(COUNT(${j("Uger")},${j("Pris pr. uge")})<2,"",${roundKrFormula(`${j("Faktiske borgere")}*${j("Uger")}*${j("Pris pr. uge")}`)})`,
  };
}

const FORMATS: Record<string, string> = {
  År: NUMFMT.integer,
  "Normerede pladser": NUMFMT.number,
  // Weighted by Pladsvægt (0.75 for a part-time place), so a unit's pladsdage may have quarters.
  Pladsdage: "#,##0.00",
  "Gennemsnitligt besatte pladser": NUMFMT.number,
  "Reguleret afvigelse (pladser)": NUMFMT.number,
  Belægningsprocent: "0.00%",
  Reguleringspris: NUMFMT.money,
  Reguleringsbeløb: NUMFMT.money,
  Stykpris: NUMFMT.money,
  Budgetramme: NUMFMT.money,
  "Budgetterede borgere": NUMFMT.number,
  Uger: NUMFMT.integer,
  "Pris pr. uge": NUMFMT.money,
  "Budgetteret indtægt": NUMFMT.money,
  "Faktiske borgere": NUMFMT.number,
  "Faktisk indtægt": NUMFMT.money,
};

/** A column as wide as its longest header word (headers wrap) and its amounts in kroner. */
function headerWidth(name: string): number {
  if (name === "Enhed" || name === "Forløbstype") return 24;
  if (name === "År") return 8;
  // Headers are bold: a character takes about a fifth more room than the width's unit.
  const word = Math.ceil(Math.max(...name.split(" ").map((w) => w.length)) * 1.2) + 2;
  return Math.max(word, FORMATS[name] === NUMFMT.money ? 17 : 12);
}

/** Budget inputs for every course type: the given ones (kept from an earlier report), else defaults. */
export function defaultBudgets(data: StructuredData, given: readonly CourseBudget[] = []): CourseBudget[] {
  return courseTypes(data).map(
    (t) =>
      given.find((g) => g.forloebstype.toLowerCase() === t.toLowerCase()) ?? {
        forloebstype: t,
        budgetteredeBorgere: null,
        uger: DEFAULT_UGER,
        prisPrUge: null,
      }
  );
}

export function buildPladsreguleringSheet(data: StructuredData, year: number, budgets: readonly CourseBudget[], cached = true): SheetPlan {
  const pf = pladsreguleringFormulas();
  const jf = jobcenterFormulas();
  const regulated = data.units.filter((u) => u.enhed.trim() !== "" && isRegulatedUnit(u));
  const regulation: TablePlan = {
    name: TABLES.pladsregulering,
    topLeft: PLADSREGULERING_TOP_LEFT,
    columns: PLADSREGULERING_COLUMNS.map((name) => ({
      name,
      formula: pf[name] ?? undefined,
      numFmt: FORMATS[name],
      width: headerWidth(name),
    })),
    wrapHeaders: true,
    rows: regulated.map((u) => [u.enhed, year, ...PLADSREGULERING_COLUMNS.slice(2).map(() => null)]),
    style: "TableStyleMedium2",
  };
  const incomeAt = jobcenterTopLeft(regulated.length);
  const incomeRow = Number(incomeAt.slice(1));
  const income: TablePlan = {
    name: JOBCENTER_TABLE,
    topLeft: incomeAt,
    wrapHeaders: true,
    columns: JOBCENTER_COLUMNS.map((name) => ({
      name,
      formula: jf[name] ?? undefined,
      numFmt: FORMATS[name],
      width: headerWidth(name),
    })),
    rows: budgets.map((b) => [b.forloebstype, year, b.budgetteredeBorgere, b.uger, b.prisPrUge, null, null, null]),
    style: "TableStyleMedium4",
  };
  if (cached) attachReportResults(regulation, income, data, year, budgets);
  // The two tables share columns A to H: each column as wide as the wider of the two.
  const widest = (k: number): number => Math.max(regulation.columns[k]?.width ?? 0, income.columns[k]?.width ?? 0);
  regulation.columns = regulation.columns.map((c, k) => ({ ...c, width: widest(k) }));
  income.columns = income.columns.map((c, k) => ({ ...c, width: widest(k) }));
  return {
    name: SHEETS.pladsregulering,
    tables: [regulation, income],
    cells: [
      { address: "A1", value: `Pladsregulering ${year}`, bold: true, size: 14 },
      { address: "A2", value: { formula: bandAndModelFormula() } },
      { address: "A3", value: DERIVATION_TEXT[0] },
      { address: "A4", value: DERIVATION_TEXT[1] },
      {
        address: "A5",
        value:
          regulated.length === 0
            ? "Ingen enheder med lovgrundlag §103 eller §104 i tabellen Enheder på arket Opsætning: udfyld Lovgrundlag for enhederne, og lav rapporten igen."
            : { formula: missingInputFormula() },
        bold: true,
      },
      { address: "A6", value: "Pladsregulering (§103 og §104)", bold: true },
      { address: `A${incomeRow - 2}`, value: "Indtægt fra jobcenterforløb (LAB)", bold: true },
      { address: `A${incomeRow - 1}`, value: "Indtægt = gennemsnitligt antal borgere × uger × pris pr. uge. Udfyld de hvide felter." },
    ],
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, columns: "A:L", footer: `Pladsregulering ${year}` },
  };
}

/**
 * The two tables' cached results from their references (domain/regulation.ts), row for row; none where
 * the rows do not line up with the reference's or the references may not hold (cached-results.ts).
 */
function attachReportResults(regulation: TablePlan, income: TablePlan, data: StructuredData, year: number, budgets: readonly CourseBudget[]): void {
  if (!referencesHold(data)) return;
  const jaNej = (v: boolean | null): string | null => (v === null ? null : v ? "Ja" : "Nej");
  const put = <Row>(t: TablePlan, rows: readonly Row[], columns: Record<string, (row: Row) => number | string | null>): void => {
    for (const [name, pick] of Object.entries(columns)) {
      const c = t.columns.find((x) => x.name === name && x.formula);
      if (c && rows.length === t.rows.length) c.results = rows.map((r) => cachedResult(pick(r)));
    }
  };
  const reg = regulationRows(data, year);
  if (reg.every((r, i) => r.enhed === regulation.rows[i]?.[0])) {
    put<RegulationRow>(regulation, reg, {
      "Normerede pladser": (r) => r.normeredePladser,
      Pladsdage: (r) => r.pladsdage,
      "Gennemsnitligt besatte pladser": (r) => r.gennemsnitligtBesattePladser,
      Belægningsprocent: (r) => r.belaegningsprocent,
      "Inden for båndet": (r) => jaNej(r.indenForBaandet),
      "Reguleret afvigelse (pladser)": (r) => r.reguleretAfvigelse,
      Reguleringsbeløb: (r) => r.reguleringsbeloeb,
      Budgetramme: (r) => r.budgetramme,
    });
  }
  put<CourseIncomeRow>(income, courseIncomeRows(data, year, budgets), {
    "Budgetteret indtægt": (r) => r.budgetteretIndtaegt,
    "Faktiske borgere": (r) => r.faktiskeBorgere,
    "Faktisk indtægt": (r) => r.faktiskIndtaegt,
  });
}
