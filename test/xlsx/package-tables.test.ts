// The package reader of the overview across units (package-tables.ts, sheet-xml-cells.ts) reads what
// ExcelJS reads: on generated workbooks as the file adapter writes them, as plain ExcelJS writes them
// (with overwritten computed cells and awkward text), and as LibreOffice saves them (every cell with its
// own formula and a cached result), the tables, the names, the snapshot the integrity check compares, the
// structured data and the consolidation source are the same as through an ExcelJS workbook.
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { recalculate } from "../../src/adapters/libreoffice/recalc";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { readConsolidationSourceBytes } from "../../src/adapters/xlsx/consolidation-source";
import { consolidationSourceOfBuffer } from "../../src/adapters/xlsx/consolidation-source-file";
import { loadWorkbook, loadWorkbookBuffer, saveWorkbook } from "../../src/adapters/xlsx/files";
import { readPackageTables, type PackageTables } from "../../src/adapters/xlsx/package-tables";
import { readSheetCells, readSharedStrings, readDateStyles } from "../../src/adapters/xlsx/sheet-xml-cells";
import { structuredFromWorkbook, workbookSource } from "../../src/adapters/xlsx/structured-from-workbook";
import { readSnapshot } from "../../src/adapters/xlsx/workbook-snapshot";
import { inflateEntry, readZipEntries } from "../../src/adapters/xlsx/zip-package";
import { generateStructuredData } from "../../src/sample/structured-data";
import { lastImportOf, type ConsolidationSource } from "../../src/workbook/consolidate";
import { TABLES } from "../../src/workbook/contract";
import { checkIntegrity, INTEGRITY_CODES, type WorkbookSnapshot } from "../../src/workbook/integrity";
import type { Scalar } from "../../src/workbook/plan";
import { STRUCTURED_TABLES, structuredFromTables } from "../../src/workbook/structured-from-tables";
import { tempDir } from "../support/temp-dirs";
import { structuredPlanWith } from "../report/support";

function packageOf(bytes: Buffer): PackageTables {
  const entries = new Map(readZipEntries(bytes, "test").map((e) => [e.name, e]));
  return readPackageTables((name) => {
    const e = entries.get(name);
    return e ? inflateEntry(e, "test").toString("utf8") : undefined;
  });
}

const byName = (s: WorkbookSnapshot): WorkbookSnapshot => ({ ...s, names: [...s.names].sort((a, b) => a.name.localeCompare(b.name)) });

/** Every table STRUCTURED_TABLES names and every other table of the snapshot, as ExcelJS reads them. */
async function expectSameAsExcelJs(file: string): Promise<{ read: PackageTables; wb: ExcelJS.Workbook }> {
  const bytes = await fs.readFile(file);
  const read = packageOf(bytes);
  const wb = await loadWorkbookBuffer(bytes, file);
  const snapshot = readSnapshot(wb);
  expect(byName(read.snapshot)).toEqual(byName(snapshot));
  const viaExcelJs = workbookSource(wb);
  for (const name of [...STRUCTURED_TABLES, ...snapshot.tables.map((t) => t.name)]) {
    const mine = read.source.table(name);
    const theirs = viaExcelJs.table(name);
    expect({ name, table: mine && { headers: mine.headers, rows: mine.rows } }).toEqual({
      name,
      table: theirs && { headers: theirs.headers, rows: theirs.rows },
    });
  }
  for (const n of snapshot.names) expect({ name: n.name, value: read.source.name(n.name) }).toEqual({ name: n.name, value: viaExcelJs.name(n.name) });
  expect(structuredFromTables(read.source)).toEqual(structuredFromWorkbook(wb));
  expect(checkIntegrity(read.snapshot)).toEqual(checkIntegrity(snapshot));
  return { read, wb };
}

