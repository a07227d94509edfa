// A WorkbookPort and WorkbookWriter over an in-memory ExcelJS workbook: the browser preview's stand-in for
// Excel. Saving writes the same cells as the Office.js adapter (see save-plan.ts) and grows a table as
// Excel does: new rows take the last row's number formats and drop-downs, and computed columns their formula.
import type ExcelJS from "exceljs";
import { cellPlain, findTable, listTables } from "./read-tables";
import { dataValidationAt } from "./data-validations";
import { isEmptyRow, mergeChanges, missingTableError, planTableWrite, type RowCells } from "../../ports/save-plan";
import {
  isStructured,
  type PortCell,
  type SaveReport,
  type TableChange,
  type TableContents,
  type WorkbookDescription,
  type WorkbookInspector,
  type WorkbookPort,
  type WorkbookWriter,
} from "../../ports/workbook-port";
import { inputHeaders } from "../../workbook/input-columns";
import type { WorkbookSnapshot } from "../../workbook/integrity";
import { readSnapshot, setColumnFormulas } from "./workbook-snapshot";
import { sortTableByCase } from "./sort-by-case";
import type { ApplyPlanOptions, PlanPort } from "../../ports/workbook-port";
import type { Plan } from "../../workbook/plan";
import { memoryPlanPort } from "./memory-plan-port";

interface TableModel {
  name?: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  autoFilterRef?: string;
  rows?: unknown[][];
  columns: { name: string; calculatedColumnFormula?: string }[];
}

interface LocatedTable {
  ws: ExcelJS.Worksheet;
  model: TableModel;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function locate(wb: ExcelJS.Workbook, name: string): LocatedTable | null {
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables()) {
      const model = (t as unknown as { table: TableModel }).table;
      const tname = model.name ?? model.displayName ?? "";
      const ref = model.tableRef ?? model.ref;
      if (tname.toLowerCase() !== name.toLowerCase() || !ref) continue;
      const [a, b] = ref.replace(/\$/g, "").split(":");
      const tl = ws.getCell(a);
      const br = ws.getCell(b ?? a);
      return { ws, model, top: Number(tl.row), left: Number(tl.col), bottom: Number(br.row), right: Number(br.col) };
    }
  }
  return null;
}

function a1(row: number, col: number, ws: ExcelJS.Worksheet): string {
  return ws.getCell(row, col).address;
}

export class MemoryWorkbookPort implements WorkbookPort, WorkbookWriter, WorkbookInspector, PlanPort {
  /** The last cell selectCell asked for (the preview has no grid to show it in). */
  selection: { sheet: string; address: string } | null = null;
  /** Saves so far, for tests that check that invalid input wrote nothing. */
  saves = 0;

  constructor(readonly workbook: ExcelJS.Workbook) {}

  // The Import and Oversigt pages' access (PlanPort), through the xlsx adapter the command line uses.
  readLayout(): ReturnType<PlanPort["readLayout"]> {
    return memoryPlanPort(this.workbook).readLayout();
  }
  readGrids(sheets?: readonly string[]): ReturnType<PlanPort["readGrids"]> {
    return memoryPlanPort(this.workbook).readGrids(sheets);
  }
  readTables(tables: readonly string[], names: readonly string[]): ReturnType<PlanPort["readTables"]> {
    return memoryPlanPort(this.workbook).readTables(tables, names);
  }
  applyPlan(plan: Plan, options: ApplyPlanOptions): ReturnType<PlanPort["applyPlan"]> {
    return memoryPlanPort(this.workbook).applyPlan(plan, options);
  }

  async describe(): Promise<WorkbookDescription> {
    const tables = listTables(this.workbook).map((t) => t.name);
    return {
      structured: isStructured(tables),
      tables,
      sheets: this.workbook.worksheets.map((ws) => ws.name),
    };
  }

  async readTable(name: string): Promise<TableContents | null> {
    const t = findTable(this.workbook, name);
    if (!t) return null;
    // An empty table keeps one empty row (see TablePlan.rows): it means no rows, as in Excel.
    const placeholder = t.rows.length === 1 && isEmptyRow(t.headers, t.rows[0], inputHeaders(name));
    return { headers: t.headers, rows: placeholder ? [] : t.rows };
  }

