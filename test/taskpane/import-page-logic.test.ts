// The Import and Oversigt pages' logic without React: mapping choices, the preview, the findings list,
// the result summary, the years offered; and the whole import and overview through the preview's port.
import type { Analysis } from "../../src/import/convert";
import type { ProblemRow } from "../../src/workbook/problems-plan";
import { MemoryWorkbookPort } from "../../src/adapters/xlsx/memory-port";
import { rawSample } from "../../src/adapters/xlsx/sample-workbooks";
import { initialChoice, readImportSource, runImport, surveySource } from "../../src/taskpane/import/import-flow";
import {
  KEEP_VALUE,
  chooseTarget,
  findingItems,
  importSummary,
  mappingRows,
  offerMerge,
  previewTable,
  splitTarget,
  targetOptions,
} from "../../src/taskpane/import/import-model";
import { buildOverview, defaultYear, overviewYears, publishOverview, readOverviewSource } from "../../src/taskpane/oversigt/overview-flow";
import { findTable } from "../../src/adapters/xlsx/read-tables";
import { SHEETS, TABLES } from "../../src/workbook/contract";
import { PUBLISHED_SHEET } from "../../src/workbook/report/report-plan";

test("the targets are the Sager input columns and 'Behold som den er' last", () => {
  const options = targetOptions();
  expect(options[0]).toEqual({ value: "Sags-ID", label: "Sags-ID" });
  expect(options.at(-1)).toEqual({ value: KEEP_VALUE, label: "Behold som den er" });
  expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
});

test.each([
  ["a new choice", {}, "Ark1!C", "Indskrevet", { "Ark1!C": "Indskrevet" }],
  ["keep as it is", { "Ark1!C": "Indskrevet" }, "Ark1!C", KEEP_VALUE, { "Ark1!C": null }],
  ["a column another had: the other goes back to the mapper", { "Ark1!B": "Navn" }, "Ark1!C", "Navn", { "Ark1!C": "Navn" }],
  ["other choices stay", { "Ark1!B": "CPR" }, "Ark1!C", "Navn", { "Ark1!B": "CPR", "Ark1!C": "Navn" }],
])("chooseTarget: %s", (_, before, key, value, after) => {
  expect(chooseTarget(before, key, value)).toEqual(after);
});

test("mapping rows: the override key, a label naming sheet and column, confidence in percent", () => {
  const rows = mappingRows({
    version: 1,
    columns: [{ sheet: "Ark1", index: 2, letter: "C", header: "Indskr.", target: "Indskrevet", confidence: 0.874, reason: "Ligner Indskrevet." }],
  });
  expect(rows).toEqual([{ key: "Ark1!C", label: "Kolonne C 'Indskr.' på Ark1", target: "Indskrevet", confidence: 87, reason: "Ligner Indskrevet." }]);
});

test("the preview shows columns with content, dates as dd-mm-åååå, at most five rows", () => {
  const preview = {
    headers: ["Sags-ID", "CPR", "Indskrevet", "Status"],
    rows: Array.from({ length: 8 }, (_, i) => [`S-${i}`, null, 45_000 + i, i % 2 ? "aktiv" : null]),
  };
  const t = previewTable(preview);
  expect(t.headers).toEqual(["Sags-ID", "Indskrevet", "Status"]);
  expect(t.rows).toHaveLength(5);
  expect(t.rows[0]).toEqual(["S-0", "15-03-2023", ""]);
});

test("findings go to their cell in Sager when the value landed there, else to the source cell", () => {
  const p = (target: string | null, sheet = "Ark1", cell = "C3"): ProblemRow => ({
    sheet,
    cell,
    severity: "fejl",
    code: "X",
    message: "Datoen kan ikke læses.",
    original: "32/13",
    target,
  });
  const { items, more } = findingItems([p("Sager!I2"), p(null), p("'Mit ark'!B4")]);
  expect(items.map((f) => [f.sheet, f.cell])).toEqual([
    ["Sager", "I2"],
    ["Ark1", "C3"],
    ["Mit ark", "B4"],
  ]);
  expect(items[0].text).toBe("Fejl i Sager!I2: Datoen kan ikke læses.");
  expect(more).toBe(0);
  expect(findingItems(Array.from({ length: 250 }, () => p(null))).more).toBe(50);
  expect(splitTarget("A1")).toBeNull();
});

