// How a table written by a save is sorted afterwards: Fremmoede and Statusmaalinger by Sagsrække and Dato,
// so the per-case formulas can take their fast path (decision 0006). Pure: the adapters apply the result.
import { CASE_SORTED_TABLES, headerKey } from "./contract";

/** One sort key: a 0-based column of the table. */
export interface CaseSortField {
  key: number;
  ascending: boolean;
}

/**
 * The keys to sort `table` by, given its header row; null when the table is not kept sorted by case, or
 * when it lacks a sort column (a workbook converted before Sagsrække existed is left in its order: its
 * formulas do not depend on it). Table and column names compare ignoring case, as Excel's do.
 */
export function caseSortFields(table: string, headers: readonly string[]): CaseSortField[] | null {
  const entry = CASE_SORTED_TABLES.find((t) => t.table.toLowerCase() === table.toLowerCase());
  if (!entry) return null;
  const columns = headers.map(headerKey);
  const keys = entry.sortColumns.map((c) => columns.indexOf(headerKey(c)));
  return keys.every((k) => k >= 0) ? keys.map((key) => ({ key, ascending: true })) : null;
}