/** The consolidation source as the ExcelJS reader made it before (consolidation-source.ts's former path). */
function sourceViaExcelJs(wb: ExcelJS.Workbook, file: string): ConsolidationSource {
  const check = checkIntegrity(readSnapshot(wb));
  return {
    file,
    data: structuredFromWorkbook(wb).data,
    integrityFindings: check.findings.length,
    overwrittenFormulas: check.findings.filter((f) => f.code === INTEGRITY_CODES.overwritten || f.code === INTEGRITY_CODES.otherFormula).length,
    lastImport: lastImportOf(workbookSource(wb).table(TABLES.log)),
  };
}

const data = generateStructuredData(7, { cases: 40 });
let dir: string;

beforeAll(async () => {
  dir = await tempDir("package-tables");
});

test("a workbook as the file adapter writes it (shared formulas, tables written from values) reads as through ExcelJS", async () => {
  const file = path.join(dir, "adapter.xlsx");
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, structuredPlanWith(data));
  await saveWorkbook(wb, file);
  const { read, wb: loaded } = await expectSameAsExcelJs(file);
  expect(read.source.table(TABLES.fremmoede)!.rows.length).toBe(data.attendance.length);
  expect(read.snapshot.tables.find((t) => t.name === TABLES.sager)!.rows.length).toBe(data.cases.length);

  const bytes = await fs.readFile(file);
  const source = consolidationSourceOfBuffer(bytes, "adapter.xlsx");
  expect(source).toEqual(sourceViaExcelJs(loaded, "adapter.xlsx"));
  expect(source.integrityFindings).toBe(0);
  // The browser's path (DecompressionStream) reads the same.
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  expect(await readConsolidationSourceBytes(copy, "adapter.xlsx")).toEqual(source);
});

test("overwritten computed cells, another formula, awkward text, booleans, errors and a Log time read as through ExcelJS", async () => {
  const file = path.join(dir, "edited.xlsx");
  const wb = await (async () => {
    const w = new ExcelJS.Workbook();
    applyPlan(w, structuredPlanWith(data));
    await saveWorkbook(w, file);
    return loadWorkbook(file);
  })();
  const sager = wb.getWorksheet("Sager")!;
  const header = (sager.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
  const col = (name: string) => header.indexOf(name);
  sager.getCell(2, col("Fraværsprocent")).value = 0.5;
  sager.getCell(3, col("Fraværsprocent")).value = { formula: "1+1", date1904: false } as ExcelJS.CellFormulaValue;
  sager.getCell(4, col("Pladsdage")).value = "ukendt";
  sager.getCell(2, col("Bemærkninger")).value = "A & B <c> \"d\" 'e' _x000D_ æøå\nny linje";
  sager.getCell(3, col("Bemærkninger")).value = "  mellemrum før og efter  ";
  sager.getCell(4, col("Bemærkninger")).value = { richText: [{ text: "fed ", font: { bold: true } }, { text: "og ikke" }] };
  sager.getCell(5, col("Bemærkninger")).value = true;
  sager.getCell(6, col("Bemærkninger")).value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  sager.getCell(7, col("Bemærkninger")).value = 45_000.25;
  const log = wb.getWorksheet("Log");
  if (log) log.getCell("A2").value = new Date(Date.UTC(2024, 2, 5, 13, 37, 12, 345));
  await wb.xlsx.writeFile(file);

  const { read, wb: loaded } = await expectSameAsExcelJs(file);
  const check = checkIntegrity(read.snapshot);
  expect(check.findings.filter((f) => f.code === INTEGRITY_CODES.overwritten).length).toBe(2);
  expect(check.findings.filter((f) => f.code === INTEGRITY_CODES.otherFormula).length).toBe(1);
  expect(consolidationSourceOfBuffer(await fs.readFile(file), "edited.xlsx")).toEqual(sourceViaExcelJs(loaded, "edited.xlsx"));
});

test("a workbook saved by LibreOffice (own formula per cell, cached results) reads as through ExcelJS", async () => {
  const file = path.join(dir, "lo-in.xlsx");
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, structuredPlanWith(data));
  await saveWorkbook(wb, file);
  const [saved] = await recalculate([file], path.join(dir, "lo"));
  const { read, wb: loaded } = await expectSameAsExcelJs(saved);
  // LibreOffice computed the columns: the reader has their results, as ExcelJS has.
  const sager = read.source.table(TABLES.sager)!;
  expect(sager.rows.some((r) => typeof r[sager.headers.indexOf("Dage i perioden")] === "number")).toBe(true);
  expect(checkIntegrity(read.snapshot).findings.filter((f) => f.code === INTEGRITY_CODES.overwritten)).toEqual([]);
  expect(consolidationSourceOfBuffer(await fs.readFile(saved), "lo.xlsx")).toEqual(sourceViaExcelJs(loaded, "lo.xlsx"));
}, 180_000);

