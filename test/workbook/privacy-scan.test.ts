// The privacy scan: CPR numbers in every spelling and citizens' names as names, each finding with its
// part and place; nothing found in figures, dates, decimals or ordinary words.
import { planTexts, scanTexts, type Citizen, type ScanText } from "../../src/workbook/privacy-scan";
import type { Plan } from "../../src/workbook/plan";

const citizens: Citizen[] = [
  { sagsId: "S-0001", cpr: "010190-1234", navn: "Mette Hansen" },
  { sagsId: "S-0002", cpr: "231185-4321", navn: "Birk" },
];
const at = (text: string, location = "celle A1"): ScanText => ({ part: "xl/worksheets/sheet1.xml", location, text });
const found = (text: string) => scanTexts([at(text)], citizens).map((f) => `${f.kind} ${f.sagsId}`);

describe("privacy scan", () => {
  it.each([
    ["0101901234", "with no separator"],
    ["010190-1234", "with a hyphen"],
    ["010190\u20131234", "with an en dash"],
    ["010190 1234", "with a space"],
    ["101901234", "with 9 digits (the leading zero lost)"],
    ["Ring om 010190\u20131234 i morgen", "in running text"],
    ["https://sag.kommune.dk/borger?cpr=0101901234", "in a link"],
    ['"Ingen,010190-1234,Andet"', "in a validation list"],
  ])("finds the CPR number %s %s", (text) => {
    expect(found(text)).toEqual(["cpr S-0001"]);
  });

  it("finds a CPR number of no known case when it reads as a date", () => {
    expect(found("Nabo 311299-1234 spurgte")).toEqual(["cpr null"]);
    expect(found("Konto 991399-1234")).toEqual([]);
  });

  it.each([
    ["Mette Hansen"],
    ["mette  HANSEN ringede"],
    ["mailto:mette.hansen@kommune.dk"],
    ["https://x.dk/borger/Mette%20Hansen"],
    ['&L&"Arial,Fed"&12Mette Hansen&RSide &P'],
  ])("finds the name in %j", (text) => {
    expect(found(text)).toEqual(["navn S-0001"]);
  });

  it("finds nothing in figures, decimals, dates, other names and one-word names standing alone", () => {
    for (const text of [
      "0.83333333333333337",
      "45292",
      "2024-01-01",
      "1234567890.5",
      "Mette Hansens",
      "Hansen Mette",
      "Birk",
      "Træsort: Birk",
      "12345678901",
      "0,0101901234",
    ]) {
      expect([text, found(text)]).toEqual([text, []]);
    }
  });

  it("names the part and the place, and the case, never the value", () => {
    const f = scanTexts([{ part: "docProps/core.xml", location: "creator", text: "Mette Hansen" }], citizens);
    expect(f).toEqual([{ part: "docProps/core.xml", location: "creator", kind: "navn", sagsId: "S-0001" }]);
  });

  it("reads a plan's sheet names, cells and table rows", () => {
    const plan: Plan = {
      sheets: [
        {
          name: "Mette Hansen",
          tables: [{ name: "T", topLeft: "A3", columns: [{ name: "Enhed" }], rows: [["Kilen"], ["231185-4321"]] }],
          cells: [{ address: "B2", value: "Udskrivninger: Mette Hansen flyttede" }],
        },
      ],
      names: [],
    };
    expect(scanTexts(planTexts(plan), citizens).map((f) => `${f.location} ${f.kind} ${f.sagsId}`)).toEqual([
      "arkets navn navn S-0001",
      "celle B2 navn S-0001",
      "tabel T række 2 cpr S-0002",
    ]);
  });
});
