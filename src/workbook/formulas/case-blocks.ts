// The helper columns that let a per-case aggregate run over the case's own rows (decision 0006):
// Sagsrække on Sager, Fremmoede and Statusmaalinger, the sortedness flags on Opsætning, and the first and
// last row of a case's block. References in src/domain/case-blocks.ts.
import { caseBlocksOf, caseRowIn, type RowBlock, type TableBlocks } from "../../domain/case-blocks";
import type { Attendance, Case, StatusMeasurement, StructuredData } from "../../domain/model";
import { CASE_ROW_COLUMN, CASE_SORTED_TABLES, NUMFMT, TABLES, col, thisRow, type TableName } from "../contract";
import type { ComputedColumn } from "../computed";

type SortedTable = (typeof CASE_SORTED_TABLES)[number]["table"];

/** The defined name of a table's sortedness flag (a cell on Opsætning holding 1 or 0). */
export function sortedName(table: SortedTable): string {
  const entry = CASE_SORTED_TABLES.find((t) => t.table === table);
  if (!entry) throw new Error(`${table} holdes ikke sorteret efter sag`);
  return entry.sortedName;
}

/**
 * Sagsrække: the row of the case in Sager, 0 when the Sags-ID is empty or no case has it. On Sager itself
 * it is the first row with the row's Sags-ID (MATCH ignores case).
 *
 * The rows of Fremmoede and Statusmaalinger look their case up first by binary search (MATCH type 1),
 * which takes a dozen steps where a case list is in Sags-ID order, as lists whose ids are handed out in
 * turn usually are. The search's answer is used only when the row it lands on holds the id, and then
 * through that row's own Sagsrække, so a duplicated id still gives its first row; otherwise (a list in
 * another order, an unknown id) the row searches Sager from the top as before. The order of Sager is
 * therefore a matter of speed, never of the numbers; in LibreOffice the search from the top cost
 * most of what Sagsrække costs on 100,000 attendance rows.
 */
export function caseRowColumn<Row extends { sagsId: string | null }>(table: TableName): ComputedColumn<Row> {
  const id = thisRow(table, "Sags-ID");
  const ids = col(TABLES.sager, "Sags-ID");
  const linear = `MATCH(${id},${ids},0)`;
  const binary = `MATCH(${id},${ids},1)`;
  const lookup =
    table === TABLES.sager
      ? `IFERROR(${linear},0)`
      : `IFERROR(IF(INDEX(${ids},${binary})=${id},INDEX(${col(TABLES.sager, CASE_ROW_COLUMN)},${binary}),NA()),IFERROR(${linear},0))`;
  return {
    table,
    name: CASE_ROW_COLUMN,
    formula: `=IF(${id}="",0,${lookup})`,
    numFmt: NUMFMT.integer,
    reference: (row, data) => caseRowIn(data, row.sagsId),
  };
}

/**
 * The sortedness flag: 1 when Sagsrække never decreases down the table. One pass, in one cell, compares
 * each row with the one above (the two ranges are the column shifted by a row).
 */
export function sortedFlagFormula(table: SortedTable): string {
  const k = col(table, CASE_ROW_COLUMN);
  const shifted = `INDEX(${k},2):INDEX(${k},ROWS(${k}))<INDEX(${k},1):INDEX(${k},ROWS(${k})-1)`;
  return `=IF(ROWS(${k})<2,1,IF(SUMPRODUCT(--(${shifted}))=0,1,0))`;
}

export interface BlockNames {
  fra: string;
  til: string;
}

/**
 * The first and last row of the case's block in `target`, as computed columns of `owner`: a binary
 * search (MATCH type 1) for the last row below the case's number and the last row at it. While the
 * target is not sorted, or the row's case is unknown, the block is the whole table.
 */
