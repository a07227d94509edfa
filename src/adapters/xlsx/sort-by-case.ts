// Sorting a table kept sorted by case (Fremmoede, Statusmaalinger) by Sagsrække, then Dato, in an ExcelJS
// workbook: the command line's repair and the browser preview's. ExcelJS has no sort and calculates
// nothing, so each row's Sagsrække is computed from the data as the column's MATCH does (decision 0006),
// and the table's data rows are reordered in place: whole rows move, no value changes.
import ExcelJS from "exceljs";
import { caseRows } from "../../domain/case-blocks";
import { caseSortFields } from "../../workbook/case-sort";
import { CASE_SORTED_TABLES, headerKey, TABLES } from "../../workbook/contract";
import { contractExpectation } from "../../workbook/integrity";
import type { Plain } from "./cell-values";
import { definedNameReferences } from "./exceljs-patches/index";
import { findTable, headerIndex } from "./read-tables";

interface TableModel {
  name?: string;
  displayName?: string;
  rows?: unknown[][];
}

function tableModel(ws: ExcelJS.Worksheet, name: string): TableModel | undefined {
  return ws
    .getTables()
    .map((t) => (t as unknown as { table: TableModel }).table)
    .find((m) => (m.name ?? m.displayName ?? "").toLowerCase() === name.toLowerCase());
}

/** A Sags-ID as MATCH compares it (ignoring case, which caseRows does); an empty cell is no case. */
function idText(v: Plain | undefined): string | null {
  return v === null || v === undefined || v === "" ? null : String(v);
}

/** Excel's ascending order for what a date column may hold: dates (numbers), then text, then TRUE/FALSE, empty last. */
function compareDato(a: Plain, b: Plain): number {
  const rank = (v: Plain): number => (typeof v === "number" ? 0 : typeof v === "string" && v !== "" ? 1 : typeof v === "boolean" ? 2 : 3);
  const d = rank(a) - rank(b);
  if (d !== 0) return d;
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return a.localeCompare(b, "da", { sensitivity: "base" });
  return 0;
}

/**
 * What a cell holds, to be put in another cell of the same column. A formula is written as this row's own
 * formula with its cached result: a shared formula is shared by position, which the sort changes (the
 * computed columns' formulas are the same in every row, with this-row references, so they read the same;
 * the file shares them again when it is written).
 */
function movable(cell: ExcelJS.Cell): ExcelJS.CellValue {
  if (cell.type !== ExcelJS.ValueType.Formula) return cell.value;
  const result = cell.result as ExcelJS.CellFormulaValue["result"];
  const value: ExcelJS.CellFormulaValue = { formula: cell.formula, date1904: false };
  if (result !== undefined && result !== null) value.result = result;
  return value;
}

/**
 * The table's flag on Opsætning (1 when sorted) holds its last computed value, 0, until the file is
 * calculated again; our own check reads that value. The sort has just made it 1, by the same keys as
 * the flag's formula, so its cached value says so (the formula stays as it is).
 */
function markSorted(wb: ExcelJS.Workbook, table: string): void {
  const entry = CASE_SORTED_TABLES.find((t) => t.table.toLowerCase() === table.toLowerCase());
  const name = entry && definedNameReferences(wb.definedNames).find((n) => n.name.toLowerCase() === entry.sortedName.toLowerCase());
  const m = name && /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(name.refersTo.trim());
  if (!m) return;
  const cell = wb.getWorksheet((m[1] ?? m[2]).replace(/''/g, "'"))?.getCell(`${m[3]}${m[4]}`);
  if (cell && cell.type === ExcelJS.ValueType.Formula) cell.value = { formula: cell.formula, result: 1, date1904: false };
}

/**
 * Whether a column outside the contract's computed ones holds a formula. Moving a formula to another row
 * keeps its text, so a user's own formula with A1 references would read the wrong row afterwards; Excel's
 * own sort adjusts such references, so such a table is left for Excel (the check's message says how).
 */
function holdsOwnFormulas(
  wb: ExcelJS.Workbook,
  sheet: string,
  table: string,
  headers: readonly string[],
  firstRow: number,
  firstCol: number,
  rows: number
): boolean {
  const expected = contractExpectation().tables.find((e) => e.name.toLowerCase() === table.toLowerCase());
  const ours = new Set([...(expected?.computed ?? []), ...(expected?.optionalComputed ?? [])].map((c) => headerKey(c.column)));
  const ws = wb.getWorksheet(sheet)!;
  return headers.some(
    (h, j) =>
      !ours.has(headerKey(h)) &&
      Array.from({ length: rows }, (_, i) => ws.getCell(firstRow + i, firstCol + j)).some((c) => c.type === ExcelJS.ValueType.Formula)
  );
}

/**
 * Sort a table kept sorted by case by Sagsrække (the row of the first case in Sager with the row's
 * Sags-ID, ignoring case; 0 for none), then Dato (empty last); rows with equal keys keep their order.
 * Every cell of a data row moves with the row (values and formulas with their cached results); number
 * formats, drop-downs and styles stay with their column, and no cell outside the table's data rows changes
 * but the table's flag's cached value (see markSorted). False, and nothing changed, when the table lacks a
 * sort column or Sags-ID, or holds formulas of its own in other columns (see holdsOwnFormulas); throws
 * when there is no such table.
 */
export function sortTableByCase(wb: ExcelJS.Workbook, table: string): boolean {
  const t = findTable(wb, table);
  if (!t) throw new Error(`Tabellen ${table} findes ikke i projektmappen.`);
  const fields = caseSortFields(t.name, t.headers);
  const idCol = headerIndex(t, "Sags-ID");
  if (!fields || idCol < 0) return false;
  if (holdsOwnFormulas(wb, t.sheet, t.name, t.headers, t.firstRow, t.firstCol, t.rows.length)) return false;
  const datoCol = fields[1]?.key ?? -1;

  const sager = findTable(wb, TABLES.sager);
  const sagerId = sager ? headerIndex(sager, "Sags-ID") : -1;
  const cases = sager && sagerId >= 0 ? sager.rows.map((r) => ({ sagsId: idText(r[sagerId]) ?? "" })) : [];
  const keys = caseRows(
    t.rows.map((r) => ({ sagsId: idText(r[idCol]) })),
    cases
  );
  const dato = (i: number): Plain => (datoCol >= 0 ? (t.rows[i][datoCol] ?? null) : null);
  const order = t.rows.map((_, i) => i);
  order.sort((a, b) => keys[a] - keys[b] || compareDato(dato(a), dato(b)) || a - b);

  if (order.some((from, to) => from !== to)) {
    const ws = wb.getWorksheet(t.sheet)!;
    const width = t.headers.length;
    // Read every cell first: a shared formula's text is found through its first cell, which may move too.
    const rows = t.rows.map((_, i) => Array.from({ length: width }, (_, j) => movable(ws.getCell(t.firstRow + i, t.firstCol + j))));
    order.forEach((from, to) => {
      rows[from].forEach((value, j) => {
        ws.getCell(t.firstRow + to, t.firstCol + j).value = value;
      });
    });
    // ExcelJS keeps the rows a table was created with in its model; keep them in the same order.
    const model = tableModel(ws, t.name);
    if (model?.rows && model.rows.length === order.length) {
      const before = model.rows;
      model.rows = order.map((from) => before[from]);
    }
    // Cached results of formulas that read positions (a case's block on Sager) are stale until calculated.
    wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  }
  markSorted(wb, t.name);
  return true;
}
