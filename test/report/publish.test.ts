// Publish mode: the published workbook holds no name, no CPR number, no formula, no count below the
// threshold, and no total that gives a suppressed cell away.
import ExcelJS from "exceljs";
import { keyFigureDefs, dischargeReasons } from "../../src/domain/keyfigures";
import { generateStructuredData } from "../../src/sample/structured-data";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { cellPlain, findTable, tableRecords } from "../../src/adapters/xlsx/read-tables";
import { buildPublishedPlan, figureId, publishedFigures, SUPPRESSED_MARK } from "../../src/workbook/report/publish";
import { kvartalsoversigtLayout } from "../../src/workbook/report/kvartalsoversigt";
import { reportYear } from "./support";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

async function published(seed: number, cases: number) {
  const data = generateStructuredData(seed, { cases });
  const year = reportYear(data);
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, buildPublishedPlan(data, year));
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return { data, year, wb: back };
}

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("published overview", () => {
  it.each([
    [1, 20],
    [2, 60],
    [5, 120],
  ])("seed %i with %i cases discloses nothing it must not", async (seed, cases) => {
    const { data, year, wb } = await published(seed, cases);
    const threshold = data.params.diskretionsgraense;
    const names = new Set(data.cases.flatMap((c) => [c.navn, c.cpr, c.kontaktperson]).filter((x): x is string => !!x));
    let scanned = 0;
    const leaks: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          scanned++;
          if (cell.type === ExcelJS.ValueType.Formula) leaks.push(`${ws.name}!${cell.address}: formel`);
          const v = cellPlain(cell);
          if (typeof v !== "string") return;
          if (/\d{6}-?\d{4}/.test(v) || [...names].some((n) => v.includes(n))) leaks.push(`${ws.name}!${cell.address}: ${v}`);
        })
      );
    }
    expect(leaks).toEqual([]);
    expect(scanned).toBeGreaterThan(500);
    expect(wb.definedNames.model).toEqual([]);

    // The Nøgletal sheet as published: every count below the threshold is hidden, and so is every
    // rate over fewer cases than the threshold.
    const figures = publishedFigures(data, year);
    const shown = new Map(
      tableRecords(findTable(wb, "Noegletal")!).map((r) => [
        figureId({ enhed: r.Enhed as string, periode: r.Periode as string, noegletal: r["Nøgletal"] as string }),
        r["Værdi"],
      ])
    );
    const kind = new Map(keyFigureDefs(dischargeReasons(data)).map((d) => [d.name, d.kind]));
    let hidden = 0;
    let visible = 0;
    for (const r of figures.rows) {
      const v = shown.get(figureId(r));
      if (v === SUPPRESSED_MARK) hidden++;
      else if (typeof v === "number") visible++;
      if (kind.get(r.noegletal) === "count" && typeof v === "number") expect(v).toBeGreaterThanOrEqual(threshold);
      if (kind.get(r.noegletal) === "rate" && (r.n ?? 0) < threshold && r.vaerdi !== null) expect(v).toBe(SUPPRESSED_MARK);
    }
    expect(hidden).toBeGreaterThan(0);
    expect(visible).toBeGreaterThan(0);
    // No additive group (units -> I alt, quarters -> year, reasons -> discharges) has exactly one hidden cell.
    for (const g of figures.groups) {
      const marks = [g.total, ...g.members].filter((id) => shown.get(id) === SUPPRESSED_MARK).length;
      expect(marks === 0 || marks >= 2).toBe(true);
    }

    // The overview sheet shows the same published values.
    const ws = wb.getWorksheet("Kvartalsoversigt")!;
    for (const c of kvartalsoversigtLayout(data, year).cells) {
      if (c.kind !== "value") continue;
      const v = shown.get(figureId(c.key));
      expect(cellPlain(ws.getCell(c.address))).toBe(v ?? null);
    }
  });
});
