// Every patch of ExcelJS (src/adapters/xlsx/exceljs-patches/) against ExcelJS as it comes: plain ExcelJS
// 4.4.0 still shows the behaviour each patch works around (or still has the method a patch replaces), and
// the patched ExcelJS does what the adapter needs. A new ExcelJS that fixes a defect, or moves what a patch
// replaces, fails here first. Jest gives this file its own copy of ExcelJS, and nothing installs a patch
// on import, so the first block sees plain ExcelJS; the second installs the patches.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addRawDefinedNames } from "../../src/adapters/xlsx/exceljs-patches/index";
import { installExcelJsFilePatches } from "../../src/adapters/xlsx/exceljs-patches/node";
import { checkPackage } from "../../src/adapters/xlsx/package-check";
import { fillTableBodies, READERS, READING_PROPERTIES, tableBodiesOf } from "../../src/adapters/xlsx/table-body";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { zipPackage } from "../../src/adapters/xlsx/native-zip";
import { zipParts } from "../../src/adapters/xlsx/zip-parts";
import type { Plan } from "../../src/workbook/plan";

const bytesOf = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
const partOf = (zip: Buffer, name: string): string => zipParts(zip).get(name)?.toString("utf8") ?? "";
async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** A package with one part's text changed. */
function edited(zip: Buffer, part: string, change: (xml: string) => string): Buffer {
  const parts = zipParts(zip);
  parts.set(part, Buffer.from(change(parts.get(part)!.toString("utf8")), "utf8"));
  return zipPackage(parts);
}

// The inputs and readings of each patch's case, the same for plain and patched ExcelJS.
const FORMULA = "T[[#This Row],[A]]*2";

function withTable(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ark");
  const table = ws.addTable({
    name: "T",
    ref: "A1",
    headerRow: true,
    columns: [{ name: "A" }, { name: "B" }, { name: "C" }],
    rows: [[1, { formula: FORMULA }, 3]],
  });
  (table as unknown as { table: { columns: { calculatedColumnFormula?: string }[] } }).table.columns[1].calculatedColumnFormula = FORMULA;
  return wb;
}
const calculatedFormulaOf = (wb: ExcelJS.Workbook): string | undefined =>
  (wb.getWorksheet("Ark")!.getTables()[0] as unknown as { table: { columns: { calculatedColumnFormula?: string }[] } }).table.columns[1]
    .calculatedColumnFormula;
/** A table part as Excel writes one, with the computed column's formula. */
async function tableFile(): Promise<Buffer> {
  return edited(await bytesOf(withTable()), "xl/tables/table1.xml", (x) =>
    x.replace(
      /<tableColumn id="2" name="B"([^>]*)\/>/,
      `<tableColumn id="2" name="B"$1><calculatedColumnFormula>${FORMULA}</calculatedColumnFormula></tableColumn>`
    )
  );
}

function formulaResult(result: number | string | boolean): unknown {
  const cell = new ExcelJS.Workbook().addWorksheet("x").getCell("A1");
  cell.value = { formula: "A2", result } as ExcelJS.CellFormulaValue;
  return (cell.value as ExcelJS.CellFormulaValue).result;
}

function formulaValuePrototype(): Record<string, unknown> {
  const cell = new ExcelJS.Workbook().addWorksheet("x").getCell("A1");
  cell.value = { formula: "1" };
  return Object.getPrototypeOf((cell as unknown as { _value: object })._value) as Record<string, unknown>;
}

async function sharedFormulaFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ark");
  ws.getCell("C2").value = { formula: "A2*2+$B$1" };
  ws.getCell("D2").value = { formula: "T[[#This Row],[A]]*$B$1" };
  for (let r = 3; r <= 5; r++) {
    ws.getCell(`C${r}`).value = { sharedFormula: "C2" } as ExcelJS.CellSharedFormulaValue;
    ws.getCell(`D${r}`).value = { sharedFormula: "D2" } as ExcelJS.CellSharedFormulaValue;
  }
  return bytesOf(wb);
}
const SHARED_READ = ["A3*2+$B$1", "A5*2+$B$1", "T[[#This Row],[A]]*$B$1", "T[[#This Row],[A]]*$B$1"];
const sharedFormulasRead = async (): Promise<string[]> => {
  const ws = (await read(await sharedFormulaFile())).getWorksheet("Ark")!;
  return ["C3", "C5", "D3", "D5"].map((a) => ws.getCell(a).formula);
};

