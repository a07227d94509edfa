// The browser preview's in-memory port: saving grows tables as Excel does (formats, drop-downs, computed
// columns' formulas in new rows), the saved file still opens with every table intact, an invalid save
// writes nothing, a unit or dimension added to the setup tables reaches the forms without a release, and the
// Kontrol page's repair sorts a table out of case order.
import ExcelJS from "exceljs";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { findTable } from "../../src/adapters/xlsx/read-tables";
import { caseRows, sortedByCase } from "../../src/domain/case-blocks";
import { isoWeekday } from "../../src/domain/dates";
import { MemoryWorkbookPort } from "../../src/adapters/xlsx/memory-port";
import { sampleData, structuredSample } from "../../src/adapters/xlsx/sample-workbooks";
import { generateStructuredData } from "../../src/sample/structured-data";
import { activeCasesOn } from "../../src/taskpane/forms/cases";
import { loadSetup } from "../../src/taskpane/forms/setup";
import { dimensionsOf } from "../../src/taskpane/forms/status-form";
import { checkWorkbook, repairWorkbook } from "../../src/taskpane/kontrol-actions";
import { CASE_ROW_COLUMN, TABLES } from "../../src/workbook/contract";
import { INTEGRITY_CODES } from "../../src/workbook/integrity";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";

function workbookWithoutGoals(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, buildStructuredPlan({ ...generateStructuredData(3, { cases: 10, attendanceDensity: 0.2 }), goals: [] }));
  return wb;
}

test("appends grow the table with formats and computed formulas; updates touch only the named cells", async () => {
  const wb = workbookWithoutGoals();
  const port = new MemoryWorkbookPort(wb);
  const sagerBefore = findTable(wb, TABLES.sager)!;
  expect(await port.readTable(TABLES.maal)).toMatchObject({ rows: [] });

  const report = await port.saveRows([
    {
      table: TABLES.sager,
      appends: [{ "Sags-ID": "S-0001", Navn: "=Karen", Enhed: "Kilen", Indskrevet: 45719 }],
      updates: [{ index: 0, values: { Kontaktperson: "Ole" } }],
    },
    {
      table: TABLES.maal,
      appends: [
        { "Sags-ID": "S-0001", Mål: "Møde til tiden", Vægt: 1 },
        { "Sags-ID": "S-0001", Mål: "Tage bussen", Vægt: 2 },
      ],
    },
  ]);
  expect(report).toEqual({ updated: 2, appended: 2 });

  const sager = findTable(wb, TABLES.sager)!;
  expect(sager.rows).toHaveLength(sagerBefore.rows.length + 1);
  const ws = wb.getWorksheet(sager.sheet)!;
  const newRow = sager.firstRow + sager.rows.length - 1;
  const cell = (header: string) => ws.getCell(newRow, sager.firstCol + sager.headers.indexOf(header));
  expect(cell("Navn").value).toBe("=Karen");
  expect(cell("Indskrevet").numFmt).toBe("dd-mm-yyyy");
  expect(cell("Sags-ID").numFmt).toBe("@");
  expect((cell("Aktiv").value as ExcelJS.CellFormulaValue).formula).toMatch(/Opgoerelsesdato/);
  expect(cell("Enhed").dataValidation).toMatchObject({ type: "list" });
  expect(sager.rows[0][sager.headers.indexOf("Kontaktperson")]).toBe("Ole");
  expect(sager.rows[0][0]).toBe(sagerBefore.rows[0][0]);

  // Mål was empty: the first goal took its placeholder row, the second one row below.
  expect((await port.readTable(TABLES.maal))!.rows.map((r) => r[1])).toEqual(["Møde til tiden", "Tage bussen"]);

  // The saved file opens again with the grown tables.
  const reopened = new ExcelJS.Workbook();
  await reopened.xlsx.load(await wb.xlsx.writeBuffer());
  expect(findTable(reopened, TABLES.sager)!.rows).toHaveLength(sagerBefore.rows.length + 1);
  expect(findTable(reopened, TABLES.maal)!.rows).toHaveLength(2);
});

test("a change naming a missing column anywhere writes nothing anywhere", async () => {
  const wb = workbookWithoutGoals();
  const port = new MemoryWorkbookPort(wb);
  const before = findTable(wb, TABLES.fremmoede)!.rows.length;
  await expect(
    port.saveRows([
      { table: TABLES.fremmoede, appends: [{ "Sags-ID": "S-1", Dato: 45000, Status: "Mødt" }] },
      { table: TABLES.maal, appends: [{ "Sags-ID": "S-1", Humør: 3 }] },
    ])
  ).rejects.toThrow('Tabellen Maal mangler kolonnen "Humør". Intet er gemt.');
  await expect(port.saveRows([{ table: "Findesikke", appends: [{ A: 1 }] }])).rejects.toThrow(
    "Tabellen Findesikke findes ikke i projektmappen. Intet er gemt."
  );
  expect(findTable(wb, TABLES.fremmoede)!.rows.length).toBe(before);
  expect(port.saves).toBe(0);
});

