// The Kvartalsoversigt: its formulas show the reference figures, every target has a word and a colour
// rule, the charts are described, and it renders on A4 landscape (LibreOffice -> PDF -> PNG).
import { execFile } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { computeKeyFigures } from "../../src/domain/keyfigures";
import { generateStructuredData } from "../../src/sample/structured-data";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { convertWithLibreOffice, recalculate } from "../../src/adapters/libreoffice/recalc";
import { cellPlain } from "../../src/adapters/xlsx/read-tables";
import { buildNoegletalSheet } from "../../src/workbook/report/noegletal";
import { buildKvartalsoversigtSheet, CHART_NOTE, kvartalsoversigtLayout, overviewFooter, STATUS_COLOURS } from "../../src/workbook/report/kvartalsoversigt";
import { reportYear, structuredPlanWith } from "./support";
import { parseAddress } from "../../src/workbook/plan";
import { tempDir } from "../support/recalc-helpers";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

const OUT = path.join(__dirname, "..", "..", "test-output", "report");

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("Kvartalsoversigt", () => {
  const data = generateStructuredData(3, { cases: 30 });
  const year = reportYear(data);
  const { sheet, charts } = buildKvartalsoversigtSheet(data, year);
  const plan = structuredPlanWith(data, [buildNoegletalSheet(data, year).sheet, sheet]);

  it("describes its charts over its own ranges, says where they appear, and colours every status word", () => {
    expect(charts.map((c) => c.title)).toEqual([
      `Belægningsprocent pr. kvartal ${year}`,
      `Udskrivninger efter årsag ${year} (I alt)`,
      `Fraværsprocent pr. kvartal ${year}`,
    ]);
    for (const c of charts) expect(c.series.every((s) => /^[A-Z]+\d+:[A-Z]+\d+$/.test(s.values))).toBe(true);
    expect(sheet.cells!.some((c) => c.value === CHART_NOTE)).toBe(true);
    const rules = sheet.conditionalFormats!;
    expect(new Set(rules.map((r) => r.formula.split("=").pop()))).toEqual(new Set(Object.keys(STATUS_COLOURS).map((w) => `"${w}"`)));
    // Every status cell lies in a coloured range.
    const ranges = new Set(rules.map((r) => r.range));
    const inRange = (a: string, range: string): boolean => {
      const [tl, br] = range.split(":").map(parseAddress);
      const p = parseAddress(a);
      return p.row >= tl.row && p.row <= br.row && p.col >= tl.col && p.col <= br.col;
    };
    const statusCells = kvartalsoversigtLayout(data, year).cells.filter((c) => c.kind === "status");
    expect(statusCells.length).toBeGreaterThan(0);
    for (const c of statusCells) expect([...ranges].some((r) => inRange(c.address, r))).toBe(true);
    expect(sheet.print).toEqual({ orientation: "landscape", paperSize: "A4", fitToWidth: true, footer: overviewFooter(year) });
  });

  it("shows the reference values and statuses after recalculation, and renders to PNG", async () => {
    const dir = await tempDir("kvartal");
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, plan);
    // Only the overview is printed: LibreOffice leaves hidden sheets out of the PDF.
    // LibreOffice shows the active sheet even when hidden, so the overview is made the active one.
    for (const ws of wb.worksheets) if (ws.name !== "Kvartalsoversigt") ws.state = "hidden";
    const activeTab = wb.worksheets.findIndex((w) => w.name === "Kvartalsoversigt");
    wb.views = [{ x: 0, y: 0, width: 20000, height: 15000, firstSheet: activeTab, activeTab, visibility: "visible" }];
    const file = path.join(dir, "kvartalsoversigt.xlsx");
    await wb.xlsx.writeFile(file);
    const [recalculated] = await recalculate([file], path.join(dir, "recalc"));
    const [pdf] = await convertWithLibreOffice([file], { filter: "pdf:calc_pdf_Export", outDir: path.join(dir, "pdf") });

    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(recalculated);
    const ws = back.getWorksheet("Kvartalsoversigt")!;
    const ref = computeKeyFigures(data, year);
    const find = (k: { enhed: string; periode: string; noegletal: string }) =>
      ref.find((x) => x.enhed === k.enhed && x.periode === k.periode && x.noegletal === k.noegletal)!;
    let checked = 0;
    for (const c of kvartalsoversigtLayout(data, year).cells) {
      if (c.kind === "text") continue;
      const actual = cellPlain(ws.getCell(c.address));
      const r = find(c.key);
      const expected = c.kind === "value" ? r.vaerdi : r.status;
      if (expected === null) expect([null, ""]).toContain(actual);
      else if (typeof expected === "number") expect(actual as number).toBeCloseTo(expected, 9);
      else expect(actual).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);

    await fs.mkdir(OUT, { recursive: true });
    await promisify(execFile)("pdftoppm", ["-png", "-r", "60", pdf, path.join(OUT, "kvartalsoversigt")]);
    const pngs = (await fs.readdir(OUT)).filter((f) => /^kvartalsoversigt-\d+\.png$/.test(f));
    expect(pngs.length).toBeGreaterThan(0);
    const { size } = await fs.stat(path.join(OUT, pngs.sort()[0]));
    expect(size).toBeGreaterThan(5_000);
  }, 300_000);
});
