// A table's rows are written into the file straight from the plan's values (table-body-xml.ts). Whatever
// the values, the file must read back exactly as the one ExcelJS writes from cells, and anyone who reads or
// changes the sheet before it is written must find the cells.
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { ownFormulas } from "../../src/adapters/xlsx/column-formulas";
import { fillTableBodies, tableBodiesOf } from "../../src/adapters/xlsx/table-body";
import { tableBodyXml } from "../../src/adapters/xlsx/table-body-xml";
import { installExcelJsFilePatches } from "../../src/adapters/xlsx/exceljs-patches/node";
import type { ColumnPlan, Plan, Scalar, TablePlan } from "../../src/workbook/plan";

/** Every cell of every sheet as read back from a written workbook, an empty one with a format too. */
async function readBack(wb: ExcelJS.Workbook): Promise<Record<string, string>> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  ownFormulas(back);
  const cells: Record<string, string> = {};
  for (const ws of back.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.value !== null || cell.numFmt) cells[`${ws.name}!${cell.address}`] = JSON.stringify([cell.value, cell.numFmt ?? null]);
      })
    );
    const tables = ws.getTables().map((t) => (t as unknown as { table: { name: string; tableRef: string } }).table);
    for (const t of tables) cells[`${ws.name}#${t.name}`] = t.tableRef;
  }
  return cells;
}

function applied(plan: Plan, filled: boolean): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, plan);
  if (filled) for (const ws of wb.worksheets) fillTableBodies(ws);
  return wb;
}

async function sheetXml(wb: ExcelJS.Workbook, n: number): Promise<string> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  return zip.file(`xl/worksheets/sheet${n}.xml`)!.async("string");
}

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", " forrest ", "<&>\"'", "=SUM(A1)", "@x", "+45 1234", "linje\nto", "Ærø æøå", "__proto__", "1e5")
);
const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true }),
  fc.constantFrom(0, 1e-9, 0.1, 45292)
);

type Kind = "text" | "number" | "date" | "flag" | "shared" | "own";
const COLUMN: Record<Kind, (name: string) => ColumnPlan> = {
  text: (name) => ({ name }),
  number: (name) => ({ name, numFmt: "0.0" }),
  date: (name) => ({ name, numFmt: "dd-mm-yyyy" }),
  flag: (name) => ({ name }),
  shared: (name) => ({ name, formula: `=IF(T[[#This Row],[K0]]="","",1)`, numFmt: "0" }),
  own: (name) => ({ name, formula: '=A1&"<x>"' }), // a relative reference: each cell its own formula
};
const VALUE: Record<Kind, fc.Arbitrary<Scalar>> = {
  text,
  number,
  date: fc.integer({ min: 1, max: 60_000 }),
  flag: fc.boolean(),
  shared: fc.constant(null),
  own: fc.constant(null),
};

const tablePlan = fc
  .array(fc.constantFrom<Kind>("text", "number", "date", "flag", "shared", "own"), { minLength: 1, maxLength: 6 })
  .chain((kinds) =>
    fc.record({
      kinds: fc.constant(kinds),
      rows: fc.array(fc.tuple(...kinds.map((k) => fc.option(VALUE[k], { freq: 4 }))), { maxLength: 12 }),
      topLeft: fc.constantFrom("A1", "C4"),
    })
  )
  .map(({ kinds, rows, topLeft }): TablePlan => ({
    name: "T",
    topLeft,
    columns: kinds.map((k, j) => COLUMN[k](`K${j}`)),
    rows: rows.map((r) => [...r]),
  }));

// The file adapter's patches: the body writer and the zip writer.
beforeAll(() => installExcelJsFilePatches());

