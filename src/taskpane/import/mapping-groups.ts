// One mapping row per column of a group of same-shape sheets: two sheets with the same header give one
// drop-down per column, not two, and a choice applies to that column on every sheet of the group. Sheets
// outside a group (or when the user does not merge) keep a row per sheet's column.
import type { MappingOverrides } from "../../import/mapping";
import { messages } from "../messages";
import { KEEP_VALUE, type MappingRow } from "./import-model";

export interface GroupedMappingRow extends MappingRow {
  /** Every override key ("Ark!B") the row stands for. */
  keys: string[];
}

const sheetOf = (key: string) => key.slice(0, key.lastIndexOf("!"));
const letterOf = (key: string) => key.slice(key.lastIndexOf("!") + 1);

/** The rows grouped by same-shape sheets (groups of the chosen sheets only; merged or not, the header is one). */
export function groupMappingRows(
  rows: readonly MappingRow[],
  headers: ReadonlyMap<string, string>,
  sameShape: readonly (readonly string[])[],
  chosen: readonly string[]
): GroupedMappingRow[] {
  const groupOf = new Map<string, string[]>();
  for (const g of sameShape) {
    const members = g.filter((s) => chosen.includes(s));
    if (members.length > 1) for (const s of members) groupOf.set(s, members);
  }
  const out: GroupedMappingRow[] = [];
  const byGroupColumn = new Map<string, GroupedMappingRow>();
  for (const r of rows) {
    const group = groupOf.get(sheetOf(r.key));
    if (!group) {
      out.push({ ...r, keys: [r.key] });
      continue;
    }
    const id = `${group.join("|")}!${letterOf(r.key)}`;
    const first = byGroupColumn.get(id);
    if (first) {
      first.keys.push(r.key);
      continue;
    }
    const row = { ...r, keys: [r.key], label: messages.importPage.columnLabel(letterOf(r.key), headers.get(r.key) ?? "", group.join(", ")) };
    byGroupColumn.set(id, row);
    out.push(row);
  }
  return out;
}

/** The user's choice for a grouped row: every key of the row gets it; another column that had it goes back to the mapper. */
export function chooseTargetForKeys(overrides: MappingOverrides, keys: readonly string[], value: string): MappingOverrides {
  const target = value === KEEP_VALUE ? null : value;
  const next: MappingOverrides = {};
  for (const [k, v] of Object.entries(overrides)) if (!keys.includes(k) && (target === null || v !== target)) next[k] = v;
  for (const k of keys) next[k] = target;
  return next;
}
