// The audit trail for form saves: a decorator of the workbook port whose saveRows also appends one `Log`
// row per new row and per changed column, in the same save (one Excel.run), so a save and its log entry
// are written together or not at all. Values reach the Log only for columns that are not personal.
// It reads nothing it need not: the forms pass the values they replace, and the Log is never read.
import { saveLogEntries, logRecord, serialDateTime, type TableBefore } from "../workbook/audit-log";
import { TABLES } from "../workbook/contract";
import type { PortCell, SaveReport, TableChange, WorkbookPort, WorkbookWriter } from "../ports/workbook-port";

/** Tables whose writes are bookkeeping, not case data: never logged themselves. */
const UNLOGGED: readonly string[] = [TABLES.log, TABLES.problemer].map((t) => t.toLowerCase());

/** The replaced rows as the callers gave them; a table is read only where an update lacks them. */
async function tablesBefore(port: WorkbookPort, changes: readonly TableChange[]): Promise<Record<string, TableBefore | null>> {
  const out: Record<string, TableBefore | null> = {};
  for (const c of changes) {
    const updates = c.updates ?? [];
    if (updates.length === 0 || c.table in out) continue;
    if (updates.every((u) => u.previous)) {
      const headers = [...new Set(updates.flatMap((u) => Object.keys(u.previous!)))];
      const rows: PortCell[][] = [];
      for (const u of updates) rows[u.index] = headers.map((h) => u.previous![h] ?? null);
      out[c.table] = { headers, rows };
    } else {
      out[c.table] = await port.readTable(c.table);
    }
  }
  return out;
}

/** What the caller asked for: its own updates and new rows (the Log's rows are not its). */
function callerReport(changes: readonly TableChange[]): SaveReport {
  return changes.reduce((r, c) => ({ updated: r.updated + (c.updates?.length ?? 0), appended: r.appended + (c.appends?.length ?? 0) }), {
    updated: 0,
    appended: 0,
  });
}

/**
 * Wrap a port so that every saveRows is audited. Everything else passes through to the port itself
 * (a Proxy, so the port's own state such as the preview's counters stays on the port).
 */
export function withAuditLog<P extends WorkbookPort & WorkbookWriter>(port: P, clock: () => Date = () => new Date()): P {
  const saveRows = async (changes: TableChange[]) => {
    const logged = changes.filter((c) => !UNLOGGED.includes(c.table.toLowerCase()));
    if (logged.length === 0) return port.saveRows(changes);
    // A workbook converted before the Log existed has no Log table: the save goes ahead unlogged.
    const { tables } = await port.describe();
    if (!tables.some((t) => t.toLowerCase() === TABLES.log.toLowerCase())) return port.saveRows(changes);
    const entries = saveLogEntries(serialDateTime(clock()), logged, await tablesBefore(port, logged));
    if (entries.length === 0) return port.saveRows(changes);
    await port.saveRows([...changes, { table: TABLES.log, appends: entries.map(logRecord) }]);
    return callerReport(changes);
  };
  return new Proxy(port, {
    get(target, prop) {
      if (prop === "saveRows") return saveRows;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
