// Problemer reads as a to-do list: errors before warnings, a Danish title per rule, a link to the cell,
// and the code last for filtering.
import { PROBLEM_LINK_COLUMN, PROBLEM_TITLE_COLUMN, problemsSheet, type ProblemRow } from "../../src/workbook/problems-plan";
import { PROBLEM_TITLES, problemTitle } from "../../src/workbook/problem-titles";

const rows: ProblemRow[] = [
  { sheet: "2023", cell: "C7", severity: "advarsel", code: "ENHED_STAVEMAADE", message: "m1", original: "KILEN", target: "Sager!D4" },
  { sheet: "Ark 'x'", cell: "B2", severity: "fejl", code: "CPR_MODULUS11", message: "m2", original: "0101", target: null },
  { sheet: "2023", cell: "A1", severity: "advarsel", code: "NY_REGEL_OM_AAR", message: "m3", original: null },
  { sheet: "2024", cell: "F5", severity: "fejl", code: "DATO_UKENDT", message: "m4", original: "snart", target: "Sager!H22" },
];

describe("the Problemer sheet", () => {
  const table = problemsSheet(rows).tables[0];
  const names = table.columns.map((c) => c.name);
  const at = (name: string) => names.indexOf(name);

  it("lists errors first, then warnings, each in the order found", () => {
    expect(table.rows.map((r) => r[at("Besked")])).toEqual(["m2", "m4", "m1", "m3"]);
  });

  it("gives every rule a Danish title and keeps the code in a narrow last column", () => {
    expect(table.rows.map((r) => r[at(PROBLEM_TITLE_COLUMN)])).toEqual([
      "CPR-nummer fejler kontrolcifret",
      "Dato kan ikke læses",
      "Enhed stavet anderledes",
      "Ny regel om år",
    ]);
    expect(names[names.length - 1]).toBe("Kode");
    expect(table.columns[names.length - 1].width).toBeLessThanOrEqual(12);
    expect(Object.keys(PROBLEM_TITLES).every((code) => problemTitle(code) !== code)).toBe(true);
  });

  it("links each row to its cell with a formula over the row's own cells, never over their text", () => {
    const link = table.columns[at(PROBLEM_LINK_COLUMN)];
    expect(link.formula).toMatch(/^=IF\(Problemer\[\[#This Row\],\[Celle i tabel\]\]<>"",HYPERLINK\("#'"&/);
    expect(link.formula).not.toMatch(/Sager!|KILEN|Ark 'x'/);
    expect(table.rows.every((r) => r[at(PROBLEM_LINK_COLUMN)] === null)).toBe(true);
  });
});