function formulaColumn(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ark");
  for (const r of [2, 3, 4]) ws.getCell(`D${r}`).value = { formula: "$A$2*2" };
  return wb;
}

async function errorInDateCell(): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  const cell = wb.addWorksheet("Ark").getCell("A1");
  cell.value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
  cell.numFmt = "dd-mm-yyyy";
  return ((await read(await bytesOf(wb))).getWorksheet("Ark")!.getCell("A1").value as ExcelJS.CellFormulaValue).result;
}

async function namesFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ark").addTable({ name: "Lister", ref: "A1", headerRow: true, columns: [{ name: "Lov" }], rows: [["§103"]] });
  wb.definedNames.add("Ark!$A$2", "Plain");
  addRawDefinedNames(wb, [{ name: "Liste_Lov", refersTo: "=Lister[Lov]" }]);
  return bytesOf(wb);
}
const namesIn = (zip: Buffer): string[] =>
  [...partOf(zip, "xl/workbook.xml").matchAll(/<definedName name="([^"]+)"[^>]*>([^<]*)</g)].map((m) => `${m[1]}=${m[2]}`);
const BOTH_NAMES = ["Plain=Ark!$A$2", "Liste_Lov=Lister[Lov]"];

async function validationFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ark");
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add("A2:A41", {
    type: "list",
    allowBlank: true,
    formulae: ["$D$1:$D$2"],
  });
  return bytesOf(wb);
}
const validationRanges = (zip: Buffer): string[] =>
  [...partOf(zip, "xl/worksheets/sheet1.xml").matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);

