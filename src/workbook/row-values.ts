// Model values <-> the input cells of a table row, by the contract's columns (header, field, kind): one
// accessor map per table, derived from the contract, used by the structured plan (whole tables) and by
// the forms (single rows); and a case read back from a row's cells, by the same columns.
import type { Attendance, AttendanceStatusRow, Case, Goal, Holiday, InstrumentDimension, StatusMeasurement, Unit, Visitation } from "../domain/model";
import {
  ENHEDER_INPUT,
  FREMMOEDESTATUS_INPUT,
  FREMMOEDE_INPUT,
  HELLIGDAGE_INPUT,
  INSTRUMENTER_INPUT,
  MAAL_INPUT,
  SAGER_INPUT,
  STATUSMAALINGER_INPUT,
  VISITATIONER_INPUT,
  type ColumnDef,
  type FieldColumnDef,
} from "./contract";
import type { Scalar } from "./plan";

const yesNo = (b: boolean): string => (b ? "Ja" : "Nej");

/** Input values of a row in the order of the contract's columns (the accessor map names every header). */
export function inputRow<Row>(defs: readonly ColumnDef[], accessors: Record<string, (r: Row) => Scalar>, row: Row): Scalar[] {
  return defs.map((d) => {
    const get = accessors[d.name];
    if (!get) throw new Error(`Ingen værdi for kolonnen ${d.name}`);
    return get(row);
  });
}

/** The cell of a field: its value, a yes/no field's boolean as "Ja" or "Nej". */
function cellOf<Row>(field: keyof Row & string): (r: Row) => Scalar {
  return (r) => {
    const v = r[field] as Scalar;
    return typeof v === "boolean" ? yesNo(v) : v;
  };
}

/** Each header's accessor, from the field the contract names for its column. */
export function fieldValues<Row>(defs: readonly FieldColumnDef<Row>[]): Record<string, (r: Row) => Scalar> {
  return Object.fromEntries(defs.map((d) => [d.name, cellOf<Row>(d.field)]));
}

export const CASE_VALUES = fieldValues<Case>(SAGER_INPUT);
export const UNIT_VALUES = fieldValues<Unit>(ENHEDER_INPUT);
export const ATTENDANCE_VALUES = fieldValues<Attendance>(FREMMOEDE_INPUT);
export const STATUS_VALUES = fieldValues<AttendanceStatusRow>(FREMMOEDESTATUS_INPUT);
export const HOLIDAY_VALUES = fieldValues<Holiday>(HELLIGDAGE_INPUT);
export const INSTRUMENT_VALUES = fieldValues<InstrumentDimension>(INSTRUMENTER_INPUT);
export const MEASUREMENT_VALUES = fieldValues<StatusMeasurement>(STATUSMAALINGER_INPUT);
export const GOAL_VALUES = fieldValues<Goal>(MAAL_INPUT);
export const VISITATION_VALUES = fieldValues<Visitation>(VISITATIONER_INPUT);

/** One row's input cells as a record by header (the forms' save shape). */
export function inputRecord<Row>(defs: readonly ColumnDef[], accessors: Record<string, (r: Row) => Scalar>, row: Row): Record<string, Scalar> {
  const values = inputRow(defs, accessors, row);
  return Object.fromEntries(defs.map((d, i) => [d.name, values[i]]));
}

/** How a reader turns its cells into a case's values: text for the text-like kinds, a serial day for dates. */
export interface CellReaders<V> {
  text(v: V): string | null;
  date(v: V): number | null;
}

/** The case fields that are never null (an empty cell reads as ""); the type lists exactly those of Case. */
const NEVER_NULL: { readonly [K in keyof Case as null extends Case[K] ? never : K]: true } = { sagsId: true, enhed: true };

/** A case from the cells of a `Sager` row, read by the contract's columns (`cell` gives the cell under a header). */
export function caseFromCells<V>(cell: (header: string) => V, read: CellReaders<V>): Case {
  const c: Record<string, string | number | null> = {};
  for (const d of SAGER_INPUT) {
    const v = d.type === "date" ? read.date(cell(d.name)) : read.text(cell(d.name));
    c[d.field] = v === null && d.field in NEVER_NULL ? "" : v;
  }
  return c as unknown as Case;
}