test("a unit and a dimension added to the setup tables appear in the forms' setup", async () => {
  const port = new MemoryWorkbookPort(workbookWithoutGoals());
  await port.saveRows([
    { table: TABLES.enheder, appends: [{ Enhed: "Cykelkælderen", Lovgrundlag: "§104" }] },
    { table: TABLES.instrumenter, appends: [{ Instrument: "Værkstedsmål", Dimension: "Mødestabilitet", Min: 1, Max: 10, Retning: "Højere er bedre" }] },
    {
      table: TABLES.fremmoedestatus,
      appends: [{ Status: "Kursus", Kode: "K", "Tæller som": "fremmøde", "I basis": "Ja", Fravær: "Nej", "Ulovligt fravær": "Nej" }],
    },
  ]);
  const setup = await loadSetup(port);
  expect(setup.units).toContain("Cykelkælderen");
  expect(dimensionsOf(setup.instruments, "Værkstedsmål").map((d) => d.dimension)).toContain("Mødestabilitet");
  expect(setup.statuses).toContainEqual({ status: "Kursus", kode: "K" });
  expect(setup.lists.Beslutning).toEqual(["Under udredning", "Bevilget", "Afslag", "Venteliste", "Trukket tilbage"]);
});

test("the preview's sample is structured and has a unit with at least 30 citizens on a working day", async () => {
  const port = new MemoryWorkbookPort(structuredSample());
  const d = await port.describe();
  expect(d.tables).toEqual(
    expect.arrayContaining([
      "Sager",
      "Visitationer",
      "Statusmaalinger",
      "Maal",
      "Fremmoede",
      "Enheder",
      "Instrumenter",
      "Fremmoedestatus",
      "Helligdage",
      "Lister",
    ])
  );
  const data = sampleData();
  const holidays = new Set(data.holidays.map((h) => h.dato));
  let busiest = 0;
  for (let day = data.params.periodestart; day <= data.params.periodeslut; day++) {
    if (isoWeekday(day) > 5 || holidays.has(day)) continue;
    for (const u of data.units) busiest = Math.max(busiest, activeCasesOn(data.cases, day, u.enhed).length);
  }
  expect(busiest).toBeGreaterThanOrEqual(30);
});

test("the Kontrol repair sorts Fremmøde out of case order by Sagsrække and Dato, logs it, and the check is then clean", async () => {
  const data = generateStructuredData(3, { cases: 10, attendanceDensity: 0.2 });
  const reversed = { ...data, attendance: [...data.attendance].reverse() };
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, buildStructuredPlan(reversed));
  // The flag as Excel last computed it (ExcelJS computes nothing): 0, out of order.
  const setup = wb.getWorksheet("Opsætning")!;
  const flag = [...Array(40).keys()].map((i) => setup.getCell(i + 1, 2)).find((c) => /Fremmoede\[/.test(c.formula ?? ""))!;
  flag.value = { formula: flag.formula, result: 0, date1904: false };
  const port = new MemoryWorkbookPort(wb);
  const before = findTable(wb, TABLES.fremmoede)!;

  const report = await checkWorkbook(port);
  expect(report.findings.map((f) => f.code)).toEqual([INTEGRITY_CODES.notSorted]);
  const outcome = await repairWorkbook(port, report, () => new Date(2024, 4, 2, 13, 45, 10));
  expect(outcome.sorted).toEqual([{ table: TABLES.fremmoede, sheet: "Fremmøde" }]);
  expect(outcome.remaining.findings).toEqual([]);

  const after = findTable(wb, TABLES.fremmoede)!;
  const col = (h: string) => after.headers.indexOf(h);
  // The order of the reference (sortedByCase), every row whole, none lost; Sagsrække still a formula.
  const expected = sortedByCase(reversed).attendance.map((a) => [a.sagsId, a.dato, a.status]);
  expect(after.rows.map((r) => [r[col("Sags-ID")], r[col("Dato")], r[col("Status")]])).toEqual(expected);
  expect([...after.rows].map((r) => JSON.stringify(r)).sort()).toEqual([...before.rows].map((r) => JSON.stringify(r)).sort());
  const keys = caseRows(
    after.rows.map((r) => ({ sagsId: String(r[col("Sags-ID")]) })),
    data.cases
  );
  expect(keys).toEqual([...keys].sort((a, b) => a - b));
  const ws = wb.getWorksheet(after.sheet)!;
  expect(ws.getCell(after.firstRow, after.firstCol + col(CASE_ROW_COLUMN)).formula).toMatch(/MATCH/);
  const log = await port.readTable(TABLES.log);
  expect(log!.rows.map((r) => r.slice(1, 3))).toEqual([["Sorteret efter sag", TABLES.fremmoede]]);
});
