// How a table's columns look to the person who types in it: a computed column is marked (a grey header
// with a note, a grey body) so no one types over its formula; a helper column that only the formulas read
// (a case's row, its blocks, a unit as Enheder spells it) is grouped and collapsed, never deleted; and each
// column is as wide as what it holds. Data on the plan, applied alike by both adapters.
import { CASE_ROW_COLUMN, NUMFMT, TABLES } from "./contract";
import { SAGER_ATTENDANCE_BLOCK, SAGER_STATUS_BLOCK, STATUS_OWN_BLOCK } from "./formulas/case-blocks";
import { CASE_UNIT_COLUMN, ENROLMENT_FROM_COLUMN, ENROLMENT_TO_COLUMN } from "./formulas/case-lookups";
import { FLAG_NUMBER_COLUMN } from "./formulas/setup-columns";
import type { ColumnPlan, Scalar, SheetPlan, TablePlan } from "./plan";

/** The note on a computed column's header. */
export const COMPUTED_NOTE = "beregnes – skriv ikke her";
/** A computed column's header fill (the table style's white header text stays readable on it). */
export const COMPUTED_HEADER_FILL = "7F7F7F";
/** A computed column's cells: a light grey that tells them from the white cells one types in. */
export const COMPUTED_FILL = "F2F2F2";

/** The computed columns only the formulas read, by table: grouped and collapsed on their sheet. */
export const HELPER_COLUMNS: Partial<Record<string, readonly string[]>> = {
  [TABLES.sager]: [
    CASE_ROW_COLUMN,
    SAGER_ATTENDANCE_BLOCK.fra,
    SAGER_ATTENDANCE_BLOCK.til,
    SAGER_STATUS_BLOCK.fra,
    SAGER_STATUS_BLOCK.til,
    CASE_UNIT_COLUMN,
    ENROLMENT_FROM_COLUMN,
    ENROLMENT_TO_COLUMN,
  ],
  [TABLES.fremmoede]: [FLAG_NUMBER_COLUMN, CASE_ROW_COLUMN, "Enhed", "I forløb"],
  [TABLES.statusmaalinger]: ["Nøgle", "Gyldig", "Serie", CASE_ROW_COLUMN, STATUS_OWN_BLOCK.fra, STATUS_OWN_BLOCK.til, "Enhed", "Indskrevet"],
  [TABLES.instrumenter]: ["Nøgle"],
  [TABLES.fremmoedestatus]: [FLAG_NUMBER_COLUMN],
};

const MIN_WIDTH = 10;
/** Columns whose values are wider than their header even before anything is typed in them. */
const TYPICAL_WIDTHS: Record<string, number> = { CPR: 13, Navn: 24, Enhed: 20, "Ønsket enhed": 20, Kontaktperson: 20 };
const MAX_WIDTH = 45;
/** Rows looked at for a column's width: enough to see its typical content, cheap on a large table. */
const SAMPLE_ROWS = 500;

/** The characters a value takes in a cell of the format. */
function shownLength(v: Scalar, numFmt: string | undefined): number {
  if (v === null || v === "") return 0;
  if (typeof v === "boolean") return 5;
  if (typeof v === "string") return Math.max(...v.split("\n").map((l) => l.length));
  if (numFmt === NUMFMT.date) return 10;
  if (numFmt === NUMFMT.percent) return 7;
  if (numFmt === NUMFMT.money) return Math.round(v).toLocaleString("da-DK").length + 7;
  const digits = String(Math.round(Math.abs(v))).length + (v < 0 ? 1 : 0);
  return numFmt === NUMFMT.integer ? digits : digits + 3;
}

/** A computed column's width when it has no values yet: what its format will show. */
function formatLength(numFmt: string | undefined): number {
  if (numFmt === NUMFMT.date) return 10;
  if (numFmt === NUMFMT.money) return 14;
  return 6;
}

/** The column's width in characters: its header with the filter button, or its widest value. */
export function contentWidth(column: ColumnPlan, values: readonly Scalar[]): number {
  let widest = column.formula ? formatLength(column.numFmt) : (TYPICAL_WIDTHS[column.name] ?? 0) - 2;
  for (let i = 0; i < values.length && i < SAMPLE_ROWS; i++) widest = Math.max(widest, shownLength(values[i], column.numFmt));
  return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.max(column.name.length + 4, widest + 2)));
}

/** The table with its computed columns marked, its helpers grouped and widths from content. */
export function presentTable(table: TablePlan): TablePlan {
  const helpers = new Set(HELPER_COLUMNS[table.name] ?? []);
  const columns = table.columns.map((c, j): ColumnPlan => {
    const width =
      c.width ??
      contentWidth(
        c,
        table.rows.map((r) => r[j] ?? null)
      );
    if (!c.formula) return { ...c, width };
    return { ...c, width, headerFill: COMPUTED_HEADER_FILL, fill: COMPUTED_FILL, note: COMPUTED_NOTE, helper: helpers.has(c.name) || undefined };
  });
  return { ...table, columns };
}

export function presentSheet(sheet: SheetPlan): SheetPlan {
  return { ...sheet, tables: sheet.tables.map(presentTable) };
}