/** A package as LibreOffice saves one: no theme part, and nothing that names one. */
async function noThemeFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ark").getCell("A1").value = 1;
  const parts = zipParts(await bytesOf(wb));
  parts.delete("xl/theme/theme1.xml");
  const rels = parts.get("xl/_rels/workbook.xml.rels")!.toString("utf8");
  parts.set("xl/_rels/workbook.xml.rels", Buffer.from(rels.replace(/<Relationship [^>]*theme1.xml"\/>/, "")));
  const types = parts.get("[Content_Types].xml")!.toString("utf8");
  parts.set("[Content_Types].xml", Buffer.from(types.replace(/<Override PartName="\/xl\/theme\/theme1.xml"[^>]*\/>/, "")));
  return zipPackage(parts);
}

function oneCell(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ark").getCell("A1").value = "æøå";
  return wb;
}
const collected = async (wb: ExcelJS.Workbook, collect: Map<string, Buffer>): Promise<Buffer> =>
  Buffer.from((await wb.xlsx.writeBuffer({ zip: { collect } } as unknown as ExcelJS.XlsxWriteOptions)) as ArrayBuffer);

const bodyPlan: Plan = {
  sheets: [
    {
      name: "Ark",
      tables: [
        {
          name: "T",
          topLeft: "B2",
          columns: [
            { name: "Tekst" },
            { name: "Dato", numFmt: "dd-mm-yyyy" },
            { name: "Tal", numFmt: "0.0" },
            { name: "Dobbelt", formula: "=T[[#This Row],[Tal]]*2" },
          ],
          rows: [
            ["a <&>", 45292, 1.5, null],
            [null, null, 0, null],
            ["a <&>", 45293, -2, null],
          ],
        },
      ],
    },
  ],
  names: [],
};

describe("plain ExcelJS 4.4.0, before any patch", () => {
  it("is the version the patches were written for", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require("exceljs/package.json") as { version: string }).version).toBe("4.4.0");
  });

  it("writes no table column formula, and cannot read a table with one before another column (table-columns.ts)", async () => {
    expect(partOf(await bytesOf(withTable()), "xl/tables/table1.xml")).not.toContain("calculatedColumnFormula");
    await expect(read(await tableFile())).rejects.toThrow("Cannot set properties of undefined (setting 'filterButton')");
  });

  it("drops a formula's result of 0, empty text or FALSE (formula-values.ts)", () => {
    for (const r of [0, "", false]) expect(formulaResult(r)).toBeUndefined();
    expect(formulaResult(3)).toBe(3);
  });

  it("moves a shared formula to each cell by the method the patch replaces (formula-values.ts)", async () => {
    expect(typeof formulaValuePrototype()._getTranslatedFormula).toBe("function");
    expect(await sharedFormulasRead()).toEqual(SHARED_READ);
  });

  it("writes a column's formula in full in every cell (shared-formulas.ts)", async () => {
    expect(partOf(await bytesOf(formulaColumn()), "xl/worksheets/sheet1.xml").match(/<f>\$A\$2\*2<\/f>/g)).toHaveLength(3);
  });

  it("reads an error result in a date cell as an invalid date (error-results.ts)", async () => {
    const result = await errorInDateCell();
    expect(result).toBeInstanceOf(Date);
    expect(Number.isNaN((result as Date).getTime())).toBe(true);
  });

  it("drops a defined name that is not a plain range when it reads a file (defined-names.ts)", async () => {
    const input = await namesFile();
    expect(namesIn(input)).toEqual(BOTH_NAMES);
    expect(namesIn(await bytesOf(await read(input)))).toEqual(["Plain=Ark!$A$2"]);
  });

  it("writes a validation it read back as overlapping ranges, which Excel repairs (package-patches.ts)", async () => {
    const input = await validationFile();
    expect(validationRanges(input)).toEqual(["A2:A41"]);
    const again = await bytesOf(await read(input));
    expect(validationRanges(again).length).toBeGreaterThan(1);
    expect(checkPackage(again).map((p) => p.code)).toContain("OVERLAPPENDE_VALIDERING");
  });

  it("names xl/theme/theme1.xml and leaves it out for a workbook read without one (package-patches.ts; ExcelJS issue 425)", async () => {
    const out = await bytesOf(await read(await noThemeFile()));
    expect(partOf(out, "xl/_rels/workbook.xml.rels")).toContain("theme1.xml");
    expect(zipParts(out).has("xl/theme/theme1.xml")).toBe(false);
  });

  it("cannot hand its parts over unzipped: it ignores `collect` and zips (zip-writer.ts)", async () => {
    const collect = new Map<string, Buffer>();
    const zip = await collected(oneCell(), collect);
    expect(collect.size).toBe(0);
    expect(Object.keys((await JSZip.loadAsync(zip)).files)).toContain("xl/worksheets/sheet1.xml");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ZipWriter } = require("exceljs/lib/utils/zip-stream.js") as { ZipWriter: { prototype: Record<string, unknown> } };
    expect([typeof ZipWriter.prototype.append, typeof ZipWriter.prototype.finalize]).toEqual(["function", "function"]);
  });

  it("has the worksheet model and row writer a table body's writer extends, and every worksheet member a body shadows (table-body-writer.ts)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Worksheet = require("exceljs/lib/doc/worksheet.js") as { prototype: object };
    expect(typeof Object.getOwnPropertyDescriptor(Worksheet.prototype, "model")?.get).toBe("function");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const RowXform = require("exceljs/lib/xlsx/xform/sheet/row-xform.js") as { prototype: Record<string, unknown> };
    expect([typeof RowXform.prototype.prepare, typeof RowXform.prototype.render]).toEqual(["function", "function"]);
    const ws = new ExcelJS.Workbook().addWorksheet("x") as unknown as Record<string, unknown>;
    for (const name of READERS) expect(typeof ws[name]).toBe("function");
    for (const name of READING_PROPERTIES) expect(name in ws).toBe(true);
  });
});

