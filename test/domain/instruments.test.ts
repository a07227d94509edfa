// The instrument presets of docs/domain.md and the lookups shared with the workbook formulas.
import {
  allPresetDimensions,
  DEFAULT_INSTRUMENT,
  dimensionKey,
  directionSign,
  findDimension,
  INSTRUMENT_PRESETS,
  parseLevels,
  RETNING,
} from "../../src/domain/instruments";

describe("INSTRUMENT_PRESETS", () => {
  it("holds the four scored presets (GAS is goals, not dimensions) with the default first", () => {
    expect(Object.keys(INSTRUMENT_PRESETS)).toEqual(["Værkstedsmål", "Forandringskompas", "Funktionsniveau", "Selvvurdering"]);
    expect(INSTRUMENT_PRESETS[DEFAULT_INSTRUMENT]).toHaveLength(5);
  });

  it.each([
    ["Værkstedsmål", 5, 1, 10, RETNING.hoejere, null],
    ["Forandringskompas", 10, 1, 10, RETNING.hoejere, null],
    ["Funktionsniveau", 7, 0, 4, RETNING.lavere, 9],
    ["Selvvurdering", 3, 0, 1, RETNING.hoejere, null],
  ])("%s: %i dimensions on %i-%i, %s, ikke relevant %s", (name, n, min, max, retning, ikkeRelevant) => {
    const dims = INSTRUMENT_PRESETS[name];
    expect(dims).toHaveLength(n);
    for (const d of dims) expect(d).toMatchObject({ instrument: name, min, max, retning, ikkeRelevant });
  });

  it("prioritises Beskæftigelse og uddannelse, Bolig and Økonomi in Forandringskompas", () => {
    const prioritised = allPresetDimensions()
      .filter((d) => d.prioriteret)
      .map((d) => d.dimension);
    expect(prioritised).toEqual(["Beskæftigelse og uddannelse", "Bolig", "Økonomi"]);
  });

  it("labels the levels of Funktionsniveau and Selvvurdering", () => {
    expect(parseLevels(INSTRUMENT_PRESETS.Funktionsniveau[0].niveauer).map((l) => l.label)).toEqual([
      "ingen",
      "lette",
      "moderate",
      "svære",
      "totale begrænsninger",
    ]);
    expect(parseLevels(INSTRUMENT_PRESETS.Selvvurdering[0].niveauer)).toEqual([
      { score: 0, label: "Nej" },
      { score: 1, label: "Ja" },
    ]);
    expect(parseLevels("x;2 = to ; 3,5=halv")).toEqual([
      { score: 2, label: "to" },
      { score: 3.5, label: "halv" },
    ]);
  });

  it("has unique lookup keys, even ignoring case", () => {
    const keys = allPresetDimensions().map((d) => dimensionKey(d.instrument, d.dimension).toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("lookups", () => {
  it("finds a dimension ignoring case, the first when repeated", () => {
    const dims = [...allPresetDimensions(), { ...INSTRUMENT_PRESETS.Funktionsniveau[0], max: 99 }];
    expect(findDimension(dims, "funktionsniveau", "EGENOMSORG")?.max).toBe(4);
    expect(findDimension(dims, "Funktionsniveau", "Findes ikke")).toBeNull();
  });

  it("negates only lower-is-better", () => {
    expect(directionSign(RETNING.lavere)).toBe(-1);
    expect(directionSign("lavere er bedre")).toBe(-1);
    expect(directionSign(RETNING.hoejere)).toBe(1);
    expect(directionSign(null)).toBe(1);
  });
});
