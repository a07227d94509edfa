// A computed column: its formula builder and its reference implementation side by side, so the
// oracle tests can recalculate the formula in LibreOffice and compare it with the reference.
import type { StructuredData } from "../domain/model";
import type { TableName } from "./contract";

/** What a computed cell holds after recalculation: a number, text, or empty (null). */
export type ComputedValue = number | string | null;

export interface ComputedColumn<Row> {
  table: TableName;
  /** Danish header, as in the contract. */
  name: string;
  /** Canonical formula (see formula-text.ts): `Table[[#This Row],[Col]]` references, no `_xlfn.`. */
  formula: string;
  numFmt?: string;
  /** The value the formula must produce for this row, computed by src/domain from plain data. */
  reference: (row: Row, data: StructuredData) => ComputedValue;
  /** Compare as text or dates exactly, or numbers within 1e-9 (default). */
  compare?: "number" | "exact";
}
