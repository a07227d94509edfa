// Progression of status measurements: table-driven cases of the definitions in progression.ts and
// properties tying the workbook's per-row decomposition (weights 1/k) to the per-case numbers.
import fc from "fast-check";
import { serial } from "../../src/domain/dates";
import { allPresetDimensions } from "../../src/domain/instruments";
import type { Case, InstrumentDimension, Params, StructuredData } from "../../src/domain/model";
import {
  caseProgression,
  caseSeries,
  improvedDimensions,
  isActiveOn,
  latestMeasurementDate,
  measurementDue,
  measurementRow,
  measurementRows,
} from "../../src/domain/progression";

const VM = "Værkstedsmål";
const FN = "Funktionsniveau";
const SV = "Selvvurdering";
const D1 = serial(2024, 1, 15);
const D2 = serial(2024, 4, 15);
const D3 = serial(2024, 7, 15);

const params: Params = {
  opgoerelsesdato: serial(2024, 6, 30),
  periodestart: serial(2024, 1, 1),
  periodeslut: serial(2024, 12, 31),
  baandNedre: 0.95,
  baandOevre: 1.05,
  reguleringsmodel: "Hele afvigelsen",
  diskretionsgraense: 5,
  statusintervalMdr: 3,
};

function kase(sagsId: string, indskrevet: number | null = serial(2024, 1, 2), udskrevet: number | null = null): Case {
  return { sagsId, indskrevet, udskrevet } as Case;
}

type M = [string, number, string, string, number | null];
function data(rows: M[], over: Partial<StructuredData> = {}): StructuredData {
  return {
    params,
    cases: [],
    units: [],
    attendance: [],
    attendanceStatuses: [],
    holidays: [],
    instruments: allPresetDimensions(),
    measurements: rows.map(([sagsId, dato, instrument, dimension, score]) => ({
      sagsId,
      dato,
      instrument,
      dimension,
      score,
      bemaerkning: null,
      registreretAf: null,
    })),
    goals: [],
    visitations: [],
    ...over,
  };
}

const egen = (dato: number, score: number | null): M => ["S", dato, FN, "Egenomsorg", score];
const doegn = (dato: number, score: number | null): M => ["S", dato, VM, "Stabilisering af døgnrytme", score];

describe("caseProgression", () => {
  it.each<[string, M[], number | null, number | null]>([
    ["higher is better: 4 -> 7 on 1-10", [doegn(D1, 4), doegn(D2, 7)], 3 / 9, 1],
    ["higher is better, got worse: 7 -> 4", [doegn(D1, 7), doegn(D2, 4)], -3 / 9, 0],
    ["lower is better is negated: 3 -> 1 on 0-4", [egen(D1, 3), egen(D2, 1)], 0.5, 1],
    ["lower is better, got worse: 1 -> 3", [egen(D1, 1), egen(D2, 3)], -0.5, 0],
    ["unchanged is not improved", [egen(D1, 2), egen(D2, 2)], 0, 0],
    ["full range is +1", [egen(D1, 4), egen(D2, 0)], 1, 1],
    ["ikke relevant 9 is ignored as latest", [egen(D1, 3), egen(D2, 1), egen(D3, 9)], 0.5, 1],
    ["ikke relevant 9 is ignored as first", [egen(D1, 9), egen(D2, 3), egen(D3, 1)], 0.5, 1],
    ["ikke relevant leaves a single measurement", [egen(D1, 3), egen(D2, 9)], null, null],
    ["an empty score is ignored", [doegn(D1, 4), doegn(D2, null)], null, null],
    ["a score outside the scale is ignored", [doegn(D1, 4), doegn(D2, 11)], null, null],
    ["a single measurement gives no progression", [doegn(D1, 4)], null, null],
    ["two rows on one date are one measurement", [doegn(D1, 4), doegn(D1, 6)], null, null],
    ["rows on one date are averaged: (4+6)/2 -> 8", [doegn(D1, 4), doegn(D1, 6), doegn(D2, 8)], 3 / 9, 1],
    ["order of rows does not matter", [doegn(D2, 8), doegn(D1, 6), doegn(D1, 4)], 3 / 9, 1],
    [
      "yes/no item: Nej -> Ja is +1",
      [
        ["S", D1, SV, "Betragter sig selv som misbrugsfri", 0],
        ["S", D2, SV, "Betragter sig selv som misbrugsfri", 1],
      ],
      1,
      1,
    ],
    [
      "unknown dimension is ignored",
      [
        ["S", D1, VM, "Findes ikke", 1],
        ["S", D2, VM, "Findes ikke", 9],
      ],
      null,
      null,
    ],
    ["mean over dimensions", [egen(D1, 3), egen(D2, 1), doegn(D1, 7), doegn(D2, 4)], (0.5 - 3 / 9) / 2, 1],
    ["ids and names compare ignoring case", [["s", D1, "værkstedsmål", "STABILISERING AF DØGNRYTME", 4], doegn(D2, 7)], 3 / 9, 1],
    ["other cases do not count", [["T", D1, FN, "Egenomsorg", 4], egen(D2, 0)], null, null],
  ])("%s", (_name, rows, progression, improved) => {
    const d = data(rows);
    const p = caseProgression(kase("S"), d);
    if (progression === null) expect(p).toBeNull();
    else expect(p).toBeCloseTo(progression, 12);
    expect(improvedDimensions(kase("S"), d)).toBe(improved);
  });

  it("uses the instrument's own ikke relevant value, even inside the scale", () => {
    const instruments: InstrumentDimension[] = [
      { instrument: "Trivsel", dimension: "Humør", min: 0, max: 5, retning: "Højere er bedre", ikkeRelevant: 0, niveauer: null, prioriteret: false },
    ];
    const d = data(
      [
        ["S", D1, "Trivsel", "Humør", 2],
        ["S", D2, "Trivsel", "Humør", 0],
      ],
      { instruments }
    );
    expect(caseProgression(kase("S"), d)).toBeNull();
    expect(caseSeries("S", d)).toHaveLength(1);
  });
});

