// Convert an ExcelJS workbook in place: read the source sheets' grids, convert them (reusing the
// mapping stored by an earlier run and the cases already in Sager), and add the structured sheets.
// The source sheets are never written; the structured sheets of an earlier run are rebuilt from
// their own tables plus what the source brings, so a re-run updates and never duplicates.
// The flow itself is pure and shared with the task pane (src/import/workbook-conversion.ts).
// Used by the command line and the browser preview.
import type ExcelJS from "exceljs";
import type { ConvertResult } from "../../import/convert";
import type { ConvertedWorkbook } from "../../import/structured-output";
import {
  planWorkbookConversion,
  sourceSheetsOf,
  type SheetLayout,
  type WorkbookConversionOptions,
  type WorkbookLayout,
} from "../../import/workbook-conversion";
import { METADATA_SHEET, parseMetadata } from "../../workbook/metadata";
import type { Plan, Scalar } from "../../workbook/plan";
import { MissingTableError } from "../../workbook/structured-from-tables";
import { applyPlan } from "./apply-plan";
import { checkSheetSizes } from "./sheet-limits";
import { plainValue } from "./cell-values";
import { WorkbookFileError } from "./workbook-file-error";
import { readGrids } from "./read-grids";
import { workbookSource } from "./structured-from-workbook";

export type ConvertWorkbookOptions = WorkbookConversionOptions;

export interface ConvertWorkbookOutcome {
  result: ConvertResult;
  output: ConvertedWorkbook;
  /** True when the workbook was already structured and has been updated. */
  rerun: boolean;
  sourceSheets: string[];
  /** Our earlier sheets the conversion replaced, and the workbook-level names it defines. */
  removedSheets: string[];
  ownNames: string[];
}

export function readMetadata(wb: ExcelJS.Workbook): Record<string, unknown> | null {
  const ws = wb.getWorksheet(METADATA_SHEET);
  if (!ws) return null;
  const column: Scalar[] = [];
  for (let r = 1; r <= ws.rowCount; r++) column.push(plainValue(ws.getCell(r, 1).value));
  return parseMetadata(column);
}

function sheetTables(ws: ExcelJS.Worksheet): string[] {
  return ws.getTables().map((t) => (t as unknown as { table: { name?: string } }).table.name ?? "");
}

/** Every sheet with its tables, and the metadata. */
export function readLayout(wb: ExcelJS.Workbook): WorkbookLayout {
  const sheets: SheetLayout[] = wb.worksheets.map((ws) => ({ name: ws.name, tables: sheetTables(ws).filter((t) => t !== "") }));
  return { sheets, metadata: readMetadata(wb) };
}

/** Remove sheets by name, then apply the plan (its sheet names were chosen without them). */
export function replaceSheets(wb: ExcelJS.Workbook, plan: Plan, removeSheets: readonly string[]): void {
  for (const name of removeSheets) {
    const ws = wb.getWorksheet(name);
    if (ws) wb.removeWorksheet(ws.id);
  }
  applyPlan(wb, plan);
}

export function convertWorkbook(wb: ExcelJS.Workbook, options: ConvertWorkbookOptions): ConvertWorkbookOutcome {
  const layout = readLayout(wb);
  const planned = (() => {
    try {
      const sources = options.sheets ? [...options.sheets] : sourceSheetsOf(layout);
      return planWorkbookConversion(layout, readGrids(wb, { sheets: sources }), workbookSource(wb), options);
    } catch (e) {
      throw e instanceof MissingTableError ? new WorkbookFileError(e.message) : e;
    }
  })();
  checkSheetSizes(planned.plan);
  replaceSheets(wb, planned.plan, planned.removeSheets);
  return {
    result: planned.result,
    output: planned.output,
    rerun: planned.rerun,
    sourceSheets: planned.sourceSheets,
    removedSheets: planned.removeSheets,
    ownNames: planned.plan.names.map((n) => n.name),
  };
}
