// The task pane's Importér run twice in Excel (the fake Office.js): a coordinator corrects CPR, Enhed,
// Indskrevet and Udskrevet in Sager, the source is edited meanwhile, and the re-run merges cell by cell
// without duplicating a case; the same for a workbook whose metadata an older version wrote.
import { createOfficePlanPort } from "../../src/adapters/officejs/plan-port";
import { readLayout } from "../../src/adapters/officejs/read-layout";
import { readTables } from "../../src/adapters/officejs/read-tables";
import type { SheetGrid } from "../../src/import/grid";
import { IMPORTED_KEY, type ImportedState } from "../../src/import/rerun-merge";
import { runImport } from "../../src/taskpane/import/import-flow";
import { importSummary } from "../../src/taskpane/import/import-model";
import { TABLES } from "../../src/workbook/contract";
import { METADATA_SHEET, metadataSheet } from "../../src/workbook/metadata";
import { columnLetters } from "../../src/workbook/plan";
import { FakeExcel, fakeRun } from "../support/fake-excel";
import { checkRerun, rerunScenario, sagsIdOf, SOURCE_SHEET, type CellEdit, type Table } from "../support/rerun-scenario";

const noSteps = () => undefined;
const choice = { sheets: [SOURCE_SHEET], merge: true, overrides: {}, presets: ["Værkstedsmål"] };
const today = new Date(2024, 5, 30, 12, 0, 0);

/** Type the grid into the sheet, cell by cell (an empty cell where the grid has none). */
function typeGrid(fake: FakeExcel, grid: SheetGrid): void {
  const sheet = fake.findSheet(grid.name) ?? fake.addSheet(grid.name);
  grid.cells.forEach((row, r) =>
    row.forEach((v, c) =>
      sheet.put(`${columnLetters(c)}${r + 1}`, v === null || v === undefined ? "" : (v as string | number), grid.numFmts?.[r]?.[c] ?? undefined)
    )
  );
}

/** Correct cells of Sager as a user typing in the table would. */
function editSager(fake: FakeExcel, edits: readonly CellEdit[]): void {
  const t = fake.findTable(TABLES.sager)!;
  const idCol = t.headers.indexOf("Sags-ID");
  for (const e of edits) {
    let r = t.bounds.r0 + 1;
    while (r <= t.bounds.r1 && t.sheet.get(r, t.bounds.c0 + idCol)?.value !== sagsIdOf(e.i)) r++;
    expect(r).toBeLessThanOrEqual(t.bounds.r1);
    t.sheet.put(`${columnLetters(t.bounds.c0 + t.headers.indexOf(e.column))}${r + 1}`, e.value);
  }
}

async function tables(fake: FakeExcel): Promise<{ sager: Table; problemer: Table; log: Table }> {
  const read = await readTables([TABLES.sager, TABLES.problemer, TABLES.log], [], fakeRun(fake));
  return { sager: read.tables[TABLES.sager], problemer: read.tables[TABLES.problemer], log: read.tables[TABLES.log] };
}