test("merging is offered only for two or more chosen case lists", () => {
  const region = (sheet: string) => ({ kind: "sager", sheet }) as unknown as Analysis["regions"][number];
  const a = { regions: [region("2023"), region("2024")] };
  expect(offerMerge(a, ["2023", "2024"])).toBe(true);
  expect(offerMerge(a, ["2024"])).toBe(false);
});

test("the whole import through the preview's port: summary, Sager, Problemer; a re-run updates", async () => {
  const port = new MemoryWorkbookPort(rawSample());
  const source = await readImportSource(port);
  expect(source.rerun).toBe(false);
  const survey = surveySource(source);
  const choice = initialChoice(survey);
  expect(choice.sheets).toEqual(["Ark1"]);
  const steps: string[] = [];
  const done = await runImport(port, choice, (s) => steps.push(s));
  expect(steps).toEqual(["read", "convert", "write"]);
  const summary = importSummary(done);
  expect(summary.lines[0]).toBe("2 rækker fra 1 ark blev til 2 sager i tabellen Sager.");
  // The sample has no unit column; its title "Sagsliste 2024 – Kilen" names the unit, proposed in the mapping.
  expect(done.result.mapping.columns.find((c) => c.letter === "Titel")).toMatchObject({ target: "Enhed", confidence: 0.8 });
  expect(summary.errors).toBe(0);
  expect(summary.lines[1]).toMatch(/^(Ingen fejl eller advarsler\.|0 fejl og \d+ advarsl?e?r? står på arket Problemer\.)$/);
  const sager = findTable(port.workbook, TABLES.sager)!;
  expect(sager.rows).toHaveLength(2);
  expect(sager.rows.map((r) => r[sager.headers.indexOf("Enhed")])).toEqual(["Kilen", "Kilen"]);
  expect(findTable(port.workbook, TABLES.problemer)).not.toBeNull();

  const again = await runImport(port, choice, () => undefined);
  expect(again.rerun).toBe(true);
  // Nothing changed in the source or in Sager: nothing updated.
  expect(importSummary(again).lines[1]).toBe("0 nye og 0 opdaterede sager.");
  expect(findTable(port.workbook, TABLES.sager)?.rows).toHaveLength(2);
});

test("the overview through the preview's port: years, the report sheets, the published sheet", async () => {
  const port = new MemoryWorkbookPort(rawSample());
  await expect(readOverviewSource(port)).resolves.toBeNull();
  await runImport(port, initialChoice(surveySource(await readImportSource(port))), () => undefined, new Date(Date.UTC(2024, 5, 1)));
  const src = (await readOverviewSource(port))!;
  expect(defaultYear(src.data)).toBe(2024);
  expect(overviewYears(src.data)).toEqual([2024, 2023]);
  const built = await buildOverview(port, 2024, () => undefined);
  expect(built).toMatchObject({ sheets: [SHEETS.noegletal, SHEETS.pladsregulering, SHEETS.kvartalsoversigt], charts: 0 });
  expect(findTable(port.workbook, TABLES.noegletal)?.rows.length).toBeGreaterThan(0);
  const published = await publishOverview(port, 2024, () => undefined);
  expect(published.sheet).toBe(PUBLISHED_SHEET);
  // A second import removes the report sheets (they read the old tables) and says so.
  const again = await runImport(port, initialChoice(surveySource(await readImportSource(port))), () => undefined);
  expect(again.removedReports).toEqual(expect.arrayContaining([SHEETS.noegletal, SHEETS.kvartalsoversigt, PUBLISHED_SHEET]));
  expect(importSummary(again).lines.at(-1)).toMatch(/^Oversigtsarkene .* er fjernet/);
});