describe("a table body written from its values", () => {
  it("reads back exactly as the same table written cell by cell", async () => {
    await fc.assert(
      fc.asyncProperty(tablePlan, async (table) => {
        const plan: Plan = { names: [], sheets: [{ name: "Ark", tables: [table], cells: [{ address: "A20", value: "under" }] }] };
        expect(await readBack(applied(plan, false))).toEqual(await readBack(applied(plan, true)));
      }),
      { numRuns: 60 }
    );
  });

  it("shares a computed column's formula down its rows, and a second write is the same", async () => {
    const table: TablePlan = {
      name: "T",
      topLeft: "A1",
      columns: [{ name: "A" }, { name: "B", formula: "=T[[#This Row],[A]]*2" }],
      rows: [
        [1, null],
        [2, null],
        [3, null],
      ],
    };
    const wb = applied({ names: [], sheets: [{ name: "Ark", tables: [table] }] }, false);
    const xml = await sheetXml(wb, 1);
    expect(xml).toContain('<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">T[[#This Row],[A]]*2</f></c></row>');
    expect(xml).toContain('<c r="B4"><f t="shared" si="0"/></c>');
    expect(xml).toContain('<dimension ref="A1:B4"/>');
    expect(await sheetXml(wb, 1)).toBe(xml);
    expect(tableBodiesOf(wb.getWorksheet("Ark")!)).toHaveLength(1); // writing did not fill the cells in
  });

  it("gives its cells to whoever reads or changes the sheet first", async () => {
    const table: TablePlan = {
      name: "T",
      topLeft: "B2",
      columns: [{ name: "Tekst" }, { name: "Dato", numFmt: "dd-mm-yyyy" }],
      rows: [
        ["a", 45292],
        ["b", null],
      ],
    };
    const wb = applied({ names: [], sheets: [{ name: "Ark", tables: [table] }] }, false);
    const ws = wb.getWorksheet("Ark")!;
    expect(ws.actualRowCount).toBe(3);
    expect(ws.getCell("B3").value).toBe("a");
    expect(ws.getCell("C3").value).toEqual(new Date(Date.UTC(2024, 0, 1)));
    expect(tableBodiesOf(ws)).toHaveLength(0);
    ws.getCell("B4").value = "ændret";
    expect((await readBack(wb))["Ark!B4"]).toBe(JSON.stringify(["ændret", null]));
  });

  it("keeps a plan's cell inside the table's rows, and tables side by side", async () => {
    const left: TablePlan = { name: "V", topLeft: "A1", columns: [{ name: "A" }], rows: [[1], [2]] };
    const right: TablePlan = {
      name: "H",
      topLeft: "C1",
      columns: [{ name: "C" }, { name: "D", formula: "=H[[#This Row],[C]]+1" }],
      rows: [
        [5, null],
        [6, null],
        [7, null],
      ],
    };
    const plan: Plan = {
      names: [],
      sheets: [
        { name: "Over", tables: [left], cells: [{ address: "A3", value: "sat over" }] },
        { name: "Side", tables: [left, right] },
      ],
    };
    const deferred = await readBack(applied(plan, false));
    expect(deferred).toEqual(await readBack(applied(plan, true)));
    expect(deferred["Over!A3"]).toBe(JSON.stringify(["sat over", null]));
    expect(deferred["Side!A3"]).toBe(JSON.stringify([2, null]));
    expect(deferred["Side!D4"]).toBe(JSON.stringify([{ formula: "H[[#This Row],[C]]+1" }, null]));
  });

  it("writes text in the cell, escaped, when the workbook keeps no shared strings", () => {
    const xml = tableBodyXml(
      { top: 2, left: 1, columns: [{ style: {}, date: false }], rows: [["<a & b>"], [null], [true]] },
      { styleId: () => 0, sharedString: () => undefined, nextSharedFormula: () => 0, sameEverywhere: () => true }
    );
    expect(xml).toBe(
      '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">&lt;a &amp; b&gt;</t></is></c></row><row r="3"></row><row r="4"><c r="A4" t="b"><v>1</v></c></row>'
    );
  });
});
