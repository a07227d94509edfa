// Every key figure keeps its own number format in the file, live and published: a share shows as a
// percentage, places with decimals, days with their unit; a suppressed cell's mark stands right-aligned.
import ExcelJS from "exceljs";
import { dischargeReasons, keyFigureDefs } from "../../src/domain/keyfigures";
import { generateStructuredData } from "../../src/sample/structured-data";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { buildPublishedPlan, PUBLISHED_SUBTITLE, SUPPRESSED_MARK } from "../../src/workbook/report/publish";
import { numFmtOf } from "../../src/workbook/report/noegletal";
import { NUMFMT } from "../../src/workbook/contract";
import type { Plan } from "../../src/workbook/plan";
import { reportYear } from "./support";
import { I_ALT, reportUnits } from "../../src/domain/keyfigures";
import { buildKvartalsoversigtSheet, overviewFooter } from "../../src/workbook/report/kvartalsoversigt";
import { buildPladsreguleringSheet } from "../../src/workbook/report/pladsregulering";
import { buildStructuredPlan, REGULERINGSMODELLER } from "../../src/workbook/structured-plan";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

async function roundTrip(plan: Plan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, plan);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("number formats of cells inside a table", () => {
  it("each cell keeps its own format, not the last one written in its column", async () => {
    const plan: Plan = {
      sheets: [
        {
          name: "Ark",
          tables: [
            {
              name: "T",
              topLeft: "A1",
              columns: [{ name: "Navn" }, { name: "Værdi" }],
              rows: [
                ["a", 0.159],
                ["b", 8.09],
                ["c", 12],
              ],
            },
          ],
          cells: [
            { address: "B2", value: 0.159, numFmt: NUMFMT.percent },
            { address: "B3", value: 8.09, numFmt: NUMFMT.number },
            { address: "B4", value: 12, numFmt: NUMFMT.integer },
          ],
        },
      ],
      names: [],
    };
    const ws = (await roundTrip(plan)).getWorksheet("Ark")!;
    expect([ws.getCell("B2").numFmt, ws.getCell("B3").numFmt, ws.getCell("B4").numFmt]).toEqual([NUMFMT.percent, NUMFMT.number, NUMFMT.integer]);
  });
});

describe("the published copy", () => {
  it("formats each figure by its kind, right-aligns the suppression mark and says the numbers are fixed", async () => {
    const data = generateStructuredData(2, { cases: 60 });
    const year = reportYear(data);
    const wb = await roundTrip(buildPublishedPlan(data, year));
    const ws = wb.getWorksheet("Nøgletal")!;
    const fmt = new Map(keyFigureDefs(dischargeReasons(data)).map((d) => [d.name, numFmtOf(d.format)]));
    let checked = 0;
    let marks = 0;
    for (let r = 4; r <= ws.rowCount; r++) {
      const name = ws.getCell(`C${r}`).value;
      const value = ws.getCell(`D${r}`);
      if (typeof name !== "string" || value.value === null) continue;
      expect(value.numFmt).toBe(fmt.get(name));
      if (value.value === SUPPRESSED_MARK) {
        expect(value.alignment?.horizontal).toBe("right");
        marks++;
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(marks).toBeGreaterThan(0);
    expect(new Set([...fmt.values()])).toEqual(new Set([NUMFMT.integer, NUMFMT.number, NUMFMT.percent, NUMFMT.days]));
    const overview = wb.getWorksheet("Kvartalsoversigt")!;
    expect(overview.getCell("A2").value).toBe(PUBLISHED_SUBTITLE);
  });
});

describe("labels, headers and print of the reports", () => {
  it("gives every overview label a unit, right-aligns the headers over numbers and prints the period", () => {
    const data = generateStructuredData(2, { cases: 40 });
    const year = reportYear(data);
    const { sheet } = buildKvartalsoversigtSheet(data, year);
    const labels = (sheet.cells ?? []).filter(
      (c) => c.address.startsWith("A") && typeof c.value === "string" && !c.bold && /^[A-ZÆØÅ]/.test(c.value as string)
    );
    const units = new Set([...reportUnits(data).map((u) => u.enhed), I_ALT]);
    const figures = labels.filter((c) => !/^(Til dialogmødet|Diagrammerne|Status:)/.test(c.value as string) && !units.has(c.value as string));
    expect(figures.length).toBeGreaterThan(20);
    for (const c of figures) expect(c.value).toMatch(/\((%|dage|pladser|point|antal)\)$/);
    expect(labels.find((c) => String(c.value).startsWith("Gennemsnitlig progression"))?.value).toBe("Gennemsnitlig progression (point)");
    const headers = (sheet.cells ?? []).filter((c) => c.value === I_ALT && !c.address.startsWith("A"));
    expect(headers.length).toBeGreaterThan(0);
    for (const h of headers) expect(h.align).toBe("right");
    expect(sheet.print?.footer).toBe(overviewFooter(year));
  });

  it("explains Pladsregulering in words from the names, offers the models as a drop-down and prints A to L", () => {
    const data = generateStructuredData(2, { cases: 40 });
    const year = reportYear(data);
    const sheet = buildPladsreguleringSheet(data, year, []);
    const a2 = sheet.cells?.find((c) => c.address === "A2")?.value as { formula: string };
    expect(a2.formula).toContain("ROUND(Baand_nedre*100,1)");
    expect(a2.formula).toContain("Reguleringsmodel");
    expect(sheet.print).toMatchObject({ orientation: "landscape", columns: "A:L" });
    expect(sheet.tables.every((t) => t.wrapHeaders)).toBe(true);
    const setup = buildStructuredPlan(data).sheets.find((s) => s.name === "Opsætning")!;
    const model = setup.cells!.find((c) => c.value === "Hele afvigelsen" || c.value === "Ud over båndet")!;
    expect(model.dropDown).toEqual(REGULERINGSMODELLER);
  });
});
