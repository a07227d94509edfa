// One table's save as cell writes, shared by the Office.js and the in-memory port so that both write the
// same cells: header lookup, index checks, the placeholder row of an empty table, and which cells stay
// untouched (undefined: computed columns and columns the change does not name).
import type { PortCell, TableChange } from "./workbook-port";
import { headerKey } from "../workbook/contract";

export interface TableShape {
  headers: string[];
  /** Data rows in the table, the placeholder row of an empty table included. */
  rowCount: number;
  /** True when the table's only data row is the empty placeholder every engine keeps. */
  placeholderEmpty: boolean;
}

/** A row's cells in table column order; undefined leaves a cell as it is. */
export type RowCells = (PortCell | undefined)[];

export interface TableWrite {
  table: string;
  updates: { index: number; cells: RowCells }[];
  appends: RowCells[];
}

/** A save that cannot be done as asked; nothing has been written when it is thrown. */
export class SaveRowsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SaveRowsError";
  }
}

/** Whether a row is empty in the given columns (all columns when none are given). */
export function isEmptyRow(headers: readonly string[], row: readonly PortCell[], inputHeaders: readonly string[] | null): boolean {
  const wanted = inputHeaders ? new Set(inputHeaders.map(headerKey)) : null;
  return headers.every((h, i) => (wanted && !wanted.has(headerKey(h))) || row[i] === null || row[i] === "" || row[i] === undefined);
}

export function missingTableError(table: string): SaveRowsError {
  return new SaveRowsError(`Tabellen ${table} findes ikke i projektmappen. Intet er gemt.`);
}

export function planTableWrite(change: TableChange, shape: TableShape): TableWrite {
  const index = new Map(shape.headers.map((h, i) => [headerKey(h), i] as const));
  const cells = (values: Record<string, PortCell>): RowCells => {
    const row: RowCells = new Array<PortCell | undefined>(shape.headers.length).fill(undefined);
    for (const [header, value] of Object.entries(values)) {
      const i = index.get(headerKey(header));
      if (i === undefined) throw new SaveRowsError(`Tabellen ${change.table} mangler kolonnen "${header}". Intet er gemt.`);
      row[i] = value;
    }
    return row;
  };
  const logicalRows = shape.placeholderEmpty ? 0 : shape.rowCount;
  const updates = (change.updates ?? []).map((u) => {
    if (!Number.isInteger(u.index) || u.index < 0 || u.index >= logicalRows) {
      throw new SaveRowsError(`Række ${u.index + 1} findes ikke i tabellen ${change.table} (den har ${logicalRows} rækker). Intet er gemt.`);
    }
    return { index: u.index, cells: cells(u.values) };
  });
  const appends = (change.appends ?? []).map(cells);
  // The first new row of an empty table takes the place of its placeholder row.
  if (shape.placeholderEmpty && appends.length > 0) updates.push({ index: 0, cells: appends.shift()! });
  return { table: change.table, updates, appends };
}

/** Changes to the same table (names compare ignoring case) joined into one, in order. */
export function mergeChanges(changes: readonly TableChange[]): TableChange[] {
  const out: TableChange[] = [];
  for (const c of changes) {
    const same = out.find((o) => o.table.toLowerCase() === c.table.toLowerCase());
    if (!same) out.push({ table: c.table, updates: [...(c.updates ?? [])], appends: [...(c.appends ?? [])] });
    else {
      same.updates = [...(same.updates ?? []), ...(c.updates ?? [])];
      same.appends = [...(same.appends ?? []), ...(c.appends ?? [])];
    }
  }
  return out;
}
