// Computed columns look computed (grey header with a note, grey body), helper columns are grouped and
// collapsed but kept, and widths follow the content: in the plan, in a file, and in Excel through Office.js.
import ExcelJS from "exceljs";
import { applyPlan as applyToFile } from "../../src/adapters/xlsx/apply-plan";
import { applyPlan as applyInExcel } from "../../src/adapters/officejs/apply-plan";
import { generateStructuredData } from "../../src/sample/structured-data";
import { COMPUTED_FILL, COMPUTED_HEADER_FILL, COMPUTED_NOTE, HELPER_COLUMNS, contentWidth } from "../../src/workbook/column-presentation";
import { SAGER_COMPUTED, TABLES } from "../../src/workbook/contract";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { columnLetters, type Plan, type TablePlan } from "../../src/workbook/plan";
import { FakeExcel, fakeRun } from "../support/fake-excel";

const data = generateStructuredData(3, { cases: 30 });
const plan = buildStructuredPlan(data);
const sager = plan.sheets.flatMap((s) => s.tables).find((t) => t.name === TABLES.sager) as TablePlan;
const helpers = new Set(HELPER_COLUMNS[TABLES.sager]);

describe("the plan", () => {
  it("marks every computed column and flags exactly the helpers", () => {
    const computed = sager.columns.filter((c) => c.formula);
    expect(computed.length).toBeGreaterThanOrEqual(SAGER_COMPUTED.length);
    for (const c of computed) expect([c.note, c.headerFill, c.fill]).toEqual([COMPUTED_NOTE, COMPUTED_HEADER_FILL, COMPUTED_FILL]);
    for (const c of sager.columns.filter((x) => !x.formula)) expect([c.note, c.headerFill, c.helper]).toEqual([undefined, undefined, undefined]);
    expect(sager.columns.filter((c) => c.helper).map((c) => c.name)).toEqual([...helpers]);
    for (const name of SAGER_COMPUTED) expect(sager.columns.find((c) => c.name === name)?.helper).toBeUndefined();
  });

  it("makes columns as wide as their content", () => {
    const width = (name: string) => sager.columns.find((c) => c.name === name)!.width!;
    expect(width("CPR")).toBeGreaterThanOrEqual(13);
    expect(width("Navn")).toBeGreaterThanOrEqual(Math.max(...data.cases.map((c) => (c.navn ?? "").length)) + 2);
    expect(contentWidth({ name: "Bemærkninger" }, ["kort", "x".repeat(200)])).toBe(45);
    expect(contentWidth({ name: "Dato", numFmt: "dd-mm-yyyy" }, [45000])).toBe(12);
  });
});

describe("a file", () => {
  it("carries the grey headers, notes, fills and collapsed helper columns", async () => {
    const wb = new ExcelJS.Workbook();
    applyToFile(wb, plan);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const ws = back.getWorksheet("Sager")!;
    sager.columns.forEach((c, j) => {
      const header = ws.getCell(1, j + 1);
      const column = ws.getColumn(j + 1);
      if (c.formula) {
        expect((header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF" + COMPUTED_HEADER_FILL);
        expect(header.note).toBeDefined();
        expect((ws.getCell(2, j + 1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF" + COMPUTED_FILL);
      }
      expect([c.name, column.outlineLevel ?? 0, column.hidden]).toEqual([c.name, c.helper ? 1 : 0, !!c.helper]);
    });
  });
});

describe("Excel through Office.js", () => {
  it("greys the computed headers and groups and collapses the helper columns", async () => {
    const fake = new FakeExcel({ supported: { ExcelApi: "1.13" } });
    const small: Plan = { ...plan, sheets: plan.sheets.filter((s) => s.tables.some((t) => t.name === TABLES.sager)) };
    await applyInExcel(small, fakeRun(fake), { host: fake });
    const ws = fake.sheet("Sager");
    sager.columns.forEach((c, j) => {
      expect([columnLetters(j), ws.get(0, j)?.fill]).toEqual([columnLetters(j), c.headerFill ? "#" + c.headerFill : undefined]);
      expect([c.name, ws.hiddenCols.has(j), ws.groupedCols.has(j)]).toEqual([c.name, !!c.helper, !!c.helper]);
    });
  });
});
