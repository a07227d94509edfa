// Sorting a table by case in an ExcelJS workbook (the command line's and the preview's repair): rows go in
// the order of their case in Sager (ignoring case, unknown cases first), then by date with empty dates
// last, equal keys in their order; every cell moves with its row, formulas and their cached results too,
// formats stay with their column, and nothing outside the table changes but the flag's cached value.
import ExcelJS from "exceljs";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { findTable } from "../../src/adapters/xlsx/read-tables";
import { sortTableByCase } from "../../src/adapters/xlsx/sort-by-case";
import type { Plan, Scalar } from "../../src/workbook/plan";

const SAGSRAEKKE = 'IF(Fremmoede[[#This Row],[Sags-ID]]="",0,IFERROR(MATCH(Fremmoede[[#This Row],[Sags-ID]],Sager[Sags-ID],0),0))';

// Sager: S-2 is row 1, S-1 row 2, S-3 row 3. Each Fremmoede row has its own note (Bemærkning) to follow it.
const ROWS: Scalar[][] = [
  ["s-1", 45300, "Mødt", "r0"], // S-1 in another case: key 2
  ["S-3", 45200, "Mødt", "r1"], // key 3
  ["S-2", null, "Fravær", "r2"], // key 1, no date: last of its case
  ["S-2", 45250, "Mødt", "r3"], // key 1
  ["X-9", 45400, "Mødt", "r4"], // no such case: key 0, first
  ["S-1", 45100, "Syg", "r5"], // key 2
  ["S-2", 45250, "Fravær", "r6"], // key 1, same date as r3: after it
  ["S-1", 45300, "Mødt", "r7"], // key 2, same date as r0: after it
];
const KEYS = [2, 3, 1, 1, 0, 2, 1, 2];
const EXPECTED = ["r4", "r3", "r6", "r2", "r5", "r0", "r7", "r1"];

function workbook(): ExcelJS.Workbook {
  const plan: Plan = {
    sheets: [
      {
        name: "Sager",
        tables: [
          {
            name: "Sager",
            topLeft: "A1",
            columns: [{ name: "Sags-ID" }, { name: "Navn" }],
            rows: [
              ["S-2", "B"],
              ["S-1", "A"],
              ["S-3", "C"],
            ],
          },
        ],
      },
      {
        name: "Fremmøde",
        tables: [
          {
            name: "Fremmoede",
            topLeft: "B2",
            columns: [
              { name: "Sags-ID", numFmt: "@" },
              { name: "Dato", numFmt: "dd-mm-yyyy" },
              { name: "Status" },
              { name: "Bemærkning" },
              { name: "Sagsrække", formula: "=" + SAGSRAEKKE, numFmt: "0" },
            ],
            rows: ROWS.map((r) => [...r, null]),
          },
        ],
        cells: [
          { address: "A1", value: "Over og til venstre" },
          { address: "H5", value: 42 },
          { address: "B12", value: "Under tabellen" },
          { address: "H6", value: { formula: "=SUM(Fremmoede[Dato])" } },
        ],
      },
      { name: "Opsætning", tables: [], cells: [{ address: "B2", value: { formula: "=1" } }] },
    ],
    names: [{ name: "Fremmoede_sorteret", refersTo: "='Opsætning'!$B$2" }],
  };
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, plan);
  const ws = wb.getWorksheet("Fremmøde")!;
  // The values Excel would have cached: each row's Sagsrække, and the flag at 0 (out of order).
  KEYS.forEach((k, i) => (ws.getCell(3 + i, 6).value = { formula: SAGSRAEKKE, result: k, date1904: false }));
  wb.getWorksheet("Opsætning")!.getCell("B2").value = { formula: "1", result: 0, date1904: false };
  return wb;
}

/** Every cell of a sheet by address, as a comparable value (formula text and result, or value). */
function cells(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const out = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => out.set(c.address, c.type === ExcelJS.ValueType.Formula ? { formula: c.formula, result: c.result } : c.value))
  );
  return out;
}

const inTable = (address: string): boolean => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return m[1] >= "B" && m[1] <= "F" && Number(m[2]) >= 3 && Number(m[2]) <= 10;
};

