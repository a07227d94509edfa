// A case's rows as one block. `Fremmoede` and `Statusmaalinger` are kept sorted by the row of their case
// in `Sager` (the Sagsrække column), so the per-case figures can find a case's rows by binary search and
// aggregate over those rows alone, instead of passing over the whole table once per case. The formulas
// check the order themselves and use the whole table when it does not hold, so the order is a matter of
// speed, never of the numbers (decision 0006). These are the references of those helper values.
import type { Case, StructuredData } from "./model";

/**
 * Each Sags-ID (lower case) to the row of its case in Sager as MATCH(Sags-ID, Sager[Sags-ID], 0) finds
 * it: the first with that id, ignoring case, 1-based. An empty id is no case.
 */
export function firstCaseRows(cases: readonly Pick<Case, "sagsId">[]): Map<string, number> {
  const first = new Map<string, number>();
  cases.forEach((c, i) => {
    const key = (c.sagsId ?? "").toLowerCase();
    if (key !== "" && !first.has(key)) first.set(key, i + 1);
  });
  return first;
}

const firstRowsOf = new WeakMap<StructuredData, Map<string, number>>();

/**
 * One row's Sagsrække, with one map per data object (treated as immutable): the references ask once per
 * row of tables of 100,000 rows.
 */
export function caseRowIn(data: StructuredData, sagsId: string | null): number {
  let first = firstRowsOf.get(data);
  if (!first) firstRowsOf.set(data, (first = firstCaseRows(data.cases)));
  return sagsId ? (first.get(sagsId.toLowerCase()) ?? 0) : 0;
}

/** The Sagsrække of every row: its case's row, 0 when the id is empty or no case has it. */
export function caseRows(rows: readonly { sagsId: string | null }[], cases: readonly Pick<Case, "sagsId">[]): number[] {
  const first = firstCaseRows(cases);
  return rows.map((r) => (r.sagsId ? (first.get(r.sagsId.toLowerCase()) ?? 0) : 0));
}

/** Whether the keys never decrease, as the workbook's sortedness flag tests it (1 or 0). */
export function sortedFlag(keys: readonly number[]): 0 | 1 {
  for (let i = 1; i < keys.length; i++) if (keys[i] < keys[i - 1]) return 0;
  return 1;
}

/** The last 1-based position whose key is at most x, 0 for none: MATCH(x, keys, 1) on sorted keys. */
function lastAtMost(keys: readonly number[], x: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface RowBlock {
  /** First row (1-based) of the block the case's aggregates run over. */
  fra: number;
  /** Last row (1-based); at least fra. */
  til: number;
}

/**
 * The rows a case's aggregates run over: its block when the table is sorted and the case is known,
 * else the whole table. A case without rows gets one row of another case (or the table's empty row),
 * which the aggregates' own Sags-ID criterion then leaves out: a range cannot be empty.
 * An empty table still has its one empty row in the workbook, hence at least 1.
 */
export function caseBlock(key: number, keys: readonly number[], sorted: boolean): RowBlock {
  const rows = Math.max(1, keys.length);
  if (!sorted || key === 0) return { fra: 1, til: rows };
  const fra = Math.min(rows, lastAtMost(keys, key - 0.5) + 1);
  return { fra, til: Math.max(fra, lastAtMost(keys, key)) };
}

/** The blocks of every case of the data in one table, computed once per data object (see caseBlocksOf). */
export interface TableBlocks {
  keys: number[];
  sorted: boolean;
  /** By case row (1-based); the block for key 0 is the whole table. */
  block(key: number): RowBlock;
}

function tableBlocks(rows: readonly { sagsId: string | null }[], cases: readonly Pick<Case, "sagsId">[]): TableBlocks {
  const keys = caseRows(rows, cases);
  const sorted = sortedFlag(keys) === 1;
  const memo = new Map<number, RowBlock>();
  return {
    keys,
    sorted,
    block(key) {
      let b = memo.get(key);
      if (!b) memo.set(key, (b = caseBlock(key, keys, sorted)));
      return b;
    },
  };
}

const cache = new WeakMap<StructuredData, { attendance: TableBlocks; measurements: TableBlocks }>();

/** The case blocks of `Fremmoede` and `Statusmaalinger`, once per data object (treated as immutable). */
export function caseBlocksOf(data: StructuredData): { attendance: TableBlocks; measurements: TableBlocks } {
  let b = cache.get(data);
  if (!b) cache.set(data, (b = { attendance: tableBlocks(data.attendance, data.cases), measurements: tableBlocks(data.measurements, data.cases) }));
  return b;
}

/**
 * The data with attendance and measurements in the order the workbook keeps them: by the row of their
 * case in `Sager` (rows of no known case first, as 0 sorts), then by date, else as they came.
 */
export function sortedByCase(data: StructuredData): StructuredData {
  return {
    ...data,
    attendance: stableSortByCase(data.attendance, data.cases),
    measurements: stableSortByCase(data.measurements, data.cases),
  };
}

function stableSortByCase<Row extends { sagsId: string | null; dato: number | null }>(rows: readonly Row[], cases: readonly Case[]): Row[] {
  const keys = caseRows(rows, cases);
  const order = rows.map((_, i) => i);
  order.sort((a, b) => keys[a] - keys[b] || compareDates(rows[a].dato, rows[b].dato) || a - b);
  return order.map((i) => rows[i]);
}

/** Dates ascending with empty ones last, as Excel sorts. */
function compareDates(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null || Number.isNaN(a)) return 1;
  if (b === null || Number.isNaN(b)) return -1;
  return a - b;
}
