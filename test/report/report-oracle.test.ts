// Oracle: Noegletal and Pladsregulering recalculated in LibreOffice equal the reference computations
// (domain/keyfigures.ts, domain/regulation.ts) on generated workbooks, cell by cell.
import { computeKeyFigures } from "../../src/domain/keyfigures";
import { courseIncomeRows, regulationRows } from "../../src/domain/regulation";
import { buildNoegletalSheet } from "../../src/workbook/report/noegletal";
import { buildPladsreguleringSheet, defaultBudgets, JOBCENTER_TABLE } from "../../src/workbook/report/pladsregulering";
import { cellPlain, findTable, tableRecords } from "../../src/adapters/xlsx/read-tables";
import { recalcPlans } from "../support/recalc-helpers";
import { generateStructuredData } from "../../src/sample/structured-data";
import { reportYear, structuredPlanWith } from "./support";
import type { Plan } from "../../src/workbook/plan";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

function same(actual: unknown, expected: number | string | boolean | null): boolean {
  if (expected === null) return actual === null || actual === "";
  if (typeof expected === "boolean") return actual === (expected ? "Ja" : "Nej");
  if (typeof expected === "string") return actual === expected;
  return typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe("report formulas (LibreOffice) = reference", () => {
  it(`on ${SEEDS.length} generated workbooks`, async () => {
    const datas = SEEDS.map((s) => generateStructuredData(s, { cases: 30 }));
    const years = datas.map(reportYear);
    // Budget inputs vary so both incomes are exercised.
    const budgets = datas.map((d, i) => defaultBudgets(d).map((b, k) => ({ ...b, budgetteredeBorgere: k + i, prisPrUge: 1_000 + 100 * i })));
    const sheets = datas.map((d, i) => buildNoegletalSheet(d, years[i]));
    const plans: Plan[] = datas.map((d, i) => structuredPlanWith(d, [sheets[i].sheet, buildPladsreguleringSheet(d, years[i], budgets[i])]));
    const wbs = await recalcPlans(plans, "report-oracle");
    const mismatches: string[] = [];
    let compared = 0;
    let nonEmpty = 0;
    const statuses = new Set<string>();
    wbs.forEach((wb, i) => {
      const tag = `seed ${SEEDS[i]}`;
      const ws = wb.getWorksheet("Nøgletal")!;
      const ref = computeKeyFigures(datas[i], years[i]);
      const { layout } = sheets[i];
      expect(layout.keys.length).toBe(ref.length);
      ref.forEach((r, k) => {
        const rowNo = layout.firstRow + k;
        const checks: [keyof typeof layout.columns, number | string | null][] = [
          ["Værdi", r.vaerdi],
          ["n", r.n],
          ["Sidste år", r.sidsteAar],
          ["Status", r.status],
        ];
        for (const [c, expected] of checks) {
          const actual = cellPlain(ws.getCell(`${layout.columns[c]}${rowNo}`));
          compared++;
          if (expected !== null && expected !== 0) nonEmpty++;
          if (c === "Status" && typeof actual === "string") statuses.add(actual);
          if (!same(actual, expected)) mismatches.push(`${tag} ${r.enhed} ${r.periode} ${r.noegletal} ${c}: ${actual} != ${expected}`);
        }
      });

      const reg = tableRecords(findTable(wb, "Pladsregulering")!).filter((x) => x.Enhed !== null);
      const regRef = regulationRows(datas[i], years[i]);
      expect(reg.map((x) => x.Enhed)).toEqual(regRef.map((x) => x.enhed));
      regRef.forEach((x, k) => {
        const pairs: [string, number | boolean | null][] = [
          ["Normerede pladser", x.normeredePladser],
          ["Pladsdage", x.pladsdage],
          ["Gennemsnitligt besatte pladser", x.gennemsnitligtBesattePladser],
          ["Belægningsprocent", x.belaegningsprocent],
          ["Inden for båndet", x.indenForBaandet],
          ["Reguleret afvigelse (pladser)", x.reguleretAfvigelse],
          ["Reguleringsbeløb", x.reguleringsbeloeb],
          ["Budgetramme", x.budgetramme],
        ];
        for (const [c, expected] of pairs) {
          compared++;
          if (!same(reg[k][c], expected)) mismatches.push(`${tag} Pladsregulering ${x.enhed} ${c}: ${reg[k][c]} != ${expected}`);
        }
      });
      const inc = tableRecords(findTable(wb, JOBCENTER_TABLE)!).filter((x) => x["Forløbstype"] !== null);
      courseIncomeRows(datas[i], years[i], budgets[i]).forEach((x, k) => {
        const pairs: [string, number | null][] = [
          ["Budgetteret indtægt", x.budgetteretIndtaegt],
          ["Faktiske borgere", x.faktiskeBorgere],
          ["Faktisk indtægt", x.faktiskIndtaegt],
        ];
        for (const [c, expected] of pairs) {
          compared++;
          if (!same(inc[k][c], expected)) mismatches.push(`${tag} Jobcenterindtaegt ${x.forloebstype} ${c}: ${inc[k][c]} != ${expected}`);
        }
      });
    });
    process.stdout.write(`report oracle: ${wbs.length} workbooks, ${compared} cells compared, ${nonEmpty} non-zero reference values\n`);
    expect(mismatches.slice(0, 30)).toEqual([]);
    expect(nonEmpty).toBeGreaterThan(compared / 3);
    expect([...statuses].sort()).toEqual(["For lidt data", "Ikke opfyldt", "Opfyldt"]);
  }, 600_000);
});