  async saveRows(changes: TableChange[]): Promise<SaveReport> {
    const merged = mergeChanges(changes).filter((c) => (c.updates?.length ?? 0) + (c.appends?.length ?? 0) > 0);
    // Plan every table before writing any, so that a bad change writes nothing anywhere.
    const plans = merged.map((change) => {
      const loc = locate(this.workbook, change.table);
      if (!loc) throw missingTableError(change.table);
      const headers: string[] = [];
      for (let c = loc.left; c <= loc.right; c++) headers.push(String(cellPlain(loc.ws.getCell(loc.top, c)) ?? "").trim());
      const rowCount = loc.bottom - loc.top;
      const first: PortCell[] = headers.map((_, j) => cellPlain(loc.ws.getCell(loc.top + 1, loc.left + j)));
      const placeholderEmpty = rowCount === 1 && isEmptyRow(headers, first, inputHeaders(change.table));
      return { loc, plan: planTableWrite(change, { headers, rowCount, placeholderEmpty }) };
    });
    let updated = 0;
    let appended = 0;
    for (const { loc, plan } of plans) {
      for (const u of plan.updates) {
        this.writeRow(loc, loc.top + 1 + u.index, u.cells);
        updated++;
      }
      for (const cells of plan.appends) {
        this.appendRow(loc, cells);
        appended++;
      }
    }
    if (updated + appended > 0) this.saves++;
    return { updated, appended };
  }

  async inspect(): Promise<WorkbookSnapshot> {
    return readSnapshot(this.workbook);
  }

  async setColumnFormulas(table: string, columns: { column: string; formula: string }[]): Promise<number> {
    return setColumnFormulas(this.workbook, table, columns);
  }

  async sortByCase(table: string): Promise<boolean> {
    return sortTableByCase(this.workbook, table);
  }

  /** The sheet activateSheet last brought to the front (the preview has no sheet tabs to show it in). */
  activeSheet: string | null = null;

  async activateSheet(sheet: string): Promise<void> {
    const ws = this.workbook.getWorksheet(sheet);
    if (!ws) throw new Error(`Arket ${sheet} findes ikke i projektmappen.`);
    this.workbook.views = [{ ...(this.workbook.views?.[0] ?? {}), activeTab: this.workbook.worksheets.indexOf(ws) } as ExcelJS.WorkbookView];
    this.activeSheet = sheet;
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    if (!this.workbook.getWorksheet(sheet)) throw new Error(`Arket ${sheet} findes ikke i projektmappen.`);
    this.selection = { sheet, address };
  }

  private writeRow(loc: LocatedTable, row: number, cells: RowCells): void {
    cells.forEach((v, j) => {
      if (v === undefined) return;
      loc.ws.getCell(row, loc.left + j).value = v;
    });
  }

  /** One row below the table, formatted like the last, then the table's reference grown by one. */
  private appendRow(loc: LocatedTable, cells: RowCells): void {
    const row = loc.bottom + 1;
    cells.forEach((v, j) => {
      const col = loc.left + j;
      const template = loc.ws.getCell(loc.bottom, col);
      const cell = loc.ws.getCell(row, col);
      if (template.numFmt) cell.numFmt = template.numFmt;
      const validation = dataValidationAt(loc.ws, loc.bottom, col);
      if (validation) cell.dataValidation = validation;
      const formula = loc.model.columns[j]?.calculatedColumnFormula;
      if (formula) cell.value = { formula, date1904: false } as ExcelJS.CellFormulaValue;
      else cell.value = v ?? null;
    });
    loc.bottom = row;
    const ref = `${a1(loc.top, loc.left, loc.ws)}:${a1(loc.bottom, loc.right, loc.ws)}`;
    loc.model.tableRef = ref;
    loc.model.autoFilterRef = ref;
    loc.model.rows?.push(cells.map((v) => v ?? null));
  }
}
