// The limits a workbook is checked against before it is loaded or written: its unpacked size, as the zip
// declares it and as it really inflates, and the rows a sheet can hold; and Excel's error values, which
// become findings with their own text, never "NaN" or a name.
import zlib from "zlib";
import ExcelJS from "exceljs";
import { loadWorkbookBuffer, WorkbookFileError } from "../../src/adapters/xlsx/files";
import { readGrids } from "../../src/adapters/xlsx/read-grids";
import { checkSheetSizes, MAX_ROWS } from "../../src/adapters/xlsx/sheet-limits";
import { checkPackageSizes, DEFAULT_MAX_UNPACKED } from "../../src/adapters/xlsx/zip-package";
import { convert } from "../../src/import/convert";
import { errorValueCell } from "../../src/import/parse";
import type { Plan } from "../../src/workbook/plan";

/** A zip of one stored-or-deflated entry, with the unpacked size it declares given apart from the real one. */
function zipOf(name: string, compressed: Buffer, crc: number, declared: number): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length + compressed.length, 16);
  return Buffer.concat([local, n, compressed, central, n, end]);
}

describe("the unpacked size of a workbook", () => {
  it("refuses a zip that inflates to more than 1 GB before inflating it (a real 1.1 GB bomb)", () => {
    // 1.1 GB of zeros: one deflated piece repeated (each ends on a sync flush), then a final empty block.
    const size = 17 * 64 * 1024 ** 2; // 1.0625 GiB
    const piece = Buffer.alloc(64 * 1024 ** 2);
    const flushed = zlib.deflateRawSync(piece, { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    const chunks: Buffer[] = [];
    let crc = 0;
    for (let done = 0; done < size; done += piece.length) {
      chunks.push(flushed);
      crc = zlib.crc32(piece, crc);
    }
    chunks.push(zlib.deflateRawSync(Buffer.alloc(0), { level: 9 }));
    const bomb = zipOf("xl/worksheets/sheet1.xml", Buffer.concat(chunks), crc >>> 0, size);
    expect(bomb.length).toBeLessThan(8 * 1024 ** 2);
    const started = Date.now();
    expect(() => checkPackageSizes(bomb, "bombe.xlsx")).toThrow(/fylder over 1 GB udpakket.*Del sagslisten i flere projektmapper/);
    expect(Date.now() - started).toBeLessThan(1000); // refused from the declared size, nothing inflated
    expect(DEFAULT_MAX_UNPACKED).toBe(1024 ** 3);
  });

  it("refuses a part that inflates to more than it declares, without inflating past the declared size", () => {
    const real = Buffer.alloc(10 * 1024 ** 2, 0x41);
    const lying = zipOf("xl/worksheets/sheet1.xml", zlib.deflateRawSync(real), zlib.crc32(real) >>> 0, 100);
    expect(() => checkPackageSizes(lying, "løgn.xlsx")).toThrow(WorkbookFileError);
    expect(() => checkPackageSizes(lying, "løgn.xlsx")).toThrow(/beskadiget.*fylder mere udpakket, end arkivet angiver/);
  });

  it("honours SAGSLISTE_MAX_UNPACKED and accepts an honest zip under the limit", () => {
    const real = Buffer.alloc(2 * 1024 ** 2, 0x20);
    const honest = zipOf("a.xml", zlib.deflateRawSync(real), zlib.crc32(real) >>> 0, real.length);
    expect(checkPackageSizes(honest, "ok.xlsx")).toHaveLength(1);
    expect(() => checkPackageSizes(honest, "ok.xlsx", 1024 ** 2)).toThrow(/fylder over 1 MB udpakket/);
  });
});

describe("the rows a sheet can hold", () => {
  const planOf = (rows: number): Plan => ({
    sheets: [{ name: "Fremmøde", tables: [{ name: "Fremmoede", topLeft: "A1", columns: [{ name: "Dato" } as never], rows: new Array(rows) }] }],
    names: [],
  });

  it("takes a table that fills the sheet to its last row", () => {
    expect(() => checkSheetSizes(planOf(MAX_ROWS - 1))).not.toThrow();
  });

  it("refuses one row more, naming the limit and what to do", () => {
    expect(() => checkSheetSizes(planOf(MAX_ROWS))).toThrow(/1\.048\.576 rækker.*Del sagslisten i flere projektmapper/);
  });
});

describe("Excel's error values in source cells", () => {
  it("are recognised in English (as files hold them) and Danish (as a user may type them)", () => {
    for (const v of ["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#I/T", "#DIVISION/0!", " #n/a "]) {
      expect(errorValueCell(v)).toMatchObject({ kind: "unparsed", text: v, note: { code: "FEJLVAERDI", severity: "fejl" } });
    }
    for (const v of ["#1", "Anne #N/A", "N/A", 7, null, true]) expect(errorValueCell(v)).toBeNull();
  });

  it("become findings with their text kept: a #DIV/0! date in a date column, a #N/A name, a #REF! CPR", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Liste");
    ws.addRow(["Navn", "CPR-nr.", "Enhed", "Startdato"]);
    ws.addRow(["Anne Hansen", "010390-1234", "Nord", new Date(Date.UTC(2023, 0, 2))]);
    ws.addRow([{ error: "#N/A" }, { error: "#REF!" }, "Syd", { formula: "1/0", result: { error: "#DIV/0!" } }]);
    ws.addRow(["Bo Berg", "020390-1234", "Syd", new Date(Date.UTC(2023, 1, 2))]);
    ws.getColumn(4).numFmt = "dd-mm-yyyy";
    // Written and read again, as a file holds a formula's error result in a date-formatted cell.
    const loaded = await loadWorkbookBuffer(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), "liste.xlsx");
    const grids = readGrids(loaded);
    expect(grids.sheets[0].cells[2]).toEqual(["#N/A", "#REF!", "Syd", "#DIV/0!"]);
    const result = convert(grids);
    const errors = result.findings.filter((f) => f.code === "FEJLVAERDI").map((f) => [f.cell, f.original]);
    expect(errors).toEqual([
      ["A3", "#N/A"],
      ["B3", "#REF!"],
      ["D3", "#DIV/0!"],
    ]);
    expect(JSON.stringify(result)).not.toMatch(/NaN/);
    expect(result.cases.map((c) => c.navn)).not.toContain("#N/A");
  });
});