describe("sortTableByCase", () => {
  test("orders rows by case row, then date (empty last), keeping equal keys in their order", () => {
    const wb = workbook();
    expect(sortTableByCase(wb, "Fremmoede")).toBe(true);
    const t = findTable(wb, "Fremmoede")!;
    expect(t.rows.map((r) => r[3])).toEqual(EXPECTED);
  });

  test("every cell moves with its row, formulas intact with their results; formats stay per column", () => {
    const wb = workbook();
    const ws = wb.getWorksheet("Fremmøde")!;
    const before = findTable(wb, "Fremmoede")!.rows;
    sortTableByCase(wb, "Fremmoede");
    const after = findTable(wb, "Fremmoede")!.rows;
    // No row lost or duplicated, and each row whole: its values are those of one row before.
    const byNote = new Map(before.map((r) => [r[3], r]));
    expect(after).toHaveLength(before.length);
    expect(after.map((r) => r[3]).sort()).toEqual(before.map((r) => r[3]).sort());
    for (const row of after) expect(row).toEqual(byNote.get(row[3]));
    for (let i = 0; i < after.length; i++) {
      const r = 3 + i;
      const key = ws.getCell(r, 6);
      expect(key.type).toBe(ExcelJS.ValueType.Formula);
      expect(key.formula).toBe(SAGSRAEKKE);
      expect(key.result).toBe(KEYS[ROWS.findIndex((x) => x[3] === after[i][3])]);
      expect(ws.getCell(r, 3).numFmt).toBe("dd-mm-yyyy");
      expect(ws.getCell(r, 2).numFmt).toBe("@");
    }
    // The cached Sagsrække now never decreases down the table.
    const keys = after.map((r) => r[4] as number);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
  });

  test("cells outside the table stay as they were; the flag's formula stays and caches 1", () => {
    const wb = workbook();
    const sheets = ["Sager", "Fremmøde", "Opsætning"].map((n) => wb.getWorksheet(n)!);
    const before = sheets.map(cells);
    sortTableByCase(wb, "Fremmoede");
    const after = sheets.map(cells);
    const outside = (m: Map<string, unknown>, sheet: string) =>
      [...m].filter(([a]) => !(sheet === "Fremmøde" && inTable(a)) && !(sheet === "Opsætning" && a === "B2"));
    sheets.forEach((ws, k) => expect(outside(after[k], ws.name)).toEqual(outside(before[k], ws.name)));
    expect(after[1].get("H5")).toBe(42);
    expect(after[2].get("B2")).toEqual({ formula: "1", result: 1 });
    expect(wb.calcProperties.fullCalcOnLoad).toBe(true);
  });

  test("a shared formula (as Excel saves a calculated column) becomes each row's own; the file saves and reopens", async () => {
    const wb = workbook();
    const ws = wb.getWorksheet("Fremmøde")!;
    ws.getCell("F3").value = { formula: SAGSRAEKKE, result: KEYS[0], shareType: "shared", ref: "F3:F10" } as ExcelJS.CellFormulaValue;
    for (let i = 1; i < KEYS.length; i++) ws.getCell(3 + i, 6).value = { sharedFormula: "F3", result: KEYS[i] } as ExcelJS.CellSharedFormulaValue;
    sortTableByCase(wb, "Fremmoede");
    for (let r = 3; r <= 10; r++) expect(ws.getCell(r, 6).value).toMatchObject({ formula: SAGSRAEKKE });
    const reopened = new ExcelJS.Workbook();
    await reopened.xlsx.load(await wb.xlsx.writeBuffer());
    const t = findTable(reopened, "Fremmoede")!;
    expect(t.rows.map((r) => r[3])).toEqual(EXPECTED);
    expect(t.rows.map((r) => r[4])).toEqual([0, 1, 1, 1, 2, 2, 2, 3]);
    const again = reopened.getWorksheet("Fremmøde")!;
    for (let r = 3; r <= 10; r++) expect(again.getCell(r, 6).formula).toBe(SAGSRAEKKE);
  });

  test("already in order: nothing moves; a table without Sagsrække is left alone; a missing table is an error", () => {
    const wb = workbook();
    sortTableByCase(wb, "Fremmoede");
    const once = cells(wb.getWorksheet("Fremmøde")!);
    expect(sortTableByCase(wb, "fremmoede")).toBe(true);
    expect(cells(wb.getWorksheet("Fremmøde")!)).toEqual(once);

    const plain = new ExcelJS.Workbook();
    applyPlan(plain, {
      sheets: [
        {
          name: "Fremmøde",
          tables: [
            {
              name: "Fremmoede",
              topLeft: "A1",
              columns: [{ name: "Sags-ID" }, { name: "Dato" }],
              rows: [
                ["S-2", 2],
                ["S-1", 1],
              ],
            },
          ],
        },
      ],
      names: [],
    });
    expect(sortTableByCase(plain, "Fremmoede")).toBe(false);
    expect(findTable(plain, "Fremmoede")!.rows).toEqual([
      ["S-2", 2],
      ["S-1", 1],
    ]);
    expect(sortTableByCase(wb, "Sager")).toBe(false);
    expect(() => sortTableByCase(wb, "Findesikke")).toThrow("Tabellen Findesikke findes ikke i projektmappen.");
  });

  test("a table with a formula of the user's own (A1 references) is left for Excel's sort, which adjusts them", () => {
    const wb = workbook();
    const ws = wb.getWorksheet("Fremmøde")!;
    // A formula the user typed into the table (in Bemærkning), reading its own row by A1 reference.
    ws.getCell("E3").value = { formula: "C3+1", date1904: false };
    const before = cells(ws);
    expect(sortTableByCase(wb, "Fremmoede")).toBe(false);
    expect(cells(ws)).toEqual(before);
  });
});
