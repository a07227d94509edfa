// The real structured workbook through the Office.js adapter: every computed column of every table
// is set with one formula for the whole column, in one Excel.run.
import { applyPlan } from "../../src/adapters/officejs/apply-plan";
import { toOfficeFormula } from "../../src/workbook/formula-text";
import { address, parseAddress } from "../../src/workbook/plan";
import { generateStructuredData } from "../../src/sample/structured-data";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { FakeExcel, fakeRun } from "../support/fake-excel";

describe("the structured plan through Office.js", () => {
  test.each(["1.8", "1.13"])("ExcelApi %s: one formula write per computed column, every row filled", async (version) => {
    const plan = buildStructuredPlan(generateStructuredData(11, { cases: 40 }));
    const fake = new FakeExcel({ supported: { ExcelApi: version } });
    await applyPlan(plan, fakeRun(fake), { host: fake });
    expect(fake.stats.runs).toBe(1);

    const computed = plan.sheets.flatMap((s) => s.tables.flatMap((t) => t.columns.filter((c) => c.formula).map((c) => ({ s, t, c }))));
    const freeFormulas = plan.sheets.flatMap((s) => (s.cells ?? []).filter((c) => typeof c.value === "object" && c.value !== null));
    const writes = fake.stats.ops.filter((o) => o.member === "formulas" && o.kind === "set");
    expect(computed.length).toBeGreaterThan(30);
    expect(writes).toHaveLength(computed.length + freeFormulas.length);

    for (const { s, t, c } of computed) {
      const { row, col } = parseAddress(t.topLeft);
      const at = col + t.columns.indexOf(c);
      const rows = Math.max(1, t.rows.length);
      for (const r of [1, rows]) expect(fake.sheet(s.name).cell(address(row + r, at)).formula).toBe(toOfficeFormula(c.formula!));
    }
  });
});
