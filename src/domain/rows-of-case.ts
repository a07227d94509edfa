// A table's rows of one case (Sags-ID compared ignoring case, as sameText and the formulas' criteria
// do), in the table's order, found through an index built once per table instead of a scan per case:
// a reference computed for every case of a large list would otherwise read the whole table each time.
import { sameText } from "./text";

interface Index<Row> {
  length: number;
  byId: Map<string, Row[]>;
}

const indexes = new WeakMap<readonly object[], Index<object>>();
const NONE: never[] = [];

/** The rows whose Sags-ID is the case's, as `rows.filter((r) => sameText(r.sagsId, sagsId))` gives them. */
export function rowsOfCase<Row extends { sagsId: string | null | undefined }>(rows: readonly Row[], sagsId: string): readonly Row[] {
  let index = indexes.get(rows) as Index<Row> | undefined;
  // A table grown or shrunk in place is indexed again.
  if (!index || index.length !== rows.length) {
    const byId = new Map<string, Row[]>();
    for (const r of rows) {
      const key = (r.sagsId ?? "").toLowerCase();
      const list = byId.get(key);
      if (list) list.push(r);
      else byId.set(key, [r]);
    }
    index = { length: rows.length, byId };
    indexes.set(rows, index as Index<object>);
  }
  const found = index.byId.get((sagsId ?? "").toLowerCase()) ?? NONE;
  // The index agrees with the comparison it stands for (one check per call keeps a stale index honest).
  return found.length > 0 && !sameText(found[0].sagsId, sagsId) ? rows.filter((r) => sameText(r.sagsId, sagsId)) : found;
}
