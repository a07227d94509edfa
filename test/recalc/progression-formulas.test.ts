// The progression, GAS and visitation formulas recalculated in LibreOffice and compared cell by cell
// with their references in src/domain, on hand-written and seeded random workbooks.
import { SAGER_CASE_ROW_COLUMN, SAGER_STATUS_BLOCK_COLUMNS, sortedFlagFormula, sortedName } from "../../src/workbook/formulas/case-blocks";
import type ExcelJS from "exceljs";
import { recalcPlans, readTable as readTableValues, column, type TableValues } from "../support/recalc-helpers";
import { plainValue } from "../../src/adapters/xlsx/cell-values";
import { serial } from "../../src/domain/dates";
import { allPresetDimensions, RETNING } from "../../src/domain/instruments";
import type { Case, Goal, InstrumentDimension, Params, StatusMeasurement, StructuredData, Visitation } from "../../src/domain/model";
import {
  DEFINED_NAMES,
  INSTRUMENTER_INPUT,
  MAAL_INPUT,
  NUMFMT,
  SAGER_INPUT,
  STATUSMAALINGER_INPUT,
  TABLES,
  VISITATIONER_INPUT,
  type ColumnDef,
} from "../../src/workbook/contract";
import type { ComputedColumn, ComputedValue } from "../../src/workbook/computed";
import type { Plan, Scalar, TablePlan } from "../../src/workbook/plan";
import { CASE_VALUES, GOAL_VALUES, INSTRUMENT_VALUES, MEASUREMENT_VALUES, VISITATION_VALUES } from "../../src/workbook/row-values";
import {
  INSTRUMENTER_COMPUTED_COLUMNS,
  MAAL_COMPUTED_COLUMNS,
  SAGER_PROGRESSION_COLUMNS,
  STATUSMAALINGER_COMPUTED_COLUMNS,
  VISITATIONER_COMPUTED_COLUMNS,
} from "../../src/workbook/formulas/progression";

// ------------------------------------------------------------ building a plan from data

type Getter<T> = (row: T) => Scalar;

// The contract's accessors: the same cells the structured plan writes.
const caseFields = CASE_VALUES;
const instrumentFields = INSTRUMENT_VALUES;
const measurementFields = MEASUREMENT_VALUES;
const goalFields = GOAL_VALUES;
const visitationFields = VISITATION_VALUES;

function table<T>(name: string, inputs: ColumnDef[], fields: Record<string, Getter<T>>, computed: ComputedColumn<T>[], rows: T[]): TablePlan {
  return {
    name,
    topLeft: "A1",
    columns: [
      ...inputs.map((d) => ({ name: d.name, numFmt: d.type === "date" ? NUMFMT.date : undefined })),
      ...computed.map((cc) => ({ name: cc.name, formula: cc.formula, numFmt: cc.numFmt })),
    ],
    rows: rows.map((row) => [...inputs.map((d) => fields[d.name](row)), ...computed.map(() => null)]),
  };
}

function planOf(data: StructuredData): Plan {
  return {
    names: [
      { name: DEFINED_NAMES.opgoerelsesdato, refersTo: "='Opsætning'!$B$1" },
      { name: DEFINED_NAMES.statusintervalMdr, refersTo: "='Opsætning'!$B$2" },
      { name: sortedName(TABLES.statusmaalinger), refersTo: "='Opsætning'!$B$3" },
    ],
    sheets: [
      {
        name: "Opsætning",
        tables: [{ ...table(TABLES.instrumenter, INSTRUMENTER_INPUT, instrumentFields, INSTRUMENTER_COMPUTED_COLUMNS, data.instruments), topLeft: "D1" }],
        cells: [
          { address: "A1", value: "Opgørelsesdato" },
          { address: "B1", value: data.params.opgoerelsesdato, numFmt: NUMFMT.date },
          { address: "A2", value: "Statusinterval (mdr.)" },
          { address: "B2", value: data.params.statusintervalMdr },
          { address: "A3", value: "Statusmålinger sorteret efter sag" },
          { address: "B3", value: { formula: sortedFlagFormula(TABLES.statusmaalinger) } },
        ],
      },
      {
        name: "Sager",
        tables: [
          table(TABLES.sager, SAGER_INPUT, caseFields, [...SAGER_PROGRESSION_COLUMNS, SAGER_CASE_ROW_COLUMN, ...SAGER_STATUS_BLOCK_COLUMNS], data.cases),
        ],
      },
      {
        name: "Statusmålinger",
        tables: [table(TABLES.statusmaalinger, STATUSMAALINGER_INPUT, measurementFields, STATUSMAALINGER_COMPUTED_COLUMNS, data.measurements)],
      },
      { name: "Mål", tables: [table(TABLES.maal, MAAL_INPUT, goalFields, MAAL_COMPUTED_COLUMNS, data.goals)] },
      {
        name: "Visitationer",
        tables: [table(TABLES.visitationer, VISITATIONER_INPUT, visitationFields, VISITATIONER_COMPUTED_COLUMNS, data.visitations)],
      },
    ],
  };
}