describe("a sheet's cells from its XML", () => {
  const styles =
    '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd-mm-yyyy hh:mm"/></numFmts>' +
    '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>';
  const ctx = {
    sharedStrings: readSharedStrings(
      '<sst><si><t xml:space="preserve">a&amp;b_x000D_</t></si><si><r><t>fed</t></r><r><rPr/><t> tekst</t></r><rPh><t>x</t></rPh></si></sst>'
    ),
    dateStyles: readDateStyles(styles),
    date1904: false,
  };

  function cells(sheetData: string): Map<string, { value: Scalar; formula?: string }> {
    const out = new Map<string, { value: Scalar; formula?: string }>();
    readSheetCells(`<worksheet><sheetData>${sheetData}</sheetData></worksheet>`, ctx, {
      row: (row) => (row === 99 ? null : () => true),
      cell: (row, col, value, formula) => out.set(`${String.fromCharCode(64 + col)}${row}`, formula === undefined ? { value } : { value, formula }),
    });
    return out;
  }

  it("reads shared and inline strings, rich text, booleans, errors, numbers and dates", () => {
    expect(ctx.sharedStrings).toEqual(["a&b\r", "fed tekst"]);
    expect(ctx.dateStyles).toEqual([false, true, true, false]);
    const got = cells(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>inde &lt;i&gt;</t></is></c>' +
        '<c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><v>#DIV/0!</v></c><c r="F1" s="3"><v>1.5</v></c><c r="G1" s="1"><v>45292</v></c>' +
        '<c r="H1" s="2"><v>45292.5</v></c><c r="I1" s="3"/></row>'
    );
    expect(Object.fromEntries([...got].map(([k, v]) => [k, v.value]))).toEqual({
      A1: "a&b\r",
      B1: "fed tekst",
      C1: "inde <i>",
      D1: true,
      E1: "#DIV/0!",
      F1: 1.5,
      G1: 45292,
      H1: 45292.5,
      I1: null,
    });
  });

  it("gives a shared formula's text to every cell, moved where its references are relative", () => {
    const got = cells(
      '<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">B2*2</f><v>4</v></c><c r="C2" t="str"><f t="shared" ref="C2:C4" si="1">T[[#This Row],[X]]&amp;"|"</f><v>x|</v></c></row>' +
        '<row r="99"><c r="A99"><f t="shared" ref="A99:A100" si="2">$B$1</f></c></row>' +
        '<row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c><c r="C3" t="str"><f t="shared" si="1"/><v>y|</v></c></row>' +
        '<row r="100"><c r="A100"><f t="shared" si="2"/></c></row>'
    );
    expect(got.get("A2")).toEqual({ value: 4, formula: "B2*2" });
    expect(got.get("A3")).toEqual({ value: 6, formula: "B3*2" });
    expect(got.get("C2")).toEqual({ value: "x|", formula: 'T[[#This Row],[X]]&"|"' });
    expect(got.get("C3")).toEqual({ value: "y|", formula: 'T[[#This Row],[X]]&"|"' });
    // Row 99 is not wanted, but its shared formula's first cell still gives row 100 its text.
    expect(got.has("A99")).toBe(false);
    expect(got.get("A100")).toEqual({ value: null, formula: "$B$1" });
  });
});
