// `sagsliste convert` run again on its own output after a coordinator corrected CPR, Enhed, Indskrevet
// and Udskrevet in Sager while the source was edited too: no case duplicated, Sager's corrections kept,
// the source's own changes applied, each conflict in Problemer with both values, and the Log saying what
// changed. Also for a workbook whose metadata an older version wrote (no identities stored).
import { spawnSync } from "child_process";
import path from "path";
import ExcelJS from "exceljs";
import { serialToExcelJsDate } from "../../src/adapters/xlsx/cell-values";
import { readMetadata } from "../../src/adapters/xlsx/convert-workbook";
import { findTable } from "../../src/adapters/xlsx/read-tables";
import { gridsToWorkbook } from "../../src/adapters/xlsx/write-grids";
import type { SheetGrid } from "../../src/import/grid";
import { IMPORTED_KEY, type ImportedState } from "../../src/import/rerun-merge";
import { TABLES } from "../../src/workbook/contract";
import { METADATA_SHEET, metadataSheet } from "../../src/workbook/metadata";
import { tempDir } from "../support/recalc-helpers";
import { checkRerun, DATE_FMT, rerunScenario, sagsIdOf, type CellEdit, type Table } from "../support/rerun-scenario";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

const BIN = path.resolve(__dirname, "../../bin/sagsliste.js");

function convert(input: string, output: string) {
  const r = spawnSync(process.execPath, [BIN, "convert", input, "-o", output, "--json", "--ref-date", "2024-06-30"], { encoding: "utf8", timeout: 120_000 });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { rerun: boolean; rows: { added: number; updated: number } };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function tables(wb: ExcelJS.Workbook): { sager: Table; problemer: Table; log: Table } {
  const t = (name: string) => findTable(wb, name)! as Table;
  return { sager: t(TABLES.sager), problemer: t(TABLES.problemer), log: t(TABLES.log) };
}

/** Type the grid over the source sheet (it has one row more than before; every cell is written). */
function typeGrid(wb: ExcelJS.Workbook, grid: SheetGrid): void {
  const ws = wb.getWorksheet(grid.name)!;
  grid.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      const fmt = grid.numFmts?.[r]?.[c] ?? null;
      cell.value = v === null || v === undefined ? null : fmt === DATE_FMT && typeof v === "number" ? serialToExcelJsDate(v) : (v as string | number);
      if (fmt) cell.numFmt = fmt;
    })
  );
}

/** Correct cells of Sager, found by Sags-ID, as a user typing in the table would. */
function editSager(wb: ExcelJS.Workbook, edits: readonly CellEdit[]): void {
  const t = findTable(wb, TABLES.sager)!;
  const ws = wb.getWorksheet(t.sheet)!;
  const id = t.headers.indexOf("Sags-ID");
  for (const e of edits) {
    const r = t.rows.findIndex((row) => row[id] === sagsIdOf(e.i));
    expect(r).toBeGreaterThanOrEqual(0);
    const cell = ws.getCell(t.firstRow + r, t.firstCol + t.headers.indexOf(e.column));
    cell.value = typeof e.value === "number" ? serialToExcelJsDate(e.value) : e.value;
  }
}

const logRows = (t: Table) => t.rows.filter((r) => r.some((v) => v !== null && v !== "")).length;

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("sagsliste convert, run again after corrections in Sager and in the source", () => {
  const sc = rerunScenario(250);
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir("rerun-merge");
    await gridsToWorkbook({ sheets: [sc.source] }).xlsx.writeFile(path.join(dir, "kilde.xlsx"));
  });

  it("merges cell by cell: no duplicate, corrections kept, source changes applied, conflicts in Problemer", async () => {
    const first = convert(path.join(dir, "kilde.xlsx"), path.join(dir, "foerste.xlsx"));
    expect(first.rows.added).toBe(250);
    const wb = await load(path.join(dir, "foerste.xlsx"));
    expect((readMetadata(wb)?.[IMPORTED_KEY] as ImportedState).cases).toHaveLength(250);
    const logBefore = logRows(tables(wb).log);
    editSager(wb, sc.sagerEdits);
    typeGrid(wb, sc.edited);
    await wb.xlsx.writeFile(path.join(dir, "rettet.xlsx"));

    const second = convert(path.join(dir, "rettet.xlsx"), path.join(dir, "anden.xlsx"));
    expect(second).toMatchObject({ rerun: true, rows: { added: 1, updated: 250 } });
    const after = await load(path.join(dir, "anden.xlsx"));
    const lines = checkRerun(sc, tables(after), logBefore);
    expect(lines[lines.length - 1]).toBe("Import | Sager |  |  | 250 rækker | 251 rækker (1 nye, 6 opdaterede)");
    console.log(`Log efter genkørsel (sagsliste convert):\n${lines.join("\n")}`);

    // Once more on its own output: nothing added, changed or reported again.
    const third = convert(path.join(dir, "anden.xlsx"), path.join(dir, "tredje.xlsx"));
    expect(third.rows).toMatchObject({ added: 0, updated: 251 });
    const t3 = tables(await load(path.join(dir, "tredje.xlsx")));
    expect(logRows(t3.sager)).toBe(251);
    expect(t3.problemer.rows.filter((r) => r.includes("KONFLIKT_KILDE_SAGER"))).toHaveLength(0);
  });

  it("re-runs a workbook converted by the older version without duplicating, then stores the identities", async () => {
    const wb = await load(path.join(dir, "foerste.xlsx"));
    const meta = readMetadata(wb)!;
    delete meta[IMPORTED_KEY];
    wb.removeWorksheet(wb.getWorksheet(METADATA_SHEET)!.id);
    const ws = wb.addWorksheet(METADATA_SHEET, { state: "hidden" });
    for (const c of metadataSheet(meta).cells ?? []) ws.getCell(c.address).value = c.value as string;
    expect(readMetadata(wb)?.[IMPORTED_KEY]).toBeUndefined();
    editSager(wb, sc.sagerEdits);
    typeGrid(wb, sc.edited);
    await wb.xlsx.writeFile(path.join(dir, "gammel.xlsx"));

    const second = convert(path.join(dir, "gammel.xlsx"), path.join(dir, "gammel-igen.xlsx"));
    expect(second.rows).toMatchObject({ added: 1, updated: 250 });
    const out = await load(path.join(dir, "gammel-igen.xlsx"));
    const t = tables(out);
    const sager = t.sager.rows.filter((r) => r.some((v) => v !== null));
    expect(sager).toHaveLength(251);
    expect(new Set(sager.map((r) => r[0])).size).toBe(251);
    const byId = new Map(sager.map((r) => [r[0], r]));
    for (const e of sc.sagerEdits) expect(byId.get(sagsIdOf(e.i))?.[t.sager.headers.indexOf(e.column)]).toBe(e.value);
    expect(t.problemer.rows.filter((r) => r.includes("FORSKEL_KILDE_SAGER")).length).toBeGreaterThanOrEqual(sc.conflicts.length);
    expect((readMetadata(out)?.[IMPORTED_KEY] as ImportedState).cases).toHaveLength(251);
    const third = convert(path.join(dir, "gammel-igen.xlsx"), path.join(dir, "gammel-tredje.xlsx"));
    expect(third.rows).toMatchObject({ added: 0, updated: 251 });
  });
});
