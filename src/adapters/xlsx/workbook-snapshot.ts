// The integrity check's side of an ExcelJS workbook: read every table with its formulas and every
// defined name into a snapshot, give computed columns their formula back, and rewrite our own
// Problemer and Log sheets. Serves the command line and the browser preview alike.
import ExcelJS from "exceljs";
import { LOG_INPUT, TABLES } from "../../workbook/contract";
import { toFileFormula } from "../../workbook/formula-text";
import type { NameSnapshot, TableSnapshot, WorkbookSnapshot } from "../../workbook/integrity";
import { logSheet, type LogEntry } from "../../workbook/audit-log";
import type { CellInput, Scalar } from "../../workbook/plan";
import { PROBLEM_CELLS_NAME, PROBLEM_TARGET_COLUMN, problemCellsName, problemsSheet, type ProblemRow } from "../../workbook/problems-plan";
import { applyPlan } from "./apply-plan";
import { addRawDefinedNames, definedNameReferences } from "./exceljs-patches/index";
import { cellPlain, findTable } from "./read-tables";

interface TableModel {
  name?: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns?: { name: string; calculatedColumnFormula?: string }[];
}

function models(ws: ExcelJS.Worksheet): TableModel[] {
  return ws.getTables().map((t) => (t as unknown as { table: TableModel }).table);
}

function snapshotCell(cell: ExcelJS.Cell): CellInput {
  if (cell.type === ExcelJS.ValueType.Formula) return { formula: "=" + (cell.formula ?? "") };
  return cellPlain(cell);
}

function readTableSnapshot(ws: ExcelJS.Worksheet, m: TableModel): TableSnapshot | null {
  const name = m.name ?? m.displayName;
  const ref = m.tableRef ?? m.ref;
  if (!name || !ref) return null;
  const [a, b] = ref.replace(/\$/g, "").split(":");
  const tl = ws.getCell(a);
  const br = ws.getCell(b ?? a);
  const top = Number(tl.row);
  const left = Number(tl.col);
  const bottom = Number(br.row) - (m.totalsRow ? 1 : 0);
  const right = Number(br.col);
  const headers: string[] = [];
  for (let c = left; c <= right; c++) headers.push(String(cellPlain(ws.getCell(top, c)) ?? "").trim());
  const rows: CellInput[][] = [];
  for (let r = top + 1; r <= bottom; r++) {
    const row: CellInput[] = [];
    for (let c = left; c <= right; c++) row.push(snapshotCell(ws.getCell(r, c)));
    rows.push(row);
  }
  return { name, sheet: ws.name, topLeft: tl.address, headers, rows };
}

function nameValue(wb: ExcelJS.Workbook, refersTo: string): Scalar | undefined {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(refersTo.trim());
  if (!m) return undefined;
  const ws = wb.getWorksheet((m[1] ?? m[2]).replace(/''/g, "'"));
  return ws ? cellPlain(ws.getCell(`${m[3]}${m[4]}`)) : undefined;
}

export function readSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const tables: TableSnapshot[] = [];
  for (const ws of wb.worksheets) {
    for (const m of models(ws)) {
      const t = readTableSnapshot(ws, m);
      if (t) tables.push(t);
    }
  }
  const names: NameSnapshot[] = definedNameReferences(wb.definedNames).map((n) => ({ ...n, value: nameValue(wb, n.refersTo) }));
  return { sheets: wb.worksheets.map((ws) => ws.name), tables, names };
}

/** Give computed columns of a table their formula back, every data row (formulas only: no data is touched). */
export function setColumnFormulas(wb: ExcelJS.Workbook, table: string, columns: { column: string; formula: string }[]): number {
  for (const ws of wb.worksheets) {
    for (const m of models(ws)) {
      const name = m.name ?? m.displayName ?? "";
      if (name.toLowerCase() !== table.toLowerCase()) continue;
      const t = readTableSnapshot(ws, m);
      if (!t) continue;
      const first = ws.getCell(t.topLeft);
      let written = 0;
      for (const { column, formula } of columns) {
        const j = t.headers.findIndex((h) => h.toLowerCase() === column.toLowerCase());
        if (j < 0) throw new Error(`Tabellen ${table} har ingen kolonne "${column}".`);
        const file = toFileFormula(formula);
        for (let i = 0; i < t.rows.length; i++) {
          ws.getCell(Number(first.row) + 1 + i, Number(first.col) + j).value = { formula: file, date1904: false } as ExcelJS.CellFormulaValue;
          written++;
        }
        const modelColumn = m.columns?.[j];
        if (modelColumn) modelColumn.calculatedColumnFormula = file;
      }
      return written;
    }
  }
  throw new Error(`Tabellen ${table} findes ikke i projektmappen.`);
}