// ------------------------------------------------------------ data

const D = serial(2024, 6, 30);

function params(over: Partial<Params> = {}): Params {
  return {
    opgoerelsesdato: D,
    periodestart: serial(2024, 1, 1),
    periodeslut: serial(2024, 12, 31),
    baandNedre: 0.95,
    baandOevre: 1.05,
    reguleringsmodel: "Hele afvigelsen",
    diskretionsgraense: 5,
    statusintervalMdr: 3,
    ...over,
  };
}

function kase(sagsId: string, indskrevet: number | null, udskrevet: number | null = null): Case {
  return {
    sagsId,
    cpr: null,
    navn: null,
    enhed: "Kilen",
    lovgrundlag: "§103",
    pladstype: "Fuldtid",
    henviser: null,
    visitationsdato: null,
    indskrevet,
    udskrevet,
    udskrivningsaarsag: null,
    forsoergelsesgrundlag: null,
    jobcenterforloeb: null,
    kontaktperson: null,
    bemaerkninger: null,
  };
}

function maaling(sagsId: string, dato: number, instrument: string, dimension: string, score: number | null): StatusMeasurement {
  return { sagsId, dato, instrument, dimension, score, bemaerkning: null, registreretAf: null };
}

function goal(sagsId: string, vaegt: number | null, gasScore: number | null): Goal {
  return { sagsId, maal: "Mål", vaegt, gasScore, dato: null };
}

function visitation(id: string, over: Partial<Visitation>): Visitation {
  return {
    visitationsId: id,
    sagsId: null,
    henvendelsesdato: serial(2024, 1, 10),
    henviser: "Jobcenter",
    lovgrundlag: "§103",
    oensketEnhed: "Kilen",
    pladstype: "Fuldtid",
    beslutning: "Bevilget",
    beslutningsdato: null,
    begrundelse: null,
    klagevejledningGivet: null,
    forventetStart: null,
    ...over,
  };
}

/** A custom instrument whose "ikke relevant" lies inside the scale, in a direction spelt in lower case. */
const CUSTOM: InstrumentDimension[] = [
  { instrument: "Trivsel", dimension: "Humør", min: 0, max: 5, retning: "lavere er bedre", ikkeRelevant: 0, niveauer: null, prioriteret: false },
  { instrument: "Trivsel", dimension: "Søvn", min: 0, max: 5, retning: RETNING.hoejere, ikkeRelevant: null, niveauer: null, prioriteret: false },
];

const VM = "Værkstedsmål";
const FN = "Funktionsniveau";

