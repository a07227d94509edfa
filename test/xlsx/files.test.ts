// What is not an .xlsx workbook is recognised before ExcelJS sees it, with a message that helps.
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import zlib from "zlib";
import { loadWorkbook, saveWorkbook, sniffWorkbook, WorkbookFileError } from "../../src/adapters/xlsx/files";
import { deflatePieces } from "../../src/adapters/xlsx/native-zip";
import { tempDir } from "../support/recalc-helpers";

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe("sniffWorkbook", () => {
  const cases: [string, Buffer, RegExp][] = [
    ["an empty file", Buffer.alloc(0), /tom/],
    ["an old .xls", Buffer.concat([CFB, Buffer.alloc(600)]), /\.xls-format/],
    ["a password-protected .xlsx", Buffer.concat([CFB, Buffer.alloc(64), Buffer.from("EncryptionInfo", "utf16le")]), /adgangskode/],
    ["a CSV file", Buffer.from("Navn;CPR;Enhed\nAnna;010203-1234;Kilen\n"), /CSV/],
    ["random bytes", Buffer.from([1, 2, 3, 0, 5, 6, 7, 8]), /ikke en Excel-projektmappe/],
    ["an empty zip", Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), /tomt zip/],
  ];
  it.each(cases)("rejects %s with a clear Danish message", (_what, buf, message) => {
    expect(() => sniffWorkbook(buf, "fil.xlsx")).toThrow(WorkbookFileError);
    expect(() => sniffWorkbook(buf, "fil.xlsx")).toThrow(message);
  });

  it("accepts a real workbook and reports a corrupt zip as such", async () => {
    const dir = await tempDir("files");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ark1").getCell("A1").value = "x";
    const good = path.join(dir, "god.xlsx");
    await wb.xlsx.writeFile(good);
    await expect(loadWorkbook(good)).resolves.toBeInstanceOf(ExcelJS.Workbook);
    const bytes = await fs.readFile(good);
    const corrupt = path.join(dir, "beskadiget.xlsx");
    await fs.writeFile(corrupt, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(loadWorkbook(corrupt)).rejects.toThrow(/beskadiget/);
    await expect(loadWorkbook(path.join(dir, "findes-ikke.xlsx"))).rejects.toThrow(/findes ikke/);
  });
});

describe("saveWorkbook", () => {
  it("deflates and checksums every part with Node's zlib into a file Excel's readers (and ExcelJS) open", async () => {
    const dir = await tempDir("files-save");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ark1");
    for (let r = 1; r <= 2000; r++) ws.getRow(r).values = [r, `Række ${r}`, { formula: `A${r}*2` }];
    const file = path.join(dir, "gemt.xlsx");
    await saveWorkbook(wb, file);

    const bytes = await fs.readFile(file);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"]));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jszipCrc32 = require("jszip/lib/crc32") as (data: Uint8Array) => number;
    for (const name of names) {
      const entry = zip.file(name) as unknown as { _data: { compression: { magic: string }; crc32: number } };
      expect(entry._data.compression.magic).toBe("\x08\x00"); // DEFLATE
      expect(entry._data.crc32 >>> 0).toBe(jszipCrc32(await zip.file(name)!.async("uint8array")) >>> 0);
    }
    const sheet = zip.file("xl/worksheets/sheet1.xml")!;
    const entry = sheet as unknown as { _data: { compressedSize: number; uncompressedSize: number } };
    expect(entry._data.compressedSize).toBeLessThan(entry._data.uncompressedSize / 4);
    expect(await sheet.async("string")).toContain("<f>A2000*2</f>");
    // The central directory ends the file and counts every part.
    expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
    expect(bytes.readUInt16LE(bytes.length - 12)).toBe(names.length);

    const back = await loadWorkbook(file);
    expect(back.getWorksheet("Ark1")!.getCell("B2000").value).toBe("Række 2000");
    expect(back.getWorksheet("Ark1")!.getCell("C7").formula).toBe("A7*2");
  });
});

describe("a large part, deflated in pieces in parallel", () => {
  it("is one DEFLATE stream that inflates to its bytes, whatever the size", async () => {
    const text = Array.from({ length: 120_000 }, (_, i) => `<c r="A${i}"><v>${(i * 7919) % 10007}</v></c>`).join("");
    for (const size of [0, 1, 1 << 20, (1 << 20) + 1, text.length]) {
      const bytes = Buffer.from(text.slice(0, size));
      const deflated = await deflatePieces(bytes, 6);
      expect(zlib.inflateRawSync(deflated).equals(bytes)).toBe(true);
    }
  });

  it("makes a sheet of several megabytes that ExcelJS reads back", async () => {
    const dir = await tempDir("files-large");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ark1");
    for (let r = 1; r <= 40_000; r++) ws.getRow(r).values = [r, `Række ${r}`];
    const file = path.join(dir, "stor.xlsx");
    await saveWorkbook(wb, file);
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    const sheet = zip.file("xl/worksheets/sheet1.xml") as unknown as { _data: { uncompressedSize: number } };
    expect(sheet._data.uncompressedSize).toBeGreaterThan(2 << 20);
    const back = await loadWorkbook(file);
    expect(back.getWorksheet("Ark1")!.getCell("B40000").value).toBe("Række 40000");
  });
});
