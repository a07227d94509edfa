// The cached results of a plan's computed columns: each column's reference values (src/domain) for
// exactly the rows the plan writes, put on its ColumnPlan so that a file carries them beside the formula
// and a reader that does not recalculate (a mail preview, a file manager, a phone) shows the numbers.
// The workbook still recalculates when it opens; the cached values are what that recalculation gives.
import type { StructuredData } from "../domain/model";
import type { ComputedTable } from "./structured-plan";
import type { ComputedValue } from "./computed";
import type { CachedResult, Plan, TablePlan } from "./plan";

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
  for (const table of plan.sheets.flatMap((s) => s.tables)) {
    const owners = computed.filter((t) => t.table === table.name);
    for (const owner of owners) {
      if (owner.rowCount(data) !== table.rows.length) continue;
      const expected = owner.expected(data);
      owner.columns.forEach((c, k) => {
        const column = table.columns.find((x) => x.name === c.name && x.formula === c.formula);
        if (column) column.results = expected[k].map(cachedResult);
      });
    }
  }
}

/** Forget a row's cached results in every computed column of a table (its cells hold what no reference read). */
export function forgetCachedResults(table: TablePlan, row: number): void {
  for (const c of table.columns) if (c.results && row < c.results.length) c.results[row] = null;
}