function handWritten(): StructuredData {
  const a = serial(2024, 1, 15);
  const b = serial(2024, 4, 15);
  return {
    params: params(),
    cases: [
      kase("A1", serial(2024, 1, 2)),
      kase("GAS1", serial(2024, 2, 1)),
      kase("GAS2", serial(2024, 2, 1)),
      kase("NY", serial(2024, 6, 10)), // enrolled under a month ago: not yet due
      kase("GAMMEL", serial(2024, 1, 2)), // no measurement after the first month: due
      kase("UD", serial(2023, 1, 2), serial(2024, 3, 1)), // discharged: never due
      kase("TOM", null),
      kase("ENKELT", serial(2024, 1, 2)),
    ],
    units: [],
    attendance: [],
    attendanceStatuses: [],
    holidays: [],
    instruments: [...allPresetDimensions(), ...CUSTOM],
    measurements: [
      // Funktionsniveau, lower is better: 3 -> 1 on a 0-4 scale is +0.5; 9 (ikke relevant) is ignored.
      maaling("A1", a, FN, "Egenomsorg", 3),
      maaling("A1", b, FN, "Egenomsorg", 1),
      maaling("A1", serial(2024, 5, 15), FN, "Egenomsorg", 9),
      // Værkstedsmål, higher is better: 4 -> 7 on 1-10 is +1/3; the latest date has two rows (7 and 7).
      maaling("A1", a, VM, "Stabilisering af døgnrytme", 4),
      maaling("a1", b, VM, "stabilisering af døgnrytme", 8),
      maaling("A1", b, VM, "Stabilisering af døgnrytme", 6),
      // Got worse: 6 -> 5.
      maaling("A1", a, VM, "Forbedring af samarbejdsevner", 6),
      maaling("A1", b, VM, "Forbedring af samarbejdsevner", 5),
      // Empty score and unknown dimension are ignored.
      maaling("A1", serial(2024, 6, 1), VM, "Forbedring af samarbejdsevner", null),
      maaling("A1", serial(2024, 6, 1), VM, "Ukendt dimension", 5),
      // Single measurement: no progression.
      maaling("ENKELT", a, VM, "Forbedring af faglige kompetencer", 5),
      maaling("ENKELT", a, "Trivsel", "Humør", 0), // ikke relevant inside the scale
    ],
    goals: [
      goal("GAS1", null, 1),
      goal("GAS1", null, 1),
      goal("GAS1", null, 1),
      goal("GAS2", 1, 1),
      goal("GAS2", 2, 0),
      goal("GAS2", 3, -1),
      goal("GAS2", 5, null), // not scored: left out
    ],
    visitations: [
      visitation("V1", { sagsId: "A1", beslutningsdato: serial(2023, 12, 20), forventetStart: serial(2024, 3, 1) }),
      visitation("V2", { sagsId: null, beslutningsdato: serial(2024, 2, 1), forventetStart: serial(2024, 3, 1) }),
      visitation("V3", { beslutningsdato: null, forventetStart: serial(2024, 3, 1) }),
      visitation("V4", { sagsId: "TOM", beslutningsdato: serial(2024, 2, 1), forventetStart: serial(2024, 2, 15) }),
      visitation("V5", { sagsId: "FINDES-IKKE", beslutningsdato: serial(2024, 2, 1) }),
    ],
  };
}

