// The worked examples of docs/domain.md, by the reference and by the workbook's formulas in LibreOffice.
import { serial } from "../../src/domain/dates";
import type { Case, StructuredData, Unit } from "../../src/domain/model";
import { normeredePladser } from "../../src/domain/occupancy";
import { defaultAttendanceStatuses, defaultParams } from "../../src/domain/setup-defaults";
import { budgetramme, courseIncomeRows, jobcenterIncome, regulate, regulationRows, roundKr, type CourseBudget } from "../../src/domain/regulation";
import { buildPladsreguleringSheet, JOBCENTER_TABLE } from "../../src/workbook/report/pladsregulering";
import { findTable, tableRecords } from "../../src/adapters/xlsx/read-tables";
import { recalcPlans } from "../support/recalc-helpers";
import { structuredPlanWith } from "./support";

const YEAR = 2024;

function unit(enhed: string, lovgrundlag: string, extra: Partial<Unit> = {}): Unit {
  return { enhed, lovgrundlag, fuldtidspladser: null, deltidspladser: null, deltidsvaegt: null, loft: null, stykpris: null, reguleringspris: null, ...extra };
}

function enrolled(id: string, enhed: string, from: number, to: number | null = null): Case {
  return {
    sagsId: id,
    cpr: null,
    navn: null,
    enhed,
    lovgrundlag: null,
    pladstype: "Fuldtid",
    henviser: null,
    visitationsdato: null,
    indskrevet: from,
    udskrevet: to,
    udskrivningsaarsag: null,
    forsoergelsesgrundlag: null,
    jobcenterforloeb: null,
    kontaktperson: null,
    bemaerkninger: null,
  };
}

/** N = 94.5 (42 + 0.75 x 70), B = 89.0 (89 full-time cases all year), three jobcenter courses. */
function example(model: "Hele afvigelsen" | "Ud over båndet"): StructuredData {
  const before = serial(YEAR - 1, 12, 1);
  const cases = [
    ...Array.from({ length: 89 }, (_, i) => enrolled(`K-${i}`, "Kilen", before)),
    ...Array.from({ length: 6 }, (_, i) => enrolled(`A-${i}`, "Afklaring", before)),
    // 5 citizens on average over 2024 (366 days): 4 all year, plus 2 for 183 days each.
    ...Array.from({ length: 4 }, (_, i) => enrolled(`B-${i}`, "Brobygning", before)),
    enrolled("B-4", "Brobygning", serial(YEAR, 1, 1), serial(YEAR, 7, 1)),
    enrolled("B-5", "Brobygning", serial(YEAR, 7, 2), null),
  ];
  return {
    params: { ...defaultParams(serial(YEAR, 12, 31)), reguleringsmodel: model },
    cases,
    units: [
      unit("Kilen", "§103", { fuldtidspladser: 42, deltidspladser: 70, deltidsvaegt: 0.75, stykpris: 129_441, reguleringspris: 105_465 }),
      unit("Afklaring", "LAB"),
      unit("Brobygning", "LAB"),
      unit("Mentor", "LAB"),
    ],
    attendance: [],
    attendanceStatuses: defaultAttendanceStatuses(),
    holidays: [],
    instruments: [],
    measurements: [],
    goals: [],
    visitations: [],
  };
}

const budgets: CourseBudget[] = [
  { forloebstype: "Afklaring", budgetteredeBorgere: 6, uger: 52, prisPrUge: 2_325 },
  { forloebstype: "Brobygning", budgetteredeBorgere: 5, uger: 49, prisPrUge: 2_900 },
  { forloebstype: "Mentor", budgetteredeBorgere: 3, uger: 49, prisPrUge: 1_545 },
];

describe("regulation reference", () => {
  it("reproduces the worked example", () => {
    const n = normeredePladser(example("Hele afvigelsen").units[0])!;
    expect(n).toBe(94.5);
    const base = { n, b: 89.0, reguleringspris: 105_465, baandNedre: 0.95, baandOevre: 1.05 };
    const whole = regulate({ ...base, model: "Hele afvigelsen" });
    expect(whole.belaegningsprocent).toBeCloseTo(0.941799, 6);
    expect(whole.indenForBaandet).toBe(false);
    expect(whole.reguleretAfvigelse).toBe(-5.5);
    expect(whole.reguleringsbeloeb).toBe(-580_057.5);
    const beyond = regulate({ ...base, model: "Ud over båndet" });
    expect(beyond.reguleretAfvigelse).toBeCloseTo(-0.775, 12);
    expect(beyond.reguleringsbeloeb).toBe(-81_735.38);
    expect(budgetramme(n, 129_441)).toBe(12_232_174.5);
    expect([jobcenterIncome(6, 52, 2_325), jobcenterIncome(5, 49, 2_900), jobcenterIncome(3, 49, 1_545)]).toEqual([725_400, 710_500, 227_115]);
  });

  it("regulates nothing inside the band, bounds included, and uses the edge crossed above it", () => {
    const r = (b: number, model: "Hele afvigelsen" | "Ud over båndet" = "Ud over båndet") =>
      regulate({ n: 100, b, reguleringspris: 1_000, baandNedre: 0.95, baandOevre: 1.05, model });
    expect(r(95).reguleringsbeloeb).toBe(0);
    expect(r(105).reguleringsbeloeb).toBe(0);
    expect(r(95).indenForBaandet).toBe(true);
    expect([r(95).reguleretAfvigelse, r(110).reguleretAfvigelse, r(90).reguleretAfvigelse]).toEqual([0, 5, -5]);
    expect(r(90, "Hele afvigelsen").reguleretAfvigelse).toBe(-10);
    expect(r(110).reguleringsbeloeb).toBe(5_000);
    expect(r(110, "Hele afvigelsen").reguleringsbeloeb).toBe(10_000);
    expect(regulate({ n: 0, b: 3, reguleringspris: 1, baandNedre: 0.95, baandOevre: 1.05, model: "Hele afvigelsen" }).belaegningsprocent).toBeNull();
    expect(roundKr(-81_735.375)).toBe(-81_735.38);
    expect(roundKr(0.125)).toBe(0.13);
  });

  it("computes actual jobcenter citizens from enrolment days", () => {
    const rows = courseIncomeRows(example("Hele afvigelsen"), YEAR, budgets);
    expect(rows.map((r) => r.budgetteretIndtaegt)).toEqual([725_400, 710_500, 227_115]);
    expect(rows.map((r) => r.faktiskeBorgere)).toEqual([6, 5, 0]);
    expect(rows.map((r) => r.faktiskIndtaegt)).toEqual([725_400, 710_500, 0]);
  });
});

