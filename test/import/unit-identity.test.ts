// One identity for units: names that differ only by case, spacing, accents or a Danish definite
// ending are one unit (and merge into the spelling most rows use); different units never merge.
import fc from "fast-check";
import { isDateFormat, sameUnit, unitGroups } from "../../src/domain/text";
import { sameUnit as formsSameUnit } from "../../src/taskpane/forms/cases";

/** Stems no two of which are one word with and without a definite ending. */
const STEMS = ["Køkken", "Gartneri", "Værksted", "Kilen", "Café", "Butik", "Kantine", "Pakkeri", "Vaskeri", "Stald", "Montage", "Tekstil", "Lager", "Kontor"];
const PLACES = ["Nord", "Syd", "Øst", "Vest", "Ågården", "Midt"];
/** The definite form of each stem, as Danish writes it. */
const DEFINITE: Record<string, string> = {
  Køkken: "Køkkenet",
  Gartneri: "Gartneriet",
  Værksted: "Værkstedet",
  Kilen: "Kilen",
  Café: "Caféen",
  Butik: "Butikken",
  Kantine: "Kantinen",
  Pakkeri: "Pakkeriet",
  Vaskeri: "Vaskeriet",
  Stald: "Stalden",
  Montage: "Montagen",
  Tekstil: "Tekstilet",
  Lager: "Lageret",
  Kontor: "Kontoret",
};
const ACCENTS: Record<string, string> = { é: "e", Å: "A", å: "a" };

const unitName = fc.tuple(fc.constantFrom(...STEMS), fc.option(fc.constantFrom(...PLACES), { nil: undefined }));

/** A spelling of the name differing only by case, spacing, accents and the definite ending. */
const spelling = (stem: string, place: string | undefined) =>
  fc
    .record({
      definite: fc.boolean(),
      caseMode: fc.constantFrom("as", "lower", "upper"),
      fuse: fc.boolean(),
      accents: fc.boolean(),
      pad: fc.constantFrom("", " ", "  "),
    })
    .map((o) => {
      const word = o.definite ? DEFINITE[stem] : stem;
      let name = place ? (o.fuse ? `${word}${place}` : `${word}${o.pad === "" ? " " : o.pad}${place}`) : word;
      if (o.accents) name = name.replace(/[éÅå]/g, (ch) => ACCENTS[ch]);
      // Fusing words keeps the capital that marks the boundary (KilenSyd); case changes apply otherwise.
      if (!(place && o.fuse)) name = o.caseMode === "lower" ? name.toLowerCase() : o.caseMode === "upper" ? name.toUpperCase() : name;
      return `${o.pad}${name}${o.pad}`;
    });

describe("one identity for units", () => {
  it("spellings differing only by case, spacing, accents or the definite ending always merge", () => {
    fc.assert(
      fc.property(
        unitName.chain(([stem, place]) => fc.tuple(spelling(stem, place), spelling(stem, place))),
        ([a, b]) => {
          expect(sameUnit(a, b)).toBe(true);
          expect(formsSameUnit(a, b)).toBe(true);
          expect(new Set(unitGroups([a, b])).size).toBe(1);
        }
      ),
      { numRuns: 2000, seed: 51 }
    );
  });

  it("different units never merge", () => {
    fc.assert(
      fc.property(unitName, unitName, fc.integer({ min: 0, max: 2 ** 31 - 1 }), ([s1, p1], [s2, p2], seed) => {
        fc.pre(s1 !== s2 || p1 !== p2);
        const [a] = fc.sample(spelling(s1, p1), { numRuns: 1, seed });
        const [b] = fc.sample(spelling(s2, p2), { numRuns: 1, seed: seed + 1 });
        expect(sameUnit(a, b)).toBe(false);
        expect(new Set(unitGroups([a, b])).size).toBe(2);
      }),
      { numRuns: 2000, seed: 51 }
    );
  });

  it("examples: the article, the space, and names that only look like an ending", () => {
    expect(sameUnit("Køkken", "Køkkenet")).toBe(true);
    expect(sameUnit("Gartneri", "gartneriet")).toBe(true);
    expect(sameUnit("Kilen Syd", "KilenSyd")).toBe(true);
    expect(sameUnit("kilensyd", "Kilen Syd")).toBe(true);
    expect(sameUnit("Værksted Nord", "Værkstedet Nord")).toBe(true);
    expect(sameUnit("Butik", "Butikken")).toBe(true);
    expect(sameUnit("Kilen", "Kilen Syd")).toBe(false);
    expect(sameUnit("Kilen", "Køkkenet")).toBe(false);
    expect(sameUnit("Bo", "Boen")).toBe(false);
    expect(unitGroups(["Køkken", "Gartneri", "Køkkenet", "gartneriet", "Kilen Syd", "KilenSyd"])).toEqual([0, 1, 0, 1, 4, 4]);
  });

  it("one date-format rule", () => {
    for (const f of ["dd-mm-yyyy", "d/m/yyyy", "yyyy-mm-dd", "d. mmm yyyy", "dd.mm.yy", "dd-mm", "dd-mm-yyyy hh:mm:ss", "mmm yyyy"])
      expect(isDateFormat(f)).toBe(true);
    for (const f of [null, "", "General", "0", "0.0%", "[h]:mm", '#,##0 "dage"', "@", "hh:mm"]) expect(isDateFormat(f)).toBe(false);
  });
});
