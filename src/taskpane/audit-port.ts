// The audit trail for form saves: a decorator of the workbook port whose saveRows also appends one `Log`
// row per new row and per changed column, in the same save (one Excel.run), so a save and its log entry
// are written together or not at all. Values reach the Log only for columns that are not personal.
import { saveLogEntries, logRecord, serialDateTime, type TableBefore } from "../workbook/audit-log";
import { TABLES } from "../workbook/contract";
import type { TableChange, WorkbookPort, WorkbookWriter } from "./workbook-port";

/** Tables whose writes are bookkeeping, not case data: never logged themselves. */
const UNLOGGED: readonly string[] = [TABLES.log, TABLES.problemer].map((t) => t.toLowerCase());

async function tablesBefore(port: WorkbookPort, changes: readonly TableChange[]): Promise<Record<string, TableBefore | null>> {
  const out: Record<string, TableBefore | null> = {};
  for (const c of changes) {
    if ((c.updates?.length ?? 0) === 0 || c.table in out) continue;
    out[c.table] = await port.readTable(c.table);
  }
  return out;
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
    const logBefore = await port.readTable(TABLES.log);
    if (!logBefore) return port.saveRows(changes);
    const entries = saveLogEntries(serialDateTime(clock()), logged, await tablesBefore(port, logged));
    if (entries.length === 0) return port.saveRows(changes);
    const report = await port.saveRows([...changes, { table: TABLES.log, appends: entries.map(logRecord) }]);
    // The caller asked about its own rows, not the Log's. An empty table's first new row fills its
    // placeholder row, which the ports count as an update.
    const filled = logBefore.rows.length === 0 ? 1 : 0;
    return { updated: report.updated - filled, appended: report.appended - (entries.length - filled) };
  };
  return new Proxy(port, {
    get(target, prop) {
      if (prop === "saveRows") return saveRows;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