describe("measurementRow", () => {
  const d = data([doegn(D1, 4), doegn(D2, 6), doegn(D2, 8), doegn(D3, null), egen(D1, 2)]);
  const rows = d.measurements.map((m) => measurementRow(m, d));

  it("gives first score, change and normalised change per row", () => {
    expect(rows.map((r) => r.foersteScore)).toEqual([4, 4, 4, null, 2]);
    expect(rows.map((r) => r.aendring)).toEqual([0, 2, 4, null, 0]);
    expect(rows[2].normaliseretAendring).toBeCloseTo(4 / 9, 12);
    expect(rows.map((r) => r.seneste)).toEqual(["Nej", "Ja", "Ja", null, "Ja"]);
    expect(rows.map((r) => r.gyldig)).toEqual([1, 1, 1, 0, 1]);
  });

  it("splits a dimension's weight over the rows of its latest date", () => {
    expect(rows.map((r) => r.dimensionsvaegt)).toEqual([0, 0.5, 0.5, 0, 0]);
    expect(rows[1].dimensionsprogression).toBeCloseTo(3 / 9, 12);
    expect(rows[4].dimensionsprogression).toBeNull(); // one date only
  });

  it("looks up the scale and direction, empty when the dimension is unknown", () => {
    expect(rows[4]).toMatchObject({ noegle: "Funktionsniveau|Egenomsorg", min: 0, max: 4, retning: "Lavere er bedre" });
    const unknown = measurementRow(d.measurements[0], { ...d, instruments: [] });
    expect(unknown).toMatchObject({ min: null, max: null, retning: null, gyldig: 0, foersteScore: null });
  });
});

// Random measurement tables over a few cases, dimensions and dates, with ties and ignored scores.
const dims = allPresetDimensions()
  .filter((x) => [VM, FN].includes(x.instrument))
  .slice(0, 8);
const arbRow = fc.record({
  sagsId: fc.constantFrom("A", "B", "b", "C"),
  dato: fc.integer({ min: 0, max: 5 }).map((k) => D1 + 30 * k),
  dim: fc.constantFrom(...dims),
  score: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(9), fc.constant(null)),
});
const arbData = fc.array(arbRow, { maxLength: 60 }).map((rows) => data(rows.map((r): M => [r.sagsId, r.dato, r.dim.instrument, r.dim.dimension, r.score])));

