// Test helpers: write a Plan to .xlsx, recalculate it in LibreOffice, read every table back.
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { tempDir } from "./temp-dirs";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";
import { recalculate } from "../../src/adapters/libreoffice/recalc";
import { plainValue, type Plain } from "../../src/adapters/xlsx/cell-values";
import type { Plan } from "../../src/workbook/plan";

export { tempDir };

export async function writePlan(plan: Plan, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, plan);
  await wb.xlsx.writeFile(file);
}

export interface TableValues {
  headers: string[];
  rows: Plain[][];
}

/** Read a table's values (formula results included) by its name. */
export function readTable(wb: ExcelJS.Workbook, name: string): TableValues {
  for (const ws of wb.worksheets) {
    const t = ws.getTables().find((x) => (x as unknown as { name?: string; table?: { name: string } }).table?.name === name);
    if (!t) continue;
    const model = (t as unknown as { table: { ref?: string; tableRef?: string } }).table;
    const ref = model.tableRef ?? model.ref!;
    const [a, b] = ref.split(":");
    const tl = ws.getCell(a);
    const br = b ? ws.getCell(b) : tl;
    const top = Number(tl.row),
      left = Number(tl.col),
      bottom = Number(br.row),
      right = Number(br.col);
    const headers: string[] = [];
    for (let c = left; c <= right; c++) headers.push(String(plainValue(ws.getCell(top, c).value)));
    const rows: Plain[][] = [];
    for (let r = top + 1; r <= bottom; r++) {
      const row: Plain[] = [];
      for (let c = left; c <= right; c++) row.push(plainValue(ws.getCell(r, c).value));
      rows.push(row);
    }
    return { headers, rows };
  }
  throw new Error(`Tabellen ${name} findes ikke`);
}

/** Column values of a table by header. */
export function column(t: TableValues, header: string): Plain[] {
  const i = t.headers.indexOf(header);
  if (i < 0) throw new Error(`Kolonnen ${header} findes ikke (har: ${t.headers.join(", ")})`);
  return t.rows.map((r) => r[i]);
}

/** Write plans, recalculate them all with one LibreOffice start, and load the results. */
export async function recalcPlans(plans: Plan[], label = "recalc"): Promise<ExcelJS.Workbook[]> {
  const dir = await tempDir(label);
  const inDir = path.join(dir, "in");
  await fs.mkdir(inDir);
  const files = plans.map((_, i) => path.join(inDir, `wb${i}.xlsx`));
  await Promise.all(plans.map((p, i) => writePlan(p, files[i])));
  const outs = await recalculate(files, path.join(dir, "out"));
  return Promise.all(
    outs.map(async (o) => {
      installExcelJsPatches();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(o);
      return wb;
    })
  );
}

/** A cell by sheet and address, as a plain value. */
export function cellValue(wb: ExcelJS.Workbook, sheet: string, addr: string): Plain {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`Arket ${sheet} findes ikke`);
  return plainValue(ws.getCell(addr).value);
}
