// The `sagsliste report` command: round trip of the tables (also through a LibreOffice-saved file),
// report sheets replaced on a re-run with the user's budget inputs kept, --json, --publish, and
// Danish errors that leave no output file behind.
import { existsSync, promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { computeKeyFigures } from "../../src/domain/keyfigures";
import { generateStructuredData } from "../../src/sample/structured-data";
import { recalculate } from "../../src/adapters/libreoffice/recalc";
import { findTable, listTables } from "../../src/adapters/xlsx/read-tables";
import { structuredFromWorkbook } from "../../src/adapters/xlsx/structured-from-workbook";
import { runReport } from "../../src/cli/report-command";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { tempDir, writePlan } from "../support/recalc-helpers";
import { reportYear, structuredPlanWith } from "./support";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await runReport(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("sagsliste report", () => {
  const data = generateStructuredData(11, { cases: 20 });
  const year = reportYear(data);
  let dir: string;
  let input: string;

  beforeAll(async () => {
    dir = await tempDir("report-cli");
    input = path.join(dir, "sagsliste.xlsx");
    await writePlan(structuredPlanWith(data), input);
  });

  it("reads the tables back into the same data, also from a file LibreOffice saved", async () => {
    const direct = structuredFromWorkbook(await load(input));
    expect(direct.data).toEqual(data);
    expect(direct.warnings).toEqual([]);
    const [saved] = await recalculate([input], path.join(dir, "lo"));
    expect(structuredFromWorkbook(await load(saved)).data).toEqual(data);
  }, 180_000);

  it("adds the report sheets, replaces them on a re-run and keeps the budget inputs", async () => {
    const out = path.join(dir, "med-rapport.xlsx");
    const first = await run([input, "--year", String(year), "-o", out]);
    expect(first).toMatchObject({ code: 0, stderr: "" });
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Sager", "Nøgletal", "Pladsregulering", "Kvartalsoversigt"]));
    const noegletal = wb.getWorksheet("Nøgletal")!;
    expect(noegletal.getCell("D4").formula).toMatch(/^SUMPRODUCT\(/);
    // A budget typed into the income table survives the next run.
    const income = findTable(wb, "Jobcenterindtaegt")!;
    expect(typeof income.rows[0][0]).toBe("string"); // seed 11 has a LAB unit
    wb.getWorksheet(income.sheet)!.getCell(income.firstRow, income.firstCol + 4).value = 2_325;
    await wb.xlsx.writeFile(out);
    const again = path.join(dir, "igen.xlsx");
    expect((await run([out, "-o", again])).code).toBe(0);
    const wb2 = await load(again);
    const names = listTables(wb2).map((t) => t.name);
    expect(names.filter((n) => n === "Noegletal")).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
    expect(wb2.worksheets.filter((w) => w.name.startsWith("Kvartalsoversigt"))).toHaveLength(1);
    expect(findTable(wb2, "Jobcenterindtaegt")!.rows[0][4]).toBe(2_325);
  });

  it("prints the reference figures with --json", async () => {
    const r = await run([input, "--json", "-o", path.join(dir, "json.xlsx")]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.year).toBe(year);
    expect(json.keyFigures).toEqual(JSON.parse(JSON.stringify(computeKeyFigures(data, year))));
  });

  it("publishes a values-only overview under its default name", async () => {
    const r = await run([input, "--publish"]);
    expect(r.code).toBe(0);
    const published = path.join(dir, "sagsliste-offentlig.xlsx");
    const wb = await load(published);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Kvartalsoversigt", "Nøgletal"]);
    expect(listTables(wb).map((t) => t.name)).toEqual(["Noegletal"]);
  });

  it("fails in Danish, with no output file, on bad input", async () => {
    const missing = await run([path.join(dir, "findes-ikke.xlsx"), "-o", path.join(dir, "x1.xlsx")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/findes ikke/);
    expect(existsSync(path.join(dir, "x1.xlsx"))).toBe(false);

    const inPlace = await run([input, "-o", input]);
    expect(inPlace.code).toBe(2);
    expect(inPlace.stderr).toMatch(/må ikke skrives oven i/);

    expect((await run([input, "--year", "24", "-o", path.join(dir, "x2.xlsx")])).code).toBe(2);

    // A workbook converted without the report's Fremmoede helper columns.
    const old = path.join(dir, "gammel.xlsx");
    await writePlan(buildStructuredPlan(data), old);
    const noHelpers = await run([old, "-o", path.join(dir, "x3.xlsx")]);
    expect(noHelpers.code).toBe(1);
    expect(noHelpers.stderr).toMatch(/mangler: Fremmoede\[Enhed\], Fremmoede\[I forløb\]/);
    expect(existsSync(path.join(dir, "x3.xlsx"))).toBe(false);

    const empty = path.join(dir, "tom.xlsx");
    await new ExcelJS.Workbook().xlsx.writeFile(empty);
    const noTables = await run([empty, "-o", path.join(dir, "x4.xlsx")]);
    expect(noTables.code).toBe(1);
    expect(noTables.stderr).toMatch(/ingen tabel Sager/);
    expect(existsSync(path.join(dir, "x4.xlsx"))).toBe(false);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
