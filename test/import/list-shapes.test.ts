// Each way coordinators keep a list (src/sample/list-shapes.ts), converted by the pure core as its
// coordinator meant it: every citizen once, every field as meant, one spelling per unit, nothing glued
// on, notes kept in Problemer, waiting-list citizens as visitations, no error.
import { planWorkbookConversion } from "../../src/import/workbook-conversion";
import { convert } from "../../src/import/convert";
import { listShapes, sheetPerUnit, unitSections } from "../../src/sample/list-shapes";
import { serial } from "../../src/domain/dates";
import { TABLES } from "../../src/workbook/contract";
import type { Plan } from "../../src/workbook/plan";
import { differences, type ConvertedTables } from "../support/list-shape-check";

function planTables(plan: Plan): ConvertedTables {
  const table = (name: string) => {
    const t = plan.sheets.flatMap((s) => s.tables).find((x) => x.name === name);
    return t ? { headers: t.columns.map((c) => c.name), rows: t.rows } : null;
  };
  return { sager: table(TABLES.sager)!, problemer: table(TABLES.problemer)!, visitationer: table(TABLES.visitationer) };
}

const conversionDate = serial(2024, 6, 30);

describe("lists kept the ways coordinators keep them", () => {
  for (const seed of [1, 101, 2024]) {
    for (const shape of listShapes(seed)) {
      it(`${shape.title} (seed ${seed}): converted as meant`, () => {
        const layout = { sheets: shape.grids.sheets.map((s) => ({ name: s.name, tables: [] })), metadata: null };
        const conversion = planWorkbookConversion(layout, shape.grids, null, { conversionDate });
        expect(differences(shape, planTables(conversion.plan))).toEqual([]);
      });
    }
  }
});

describe("the unit from where the list keeps it is proposed in the mapping and can be refused", () => {
  it("one sheet per unit: the sheet's name, with its reason and confidence", () => {
    const shape = sheetPerUnit(5);
    const r = convert(shape.grids);
    const proposals = r.mapping.columns.filter((c) => c.letter === "Arknavn");
    expect(proposals.map((p) => [p.sheet, p.target, p.confidence])).toEqual(shape.grids.sheets.map((s) => [s.name, "Enhed", 0.8]));
    expect(proposals[0].reason).toContain("én liste pr. ark");
    expect(r.findings.filter((f) => f.code === "KOLONNE_MANGLER")).toEqual([]);
  });
  it('refused with an override (as --map "Køkkenet!Arknavn=-"): no unit, and the missing column named', () => {
    const shape = sheetPerUnit(5);
    const r = convert(shape.grids, { overrides: { "Køkkenet!Arknavn": null } });
    expect(r.cases.filter((c) => c.enhed === "")).toHaveLength(4);
    expect(r.findings.filter((f) => f.code === "KOLONNE_MANGLER" && f.sheet === "Køkkenet")).toHaveLength(1);
  });
  it("section rows are not cases, and a list with a unit column keeps one-cell rows as cases", () => {
    const shape = unitSections(9);
    const r = convert(shape.grids);
    expect(r.cases).toHaveLength(shape.meant.citizens.length);
    expect(r.mapping.columns.find((c) => c.letter === "Sektioner")).toMatchObject({ target: "Enhed", confidence: 0.85 });
  });
});

describe("rows and names told apart by their shape", () => {
  const sheet = (cells: (string | number | null)[][]) => ({ sheets: [{ name: "Ark1", cells, merges: [], hiddenRows: [], hiddenCols: [] }] });

  it("a closing sentence is a note, a name with particles is a case", () => {
    const r = convert(
      sheet([
        ["Navn", "Enhed", "Indskrevet"],
        ["Hans van der Berg", "Kilen", "01-02-2024"],
        ["Ida Holm", "Kilen", "01-03-2024"],
        ["Hans van der Berg"],
        [null],
        ["Listen er gennemgået med leder den 30. juni"],
      ])
    );
    expect(r.cases.map((c) => c.navn)).toEqual(["Hans van der Berg", "Ida Holm", "Hans van der Berg"]);
    expect(r.findings.filter((f) => f.code === "NOTE_UDELADT").map((f) => f.original)).toEqual(["Listen er gennemgået med leder den 30. juni"]);
  });

  it('"Efternavn, Fornavn" under the header Navn is written as Fornavn Efternavn, and the mapping says so', () => {
    const r = convert(
      sheet([
        ["Navn", "Enhed", "Indskrevet"],
        ["Holm, Ida", "Kilen", "01-02-2024"],
        ["Berg, Bo", "Kilen", "01-03-2024"],
        ["Ali Ahmed", "Kilen", "01-03-2024"],
      ])
    );
    expect(r.cases.map((c) => c.navn)).toEqual(["Ida Holm", "Bo Berg", "Ali Ahmed"]);
    expect(r.mapping.columns.find((c) => c.target === "Navn")!.reason).toContain("'Efternavn, Fornavn'");
  });

  it("a list with neither name nor CPR is a finding", () => {
    const r = convert(
      sheet([
        ["Sags-ID", "Enhed", "Indskrevet"],
        ["A-1", "Kilen", "01-02-2024"],
        ["A-2", "Kilen", "01-03-2024"],
      ])
    );
    expect(r.findings.filter((f) => f.code === "NAVN_OG_CPR_MANGLER")).toHaveLength(1);
  });

  it("a title that names no unit is not used as one", () => {
    const r = convert(sheet([["Sagsliste 2024 – beskyttet beskæftigelse"], ["Navn", "Indskrevet"], ["Ida Holm", "01-03-2024"], ["Bo Berg", "01-04-2024"]]));
    expect(r.mapping.columns.some((c) => c.letter === "Titel")).toBe(false);
    expect(r.cases.every((c) => c.enhed === "")).toBe(true);
  });
});