describe("Pladsregulering formulas (LibreOffice)", () => {
  it("reproduce the worked example and the jobcenter incomes", async () => {
    const datas = [example("Hele afvigelsen"), example("Ud over båndet")];
    const plans = datas.map((d) => structuredPlanWith(d, [buildPladsreguleringSheet(d, YEAR, budgets)]));
    const [whole, beyond] = await recalcPlans(plans, "regulation");
    const reg = (wb: typeof whole) => tableRecords(findTable(wb, "Pladsregulering")!)[0];
    const w = reg(whole);
    expect(w["Normerede pladser"]).toBe(94.5);
    // The chain a reader follows: 89 citizens x 366 days = 32,574 pladsdage; / 366 = 89.0 places.
    expect(w["Pladsdage"]).toBe(32_574);
    expect(w["Gennemsnitligt besatte pladser"]).toBeCloseTo(89.0, 9);
    expect(w["Reguleret afvigelse (pladser)"]).toBeCloseTo(-5.5, 9);
    expect(reg(beyond)["Reguleret afvigelse (pladser)"] as number).toBeCloseTo(-0.775, 9);
    expect(w["Belægningsprocent"] as number).toBeCloseTo(0.941799, 6);
    expect(w["Inden for båndet"]).toBe("Nej");
    expect(w["Reguleringsbeløb"]).toBe(-580_057.5);
    expect(w["Budgetramme"]).toBe(12_232_174.5);
    expect(reg(beyond)["Reguleringsbeløb"]).toBe(-81_735.38);
    for (const [wb, d] of [
      [whole, datas[0]],
      [beyond, datas[1]],
    ] as const) {
      const ref = regulationRows(d, YEAR)[0];
      expect(ref.pladsdage).toBe(32_574);
      expect(reg(wb)["Pladsdage"]).toBe(ref.pladsdage);
      expect(reg(wb)["Reguleret afvigelse (pladser)"] as number).toBeCloseTo(ref.reguleretAfvigelse!, 9);
      expect(reg(wb)["Reguleringsbeløb"]).toBe(ref.reguleringsbeloeb);
    }
    const income = tableRecords(findTable(whole, JOBCENTER_TABLE)!);
    expect(income.map((r) => r["Budgetteret indtægt"])).toEqual([725_400, 710_500, 227_115]);
    expect(income.map((r) => r["Faktiske borgere"])).toEqual([6, 5, 0]);
    expect(income.map((r) => r["Faktisk indtægt"])).toEqual([725_400, 710_500, 0]);
  });
});

describe("a unit inside the band (LibreOffice)", () => {
  it("has Reguleringsbeløb 0,00 kr., with and without a Reguleringspris", async () => {
    // Lunden: 10 full-time places, 10 citizens all year: 100 %. Engen: 20 places, 19 citizens: 95 %, the lower bound.
    const before = serial(YEAR - 1, 12, 1);
    const data: StructuredData = {
      ...example("Hele afvigelsen"),
      cases: [
        ...Array.from({ length: 10 }, (_, i) => enrolled(`L-${i}`, "Lunden", before)),
        ...Array.from({ length: 19 }, (_, i) => enrolled(`E-${i}`, "Engen", before)),
      ],
      units: [unit("Lunden", "§104", { fuldtidspladser: 10, stykpris: 200_000, reguleringspris: 150_000 }), unit("Engen", "§103", { fuldtidspladser: 20 })],
    };
    const [wb] = await recalcPlans([structuredPlanWith(data, [buildPladsreguleringSheet(data, YEAR, [])])], "band");
    const rows = tableRecords(findTable(wb, "Pladsregulering")!);
    expect(rows.map((r) => [r["Enhed"], r["Belægningsprocent"], r["Inden for båndet"], r["Reguleret afvigelse (pladser)"], r["Reguleringsbeløb"]])).toEqual([
      ["Lunden", 1, "Ja", 0, 0],
      ["Engen", 0.95, "Ja", 0, 0],
    ]);
    expect(regulationRows(data, YEAR).map((r) => r.reguleringsbeloeb)).toEqual([0, 0]);
  });
});
