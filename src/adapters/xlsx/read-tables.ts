// Read any table of an ExcelJS workbook by name into headers and plain rows. Tables are the truth of
// a structured workbook (the metadata may be missing), and files saved by LibreOffice or Excel
// carry them as table parts, which ExcelJS loads onto their sheets.
import ExcelJS from "exceljs";
import { plainValue, type Plain } from "./cell-values";
import { WorkbookFileError } from "./workbook-file-error";
import { headerKey } from "../../workbook/contract";

export interface TableData {
  name: string;
  sheet: string;
  /** Header texts, trimmed. */
  headers: string[];
  /** Data rows (no header, no totals row), one plain value per header. */
  rows: Plain[][];
  /** Sheet row (1-based) of the first data row and column (1-based) of the first column. */
  firstRow: number;
  firstCol: number;
}

interface TableModel {
  name?: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
}

/**
 * A cell's value as a plain value. Formula cells give their cached result through `cell.result`:
 * ExcelJS's `cell.value` drops results that are falsy (0, FALSE), which would turn a 0 into empty.
 */
export function cellPlain(cell: ExcelJS.Cell): Plain {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = cell.result as ExcelJS.CellValue | undefined;
    if (result === undefined || result === null) return null;
    if (typeof result === "object" && "error" in (result as object)) return (result as ExcelJS.CellErrorValue).error;
    return plainValue(result);
  }
  return plainValue(cell.value);
}

function tableModels(ws: ExcelJS.Worksheet): TableModel[] {
  return ws.getTables().map((t) => (t as unknown as { table: TableModel }).table);
}

/** Every table of the workbook with its sheet. */
export function listTables(wb: ExcelJS.Workbook): { name: string; sheet: string }[] {
  const out: { name: string; sheet: string }[] = [];
  for (const ws of wb.worksheets) {
    for (const m of tableModels(ws)) {
      const name = m.name ?? m.displayName;
      if (name) out.push({ name, sheet: ws.name });
    }
  }
  return out;
}

/** The table of that name (table names compare case-insensitively, as in Excel), or null. */
export function findTable(wb: ExcelJS.Workbook, name: string): TableData | null {
  for (const ws of wb.worksheets) {
    for (const m of tableModels(ws)) {
      const tname = m.name ?? m.displayName ?? "";
      if (tname.toLowerCase() !== name.toLowerCase()) continue;
      const ref = m.tableRef ?? m.ref;
      if (!ref) continue;
      return readRange(ws, tname, ref, m.headerRow !== false, m.totalsRow === true);
    }
  }
  return null;
}

/** The table of that name, or a Danish error naming what is missing. */
export function readTable(wb: ExcelJS.Workbook, name: string): TableData {
  const t = findTable(wb, name);
  if (!t) {
    const have = listTables(wb).map((x) => x.name);
    throw new WorkbookFileError(
      `Tabellen ${name} findes ikke i projektmappen` + (have.length ? ` (den har: ${have.join(", ")}).` : " (den har ingen tabeller).")
    );
  }
  return t;
}

function readRange(ws: ExcelJS.Worksheet, name: string, ref: string, headerRow: boolean, totalsRow: boolean): TableData {
  const [a, b] = ref.replace(/\$/g, "").split(":");
  const tl = ws.getCell(a);
  const br = ws.getCell(b ?? a);
  const top = Number(tl.row);
  const left = Number(tl.col);
  const bottom = Number(br.row) - (totalsRow ? 1 : 0);
  const right = Number(br.col);
  const headers: string[] = [];
  for (let c = left; c <= right; c++) {
    headers.push(headerRow ? String(cellPlain(ws.getCell(top, c)) ?? "").trim() : `Kolonne${c - left + 1}`);
  }
  const firstRow = headerRow ? top + 1 : top;
  const rows: Plain[][] = [];
  for (let r = firstRow; r <= bottom; r++) {
    const row: Plain[] = [];
    for (let c = left; c <= right; c++) row.push(cellPlain(ws.getCell(r, c)));
    rows.push(row);
  }
  return { name, sheet: ws.name, headers, rows, firstRow, firstCol: left };
}

/** Column index of a header (case- and space-insensitive), or -1. */
export function headerIndex(t: TableData, header: string): number {
  return t.headers.findIndex((h) => headerKey(h) === headerKey(header));
}

/** The rows as records keyed by header. */
export function tableRecords(t: TableData): Record<string, Plain>[] {
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i] ?? null])));
}
