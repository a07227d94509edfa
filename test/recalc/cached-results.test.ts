// Cached results: every formula the file adapter writes with a cached value (<v>) holds what LibreOffice
// computes for it when it recalculates the file, and every computed column of the structured tables and
// the Nøgletal, Kvartalsoversigt and Pladsregulering figures carry them, so a reader that does not recalculate shows the numbers.
import path from "path";
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { saveWorkbook } from "../../src/adapters/xlsx/files";
import { zipParts } from "../../src/adapters/xlsx/zip-parts";
import { recalculate } from "../../src/adapters/libreoffice/recalc";
import { generateStructuredData } from "../../src/sample/structured-data";
import { allComputedColumns } from "../../src/workbook/structured-plan";
import { referencesHold } from "../../src/workbook/cached-results";
import { buildNoegletalSheet, reportHelperColumns } from "../../src/workbook/report/noegletal";
import { buildPladsreguleringSheet, defaultBudgets } from "../../src/workbook/report/pladsregulering";
import { buildKvartalsoversigtSheet } from "../../src/workbook/report/kvartalsoversigt";
import type { StructuredData } from "../../src/domain/model";
import type { Plan } from "../../src/workbook/plan";
import { cachedCellsOfFile, cachedMismatches } from "../support/cached-values";
import { reportYear, structuredPlanWith } from "../report/support";
import { tempDir } from "../support/temp-dirs";

const SEEDS = [1, 2, 3, 4];

/** Every other workbook out of case order, so the per-case formulas' whole-table path is compared too. */
function dataOf(seed: number): StructuredData {
  const generated = generateStructuredData(seed, { cases: 15, attendanceDensity: 0.5 });
  const d = seed === 3 ? withWildcardStatuses(generated) : generated;
  return seed % 2 === 0 ? { ...d, attendance: [...d.attendance].reverse(), measurements: [...d.measurements].reverse() } : d;
}

/** Unknown codes as imported grids hold them: "?" and "*" are wildcards to MATCH unless escaped. */
const WILDCARD_STATUSES = ["?", "*", "~", "U*", "?x"];
function withWildcardStatuses(d: StructuredData): StructuredData {
  return { ...d, attendance: d.attendance.map((a, i) => (i % 6 === 0 ? { ...a, status: WILDCARD_STATUSES[(i / 6) % WILDCARD_STATUSES.length] } : a)) };
}

describe("cached formula results = LibreOffice's recalculation", () => {
  it(`in every computed column and Nøgletal figure of ${SEEDS.length} generated workbooks`, async () => {
    const dir = await tempDir("cached-results");
    const datas = SEEDS.map(dataOf);
    // Budgets vary so that both incomes of Pladsregulering are computed.
    const plans: Plan[] = datas.map((d, i) =>
      structuredPlanWith(d, [
        buildNoegletalSheet(d, reportYear(d)).sheet,
        buildKvartalsoversigtSheet(d, reportYear(d)).sheet,
        buildPladsreguleringSheet(
          d,
          reportYear(d),
          defaultBudgets(d).map((b, k) => ({ ...b, budgetteredeBorgere: k + i, prisPrUge: 1_000 + 100 * i }))
        ),
      ])
    );
    // Written as the command line writes them: the table bodies as XML straight from the plan's values.
    const files = await Promise.all(
      plans.map(async (p, i) => {
        const wb = new ExcelJS.Workbook();
        applyPlan(wb, p);
        const file = path.join(dir, `wb${SEEDS[i]}.xlsx`);
        await saveWorkbook(wb, file);
        return file;
      })
    );
    // Statuses holding wildcards are compared literally by the formulas too, so they keep their cached results.
    expect(referencesHold(datas[SEEDS.indexOf(3)])).toBe(true);
    const cached = await Promise.all(files.map(cachedCellsOfFile));
    const outs = await recalculate(files, path.join(dir, "out"));
    const mismatches: string[] = [];
    let compared = 0;
    for (let i = 0; i < files.length; i++) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(outs[i]);
      mismatches.push(...cachedMismatches(cached[i], wb).map((m) => `seed ${SEEDS[i]} ${m}`));
      compared += cached[i].length;
      // The workbook still asks to be recalculated when it opens: cached values never stand in for that.
      const workbookXml = zipParts(await fs.readFile(files[i]))
        .get("xl/workbook.xml")!
        .toString("utf8");
      expect(/<calcPr\b[^>]*\bfullCalcOnLoad="1"/.test(workbookXml)).toBe(true);
    }
    expect(mismatches.slice(0, 20)).toEqual([]);

    // Every computed column carries cached values somewhere, and so do the Nøgletal figures.
    const sheetsWithCache = new Set(cached.flat().map((c) => c.sheet));
    for (const t of [...allComputedColumns(), ...reportHelperColumns()]) {
      const filled = datas.some((d) => t.expected(d).some((col) => col.some((v) => v !== null && v !== "")));
      if (filled) expect({ sheet: t.sheet, cached: sheetsWithCache.has(t.sheet) }).toEqual({ sheet: t.sheet, cached: true });
    }
    const noegletal = cached.flat().filter((c) => c.sheet === "Nøgletal");
    expect(noegletal.filter((c) => typeof c.value === "number").length).toBeGreaterThan(100);
    expect(noegletal.some((c) => c.value === "Opfyldt" || c.value === "Ikke opfyldt" || c.value === "For lidt data")).toBe(true);
    // Kvartalsoversigt's lookups into Noegletal: the figures and the status words a leader previews.
    const overview = cached.flat().filter((c) => c.sheet === "Kvartalsoversigt");
    expect(overview.filter((c) => typeof c.value === "number").length).toBeGreaterThan(SEEDS.length * 50);
    expect(overview.some((c) => c.value === "Opfyldt" || c.value === "Ikke opfyldt" || c.value === "For lidt data")).toBe(true);
    const pladsregulering = cached.flat().filter((c) => c.sheet === "Pladsregulering");
    expect(pladsregulering.filter((c) => typeof c.value === "number").length).toBeGreaterThan(SEEDS.length * 3);
    expect(compared).toBeGreaterThan(SEEDS.length * 15 * 20);
    process.stdout.write(`cached results: ${compared} cached formula cells in ${SEEDS.length} workbooks, 0 differ from LibreOffice\n`);
  }, 600_000);
});