describe("patched ExcelJS (installExcelJsFilePatches)", () => {
  beforeAll(() => installExcelJsFilePatches());

  it("writes a table column's formula and reads it back (table-columns.ts)", async () => {
    expect(partOf(await bytesOf(withTable()), "xl/tables/table1.xml")).toMatch(
      /<tableColumn id="2" name="B"[^>]*><calculatedColumnFormula>T\[\[#This Row\],\[A\]\]\*2<\/calculatedColumnFormula><\/tableColumn>/
    );
    expect(calculatedFormulaOf(await read(await tableFile()))).toBe(FORMULA);
  });

  it("keeps every formula result (formula-values.ts)", () => {
    for (const r of [0, "", false, 3]) expect(formulaResult(r)).toBe(r);
  });

  it("reads the same shared formulas as plain ExcelJS (formula-values.ts)", async () => {
    expect(await sharedFormulasRead()).toEqual(SHARED_READ);
  });

  it("writes a column's formula once, shared by the cells below, each cell keeping its own in memory (shared-formulas.ts)", async () => {
    const wb = formulaColumn();
    const xml = partOf(await bytesOf(wb), "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<c r="D2"[^>]*><f t="shared" ref="D2:D4" si="0">\$A\$2\*2<\/f>/);
    expect(xml.match(/<f t="shared" si="0"\/>/g)).toHaveLength(2);
    expect(wb.getWorksheet("Ark")!.getCell("D4").value).toEqual({ formula: "$A$2*2" });
  });

  it("reads an error result in a date cell as the error it is (error-results.ts)", async () => {
    expect(await errorInDateCell()).toEqual({ error: "#DIV/0!" });
  });

  it("writes a defined name that is not a plain range back as it was read (defined-names.ts)", async () => {
    expect(namesIn(await bytesOf(await read(await namesFile())))).toEqual(BOTH_NAMES);
  });

  it("writes a validation it read back as one range (package-patches.ts)", async () => {
    const again = await bytesOf(await read(await validationFile()));
    expect(validationRanges(again)).toEqual(["A2:A41"]);
    expect(checkPackage(again)).toEqual([]);
  });

  it("writes the default theme for a workbook read without one (package-patches.ts)", async () => {
    const out = await bytesOf(await read(await noThemeFile()));
    expect(zipParts(out).has("xl/theme/theme1.xml")).toBe(true);
    expect(checkPackage(out)).toEqual([]);
  });

  it("hands the parts over unzipped, or writes a zip JSZip reads (zip-writer.ts)", async () => {
    const collect = new Map<string, Buffer>();
    await collected(oneCell(), collect);
    expect(collect.get("xl/sharedStrings.xml")!.toString("utf8")).toContain("æøå");
    const zip = await bytesOf(oneCell());
    expect(Object.keys((await JSZip.loadAsync(zip)).files).sort()).toEqual([...collect.keys()].sort());
    expect((await read(zip)).getWorksheet("Ark")!.getCell("A1").value).toBe("æøå");
  });

  it("writes a table body from its values as ExcelJS's own cell writer writes the same cells (table-body-writer.ts)", async () => {
    const deferred = new ExcelJS.Workbook();
    applyPlan(deferred, bodyPlan);
    expect(tableBodiesOf(deferred.getWorksheet("Ark")!)).toHaveLength(1);
    const filled = new ExcelJS.Workbook();
    applyPlan(filled, bodyPlan);
    fillTableBodies(filled.getWorksheet("Ark")!);
    // The cells alike; a row's layout hints (spans, dyDescent) only ExcelJS's own row writer adds.
    const rows = (zip: Buffer): string =>
      partOf(zip, "xl/worksheets/sheet1.xml")
        .replace(/^[\s\S]*<sheetData>|<\/sheetData>[\s\S]*$/g, "")
        .replace(/ spans="[^"]*" x14ac:dyDescent="[^"]*"/g, "");
    const fromValues = rows(await bytesOf(deferred));
    expect(fromValues).toContain('<c r="E3"><f t="shared" ref="E3:E5" si="0">');
    expect(fromValues).toBe(rows(await bytesOf(filled)));
  });
});
