// One text comparison, one unit key and one date-format rule (src/domain/text.ts), on their edge cases:
// white space (also the no-break space Excel users paste from the web), case, the Danish letters æ, ø, å
// and "aa" for å, and the number formats Excel and LibreOffice write.
import { distinctUnits, isDateFormat, sameText, sameUnit, textKey, unitGroups, unitKey } from "../../src/domain/text";
import { headerKey } from "../../src/workbook/contract";
import { unitsFrom } from "../../src/taskpane/forms/setup";

const NBSP = "\u00a0";

describe("sameText: as Excel's = and MATCH compare text", () => {
  it("ignores case, also of æ, ø and å", () => {
    expect(sameText("Køkken", "KØKKEN")).toBe(true);
    expect(sameText("Ågården", "ågården")).toBe(true);
    expect(sameText("ÆBLEHAVEN", "æblehaven")).toBe(true);
    expect(textKey("ÆØÅ")).toBe("æøå");
  });

  it("keeps spaces, accents and letters as they are, as Excel does", () => {
    expect(sameText("Køkken ", "Køkken")).toBe(false);
    expect(sameText(`Køkken${NBSP}Nord`, "Køkken Nord")).toBe(false);
    expect(sameText("Café", "Cafe")).toBe(false);
    expect(sameText("Ågården", "Aagården")).toBe(false);
    expect(sameText("Søhus", "Sohus")).toBe(false);
  });

  it("treats a missing text as empty", () => {
    expect(sameText(null, "")).toBe(true);
    expect(sameText(undefined, null)).toBe(true);
    expect(sameText(null, " ")).toBe(false);
  });
});

describe("unitKey and sameUnit: one identity for units and names", () => {
  it("ignores case and every kind of white space, the no-break space included", () => {
    const key = unitKey("Kilen Syd");
    for (const s of ["kilen syd", " KILEN  SYD ", "KilenSyd", `Kilen${NBSP}Syd`, `Kilen\tSyd`, `${NBSP}Kilen Syd${NBSP}`]) expect(unitKey(s)).toBe(key);
    expect(sameUnit(`Værksted${NBSP}Nord`, "Værkstedet Nord")).toBe(true);
  });

  it("folds the Danish letters: æ as ae, ø as o, å and aa as a; other accents dropped", () => {
    expect(unitKey("Æblehaven")).toBe(unitKey("Aeblehaven"));
    expect(unitKey("Søhuset")).toBe(unitKey("Sohuset"));
    expect(unitKey("Ågården")).toBe(unitKey("Agarden"));
    expect(unitKey("Aagården")).toBe(unitKey("Ågården"));
    expect(unitKey("AABO")).toBe(unitKey("Åbo"));
    expect(unitKey("Café Ågården")).toBe(unitKey("Cafe Aagaarden"));
  });

  it("keeps different letters apart", () => {
    expect(sameUnit("Søhuset", "Sehuset")).toBe(false);
    expect(sameUnit("Åbo", "Ebo")).toBe(false);
    expect(sameUnit("Kilen", "Kilen Syd")).toBe(false);
    expect(sameUnit("Bo", "Boen")).toBe(false);
  });

  it("groups spellings and keeps the first of each unit", () => {
    const names = ["Køkkenet", "Aagården", "KØKKEN", "Ågården", `Køkken${NBSP}`, "Kilen", "Kilen Syd"];
    expect(unitGroups(names)).toEqual([0, 1, 0, 1, 0, 3, 4]);
    expect(distinctUnits(names)).toEqual(["Køkkenet", "Aagården", "Kilen", "Kilen Syd"]);
  });

  it("the forms list a unit of Enheder once, whichever way it is spelt", () => {
    const t = { headers: ["Enhed"], rows: [["Værksted Nord"], ["værkstedet nord"], [`Værksted${NBSP}Nord `], ["Gartneri"], [null], ["Gartneriet"], ["Kilen"]] };
    expect(unitsFrom(t)).toEqual(["Værksted Nord", "Gartneri", "Kilen"]);
  });
});

describe("headerKey: headers as users retype them", () => {
  it("ignores case and runs of white space, the no-break space included, but no letters", () => {
    expect(headerKey(`  Sags-ID `)).toBe(headerKey("sags-id"));
    expect(headerKey(`Ønsket${NBSP}enhed`)).toBe(headerKey("ØNSKET  ENHED"));
    expect(headerKey("Udskrivningsårsag")).not.toBe(headerKey("Udskrivningsaarsag"));
  });
});

describe("isDateFormat: one rule for whether a number format shows a date", () => {
  it.each([
    ["dd-mm-yyyy", true],
    ["d. mmm yyyy", true],
    ["dd-mm", true],
    ["yyyy", true],
    ["[$-406]d. mmmm yyyy", true],
    ["mmm-yy", true],
    ['dd"."mm"."yyyy', true],
    ["DD-MM-ÅÅÅÅ", true],
    ["General", false],
    ["Standard", false],
    ["standard", false],
    ["[h]:mm", false],
    ["hh:mm:ss", false],
    ["0,0", false],
    ["0.00", false],
    ["@", false],
    ['0 "dage"', false],
    ['#,##0.00 "kr."', false],
    ["\\d0", false],
    ["", false],
    [null, false],
    [undefined, false],
  ])("%p shows a date: %p", (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });
});
