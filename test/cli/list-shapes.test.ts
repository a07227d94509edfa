// `sagsliste convert` on real .xlsx files holding each way coordinators keep a list
// (src/sample/list-shapes.ts): the structured workbook read back holds every citizen once with every
// field as meant. The Fornavn/Efternavn list is an Excel table in the file, as coordinators keep it.
import { spawnSync } from "child_process";
import path from "path";
import ExcelJS from "exceljs";
import { serialToExcelJsDate } from "../../src/adapters/xlsx/cell-values";
import { findTable } from "../../src/adapters/xlsx/read-tables";
import { gridsToWorkbook } from "../../src/adapters/xlsx/write-grids";
import { listShapes, type ListShape } from "../../src/sample/list-shapes";
import { TABLES } from "../../src/workbook/contract";
import { differences } from "../support/list-shape-check";
import { tempDir } from "../support/recalc-helpers";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

const BIN = path.resolve(__dirname, "../../bin/sagsliste.js");

/** The generated list as a file; the first-and-last-name list as an Excel table (Tabel). */
function workbookOf(shape: ListShape): ExcelJS.Workbook {
  const wb = gridsToWorkbook(shape.grids);
  if (shape.id !== "first-last-birth") return wb;
  const grid = shape.grids.sheets[0];
  wb.removeWorksheet(wb.getWorksheet(grid.name)!.id);
  const ws = wb.addWorksheet(grid.name);
  const [header, ...rows] = grid.cells;
  ws.addTable({
    name: "Deltagerliste",
    ref: "A1",
    headerRow: true,
    columns: header.map((h) => ({ name: String(h) })),
    rows: rows.map((r, i) => r.map((v, c) => (typeof v === "number" && grid.numFmts?.[i + 1]?.[c] ? serialToExcelJsDate(v) : v))),
  });
  rows.forEach((r, i) =>
    r.forEach((_, c) => {
      const fmt = grid.numFmts?.[i + 1]?.[c];
      if (fmt) ws.getCell(i + 2, c + 1).numFmt = fmt;
    })
  );
  return wb;
}

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("sagsliste convert: each way of keeping a list, converted as meant", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir("list-shapes-cli");
  });

  for (const shape of listShapes(1)) {
    it(shape.title, async () => {
      const input = path.join(dir, `${shape.id}.xlsx`);
      const output = path.join(dir, `${shape.id}-struktureret.xlsx`);
      await workbookOf(shape).xlsx.writeFile(input);
      const r = spawnSync(process.execPath, [BIN, "convert", input, "-o", output, "--ref-date", "2024-06-30"], { encoding: "utf8", timeout: 120_000 });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(output);
      const table = (name: string) => {
        const t = findTable(wb, name);
        return t ? { headers: t.headers, rows: t.rows } : null;
      };
      expect(differences(shape, { sager: table(TABLES.sager)!, problemer: table(TABLES.problemer)!, visitationer: table(TABLES.visitationer) })).toEqual([]);
      if (shape.id === "first-last-birth") expect(wb.getWorksheet(shape.grids.sheets[0].name)!.getTables()).toHaveLength(1);
    });
  }
});
