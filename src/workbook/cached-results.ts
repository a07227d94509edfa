// The cached results of a plan's computed columns: each column's reference values (src/domain) for
// exactly the rows the plan writes, put on its ColumnPlan so that a file carries them beside the formula
// and a reader that does not recalculate (a mail preview, a file manager, a phone) shows the numbers.
// The workbook still recalculates when it opens; the cached values are what that recalculation gives.
import type { StructuredData } from "../domain/model";
import type { ComputedTable } from "./structured-plan";
import type { ComputedValue } from "./computed";
import type { CachedResult, Plan, TablePlan } from "./plan";
import { TABLES } from "./contract";

/**
 * A reference value as a formula's cached result: a finite number (dates are serials, as Excel caches
 * them) or non-empty text. The references' null is the formulas' "" (or nothing): no cached value.
 */
export function cachedResult(v: ComputedValue | undefined): CachedResult | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return v === "" ? null : v;
  return null;
}

/**
 * Put each computed column's results on the plan's tables, computed from `data`, the data the tables'
 * rows were built from (one row per element, in order). A table whose row count differs from its data's
 * gets none: results that might sit on the wrong rows are never written.
 */
export function attachCachedResults(plan: Plan, data: StructuredData, computed: readonly ComputedTable[]): void {
  const unsure = unsureCases(data);
  if (unsure === "all") return;
  for (const table of plan.sheets.flatMap((s) => s.tables)) {
    const owners = computed.filter((t) => t.table === table.name);
    for (const owner of owners) {
      if (owner.rowCount(data) !== table.rows.length) continue;
      const expected = owner.expected(data);
      owner.columns.forEach((c, k) => {
        // A helper column is collapsed out of sight: a preview shows nothing of it, so it is written without.
        const column = table.columns.find((x) => x.name === c.name && x.formula === c.formula && !x.helper);
        if (column) column.results = expected[k].map(cachedResult);
      });
    }
    forgetUnsure(table, data, unsure);
  }
}

/** Forget a row's cached results in every computed column of a table (its cells hold what no reference read). */
export function forgetCachedResults(table: TablePlan, row: number): void {
  for (const c of table.columns) if (c.results && row < c.results.length) c.results[row] = null;
}

const WILDCARDS = /[?*~]/;
const wild = (t: string | null | undefined): boolean => typeof t === "string" && WILDCARDS.test(t);

/**
 * Where the references give what the formulas give. MATCH, COUNTIFS and SUMIFS read "?", "*" and "~" in a
 * looked-up text as wildcards (Excel and LibreOffice alike), where the references compare text as it is.
 * An attendance status is looked up with its wildcards escaped (an unknown code "?" is common in imported
 * grids); Sags-IDs, units, instruments and dimensions are not. A setup table or case with such a text makes the
 * whole workbook unsure; a row of another table with one makes its case unsure (its rows and its Sager row).
 * Unsure cells get no cached result: none rather than a wrong one.
 */
export function unsureCases(data: StructuredData): Set<string> | "all" {
  if (data.cases.some((c) => wild(c.sagsId) || wild(c.enhed))) return "all";
  if (data.units.some((u) => wild(u.enhed))) return "all";
  if (data.instruments.some((d) => wild(d.instrument) || wild(d.dimension))) return "all";
  const unsure = new Set<string>();
  const add = (id: string | null | undefined): void => void unsure.add((id ?? "").toLowerCase());
  for (const a of data.attendance) if (wild(a.sagsId)) add(a.sagsId);
  for (const m of data.measurements) if (wild(m.sagsId) || wild(m.instrument) || wild(m.dimension)) add(m.sagsId);
  for (const g of data.goals) if (wild(g.sagsId)) add(g.sagsId);
  for (const v of data.visitations) if (wild(v.sagsId)) add(v.sagsId);
  return unsure;
}

/** Whether every cached result of the data is sure (the Nøgletal figures count over every case). */
export function referencesHold(data: StructuredData): boolean {
  const unsure = unsureCases(data);
  return unsure !== "all" && unsure.size === 0;
}

/** The data rows of a table, for finding the rows of unsure cases. */
function rowsOf(data: StructuredData, table: string): readonly { sagsId?: string | null }[] {
  switch (table) {
    case TABLES.sager:
      return data.cases;
    case TABLES.fremmoede:
      return data.attendance;
    case TABLES.statusmaalinger:
      return data.measurements;
    case TABLES.maal:
      return data.goals;
    case TABLES.visitationer:
      return data.visitations;
    default:
      return [];
  }
}

/** Forget the cached results of the rows of unsure cases. */
function forgetUnsure(table: TablePlan, data: StructuredData, unsure: Set<string>): void {
  if (unsure.size === 0) return;
  rowsOf(data, table.name).forEach((r, i) => {
    if (unsure.has((r.sagsId ?? "").toLowerCase())) forgetCachedResults(table, i);
  });
}
