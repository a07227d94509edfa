// The command line's outputs as a second reader sees them: openpyxl (Python, independent of ExcelJS)
// reads the files of convert, report, report --publish, check --repair and pseudonymise, and the package
// self-check reads each zip, so that what Excel shows and whether it opens without "repair" are tested
// on the files themselves, for an input saved by Excel's writer (ExcelJS) and one saved by LibreOffice.
import { execFile, execFileSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import path from "path";
import { checkPackage } from "../../src/adapters/xlsx/package-check";
import ExcelJS from "exceljs";
import { convertWithLibreOffice, recalculate } from "../../src/adapters/libreoffice/recalc";
import { plainValue } from "../../src/adapters/xlsx/cell-values";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";
import { HELPER_COLUMNS } from "../../src/workbook/column-presentation";
import { NUMFMT, TABLES } from "../../src/workbook/contract";
import { tempDir } from "../support/temp-dirs";

const BIN = path.join(__dirname, "..", "..", "bin", "sagsliste.js");
const READER = path.join(__dirname, "..", "support", "read-with-openpyxl.py");

/** A Python with openpyxl: the one on PATH, else Debian's (python3-openpyxl). */
function pythonWithOpenpyxl(): string {
  for (const python of ["python3", "/usr/bin/python3"]) {
    try {
      execFileSync(python, ["-c", "import openpyxl"], { stdio: "ignore" });
      return python;
    } catch {
      // try the next
    }
  }
  throw new Error("openpyxl mangler: installér python3-openpyxl (apt-get install -y python3-openpyxl).");
}

function sagsliste(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("node", [BIN, ...args], { maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code: number }).code) : 0, stdout, stderr });
    });
  });
}

interface SheetFacts {
  formats: Record<string, number>;
  formulas: number;
  links: number;
  cached: number;
  /** The cached value of each formula cell that has one, by address (dates as serials). */
  cachedValues: Record<string, number | string | boolean>;
  charts: number;
  outline: Record<string, { level: number; hidden: boolean; min: number; max: number }>;
  tables: Record<string, string[]>;
  validations: string[];
}
interface FileFacts {
  /** Counted by the reader from the package's names. */
  sheets: Record<string, SheetFacts>;
  chartParts: string[];
  drawingParts: string[];
}

function readAll(python: string, files: string[]): Record<string, FileFacts> {
  return JSON.parse(execFileSync(python, [READER, ...files], { maxBuffer: 1 << 26 }).toString("utf8"));
}

/** The columns an outline group holds, as header names of the sheet's table. */
function collapsedHeaders(sheet: SheetFacts, table: string): string[] {
  const headers = sheet.tables[table];
  const out: string[] = [];
  for (const o of Object.values(sheet.outline)) {
    expect([o.level, o.hidden]).toEqual([1, true]);
    for (let c = o.min; c <= o.max; c++) out.push(headers[c - 1]);
  }
  return out.sort();
}

const tableSheet = (facts: FileFacts, table: string): SheetFacts => Object.values(facts.sheets).find((s) => s.tables[table])!;

