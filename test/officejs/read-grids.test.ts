// readGrids against the fake: values, number formats, merges and hidden rows/columns in the same
// shape as the ExcelJS reader, in three syncs, degrading without ExcelApi 1.13 / 1.9.
import ExcelJS from "exceljs";
import { readGrids, parseAreas } from "../../src/adapters/officejs/read-grids";
import { applyPlan } from "../../src/adapters/officejs/apply-plan";
import { readSheet } from "../../src/adapters/xlsx/read-grids";
import type { Plan } from "../../src/workbook/plan";
import { FakeExcel, fakeRun } from "../support/fake-excel";

function caseList(fake: FakeExcel): void {
  const s = fake.addSheet("Ark 1, gammel");
  s.put("B2", "Navn");
  s.put("C2", "Indskrevet");
  s.put("D2", "CPR");
  s.put("B3", "Anna");
  s.put("C3", 45000, "dd-mm-yyyy");
  s.put("D3", "0101901234");
  s.put("B4", "Bo");
  s.put("C4", 45001.5, "dd-mm-yyyy hh:mm");
  s.put("B6", "I alt");
  s.put("F6", true);
  s.merges.push({ r0: 5, c0: 1, r1: 5, c1: 3 }); // "I alt" across B6:D6, as Excel leaves it: the other cells empty
  s.hiddenRows.add(3);
  s.hiddenCols.add(4);
  fake.addSheet("Tom");
}

const expected = {
  name: "Ark 1, gammel",
  cells: [[], [null, "Navn", "Indskrevet", "CPR"], [null, "Anna", 45000, "0101901234"], [null, "Bo", 45001.5], [], [null, "I alt", null, null, null, true]],
  numFmts: [[], [null, null, null, null], [null, null, "dd-mm-yyyy", null], [null, null, "dd-mm-yyyy hh:mm"], [], [null, null, null, null, null, null]],
  merges: ["B6:D6"],
  hiddenRows: [3],
  hiddenCols: [4],
};

test("values, formats, merges, hidden rows and columns in three syncs", async () => {
  const fake = new FakeExcel({ supported: { ExcelApi: "1.13" } }); // merged areas need ExcelApi 1.13
  caseList(fake);
  const grids = await readGrids(fakeRun(fake), { host: fake });
  console.log(`[officejs] readGrids: runs=${fake.stats.runs} syncs=${fake.stats.syncs}`);
  expect(grids.sheets).toEqual([expected, { name: "Tom", cells: [], numFmts: [], merges: [], hiddenRows: [], hiddenCols: [] }]);
  expect(fake.stats).toMatchObject({ runs: 1, syncs: 3 });
});

test("without ExcelApi 1.13 and 1.9: no merges, hidden rows found row by row", async () => {
  const fake = new FakeExcel({ supported: { ExcelApi: "1.8" } });
  caseList(fake);
  const grids = await readGrids(fakeRun(fake), { host: fake });
  expect(grids.sheets[0]).toEqual({ ...expected, merges: [] });
  expect(fake.stats.syncs).toBe(3);
});

test("a chosen sheet only, and large sheets in blocks", async () => {
  const fake = new FakeExcel();
  const s = fake.addSheet("Stor");
  for (let r = 1; r <= 500; r++) for (const c of ["A", "B", "C"]) s.put(`${c}${r}`, r * 10 + c.charCodeAt(0));
  fake.addSheet("Anden").put("A1", "x");
  const grids = await readGrids(fakeRun(fake), { host: fake, sheets: ["Stor"], cellsPerSync: 300 });
  expect(grids.sheets.map((g) => g.name)).toEqual(["Stor"]);
  expect(grids.sheets[0].cells).toHaveLength(500);
  expect(grids.sheets[0].cells[499]).toEqual([5065, 5066, 5067]);
  expect(fake.stats.syncs).toBe(2 + 5);
  expect(Math.max(...fake.stats.payloads)).toBeLessThan(10_000);
});

test("everything hidden in one direction still gives the other", async () => {
  const fake = new FakeExcel();
  const s = fake.addSheet("A");
  s.put("A1", 1);
  s.put("B2", 2);
  s.put("C3", 3);
  s.hiddenCols.add(0).add(1).add(2);
  s.hiddenRows.add(1);
  const [g] = (await readGrids(fakeRun(fake), { host: fake })).sheets;
  expect(g.hiddenCols).toEqual([0, 1, 2]);
  expect(g.hiddenRows).toEqual([1]);
});

test("what applyPlan wrote reads back, text that looked like formulas included", async () => {
  const fake = new FakeExcel();
  const plan: Plan = {
    sheets: [
      {
        name: "Data",
        tables: [
          {
            name: "T",
            topLeft: "A1",
            columns: [{ name: "Tekst" }, { name: "Tal" }],
            rows: [
              ["=2+2", 1],
              ["-x", 2.5],
              ["Anna", null],
            ],
          },
        ],
      },
    ],
    names: [],
  };
  await applyPlan(plan, fakeRun(fake), { host: fake });
  const [g] = (await readGrids(fakeRun(fake), { host: fake })).sheets;
  expect(g.cells).toEqual([["Tekst", "Tal"], ["=2+2", 1], ["-x", 2.5], ["Anna"]]);
});

test("the same case list read by the ExcelJS reader gives the same grid", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ark 1, gammel");
  ws.getCell("B2").value = "Navn";
  ws.getCell("C2").value = "Indskrevet";
  ws.getCell("D2").value = "CPR";
  ws.getCell("B3").value = "Anna";
  ws.getCell("C3").value = 45000;
  ws.getCell("C3").numFmt = "dd-mm-yyyy";
  ws.getCell("D3").value = "0101901234";
  ws.getCell("B4").value = "Bo";
  ws.getCell("C4").value = 45001.5;
  ws.getCell("C4").numFmt = "dd-mm-yyyy hh:mm";
  ws.getCell("B6").value = "I alt";
  ws.getCell("F6").value = true;
  ws.mergeCells("B6:D6");
  ws.getRow(4).hidden = true;
  ws.getColumn(5).hidden = true;
  const fromExcelJs = readSheet(ws);
  const fake = new FakeExcel({ supported: { ExcelApi: "1.13" } });
  caseList(fake);
  const [fromOffice] = (await readGrids(fakeRun(fake), { host: fake, sheets: ["Ark 1, gammel"] })).sheets;
  // Office.js gives the whole rectangle with "" for empty cells, ExcelJS only the cells it has: compare trimmed.
  expect(fromOffice.merges).toEqual(fromExcelJs.merges);
  expect(fromOffice.hiddenRows).toEqual(fromExcelJs.hiddenRows);
  expect(fromOffice.hiddenCols).toEqual(fromExcelJs.hiddenCols);
  const trim = (rows: unknown[][]) =>
    rows.map((r) => {
      const c = [...r];
      while (c.length && c[c.length - 1] === null) c.pop();
      return c;
    });
  expect(trim(fromOffice.cells)).toEqual(trim(fromExcelJs.cells));
});

test("area addresses with commas and quotes in sheet names", () => {
  expect(parseAreas("'Ark 1, gammel'!B2:C2,'Ark 1, gammel'!$E$5,Ark2!A1:B3")).toEqual([
    { r0: 1, c0: 1, r1: 1, c1: 2 },
    { r0: 4, c0: 4, r1: 4, c1: 4 },
    { r0: 0, c0: 0, r1: 2, c1: 1 },
  ]);
});