export function blockColumns<Row>(
  owner: TableName,
  target: SortedTable,
  names: BlockNames,
  block: (row: Row, data: StructuredData) => RowBlock
): ComputedColumn<Row>[] {
  const key = thisRow(owner, CASE_ROW_COLUMN);
  const k = col(target, CASE_ROW_COLUMN);
  const fast = `AND(${sortedName(target)}=1,${key}>0)`;
  return [
    {
      table: owner,
      name: names.fra,
      formula: `=IF(${fast},MIN(ROWS(${k}),IFERROR(MATCH(${key}-0.5,${k},1),0)+1),1)`,
      numFmt: NUMFMT.integer,
      reference: (row, data) => block(row, data).fra,
    },
    {
      table: owner,
      name: names.til,
      formula: `=IF(${fast},MAX(${thisRow(owner, names.fra)},IFERROR(MATCH(${key},${k},1),0)),ROWS(${k}))`,
      numFmt: NUMFMT.integer,
      reference: (row, data) => block(row, data).til,
    },
  ];
}

/** `target[column]` cut to the block named by the owner's two columns: INDEX(…,fra):INDEX(…,til). */
export function blockRange(target: SortedTable, column: string, owner: TableName, names: BlockNames): string {
  const c = col(target, column);
  return `INDEX(${c},${thisRow(owner, names.fra)}):INDEX(${c},${thisRow(owner, names.til)})`;
}

export const SAGER_ATTENDANCE_BLOCK: BlockNames = { fra: "Fremmøderækker fra", til: "Fremmøderækker til" };
export const SAGER_STATUS_BLOCK: BlockNames = { fra: "Statusrækker fra", til: "Statusrækker til" };
export const STATUS_OWN_BLOCK: BlockNames = { fra: "Sagens rækker fra", til: "Sagens rækker til" };

function caseBlock(blocks: TableBlocks, c: Case, data: StructuredData): RowBlock {
  return blocks.block(caseRowIn(data, c.sagsId));
}

export const SAGER_CASE_ROW_COLUMN: ComputedColumn<Case> = caseRowColumn<Case>(TABLES.sager);
/** The case's block in Fremmoede, for the absence columns. */
export const SAGER_ATTENDANCE_BLOCK_COLUMNS = blockColumns<Case>(TABLES.sager, TABLES.fremmoede, SAGER_ATTENDANCE_BLOCK, (c, d) =>
  caseBlock(caseBlocksOf(d).attendance, c, d)
);
/** The case's block in Statusmaalinger, for the progression columns. */
export const SAGER_STATUS_BLOCK_COLUMNS = blockColumns<Case>(TABLES.sager, TABLES.statusmaalinger, SAGER_STATUS_BLOCK, (c, d) =>
  caseBlock(caseBlocksOf(d).measurements, c, d)
);

/** Sager's helper columns: its own Sagsrække and its blocks in Fremmoede and Statusmaalinger. */
export const SAGER_BLOCK_COLUMNS: ComputedColumn<Case>[] = [SAGER_CASE_ROW_COLUMN, ...SAGER_ATTENDANCE_BLOCK_COLUMNS, ...SAGER_STATUS_BLOCK_COLUMNS];

/** Whether a table of the data is sorted by case, as its flag on Opsætning computes it. */
export function sortedFlagReference(table: SortedTable, data: StructuredData): 0 | 1 {
  const b = caseBlocksOf(data);
  return (table === TABLES.fremmoede ? b.attendance : b.measurements).sorted ? 1 : 0;
}

/** Statusmaalinger's helper columns: its Sagsrække and its own case's block, for the per-series columns. */
export const STATUSMAALINGER_BLOCK_COLUMNS: ComputedColumn<StatusMeasurement>[] = [
  caseRowColumn<StatusMeasurement>(TABLES.statusmaalinger),
  ...blockColumns<StatusMeasurement>(TABLES.statusmaalinger, TABLES.statusmaalinger, STATUS_OWN_BLOCK, (m, d) =>
    caseBlocksOf(d).measurements.block(caseRowIn(d, m.sagsId))
  ),
];

/** Fremmoede's helper column: its Sagsrække, which the table is sorted by. */
export const FREMMOEDE_CASE_ROW_COLUMN: ComputedColumn<Attendance> = caseRowColumn<Attendance>(TABLES.fremmoede);
