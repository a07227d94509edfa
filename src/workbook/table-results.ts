// Cached results for the structured tables of a workbook that is written again without being rebuilt
// (a report, a repair): computed from the references over the data read from those same tables, so a
// reader that does not recalculate shows the numbers of the workbook as written, period included.
// Where the rows might not line up, none: a table whose rows differ in number or Sags-ID from the data,
// and a row holding a value its reader could not take (the formula reads the text, the reference null).
import type { StructuredData } from "../domain/model";
import type { CachedResult, Scalar } from "./plan";
import { headerKey, type FieldColumnDef } from "./contract";
import { cachedResult, unsureCases } from "./cached-results";
import { allComputedColumns } from "./structured-plan";
import { HELPER_COLUMNS } from "./column-presentation";
import { inputColumns } from "./input-columns";

/** A table as read from a workbook: its headers and its data rows as plain values. */
export interface ReadTable {
  name: string;
  headers: readonly string[];
  rows: readonly (readonly Scalar[])[];
}

const empty = (v: unknown): boolean => v === null || v === undefined || v === "";

/**
 * Each computed column's cached results for a table read from a workbook (by header; null where none), or
 * null when the table's rows do not line up with the data's. The caller has checked the formulas themselves
 * (the integrity check finds nothing), so the columns hold the contract's formulas.
 */
export function tableResults(table: ReadTable, data: StructuredData): Map<string, (CachedResult | null)[]> | null {
  const owner = allComputedColumns().find((t) => t.table.toLowerCase() === table.name.toLowerCase());
  const inputs = owner ? inputColumns(owner.table) : null;
  if (!owner || !inputs) return null;
  const unsure = unsureCases(data);
  if (unsure === "all") return null;
  const model = owner.rows(data) as readonly Record<string, unknown>[];
  if (model.length !== table.rows.length) return null;
  const at = (name: string): number => table.headers.findIndex((h) => headerKey(h) === headerKey(name));
  const idColumn = at("Sags-ID");
  const sure = table.rows.map((row, i) => {
    const m = model[i];
    if (idColumn >= 0 && typeof m.sagsId === "string" && String(row[idColumn] ?? "").toLowerCase() !== m.sagsId.toLowerCase()) return null;
    if (typeof m.sagsId === "string" && unsure.has(m.sagsId.toLowerCase())) return false;
    // A cell its reader could not take: the formulas read what the cell holds, the reference nothing.
    return inputs.every((c) => {
      const field = (c as Partial<FieldColumnDef<object>>).field;
      const k = at(c.name);
      return field === undefined || k < 0 || empty(row[k]) || !empty(m[field]);
    });
  });
  if (sure.some((s) => s === null)) return null;
  const expected = owner.expected(data);
  const out = new Map<string, (CachedResult | null)[]>();
  const helpers = new Set(HELPER_COLUMNS[owner.table] ?? []);
  owner.columns.forEach((c, k) => {
    if (at(c.name) >= 0 && !helpers.has(c.name))
      out.set(
        c.name,
        expected[k].map((v, i) => (sure[i] ? cachedResult(v) : null))
      );
  });
  return out;
}
