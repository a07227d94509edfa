// The Import and Oversigt pages' Office.js actions against the fake: each one Excel.run, with its syncs
// counted; a re-run replaces our sheets in place (no duplicates, the saved mapping reused); the charts
// of the overview drawn from their specs.
import { addCharts } from "../../src/adapters/officejs/charts";
import { createOfficePlanPort } from "../../src/adapters/officejs/plan-port";
import { readLayout } from "../../src/adapters/officejs/read-layout";
import { readTables } from "../../src/adapters/officejs/read-tables";
import { generateMessyCaseList } from "../../src/sample/messy-case-list";
import { readImportSource, runImport } from "../../src/taskpane/import/import-flow";
import { buildOverview, publishOverview } from "../../src/taskpane/oversigt/overview-flow";
import { DEFINED_NAMES, SHEETS, TABLES } from "../../src/workbook/contract";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import { columnLetters } from "../../src/workbook/plan";
import type { ChartSpec } from "../../src/workbook/report/kvartalsoversigt";
import { PUBLISHED_SHEET } from "../../src/workbook/report/report-plan";
import { FakeExcel, fakeRun } from "../support/fake-excel";

/** A fake workbook holding a generated messy case list, as a user's Excel would. */
function fakeWithCaseList(rows: number): FakeExcel {
  const { grids } = generateMessyCaseList({ seed: 7, rows });
  const fake = new FakeExcel();
  for (const g of grids.sheets) {
    const sheet = fake.addSheet(g.name);
    g.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) sheet.put(`${columnLetters(c)}${r + 1}`, typeof v === "string" && v.startsWith("=") ? `'${v}` : v, g.numFmts?.[r]?.[c] ?? undefined);
      })
    );
  }
  return fake;
}

const noSteps = () => undefined;

test("the import in Excel: one run per action, our sheets replaced in place on a re-run", async () => {
  const fake = fakeWithCaseList(120);
  const source = fake.sheets[0].name;
  const port = createOfficePlanPort(fakeRun(fake), { host: fake });

  fake.resetStats();
  await port.readLayout();
  expect(fake.stats).toMatchObject({ runs: 1, syncs: 2 });

  fake.resetStats();
  const first = await runImport(port, { sheets: [source], merge: true, overrides: {}, presets: ["Værkstedsmål"] }, noSteps);
  // layout (2 syncs) + grids (3) + replace: no sheet to remove, so applyPlan's own syncs only.
  expect(fake.stats.runs).toBe(3);
  const firstSyncs = fake.stats.syncs;
  expect(firstSyncs).toBeLessThanOrEqual(2 + 3 + 3);
  expect(fake.findTable(TABLES.sager)).toBeDefined();
  expect(fake.findTable(TABLES.problemer)).toBeDefined();
  const sagerRows = (t = fake.findTable(TABLES.sager)!) => t.bounds.r1 - t.bounds.r0;
  expect(sagerRows()).toBe(first.result.cases.length);

  const layout = await readLayout(fakeRun(fake));
  expect(layout.sheets.map((s) => s.name)).toContain(METADATA_SHEET);
  expect(layout.metadata?.mapping).toEqual(first.result.mapping);

  fake.resetStats();
  const second = await runImport(port, { sheets: [source], merge: true, overrides: {}, presets: ["Værkstedsmål"] }, noSteps);
  expect(second.rerun).toBe(true);
  expect(second.removeSheets).toContain(SHEETS.sager);
  // layout, grids, tables, replace (probe + plan): four runs.
  expect(fake.stats.runs).toBe(4);
  expect(sagerRows()).toBe(first.result.cases.length);
  expect(second.result.stats).toMatchObject({ added: 0, updated: first.result.cases.length });
  expect(fake.sheets.filter((s) => s.name.startsWith(SHEETS.sager))).toHaveLength(1);
  expect(second.result.mapping.columns.filter((c) => c.target).every((c) => c.reason === "Samme tilknytning som ved sidste import.")).toBe(true);
  console.log(`import i Excel (120 rækker): første kørsel ${firstSyncs} syncs i 3 runs, genkørsel ${fake.stats.syncs} syncs i 4 runs`);
});