/** A small deterministic PRNG (mulberry32): the random workbooks are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomData(seed: number, nCases: number): StructuredData {
  const rand = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const chance = (p: number) => rand() < p;
  const instruments = [...allPresetDimensions(), ...CUSTOM];
  const opg = serial(2024, int(1, 12), int(1, 28));
  const cases: Case[] = [];
  const measurements: StatusMeasurement[] = [];
  const goals: Goal[] = [];
  const visitations: Visitation[] = [];
  for (let i = 0; i < nCases; i++) {
    const id = `S${seed}-${String(i).padStart(3, "0")}`;
    const start = chance(0.05) ? null : serial(2023, 1, 1) + int(0, 600);
    const end = start !== null && chance(0.3) ? start + int(0, 300) : null;
    cases.push(kase(id, start, end));
    const base = start ?? serial(2023, 6, 1);
    const instrument = pick(["Værkstedsmål", "Forandringskompas", "Funktionsniveau", "Selvvurdering", "Trivsel"]);
    const dims = instruments.filter((d) => d.instrument === instrument);
    const nDates = int(0, 4);
    const dates = Array.from({ length: nDates }, () => base + int(-10, 500));
    for (const dato of dates) {
      for (const dim of dims) {
        if (chance(0.3)) continue;
        let score: number | null = int(dim.min, dim.max);
        if (chance(0.08)) score = null;
        else if (dim.ikkeRelevant !== null && chance(0.15)) score = dim.ikkeRelevant;
        else if (chance(0.03)) score = dim.max + 1;
        const idText = chance(0.1) ? id.toLowerCase() : id;
        const dimText = chance(0.1) ? dim.dimension.toUpperCase() : dim.dimension;
        measurements.push(maaling(idText, dato, instrument, dimText, score));
        // A double registration on the same date now and then.
        if (chance(0.05)) measurements.push(maaling(id, dato, instrument, dim.dimension, int(dim.min, dim.max)));
      }
    }
    if (chance(0.05)) measurements.push(maaling(id, base + int(0, 300), "Værkstedsmål", "Findes ikke", 3));
    for (let j = int(0, 4); j > 0; j--) {
      goals.push(goal(id, chance(0.4) ? null : pick([0.5, 1, 2, 3]), chance(0.15) ? null : int(-2, 2)));
    }
    if (chance(0.6)) {
      const enquiry = base - int(10, 120);
      const decision = chance(0.85) ? enquiry + int(0, 60) : null;
      visitations.push(
        visitation(`V${seed}-${i}`, {
          sagsId: chance(0.7) ? (chance(0.1) ? id.toLowerCase() : id) : chance(0.5) ? null : `X${i}`,
          henvendelsesdato: enquiry,
          beslutningsdato: decision,
          beslutning: pick(["Bevilget", "Afslag", "Venteliste", "Under udredning"]),
          forventetStart: chance(0.6) ? enquiry + int(20, 150) : null,
        })
      );
    }
  }
  // Goals without a case id are never counted.
  goals.push(goal("", 1, 2));
  measurements.push(maaling("", opg - 10, "Værkstedsmål", "Bolig", 4));
  return {
    params: params({ opgoerelsesdato: opg, statusintervalMdr: int(1, 6) }),
    cases,
    units: [],
    attendance: [],
    attendanceStatuses: [],
    holidays: [],
    instruments,
    measurements,
    goals,
    visitations,
  };
}

// ------------------------------------------------------------ comparing

/**
 * A table's values with formula results read through `cell.result`: ExcelJS's `cell.value` copies a
 * formula's result only when it is truthy, so a computed 0 would read as empty.
 */
function readTable(wb: ExcelJS.Workbook, name: string): TableValues {
  const t = readTableValues(wb, name);
  for (const ws of wb.worksheets) {
    const found = ws.getTables().find((x) => (x as unknown as { table?: { name: string } }).table?.name === name);
    if (!found) continue;
    const model = (found as unknown as { table: { ref?: string; tableRef?: string } }).table;
    const top = ws.getCell((model.tableRef ?? model.ref!).split(":")[0]);
    t.rows.forEach((row, i) =>
      row.forEach((_, j) => {
        const cell = ws.getCell(Number(top.row) + 1 + i, Number(top.col) + j);
        if (cell.formula) row[j] = cell.result === undefined ? null : plainValue(cell.result as ExcelJS.CellValue);
      })
    );
  }
  return t;
}

function normalise(v: unknown): ComputedValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  return String(v);
}

function mismatches<T>(wb: ExcelJS.Workbook, tableName: string, columns: ComputedColumn<T>[], rows: T[], data: StructuredData): string[] {
  const t = readTable(wb, tableName);
  const out: string[] = [];
  for (const cc of columns) {
    const got = column(t, cc.name).map(normalise);
    rows.forEach((row, i) => {
      const want = cc.reference(row, data);
      const g = got[i];
      const ok = cc.compare !== "exact" && typeof want === "number" && typeof g === "number" ? Math.abs(want - g) <= 1e-9 : want === g;
      if (!ok) out.push(`${tableName}[${cc.name}] række ${i + 1}: formel ${JSON.stringify(g)}, reference ${JSON.stringify(want)}`);
    });
  }
  return out;
}

function allMismatches(wb: ExcelJS.Workbook, data: StructuredData): string[] {
  return [
    ...mismatches(wb, TABLES.instrumenter, INSTRUMENTER_COMPUTED_COLUMNS, data.instruments, data),
    ...mismatches(wb, TABLES.statusmaalinger, STATUSMAALINGER_COMPUTED_COLUMNS, data.measurements, data),
    ...mismatches(wb, TABLES.maal, MAAL_COMPUTED_COLUMNS, data.goals, data),
    ...mismatches(wb, TABLES.sager, [...SAGER_PROGRESSION_COLUMNS, SAGER_CASE_ROW_COLUMN, ...SAGER_STATUS_BLOCK_COLUMNS], data.cases, data),
    ...mismatches(wb, TABLES.visitationer, VISITATIONER_COMPUTED_COLUMNS, data.visitations, data),
  ];
}

