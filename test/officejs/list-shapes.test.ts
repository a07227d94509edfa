// The task pane's Importér (runImport through the Office.js plan port, against the fake Excel) on
// each way coordinators keep a list (src/sample/list-shapes.ts): the tables read back from the
// workbook hold every citizen once with every field as meant, as the command line gives them, and
// still do after a re-run.
import { createOfficePlanPort } from "../../src/adapters/officejs/plan-port";
import { readTables } from "../../src/adapters/officejs/read-tables";
import { listShapes, type ListShape } from "../../src/sample/list-shapes";
import { readImportSource, runImport } from "../../src/taskpane/import/import-flow";
import { TABLES } from "../../src/workbook/contract";
import { columnLetters } from "../../src/workbook/plan";
import { FakeExcel, fakeRun } from "../support/fake-excel";
import { differences } from "../support/list-shape-check";

function fakeWith(shape: ListShape): FakeExcel {
  const fake = new FakeExcel();
  for (const g of shape.grids.sheets) {
    const sheet = fake.addSheet(g.name);
    g.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) sheet.put(`${columnLetters(c)}${r + 1}`, v, g.numFmts?.[r]?.[c] ?? undefined);
      })
    );
    // The Fornavn/Efternavn list is an Excel table, as coordinators keep it.
    if (shape.id === "first-last-birth")
      fake.tables.push({
        name: "Deltagerliste",
        sheet,
        bounds: { r0: 0, c0: 0, r1: g.cells.length - 1, c1: g.cells[0].length - 1 },
        headers: g.cells[0].map(String),
      });
  }
  return fake;
}

describe("Importér in Excel: each way of keeping a list, converted as meant", () => {
  for (const shape of listShapes(1)) {
    it(shape.title, async () => {
      const fake = fakeWith(shape);
      const port = createOfficePlanPort(fakeRun(fake), { host: fake });
      const source = await readImportSource(port);
      expect(source.layout.sheets.map((s) => s.name)).toEqual(shape.grids.sheets.map((s) => s.name));
      const sheets = shape.grids.sheets.map((s) => s.name);
      const choice = { sheets, merge: true, overrides: {}, presets: ["Værkstedsmål"] };
      const first = await runImport(port, choice, () => undefined);
      const check = async () => {
        const t = (await readTables([TABLES.sager, TABLES.problemer, TABLES.visitationer], [], fakeRun(fake))).tables;
        expect(differences(shape, { sager: t[TABLES.sager], problemer: t[TABLES.problemer], visitationer: t[TABLES.visitationer] ?? null })).toEqual([]);
      };
      await check();
      // A re-run with the mapping saved in the workbook updates every case and adds nothing.
      const again = await runImport(port, choice, () => undefined);
      expect(again.rerun).toBe(true);
      expect(again.result.stats).toMatchObject({ added: 0, updated: first.result.cases.length });
      await check();
    });
  }
});
