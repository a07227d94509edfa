// WorkbookWriter.saveRows over Office.js: one Excel.run, two syncs, three when a table kept sorted by case
// was written. The first loads every involved table's header, size and first row (a missing table or
// column stops the save before anything is written); the second sends all updates and, per table, one
// rows.add with every new row. Only the input cells named are written: computed (calculated) columns get
// null, which Office.js leaves alone, so they fill themselves. The third sorts Fremmoede and
// Statusmaalinger by Sagsrække and Dato where they have those columns (see sortByCase).
import { inputHeaders } from "../../workbook/input-columns";
import { isEmptyRow, mergeChanges, missingTableError, planTableWrite, SaveRowsError, type RowCells } from "../../ports/save-plan";
import type { PortCell, SaveReport, TableChange } from "../../ports/workbook-port";
import { toOfficeValue } from "./cell-text";
import { codeOf, SagslisteExcelError } from "./errors";
import type { ExcelRun } from "./host";
import { headerTexts, queueCaseSort } from "./sort-by-case";

type OfficeCell = string | number | boolean | null;

/** A cell as Office.js input: undefined stays (null), an emptied cell is "", text keeps its quote prefix. */
function officeCell(v: PortCell | undefined, numFmt: string | undefined): OfficeCell {
  if (v === undefined) return null;
  return toOfficeValue(v, numFmt);
}

function officeRow(cells: RowCells, formats: readonly string[]): OfficeCell[] {
  return cells.map((v, i) => officeCell(v, formats[i]));
}

/** Save rows; a change the workbook cannot take fails with its Danish reason, and nothing is written. */
export async function saveRowsWithOffice(run: ExcelRun, changes: readonly TableChange[]): Promise<SaveReport> {
  try {
    return await saveInOneRun(run, changes);
  } catch (e) {
    if (e instanceof SaveRowsError) throw new SagslisteExcelError(e.message, { retry: false, code: "SaveRejected", cause: e });
    throw e;
  }
}

async function saveInOneRun(run: ExcelRun, changes: readonly TableChange[]): Promise<SaveReport> {
  const merged = mergeChanges(changes).filter((c) => (c.updates?.length ?? 0) + (c.appends?.length ?? 0) > 0);
  if (merged.length === 0) return { updated: 0, appended: 0 };
  return run(async (context) => {
    const loaded = merged.map((change) => {
      const table = context.workbook.tables.getItem(change.table);
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("rowCount");
      const first = body.getRow(0).load("values,numberFormat");
      return { change, table, header, body, first };
    });
    try {
      await context.sync();
    } catch (e) {
      if (codeOf(e) === "ItemNotFound") {
        throw missingTableError(merged.map((c) => c.table).join(", "));
      }
      throw e;
    }

    let updated = 0;
    let appended = 0;
    const writes = loaded.map((l) => {
      const headers = headerTexts(l.header);
      const firstRow = (l.first.values[0] ?? []).map((v) => (v === "" ? null : (v as PortCell)));
      const placeholderEmpty = l.body.rowCount === 1 && isEmptyRow(headers, firstRow, inputHeaders(l.change.table));
      const plan = planTableWrite(l.change, { headers, rowCount: l.body.rowCount, placeholderEmpty });
      return { ...l, plan, headers, formats: (l.first.numberFormat[0] ?? []).map(String) };
    });
    // Every table is checked before the first write is queued: a bad change writes nothing anywhere.
    // Excel recalculates once after the batch instead of after each write.
    context.application.suspendApiCalculationUntilNextSync();
    for (const w of writes) {
      for (const u of w.plan.updates) {
        w.body.getRow(u.index).values = [officeRow(u.cells, w.formats)] as (string | number | boolean)[][];
        updated++;
      }
      if (w.plan.appends.length > 0) {
        w.table.rows.add(undefined, w.plan.appends.map((r) => officeRow(r, w.formats)) as (string | number | boolean)[][]);
        appended += w.plan.appends.length;
      }
    }
    await context.sync();
    await sortByCase(context, writes);
    return { updated, appended };
  });
}

/**
 * Sort the written tables that are kept sorted by case, in a sync of their own: the write's batch
 * suspended calculation until its sync, so only now do the new rows' Sagsrække formulas hold their values.
 * A failed sort does not fail the save: the rows are written, and a save reported as failed invites a
 * retry that would add them twice (a protected sheet may allow editing but not sorting, for instance).
 * Nothing is lost either way: the per-case formulas check the order themselves and take their slower path
 * while a table is not sorted.
 */
async function sortByCase(context: Excel.RequestContext, written: readonly { table: Excel.Table; change: TableChange; headers: string[] }[]): Promise<void> {
  // Every table is queued (no short-circuit), then one sync sorts them all.
  const queued = written.map((w) => queueCaseSort(w.table, w.change.table, w.headers));
  if (!queued.includes(true)) return;
  try {
    await context.sync();
  } catch {
    // Deliberately ignored; see above.
  }
}
