// The PlanPort over Office.js (see taskpane/workbook-port.ts): layout, grids, tables and replacing
// sheets by a plan, each one Excel.run. createOfficePort adds these to the task pane's port.
import type { PlanPort } from "../../ports/workbook-port";
import { excelRun, type ExcelRun, type OfficeHost } from "./host";
import { readGrids } from "./read-grids";
import { readLayout } from "./read-layout";
import { readTables } from "./read-tables";

export interface OfficePlanPortOptions {
  /** Cells loaded per sync when reading grids and tables. */
  cellsPerSync?: number;
  /** The requirement-set check (tests pass the fake). */
  host?: OfficeHost;
}

export function createOfficePlanPort(run: ExcelRun = excelRun, options: OfficePlanPortOptions = {}): PlanPort {
  const { cellsPerSync, host } = options;
  return {
    readLayout: () => readLayout(run),
    readGrids: (sheets) => readGrids(run, { sheets: sheets ? [...sheets] : undefined, cellsPerSync, host }),
    readTables: (tables, names) => readTables(tables, names, run, { cellsPerSync }),
    applyPlan: async (plan, opts) => {
      // Writing a plan (and its charts) is loaded when first used, not with the task pane's first page.
      const { replaceSheets } = await import(/* webpackChunkName: "plan-writer" */ "./replace-sheets");
      const { charts, warnings } = await replaceSheets(plan, opts, run, { host });
      return { charts, warnings };
    },
  };
}
