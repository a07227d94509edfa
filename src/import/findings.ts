// Findings: what the import tells the user, one per source cell, written to the `Problemer` sheet.
// Codes are stable ASCII so that code and users can filter on them; messages are Danish and say what to do.

/** "info": read as meant, told once so the user knows (a masked CPR, a place size read as a weight). */
export type Severity = "fejl" | "advarsel" | "info";

export interface Finding {
  /** Source sheet name. */
  sheet: string;
  /** A1 address of the source cell (or the sheet's first cell for sheet-level findings). */
  cell: string;
  severity: Severity;
  code: string;
  message: string;
  /** The source cell's text as the user sees it, or null when the cell was empty. */
  original: string | null;
  /** A rule that fired on many rows, told once: every source cell it fired on (cell is the first). */
  cells?: string[];
}

/** Text of a raw cell for the "Oprindelig værdi" column. */
export function originalText(v: string | number | boolean | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v ? "SAND" : "FALSK";
  return String(v);
}

/** Sort findings by sheet order as given, then row, column and code (deterministic output). */
export function sortFindings(findings: Finding[], sheetOrder: ReadonlyMap<string, number>): Finding[] {
  // Decorate once: comparing parsed addresses inside the comparator would allocate per comparison.
  const keyed = findings.map((f, i) => {
    const { row, col } = splitA1(f.cell);
    return { f, sheet: sheetOrder.get(f.sheet) ?? 1e9, row, col, i };
  });
  keyed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col || (a.f.code < b.f.code ? -1 : a.f.code > b.f.code ? 1 : 0) || a.i - b.i);
  return keyed.map((k) => k.f);
}

function splitA1(a1: string): { row: number; col: number } {
  let col = 0;
  let i = 0;
  for (; i < a1.length; i++) {
    const ch = a1.charCodeAt(i);
    if (ch < 65) break;
    col = col * 26 + (ch - 64);
  }
  return { row: Number(a1.slice(i)) || 0, col };
}