// ------------------------------------------------------------ tests

const hand = handWritten();
const randoms = [randomData(11, 30), randomData(22, 25), randomData(33, 40)];
let books: ExcelJS.Workbook[] = [];

beforeAll(async () => {
  books = await recalcPlans([hand, ...randoms].map(planOf), "progression");
}, 300_000);

function sagerValue(name: string, sagsId: string): unknown {
  const t = readTable(books[0], TABLES.sager);
  const i = hand.cases.findIndex((c) => c.sagsId === sagsId);
  return normalise(column(t, name)[i]);
}

describe("progression, GAS and visitation formulas in LibreOffice", () => {
  it("compute the docs/domain.md GAS worked examples: 63.69 and 45.59", () => {
    const t1 = sagerValue("GAS T-score", "GAS1") as number;
    const t2 = sagerValue("GAS T-score", "GAS2") as number;
    expect(t1.toFixed(2)).toBe("63.69");
    expect(t2.toFixed(2)).toBe("45.59");
    expect(t1).toBeCloseTo(50 + 30 / Math.sqrt(4.8), 9);
  });

  it("compute the hand-written progression: lower-is-better negation, ikke relevant and empty scores ignored", () => {
    // Egenomsorg +0.5, døgnrytme (mean 7 on the latest date) (7-4)/9, samarbejdsevner -1/9.
    expect(sagerValue("Progression", "A1") as number).toBeCloseTo((0.5 + 3 / 9 - 1 / 9) / 3, 12);
    expect(sagerValue("Forbedrede dimensioner", "A1")).toBe(2);
    expect(sagerValue("Seneste statusmåling", "A1")).toBe(serial(2024, 4, 15));
    expect(sagerValue("Progression", "ENKELT")).toBeNull();
    expect(sagerValue("Forbedrede dimensioner", "ENKELT")).toBeNull();
    expect(sagerValue("GAS T-score", "ENKELT")).toBeNull();
  });

  it("mark due measurements", () => {
    expect(sagerValue("Statusmåling forfalden", "A1")).toBe("Nej"); // 15 Apr + 3 months = 15 Jul >= 30 Jun
    expect(sagerValue("Statusmåling forfalden", "NY")).toBe("Nej");
    expect(sagerValue("Statusmåling forfalden", "GAMMEL")).toBe("Ja");
    expect(sagerValue("Statusmåling forfalden", "UD")).toBe("Nej");
    expect(sagerValue("Statusmåling forfalden", "TOM")).toBeNull();
    expect(sagerValue("Statusmåling forfalden", "ENKELT")).toBe("Ja"); // 15 Jan + 3 months < 30 Jun
  });

  it("match every reference on the hand-written workbook", () => {
    expect(allMismatches(books[0], hand)).toEqual([]);
  });

  it.each(randoms.map((d, i) => [i, d] as const))("match every reference on random workbook %i", (i, data) => {
    expect(data.cases.length).toBeGreaterThanOrEqual(20);
    expect(allMismatches(books[i + 1], data)).toEqual([]);
  });

  it("exercise the interesting branches in the random workbooks", () => {
    const sager = randoms.map((_, i) => readTable(books[i + 1], TABLES.sager));
    const maalinger = randoms.map((_, i) => readTable(books[i + 1], TABLES.statusmaalinger));
    const values = (ts: TableValues[], name: string) => ts.flatMap((t) => column(t, name).map(normalise));
    expect(values(sager, "Progression").filter((x) => typeof x === "number").length).toBeGreaterThan(20);
    expect(values(sager, "Statusmåling forfalden")).toEqual(expect.arrayContaining(["Ja", "Nej", null]));
    // Ties on a latest date (weights 1/k < 1), ignored rows and dimensions that got worse all occur.
    expect(values(maalinger, "Dimensionsvægt").some((x) => typeof x === "number" && x > 0 && x < 1)).toBe(true);
    expect(values(maalinger, "Gyldig")).toContain(0);
    expect(values(maalinger, "Dimensionsprogression").some((x) => typeof x === "number" && x < 0)).toBe(true);
  });
});
