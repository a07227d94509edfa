// The forms' view of a table read through the port: rows as lookups by header (headers compare
// ignoring case and spacing, as users retype them), cells as text, numbers or serial dates.
import type { PortCell, TableContents } from "../../ports/workbook-port";
import { headerKey } from "../../workbook/contract";

export interface TableRow {
  /** 0-based data-row index in the table (what a TableChange update names). */
  index: number;
  get(header: string): PortCell;
}

/** The data rows that hold anything, each with its index in the table. */
export function tableRows(t: TableContents | null): TableRow[] {
  if (!t) return [];
  const at = new Map(t.headers.map((h, i) => [headerKey(h), i] as const));
  const out: TableRow[] = [];
  t.rows.forEach((r, index) => {
    if (!r.some((v) => v !== null && v !== "")) return;
    out.push({ index, get: (h) => r[at.get(headerKey(h)) ?? -1] ?? null });
  });
  return out;
}

/** Whether the table has a column of that header. */
export function hasColumn(t: TableContents | null, header: string): boolean {
  return !!t && t.headers.some((h) => headerKey(h) === headerKey(header));
}

export function text(v: PortCell): string | null {
  if (v === null) return null;
  const s = typeof v === "boolean" ? (v ? "Ja" : "Nej") : String(v).trim();
  return s === "" ? null : s;
}

export function num(v: PortCell): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\s*-?\d+([.,]\d+)?\s*$/.test(v)) return Number(v.replace(",", "."));
  return null;
}

/** A date cell as a serial day; text that never became a date is no date. */
export function serialDate(v: PortCell): number | null {
  return typeof v === "number" && Number.isFinite(v) ? Math.floor(v) : null;
}

export function yes(v: PortCell): boolean {
  return v === true || v === 1 || (typeof v === "string" && v.trim().toLowerCase() === "ja");
}