/** Add or replace defined names without dropping the structured-reference names the workbook has. */
function addNamesKeepingOthers(wb: ExcelJS.Workbook, names: { name: string; refersTo: string }[]): void {
  const plain = /^('[^']+'|[^'!]+)!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/;
  const raw = definedNameReferences(wb.definedNames)
    .filter((n) => !plain.test(n.refersTo) && !names.some((x) => x.name.toLowerCase() === n.name.toLowerCase()))
    .map((n) => ({ name: n.name, refersTo: n.refersTo }));
  addRawDefinedNames(wb, [...raw, ...names]);
}

function sheetOfTable(wb: ExcelJS.Workbook, table: string): string | null {
  for (const ws of wb.worksheets) {
    if (models(ws).some((m) => (m.name ?? m.displayName ?? "").toLowerCase() === table.toLowerCase())) return ws.name;
  }
  return null;
}

function freeSheetName(wb: ExcelJS.Workbook, wanted: string): string {
  let name = wanted;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${wanted} (${i})`;
  return name;
}

const text = (v: Scalar | undefined): string | null => (v === null || v === undefined || v === "" ? null : String(v));

/** The rows of the workbook's Problemer table, or none. */
export function readProblemRows(wb: ExcelJS.Workbook): ProblemRow[] {
  const t = findTable(wb, TABLES.problemer);
  if (!t) return [];
  const at = (h: string): number => t.headers.findIndex((x) => x.toLowerCase() === h.toLowerCase());
  const idx = {
    sheet: at("Ark"),
    cell: at("Celle"),
    severity: at("Alvor"),
    code: at("Kode"),
    message: at("Besked"),
    original: at("Oprindelig værdi"),
    target: at(PROBLEM_TARGET_COLUMN),
  };
  return t.rows
    .filter((r) => r.some((v) => v !== null && v !== ""))
    .map((r) => ({
      sheet: text(r[idx.sheet]) ?? "",
      cell: text(r[idx.cell]) ?? "",
      severity: r[idx.severity] === "advarsel" || r[idx.severity] === "info" ? (r[idx.severity] as "advarsel" | "info") : "fejl",
      code: text(r[idx.code]) ?? "",
      message: text(r[idx.message]) ?? "",
      original: text(r[idx.original]),
      target: idx.target >= 0 ? text(r[idx.target]) : null,
    }));
}

/** Rewrite the Problemer sheet with these rows (our own sheet; created when missing). */
export function writeProblemRows(wb: ExcelJS.Workbook, rows: ProblemRow[]): void {
  const existing = sheetOfTable(wb, TABLES.problemer);
  const name = existing ?? freeSheetName(wb, "Problemer");
  applyPlan(wb, { sheets: [problemsSheet(rows, name)], names: [] }, { replaceExisting: true });
  if (!definedNameReferences(wb.definedNames).some((n) => n.name === PROBLEM_CELLS_NAME)) addNamesKeepingOthers(wb, [problemCellsName()]);
}

/** The rows of the workbook's Log table, as entries. */
export function readLogEntries(wb: ExcelJS.Workbook): LogEntry[] {
  const t = findTable(wb, TABLES.log);
  if (!t) return [];
  const at = LOG_INPUT.map((c) => t.headers.findIndex((h) => h.toLowerCase() === c.name.toLowerCase()));
  return t.rows
    .filter((r) => r.some((v) => v !== null && v !== ""))
    .map((r) => {
      const v = (k: number): Scalar => (at[k] >= 0 ? (r[at[k]] ?? null) : null);
      return {
        time: typeof v(0) === "number" ? (v(0) as number) : 0,
        action: String(v(1) ?? "") as LogEntry["action"],
        table: String(v(2) ?? ""),
        key: text(v(3)),
        column: text(v(4)),
        from: text(v(5)),
        to: text(v(6)),
      };
    });
}

/** Append entries to the Log (the sheet is ours and is rewritten with the earlier rows first). */
export function appendLogEntries(wb: ExcelJS.Workbook, entries: readonly LogEntry[]): void {
  if (entries.length === 0) return;
  const existing = sheetOfTable(wb, TABLES.log);
  const name = existing ?? freeSheetName(wb, "Log");
  applyPlan(wb, { sheets: [logSheet([...readLogEntries(wb), ...entries], name)], names: [] }, { replaceExisting: true });
}
