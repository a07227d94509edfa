// The PlanPort's work over an in-memory ExcelJS workbook (the browser preview), through the xlsx
// adapter the command line uses: so the preview imports and reports exactly as `sagsliste` does.
import type ExcelJS from "exceljs";
import { readLayout, replaceSheets } from "./convert-workbook";
import { readGrids } from "./read-grids";
import { findTable } from "./read-tables";
import { namedValue, setNamedValue } from "./structured-from-workbook";
import type { ApplyPlanOptions, ApplyPlanReport, PlanPort, TablesRead } from "../../ports/workbook-port";
import type { Plan } from "../../workbook/plan";

export function memoryReadTables(wb: ExcelJS.Workbook, tables: readonly string[], names: readonly string[]): TablesRead {
  const out: TablesRead = { tables: {}, names: {} };
  for (const name of tables) {
    const t = findTable(wb, name);
    if (t) out.tables[name] = { headers: t.headers, rows: t.rows };
  }
  for (const name of names) {
    const v = namedValue(wb, name);
    if (v !== undefined) out.names[name] = v;
  }
  return out;
}

/** ExcelJS draws no charts: the overview sheet says they appear with the add-in. */
export function memoryApplyPlan(wb: ExcelJS.Workbook, plan: Plan, options: ApplyPlanOptions): ApplyPlanReport {
  replaceSheets(wb, plan, options.removeSheets);
  for (const [name, value] of Object.entries(options.namedValues ?? {})) setNamedValue(wb, name, value);
  return { charts: 0, warnings: [] };
}

export function memoryPlanPort(wb: ExcelJS.Workbook): PlanPort {
  return {
    readLayout: async () => readLayout(wb),
    readGrids: async (sheets) => readGrids(wb, { sheets: sheets ? [...sheets] : undefined }),
    readTables: async (tables, names) => memoryReadTables(wb, tables, names),
    applyPlan: async (plan, options) => memoryApplyPlan(wb, plan, options),
  };
}
