// The task pane's WorkbookPort and WorkbookWriter over Office.js: what the workbook holds, a table's
// contents, saving rows and selecting a cell, each in one Excel.run. The run is a parameter so tests drive
// the same code against a fake.
import {
  isStructured,
  type PortCell,
  type TableContents,
  type WorkbookDescription,
  type WorkbookInspector,
  type SheetActivator,
  type WorkbookPort,
  type WorkbookWriter,
} from "../../ports/workbook-port";
import { withExcelErrors } from "./errors";
import { excelRun, type ExcelRun } from "./host";
import { saveRowsWithOffice } from "./save-rows";
import { createOfficePlanPort } from "./plan-port";
import type { PlanPort } from "../../ports/workbook-port";
import { inspectWorkbook, setColumnFormulasWithOffice } from "./inspect";
import { sortByCaseWithOffice } from "./sort-by-case";

export interface OfficePortOptions {
  /** Cells loaded per sync when reading a table (Excel on the web limits response size too). */
  cellsPerSync?: number;
}

export function createOfficePort(
  run: ExcelRun = excelRun,
  options: OfficePortOptions = {}
): WorkbookPort & WorkbookWriter & WorkbookInspector & PlanPort & SheetActivator {
  const cellsPerSync = options.cellsPerSync ?? 100_000;
  return {
    ...createOfficePlanPort(run, options),
    describe: () =>
      withExcelErrors(() =>
        run(async (context): Promise<WorkbookDescription> => {
          const sheets = context.workbook.worksheets.load("items/name");
          const tables = context.workbook.tables.load("items/name");
          await context.sync();
          const tableNames = tables.items.map((t) => t.name);
          return { structured: isStructured(tableNames), tables: tableNames, sheets: sheets.items.map((s) => s.name) };
        })
      ),

    readTable: (name) =>
      withExcelErrors(() =>
        run(async (context): Promise<TableContents | null> => {
          const table = context.workbook.tables.getItemOrNullObject(name);
          await context.sync();
          if (table.isNullObject) return null;
          const header = table.getHeaderRowRange().load("values");
          const body = table.getDataBodyRange().load("rowCount,columnCount");
          await context.sync();
          const headers = (header.values[0] ?? []).map((h) => String(h).trim());
          const width = Math.max(1, body.columnCount);
          const perBlock = Math.max(1, Math.floor(cellsPerSync / width));
          const blocks: Excel.Range[] = [];
          for (let top = 0; top < body.rowCount; top += perBlock) {
            if (blocks.length > 0) await context.sync();
            const n = Math.min(perBlock, body.rowCount - top);
            blocks.push(
              body
                .getCell(top, 0)
                .getResizedRange(n - 1, width - 1)
                .load("values")
            );
          }
          if (blocks.length > 0) await context.sync();
          const rows = blocks.flatMap((b) => b.values.map((r) => r.map(toPortCell)));
          // A table with no data keeps one empty row in every engine (see TablePlan.rows): it means no rows.
          return { headers, rows: rows.length === 1 && rows[0].every((v) => v === null) ? [] : rows };
        })
      ),

    saveRows: (changes) => withExcelErrors(() => saveRowsWithOffice(run, changes)),

    inspect: () => inspectWorkbook(run),

    setColumnFormulas: (table, columns) => setColumnFormulasWithOffice(run, table, columns),

    sortByCase: (table) => sortByCaseWithOffice(run, table),

    selectCell: (sheet, address) =>
      withExcelErrors(() =>
        run(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(address).select();
          await context.sync();
        })
      ),

    activateSheet: (sheet) =>
      withExcelErrors(() =>
        run(async (context) => {
          context.workbook.worksheets.getItem(sheet).activate();
          await context.sync();
        })
      ),
  };
}

function toPortCell(v: unknown): PortCell {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}