test("readTables: tables whole, single-cell names by value, constants and missing ones absent", async () => {
  const fake = fakeWithCaseList(40);
  const port = createOfficePlanPort(fakeRun(fake), { host: fake });
  await runImport(port, { sheets: [fake.sheets[0].name], merge: true, overrides: {}, presets: ["Værkstedsmål"] }, noSteps);
  fake.names.set("Konstant", "=0.5");
  fake.resetStats();
  const read = await readTables([TABLES.sager, "Findesikke"], [DEFINED_NAMES.baandNedre, "Konstant", "Mangler"], fakeRun(fake));
  expect(fake.stats).toMatchObject({ runs: 1, syncs: 3 });
  expect(Object.keys(read.tables)).toEqual([TABLES.sager]);
  expect(read.tables[TABLES.sager].headers[0]).toBe("Sags-ID");
  expect(read.names).toEqual({ [DEFINED_NAMES.baandNedre]: 0.95 });
});

test("the overview in Excel: report sheets and charts in one run; the published sheet beside them", async () => {
  const fake = fakeWithCaseList(80);
  const port = createOfficePlanPort(fakeRun(fake), { host: fake });
  await runImport(port, { sheets: [fake.sheets[0].name], merge: true, overrides: {}, presets: ["Værkstedsmål"] }, noSteps);

  fake.resetStats();
  const built = await buildOverview(port, 2024, noSteps);
  // layout, tables, then one run for the sheets and charts.
  expect(fake.stats.runs).toBe(3);
  expect(built.sheets).toEqual([SHEETS.noegletal, SHEETS.pladsregulering, SHEETS.kvartalsoversigt]);
  expect(fake.findTable(TABLES.noegletal)).toBeDefined();
  const charts = fake.sheet(SHEETS.kvartalsoversigt).charts;
  expect(built.charts).toBe(charts.length);
  expect(charts.length).toBeGreaterThanOrEqual(3);
  expect(charts.every((c) => c.title && c.position && c.series.every((s) => s.name && s.values && s.categories))).toBe(true);

  // Again: the earlier report sheets are replaced, not duplicated.
  await buildOverview(port, 2024, noSteps);
  expect(fake.sheets.filter((s) => s.name.startsWith(SHEETS.noegletal))).toHaveLength(1);
  expect(fake.sheet(SHEETS.kvartalsoversigt).charts).toHaveLength(charts.length);

  const published = await publishOverview(port, 2024, noSteps);
  expect(published.sheet).toBe(PUBLISHED_SHEET);
  const cells = [...fake.sheet(PUBLISHED_SHEET).cells.values()];
  expect(cells.some((c) => c.formula !== undefined)).toBe(false);
});

test("addCharts: every series from its own range, one run and one sync", async () => {
  const fake = new FakeExcel({ sheets: ["Kvartalsoversigt"] });
  const spec: ChartSpec = {
    type: "columnClustered",
    title: "Belægningsprocent pr. kvartal 2024",
    sheet: "Kvartalsoversigt",
    categories: "B7:B10",
    series: [
      { name: "Kilen", values: "C7:C10" },
      { name: "I alt", values: "D7:D10" },
    ],
    anchor: "G5",
  };
  const n = await addCharts([spec, { ...spec, type: "line", title: "Fravær" }], fakeRun(fake), fake);
  expect(n).toBe(2);
  expect(fake.stats).toMatchObject({ runs: 1, syncs: 1 });
  expect(fake.sheet("Kvartalsoversigt").charts[0]).toMatchObject({
    type: "ColumnClustered",
    title: spec.title,
    position: { start: "G5" },
    series: [
      { name: "Kilen", values: "C7:C10", categories: "B7:B10" },
      { name: "I alt", values: "D7:D10", categories: "B7:B10" },
    ],
  });
  expect(fake.sheet("Kvartalsoversigt").charts[1].type).toBe("Line");
});

test("addCharts without ExcelApi 1.7 says so in Danish and draws nothing", async () => {
  const fake = new FakeExcel({ sheets: ["Kvartalsoversigt"], supported: { ExcelApi: "1.6" } });
  await expect(addCharts([], fakeRun(fake), fake)).rejects.toThrow(/tegne diagrammer \(kræver ExcelApi 1.7\)/);
  expect(fake.stats.runs).toBe(0);
});

test("readImportSource reads only the source sheets' grids", async () => {
  const fake = fakeWithCaseList(30);
  const port = createOfficePlanPort(fakeRun(fake), { host: fake });
  await runImport(port, { sheets: [fake.sheets[0].name], merge: true, overrides: {}, presets: ["Værkstedsmål"] }, noSteps);
  const again = await readImportSource(port);
  expect(again.rerun).toBe(true);
  expect(again.grids.sheets.map((s) => s.name)).toEqual([fake.sheets[0].name]);
});
