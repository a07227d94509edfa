// What the Kontrol page does, apart from showing it: check the workbook, repair formulas (never data), sort
// tables out of case order (whole rows move, no value changes), record each repair in Log and the findings
// in Problemer. Plain async functions over the ports, so the tests drive them against the fake Excel and
// the in-memory workbook alike.
import { logRecord, repairLogEntries, serialDateTime, sortLogEntries } from "../workbook/audit-log";
import { PROBLEMER_INPUT, TABLES } from "../workbook/contract";
import { checkIntegrity, type CaseSort, type IntegrityFinding, type IntegrityReport } from "../workbook/integrity";
import { PROBLEM_TARGET_COLUMN, PROBLEM_TITLE_COLUMN } from "../workbook/problems-plan";
import { problemTitle } from "../workbook/problem-titles";
import type { PortCell, WorkbookInspector, WorkbookPort, WorkbookWriter } from "../ports/workbook-port";

export type KontrolPort = WorkbookPort & WorkbookWriter & WorkbookInspector;

export async function checkWorkbook(port: WorkbookInspector): Promise<IntegrityReport> {
  return checkIntegrity(await port.inspect());
}

function problemRecord(f: IntegrityFinding, withTitle: boolean): Record<string, PortCell> {
  const values = [f.sheet, f.cell, f.severity, f.code, f.message, f.original];
  const record: Record<string, PortCell> = Object.fromEntries(PROBLEMER_INPUT.map((c, i) => [c.name, values[i] ?? null]));
  record[PROBLEM_TARGET_COLUMN] = f.target ?? null;
  // A Problemer sheet of an earlier version has no title column: the row is saved without it.
  if (withTitle) record[PROBLEM_TITLE_COLUMN] = problemTitle(f.code);
  return record;
}

/** Append findings Problemer does not already hold (same sheet, cell and code); returns how many. */
export async function writeFindings(port: KontrolPort, findings: readonly IntegrityFinding[]): Promise<number> {
  const existing = await port.readTable(TABLES.problemer);
  if (!existing) return 0;
  const at = (h: string) => existing.headers.findIndex((x) => x.toLowerCase() === h.toLowerCase());
  const [ark, celle, kode] = [at("Ark"), at("Celle"), at("Kode")];
  const held = new Set(existing.rows.map((r) => `${r[ark]}\u0000${r[celle]}\u0000${r[kode]}`));
  const fresh = findings.filter((f) => !held.has(`${f.sheet}\u0000${f.cell}\u0000${f.code}`));
  if (fresh.length === 0) return 0;
  const withTitle = at(PROBLEM_TITLE_COLUMN) >= 0;
  await port.saveRows([{ table: TABLES.problemer, appends: fresh.map((f) => problemRecord(f, withTitle)) }]);
  return fresh.length;
}

export interface RepairOutcome {
  cells: number;
  /** The tables sorted by case, as the report names them (table and sheet). */
  sorted: CaseSort[];
  remaining: IntegrityReport;
  written: number;
}

/**
 * Write the formulas back, then sort the tables out of case order, log each repaired cell and each sorted
 * table, check again and put what remains in Problemer.
 */
export async function repairWorkbook(port: KontrolPort, report: IntegrityReport, clock: () => Date = () => new Date()): Promise<RepairOutcome> {
  let cells = 0;
  for (const r of report.repairs) {
    await port.setColumnFormulas(r.table, [{ column: r.column, formula: r.formula }]);
    cells += r.cells.length;
  }
  // After the formulas: a repaired Sagsrække cell sorts by its own case again.
  const sorted: CaseSort[] = [];
  for (const s of report.sorts) if (await port.sortByCase(s.table)) sorted.push(s);
  const repaired = report.repairs.flatMap((r) => r.cells);
  const { tables } = await port.describe();
  const time = serialDateTime(clock());
  const entries = [
    ...repairLogEntries(time, repaired),
    ...sortLogEntries(
      time,
      sorted.map((s) => s.table)
    ),
  ];
  if (entries.length > 0 && tables.some((t) => t.toLowerCase() === TABLES.log.toLowerCase())) {
    await port.saveRows([{ table: TABLES.log, appends: entries.map(logRecord) }]);
  }
  const remaining = await checkWorkbook(port);
  const written = await writeFindings(port, remaining.findings);
  return { cells, sorted, remaining, written };
}

/** Whether an error says that trying again may help (Office.js errors carry `retry`; others may). */
export function isRetryable(e: unknown): boolean {
  const retry = (e as { retry?: unknown } | null)?.retry;
  return typeof retry === "boolean" ? retry : true;
}
