// "Saml flere projektmapper" through the port the task pane uses (here the preview's in-memory workbook):
// the picked files read from their bytes, the combined tables and the overview written into the open,
// empty workbook; a workbook that already holds Sager, or fewer than two files, refused with a reason.
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { readConsolidationSourceBytes } from "../../src/adapters/xlsx/consolidation-source";
import { findTable, tableRecords } from "../../src/adapters/xlsx/read-tables";
import { generateStructuredData } from "../../src/sample/structured-data";
import { splitByUnits } from "../../src/sample/unit-workbooks";
import { memoryPlanPort } from "../../src/adapters/xlsx/memory-plan-port";
import { consolidateIntoWorkbook, type ConsolidateStep, type PickedFile } from "../../src/taskpane/oversigt/consolidate-flow";
import { messages } from "../../src/taskpane/messages";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { tempDir } from "../support/temp-dirs";

const data = generateStructuredData(21, { cases: 40 });
const units = splitByUnits(data, [["Kilen", "Smedien"], ["Café Æblet", "Cykelværkstedet"], ["Jobværkstedet"]]);

async function picked(): Promise<PickedFile[]> {
  const dir = await tempDir("saml");
  return Promise.all(
    units.map(async (u, i) => {
      const wb = new ExcelJS.Workbook();
      applyPlan(wb, buildStructuredPlan(u));
      const file = path.join(dir, `enhed-${i + 1}.xlsx`);
      await wb.xlsx.writeFile(file);
      const bytes = await fs.readFile(file);
      return { name: `enhed-${i + 1}.xlsx`, bytes: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
    })
  );
}

test("the picked workbooks are combined into the open, empty workbook with Kilder and the overview", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ark1");
  const steps: ConsolidateStep[] = [];
  const r = await consolidateIntoWorkbook(memoryPlanPort(wb), await picked(), 2021, readConsolidationSourceBytes, (s) => steps.push(s));
  expect(r).toMatchObject({ year: 2021, sources: 3, conflicts: 0 });
  expect(r.sheets).toEqual(expect.arrayContaining(["Kilder", "Nøgletal", "Pladsregulering", "Kvartalsoversigt"]));
  expect(tableRecords(findTable(wb, "Kilder")!).map((k) => k.Fil)).toEqual(["enhed-1.xlsx", "enhed-2.xlsx", "enhed-3.xlsx"]);
  expect(findTable(wb, "Sager")!.rows.length).toBe(units.reduce((n, u) => n + u.cases.length, 0));
  expect(findTable(wb, "Noegletal")!.rows.length).toBeGreaterThan(100);
  expect(steps.filter((s) => s.kind === "file").length).toBe(3);
  expect(wb.getWorksheet("Ark1")).toBeDefined();
});

test("a workbook that already holds Sager, or a single file, is refused with what to do", async () => {
  const files = await picked();
  const structured = new ExcelJS.Workbook();
  applyPlan(structured, buildStructuredPlan(units[0]));
  await expect(consolidateIntoWorkbook(memoryPlanPort(structured), files, 2021, readConsolidationSourceBytes, () => undefined)).rejects.toThrow(
    messages.consolidate.notEmpty
  );
  await expect(
    consolidateIntoWorkbook(memoryPlanPort(new ExcelJS.Workbook()), files.slice(0, 1), 2021, readConsolidationSourceBytes, () => undefined)
  ).rejects.toThrow(messages.consolidate.needTwo);
});

test("a file that is no workbook is named in the refusal", async () => {
  const files = await picked();
  const text: PickedFile = { name: "noter.txt", bytes: async () => new TextEncoder().encode("Sags-ID;Navn\n").buffer as ArrayBuffer };
  await expect(
    consolidateIntoWorkbook(memoryPlanPort(new ExcelJS.Workbook()), [files[0], text], 2021, readConsolidationSourceBytes, () => undefined)
  ).rejects.toThrow(/noter\.txt er ikke en Excel-projektmappe/);
});
