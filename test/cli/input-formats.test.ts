// Inputs that are not .xlsx workbooks, made by LibreOffice: an .ods and an .xls get a message that says
// how to save them as .xlsx and offers --via-libreoffice (LibreOffice is installed here), which converts
// them; an .xls with a password is told apart from a plain one. Nothing is written on a failure.
import { spawnSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { convertWithLibreOffice } from "../../src/adapters/libreoffice/recalc";
import { findTable } from "../../src/adapters/xlsx/read-tables";
import { richCaseListXlsx } from "../support/rich-workbook";
import { tempDir } from "../support/recalc-helpers";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

const BIN = path.resolve(__dirname, "../../bin/sagsliste.js");

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("inputs in other formats", () => {
  let dir: string;
  let ods: string;
  let xls: string;

  beforeAll(async () => {
    dir = await tempDir("input-formats");
    const made = path.join(dir, "made", "deltagere.xlsx");
    await fs.mkdir(path.dirname(made));
    await fs.writeFile(made, await richCaseListXlsx());
    [ods] = await convertWithLibreOffice([made], { filter: "ods", outDir: path.join(dir, "ods") });
    [xls] = await convertWithLibreOffice([made], { filter: "xls:MS Excel 97", outDir: path.join(dir, "xls") });
  }, 300_000);

  it.each([
    ["an .ods", () => ods, /OpenDocument-regneark \(\.ods\)/],
    ["an .xls", () => xls, /gamle \.xls-format/],
  ])("%s: says how to save it as .xlsx and offers --via-libreoffice", (_what, file, kind) => {
    const out = path.join(dir, "ud-fejl.xlsx");
    const r = cli(["convert", file(), "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(kind);
    expect(r.stderr).toMatch(/Filer > Gem som > Excel-projektmappe \(\.xlsx\)/);
    expect(r.stderr).toMatch(/LibreOffice er installeret: kør kommandoen igen med --via-libreoffice/);
    expect(r.stderr).not.toMatch(/has no sheets|old format/i);
    expect(existsSync(out)).toBe(false);
  });

  it("an .xls with a password is told to have its password removed, not to be saved in a new format", async () => {
    // Excel writes FILEPASS as the record right after the workbook's BOF; mark the LibreOffice .xls so.
    const buf = Buffer.from(await fs.readFile(xls));
    const bof = buf.indexOf(Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]));
    expect(bof).toBeGreaterThan(0);
    buf.writeUInt16LE(0x002f, bof + 20);
    const locked = path.join(dir, "laast.xls");
    await fs.writeFile(locked, buf);
    const r = cli(["convert", locked, "-o", path.join(dir, "ud-laast.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/beskyttet med adgangskode/);
    expect(r.stderr).not.toMatch(/\.xls-format/);
  });

  it.each([
    ["an .ods", () => ods],
    ["an .xls", () => xls],
  ])(
    "%s converts with --via-libreoffice, leaving the input as it was",
    async (_what, file) => {
      const before = await fs.readFile(file());
      const out = path.join(dir, `ud-${path.extname(file()).slice(1)}.xlsx`);
      const r = cli(["convert", file(), "-o", out, "--via-libreoffice", "--ref-date", "2024-06-30"]);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect((await fs.readFile(file())).equals(before)).toBe(true);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      expect(wb.worksheets[0].name).toBe("Deltagere");
      expect(findTable(wb, "Sager")?.rows.filter((row) => row.some((v) => v !== null && v !== ""))).toHaveLength(6);
    },
    300_000
  );
});