test("Importér again in Excel: Sager's corrections kept, source changes applied, conflicts in Problemer, no duplicate", async () => {
  const sc = rerunScenario(250);
  const fake = new FakeExcel();
  typeGrid(fake, sc.source);
  const port = createOfficePlanPort(fakeRun(fake), { host: fake });
  const first = await runImport(port, choice, noSteps, today);
  expect(first.result.cases).toHaveLength(250);
  expect(first.result.cases.map((c) => c.sagsId).slice(0, 3)).toEqual([sagsIdOf(0), sagsIdOf(1), sagsIdOf(2)]);
  const state = (await readLayout(fakeRun(fake))).metadata?.[IMPORTED_KEY] as ImportedState;
  expect(state.cases).toHaveLength(250);
  // No CPR number or name is readable in the metadata.
  const json = JSON.stringify(state);
  for (const c of sc.cases) expect(json.includes(c.cpr!) || json.includes(c.navn!)).toBe(false);
  const logBefore = (await tables(fake)).log.rows.filter((r) => r.some((v) => v !== null)).length;

  editSager(fake, sc.sagerEdits);
  typeGrid(fake, sc.edited);
  const second = await runImport(port, choice, noSteps, today);
  expect(second.rerun).toBe(true);
  expect(second.result.stats).toMatchObject({ added: 1, updated: 250 });
  const lines = checkRerun(sc, await tables(fake), logBefore);
  expect(lines).toContain(`Import | Sager |  |  | 250 rækker | 251 rækker (1 nye, 6 opdaterede)`);
  // The page's result says the same.
  const summary = importSummary(second).lines;
  expect(summary).toContain("1 nye og 6 opdaterede sager.");
  expect(summary).toContain(
    "4 celler var ændret både i Sager og i kildearket siden sidste import: Sager er beholdt, og begge værdier står på arket Problemer."
  );
  console.log(`Resultat på siden Importér:\n${summary.join("\n")}\nLog efter genkørsel i Excel:\n${lines.join("\n")}`);

  // Once more, unchanged: nothing added, nothing changed, no conflict repeated.
  const third = await runImport(port, choice, noSteps, today);
  expect(third.result.stats).toMatchObject({ added: 0, updated: 251 });
  const after = await tables(fake);
  expect(after.problemer.rows.filter((r) => r.includes("KONFLIKT_KILDE_SAGER"))).toHaveLength(0);
  const third3 = after.log.rows.filter((r) => r.some((v) => v !== null)).slice(logBefore + lines.length);
  expect(third3.map((r) => r.slice(1, 7).join(" | "))).toEqual(["Import | Sager |  |  | 251 rækker | 251 rækker (0 nye, 0 opdaterede)"]);
});

test("a workbook converted by the older version (no identities in the metadata) re-runs without a duplicate", async () => {
  const sc = rerunScenario(250);
  const fake = new FakeExcel();
  typeGrid(fake, sc.source);
  const port = createOfficePlanPort(fakeRun(fake), { host: fake });
  await runImport(port, choice, noSteps, today);
  // The older version's metadata: the same document without the identities.
  const meta = (await readLayout(fakeRun(fake))).metadata!;
  delete meta[IMPORTED_KEY];
  const sheet = fake.sheet(METADATA_SHEET);
  sheet.cells.clear();
  for (const c of metadataSheet(meta).cells ?? []) sheet.put(c.address, c.value as string);
  expect((await readLayout(fakeRun(fake))).metadata?.[IMPORTED_KEY]).toBeUndefined();

  editSager(fake, sc.sagerEdits);
  typeGrid(fake, sc.edited);
  const second = await runImport(port, choice, noSteps, today);
  expect(second.result.stats).toMatchObject({ added: 1, updated: 250 });
  const t = await tables(fake);
  const sager = t.sager.rows.filter((r) => r.some((v) => v !== null));
  expect(sager).toHaveLength(251);
  // Every correction in Sager is kept; where the source differs too, Problemer says so with both values.
  const byId = new Map(sager.map((r) => [r[0], r]));
  for (const e of sc.sagerEdits) expect(byId.get(sagsIdOf(e.i))?.[t.sager.headers.indexOf(e.column)]).toBe(e.value);
  const differences = t.problemer.rows.filter((r) => r.includes("FORSKEL_KILDE_SAGER"));
  expect(differences.length).toBeGreaterThanOrEqual(sc.conflicts.length);
  // The identities are stored now: the next run merges three-way.
  const state = (await readLayout(fakeRun(fake))).metadata?.[IMPORTED_KEY] as ImportedState;
  expect(state.cases).toHaveLength(251);
  const third = await runImport(port, choice, noSteps, today);
  expect(third.result.stats).toMatchObject({ added: 0, updated: 251 });
  expect((await tables(fake)).problemer.rows.filter((r) => r.includes("FORSKEL_KILDE_SAGER") || r.includes("KONFLIKT_KILDE_SAGER"))).toHaveLength(0);
});
