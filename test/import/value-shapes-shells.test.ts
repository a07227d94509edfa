// The generated lists of every way of keeping values, converted by the command line (real .xlsx files)
// and by the task pane's Importér against the fake Office.js: every citizen once, every field as meant.
import { spawnSync } from "child_process";
import path from "path";
import ExcelJS from "exceljs";
import { recalculate } from "../../src/adapters/libreoffice/recalc";
import { findTable } from "../../src/adapters/xlsx/read-tables";
import { gridsToWorkbook } from "../../src/adapters/xlsx/write-grids";
import { createOfficePlanPort } from "../../src/adapters/officejs/plan-port";
import { FIELDS } from "../../src/import/fields";
import { generateValueShapes, type ValueShape } from "../../src/sample/value-shapes";
import { runImport } from "../../src/taskpane/import/import-flow";
import { TABLES } from "../../src/workbook/contract";
import { columnLetters } from "../../src/workbook/plan";
import { FakeExcel, fakeRun } from "../support/fake-excel";
import { tempDir } from "../support/recalc-helpers";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

const BIN = path.resolve(__dirname, "../../bin/sagsliste.js");
const shapes = generateValueShapes();
const KEY_OF = new Map(FIELDS.map((f) => [f.column, f.key as string]));

const toValue = (v: unknown): unknown =>
  v instanceof Date ? Math.round((v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000) : v === "" || v === undefined ? null : v;

/** Sager rows as objects keyed like Case, then compared with what the coordinator meant. */
function expectRows(shape: ValueShape, headers: string[], rows: unknown[][]): number {
  const cases = rows.map((r) => Object.fromEntries(headers.flatMap((h, i) => (KEY_OF.has(h) ? [[KEY_OF.get(h)!, toValue(r[i])]] : []))));
  expect({ shape: shape.name, rows: cases.length }).toEqual({ shape: shape.name, rows: shape.meant.length });
  for (const m of shape.meant) {
    const hits = cases.filter((c) => c.navn === m.navn);
    expect({ shape: shape.name, navn: m.navn, count: hits.length }).toEqual({ shape: shape.name, navn: m.navn, count: 1 });
    const picked = Object.fromEntries(Object.keys(m.fields).map((k) => [k, hits[0][k]]));
    expect({ shape: shape.name, navn: m.navn, ...picked }).toEqual({ shape: shape.name, navn: m.navn, ...m.fields });
  }
  return shape.meant.length;
}

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("by the command line", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir("value-shapes-cli");
  });

  test.each(shapes.map((s) => [s.name, s] as const))("%s", async (_name, shape) => {
    const input = path.join(dir, `${shape.name}.xlsx`);
    const output = path.join(dir, `${shape.name}-ud.xlsx`);
    await gridsToWorkbook(shape.grids).xlsx.writeFile(input);
    const r = spawnSync(process.execPath, [BIN, "convert", input, "-o", output, "--json"], { encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { findings: { code: string }[] };
    for (const [code, n] of Object.entries(shape.findingCounts ?? {}))
      expect({ code, n: json.findings.filter((f) => f.code === code).length }).toEqual({ code, n });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const t = findTable(wb, TABLES.sager)!;
    expectRows(shape, t.headers, t.rows);
  });

  test("a row colour's meaning is proposed in the JSON and confirmed with --map", () => {
    const input = path.join(dir, "roed-udfyldning.xlsx");
    const run = (extra: string[]) => {
      const r = spawnSync(process.execPath, [BIN, "convert", input, "-o", path.join(dir, "farve-ud.xlsx"), "--json", ...extra], {
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout) as { fills: { color: string; meaning: string | null; confidence: number }[]; findings: { code: string }[] };
    };
    const proposed = run([]);
    expect(proposed.fills).toEqual([expect.objectContaining({ color: "FF0000", meaning: "udskrevet", confidence: 0.6 })]);
    expect(proposed.findings.filter((f) => f.code === "UDSKREVET_UDEN_DATO")).toHaveLength(10);
    const declined = run(["--map", "Farve FF0000=-"]);
    expect(declined.fills).toEqual([expect.objectContaining({ color: "FF0000", meaning: null, confidence: 1 })]);
    expect(declined.findings.filter((f) => f.code === "UDSKREVET_UDEN_DATO" || f.code === "FARVE_TOLKET")).toHaveLength(0);
  });

  test("Pladsvægt, recalculated in LibreOffice, is the weight each place size means", async () => {
    const shape = shapes.find((s) => s.name === "pladstype")!;
    const [recalced] = await recalculate([path.join(dir, `${shape.name}-ud.xlsx`)], path.join(dir, "recalc"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalced);
    const t = findTable(wb, TABLES.sager)!;
    const navn = t.headers.indexOf("Navn");
    const w = t.headers.indexOf("Pladsvægt");
    const got = Object.fromEntries(t.rows.map((r) => [r[navn], r[w]]));
    expect(got).toEqual(Object.fromEntries(shape.meant.map((m) => [m.navn, m.weight])));
  });
});

describe("through the task pane (fake Office.js)", () => {
  test.each(shapes.map((s) => [s.name, s] as const))("%s", async (_name, shape) => {
    const fake = new FakeExcel({ supported: { ExcelApi: "1.13" } }); // a row's fill is read with ExcelApi 1.9
    for (const g of shape.grids.sheets) {
      const sheet = fake.addSheet(g.name);
      g.cells.forEach((row, r) => row.forEach((v, c) => v !== null && sheet.put(`${columnLetters(c)}${r + 1}`, v, g.numFmts?.[r]?.[c] ?? undefined)));
      for (const r of g.hiddenRows) sheet.hiddenRows.add(r);
      // A coloured row: every cell of it filled, as a coordinator colours a whole row.
      g.rowFills?.forEach((hex, r) => {
        if (!hex) return;
        (g.cells[r] ?? []).forEach((_, c) => {
          const cell = sheet.get(r, c);
          if (cell) cell.fillColor = `#${hex}`;
        });
      });
    }
    const port = createOfficePlanPort(fakeRun(fake), { host: fake });
    const run = await runImport(
      port,
      { sheets: shape.grids.sheets.map((s) => s.name), merge: true, overrides: {}, presets: ["Værkstedsmål"] },
      () => undefined
    );
    for (const [code, n] of Object.entries(shape.findingCounts ?? {}))
      expect({ code, n: run.result.findings.filter((f) => f.code === code).length }).toEqual({ code, n });
    const t = fake.findTable(TABLES.sager)!;
    const b = t.bounds;
    const values = fake.read(t.sheet.name, `${columnLetters(b.c0)}${b.r0 + 1}:${columnLetters(b.c1)}${b.r1 + 1}`);
    expectRows(shape, values[0].map(String), values.slice(1));
  });
});