describe("the workbook's decomposition", () => {
  it("measurementRows gives what measurementRow gives, row by row", () => {
    fc.assert(
      fc.property(arbData, (d) => {
        const all = measurementRows(d);
        for (const m of d.measurements) expect(all.get(m)).toEqual(measurementRow(m, d));
      })
    );
  });

  it("sum(bidrag) / sum(vægt) over a case's rows is its progression; the weights count its dimensions", () => {
    fc.assert(
      fc.property(arbData, (d) => {
        const all = measurementRows(d);
        for (const id of ["A", "B", "C"]) {
          const rows = d.measurements.filter((m) => m.sagsId.toLowerCase() === id.toLowerCase()).map((m) => all.get(m)!);
          const w = rows.reduce((a, r) => a + r.dimensionsvaegt, 0);
          const b = rows.reduce((a, r) => a + r.progressionsbidrag, 0);
          const improved = rows.filter((r) => (r.dimensionsprogression ?? 0) > 0).reduce((a, r) => a + r.dimensionsvaegt, 0);
          const p = caseProgression(kase(id), d);
          if (p === null) expect(w).toBe(0);
          else {
            expect(b / w).toBeCloseTo(p, 9);
            expect(Math.round(w)).toBe(caseSeries(id, d).filter((s) => s.progression !== null).length);
            expect(Math.round(improved)).toBe(improvedDimensions(kase(id), d));
          }
        }
      })
    );
  });

  it("keeps every normalised progression within [-1, 1]", () => {
    fc.assert(
      fc.property(arbData, (d) => {
        for (const id of ["A", "B", "C"]) {
          const p = caseProgression(kase(id), d);
          if (p !== null) expect(Math.abs(p)).toBeLessThanOrEqual(1 + 1e-12);
        }
      })
    );
  });
});

describe("measurementDue", () => {
  const opg = params.opgoerelsesdato; // 30 Jun 2024
  it.each<[string, Case, M[], string | null]>([
    ["no enrolment date: empty", kase("S", null), [], null],
    ["enrolled after the reference date: Nej", kase("S", serial(2024, 7, 1)), [], "Nej"],
    ["discharged before the reference date: Nej", kase("S", serial(2024, 1, 2), serial(2024, 6, 29)), [], "Nej"],
    ["discharged on the reference date, long unmeasured: Ja", kase("S", serial(2024, 1, 2), opg), [], "Ja"],
    ["no measurement, first month not over: Nej", kase("S", serial(2024, 6, 1)), [], "Nej"],
    ["no measurement, exactly one month: Nej", kase("S", serial(2024, 5, 30)), [], "Nej"],
    ["no measurement, a month and a day: Ja", kase("S", serial(2024, 5, 29)), [], "Ja"],
    ["measured 30 Mar: interval ends 30 Jun: Nej", kase("S"), [doegn(serial(2024, 3, 30), 5)], "Nej"],
    ["measured 29 Mar: interval ended 29 Jun: Ja", kase("S"), [doegn(serial(2024, 3, 29), 5)], "Ja"],
    ["only an ignored score: like no measurement", kase("S"), [doegn(serial(2024, 6, 1), null)], "Ja"],
    ["a measurement after the reference date does not count", kase("S"), [doegn(serial(2024, 1, 20), 5), doegn(serial(2024, 7, 20), 5)], "Ja"],
  ])("%s", (_name, c, rows, expected) => {
    expect(measurementDue(c, data(rows))).toBe(expected);
  });

  it("follows Statusinterval_mdr and clamps month ends as EDATE does", () => {
    const d = data([doegn(serial(2023, 11, 30), 5)], { params: { ...params, statusintervalMdr: 7, opgoerelsesdato: serial(2024, 6, 30) } });
    expect(measurementDue(kase("S", serial(2023, 11, 1)), d)).toBe("Nej"); // 30 Nov + 7 months = 30 Jun
    const feb = data([doegn(serial(2023, 11, 30), 5)], { params: { ...params, statusintervalMdr: 3, opgoerelsesdato: serial(2024, 3, 1) } });
    expect(measurementDue(kase("S", serial(2023, 11, 1)), feb)).toBe("Ja"); // 30 Nov + 3 months = 29 Feb 2024
  });
});

describe("latestMeasurementDate and isActiveOn", () => {
  it("takes the latest valid date, optionally on or before a date", () => {
    const d = data([doegn(D1, 4), doegn(D2, 5), doegn(D3, null), egen(D3, 9)]);
    expect(latestMeasurementDate(kase("S"), d)).toBe(D2);
    expect(latestMeasurementDate(kase("S"), d, D2 - 1)).toBe(D1);
    expect(latestMeasurementDate(kase("X"), d)).toBeNull();
  });

  it("counts the discharge day as active", () => {
    expect(isActiveOn(kase("S", 10, 20), 20)).toBe(true);
    expect(isActiveOn(kase("S", 10, 20), 21)).toBe(false);
    expect(isActiveOn(kase("S", 10, null), 10)).toBe(true);
    expect(isActiveOn(kase("S", 10, null), 9)).toBe(false);
    expect(isActiveOn(kase("S", null, null), 9)).toBe(false);
  });
});