describe("the outputs read by a second reader", () => {
  let dir: string;
  let files: Record<string, string>;
  let facts: Record<string, FileFacts>;

  beforeAll(async () => {
    installExcelJsPatches(); // the recalculated copies are read back with ExcelJS
    const python = pythonWithOpenpyxl();
    dir = await tempDir("second-reader");
    const run = async (args: string[]) => {
      const r = await sagsliste(args);
      if (r.code !== 0 && r.code !== 3) throw new Error(`sagsliste ${args.join(" ")}: ${r.stderr}`);
    };
    await run(["demo", "--out", dir, "--rows", "40", "--seed", "11"]);
    const input = path.join(dir, "sagsliste-eksempel.xlsx");
    const [savedByLibreOffice] = await convertWithLibreOffice([input], { filter: "xlsx:Calc MS Excel 2007 XML", outDir: path.join(dir, "lo") });
    files = {
      convert: path.join(dir, "convert.xlsx"),
      convertLibreOffice: path.join(dir, "convert-lo.xlsx"),
      report: path.join(dir, "report.xlsx"),
      publish: path.join(dir, "publish.xlsx"),
      repaired: path.join(dir, "repaired.xlsx"),
      pseudonymised: path.join(dir, "pseudonymised.xlsx"),
      reportLibreOffice: path.join(dir, "report-lo.xlsx"),
    };
    await run(["convert", input, "-o", files.convert]);
    await run(["convert", savedByLibreOffice, "-o", files.convertLibreOffice]);
    await run(["report", files.convert, "--year", "2025", "-o", files.report]);
    await run(["report", files.convertLibreOffice, "--year", "2025", "-o", files.reportLibreOffice]);
    await run(["report", files.report, "--year", "2025", "--publish", "-o", files.publish]);
    await run(["check", files.report, "--repair", "-o", files.repaired]);
    await run(["pseudonymise", files.repaired, "--mask-cpr", "-o", files.pseudonymised]);
    for (const f of Object.values(files)) expect(existsSync(f)).toBe(true);
    facts = readAll(python, Object.values(files));
  }, 300_000);

  test("every package passes the self-check: no overlapping validations, no missing part", async () => {
    for (const [what, file] of Object.entries(files)) {
      expect([what, checkPackage(await fs.readFile(file))]).toEqual([what, []]);
    }
  });

  test("the key figures keep their formats, live and published", () => {
    for (const what of ["report", "reportLibreOffice", "repaired", "pseudonymised", "publish"]) {
      const formats = facts[files[what]].sheets["Nøgletal"].formats;
      expect([what, formats[NUMFMT.percent] > 0, formats[NUMFMT.number] > 0, formats[NUMFMT.integer] > 0]).toEqual([what, true, true, true]);
      // Live, every figure is a formula: days are there whether or not a figure has a base.
      if (what !== "publish") expect([what, formats[NUMFMT.days] > 0]).toEqual([what, true]);
    }
  });

  test("helper columns are grouped and collapsed, and still there", () => {
    for (const what of ["convert", "convertLibreOffice", "report", "repaired", "pseudonymised"]) {
      const sager = tableSheet(facts[files[what]], TABLES.sager);
      expect([what, collapsedHeaders(sager, TABLES.sager)]).toEqual([what, [...HELPER_COLUMNS[TABLES.sager]!].sort()]);
    }
  });

  test("Problemer links each finding to its cell", () => {
    for (const what of ["convert", "convertLibreOffice", "report", "repaired"]) {
      const problemer = tableSheet(facts[files[what]], TABLES.problemer);
      const rows = problemer.formulas;
      expect([what, rows > 0, problemer.links]).toEqual([what, true, rows]);
    }
  });

  test("the overview's charts are in the report's file as chart parts, over the overview's ranges", () => {
    // check --repair and pseudonymise write the workbook through ExcelJS, which drops charts; the next report adds them again.
    for (const what of ["report", "reportLibreOffice"]) {
      const f = facts[files[what]];
      expect([what, f.chartParts.length, f.drawingParts.length, f.sheets["Kvartalsoversigt"].charts]).toEqual([what, 3, 1, 3]);
    }
  });

  test("validations are one range per column, as they were written", () => {
    for (const what of ["convert", "report", "repaired", "pseudonymised"]) {
      const sager = tableSheet(facts[files[what]], TABLES.sager);
      const columns = sager.validations.map((v) => v.replace(/\d+/g, ""));
      expect([what, new Set(columns).size]).toEqual([what, columns.length]);
    }
  });

  test("computed cells show their numbers without recalculation, and LibreOffice's recalculation gives the same", async () => {
    const live = ["convert", "convertLibreOffice", "report", "repaired", "pseudonymised"];
    const recalculated = await recalculate(
      live.map((w) => files[w]),
      path.join(dir, "recalculated")
    );
    for (const [k, what] of live.entries()) {
      const f = facts[files[what]];
      const sager = tableSheet(f, TABLES.sager);
      // Every computed cell of Sager's 40 cases that has a value shows one: far more than one per row. The
      // report sets another period and recomputes them for it (a repair that changes formulas or order does
      // too); pseudonymising keeps them. Each must equal LibreOffice's recalculation.
      const converted = what === "convert" || what === "convertLibreOffice";
      expect([what, Object.keys(sager.cachedValues).length > 40 * 10]).toEqual([what, true]);
      // The demo's attendance holds the unknown code "?": looked up literally, it leaves the figures sure, so
      // the report's Nøgletal and Kvartalsoversigt carry them too.
      if (what === "report") {
        expect([what, Object.keys(f.sheets["Nøgletal"].cachedValues).length > 100]).toEqual([what, true]);
        expect([what, Object.keys(f.sheets["Kvartalsoversigt"].cachedValues).length > 50]).toEqual([what, true]);
      }
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(recalculated[k]);
      const differ: string[] = [];
      let compared = 0;
      for (const [sheet, facts_] of Object.entries(f.sheets)) {
        const ws = wb.getWorksheet(sheet)!;
        for (const [a, shown] of Object.entries(facts_.cachedValues)) {
          const v = plainValue(ws.getCell(a).value);
          compared++;
          const same = typeof shown === "number" ? typeof v === "number" && Math.abs(v - shown) <= 1e-9 * Math.max(1, Math.abs(shown)) : v === shown;
          if (!same) differ.push(`${sheet}!${a}: ${JSON.stringify(shown)} != ${JSON.stringify(v)}`);
        }
      }
      expect([what, compared > 0 || !converted, differ.slice(0, 10)]).toEqual([what, true, []]);
    }
    // Published, the figures are values: a reader sees numbers there too.
    const published = Object.values(facts[files.publish].sheets["Nøgletal"].formats).reduce((s, n) => s + n, 0);
    expect(published).toBeGreaterThan(100);
  }, 300_000);
});
