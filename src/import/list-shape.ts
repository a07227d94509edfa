// How coordinators shape a list around its cases, told apart by shape: a closing line or signature
// under the list, unit section rows inside it ("KØKKENET"), a unit in the title row above the header
// ("Sagsliste – Værksted Nord") or in the sheet's name, and a second small table beside the list.
import { parseCpr } from "../domain/cpr";
import { columnLetters } from "../workbook/plan";
import type { RawCell, SheetGrid } from "./grid";
import { headerCandidates } from "./header-match";
import { normaliseHeader } from "./normalise";
import { parseDateText } from "./parse";

const blank = (v: RawCell | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function texts(row: readonly RawCell[] | undefined): { index: number; value: RawCell }[] {
  const out: { index: number; value: RawCell }[] = [];
  if (!row) return out;
  for (let c = 0; c < row.length; c++) if (!blank(row[c])) out.push({ index: c, value: row[c] });
  return out;
}

/** The row's one non-blank cell, or null when it has none or more than one (no allocation: runs per row). */
function onlyCell(row: readonly RawCell[] | undefined): RawCell {
  if (!row) return null;
  let found: RawCell = null;
  for (let c = 0; c < row.length; c++) {
    if (blank(row[c])) continue;
    if (found !== null) return null;
    found = row[c];
  }
  return found;
}

/** Lower-case words in names ("Hans van der Berg"): not a sign of a sentence. */
const NAME_PARTICLES = new Set(["van", "von", "der", "den", "de", "la", "le", "ben", "bin", "el", "al", "da", "di", "du", "af"]);
const CLOSING_STARTS = /^(udarbejdet|opdateret|underskrevet|underskrift|godkendt|sign|senest|kilde|udskrevet af|lavet af|ansvarlig)\b/i;

/**
 * A closing line or signature: one or two cells, the first a sentence rather than a name ("Udarbejdet
 * af koordinator Hanne Holm, 30.06.2024", "Opdateret 1/7 – HH"). Names are capitalised words; a
 * sentence has small words beyond name particles, or starts like a signature.
 */
export function isClosingLine(row: readonly RawCell[] | undefined): boolean {
  const cells = texts(row);
  if (cells.length === 0 || cells.length > 2 || typeof cells[0].value !== "string") return false;
  const t = cells[0].value.trim();
  if (CLOSING_STARTS.test(t) && t.split(/\s+/).length >= 2) return true;
  const words = t.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 3) return false;
  const small = words.filter((w) => /^\p{Ll}{2,}/u.test(w) && !NAME_PARTICLES.has(w.toLowerCase()));
  return small.length >= 1 && words.length >= 4;
}

function looksLikeValue(t: string): boolean {
  return /^[\d\s.,\-/:%]+$/.test(t) || parseDateText(t) !== null || parseCpr(t).ok;
}

/** Whether a header text names the unit column. */
export function isUnitHeader(text: string): boolean {
  const c = headerCandidates(text)[0];
  return c !== undefined && c.column === "Enhed" && c.score >= 0.7;
}

/**
 * Section rows inside a list: a row whose only cell is a short text (at most four words, no date or
 * number) with case rows below it. Only for lists without a unit column, and only when there are two
 * such rows or the first data row is one, so a case with only its name filled in stays a case.
 */
export function sectionRows(grid: SheetGrid, dataRows: readonly number[]): { row: number; text: string }[] {
  const candidates: { at: number; row: number; text: string }[] = [];
  dataRows.forEach((r, at) => {
    const only = onlyCell(grid.cells[r]);
    if (typeof only !== "string") return;
    const t = only.trim();
    if (t.split(/\s+/).length > 4 || looksLikeValue(t)) return;
    candidates.push({ at, row: r, text: t });
  });
  if (candidates.length === 0) return [];
  if (candidates.length < 2 && candidates[0].at !== 0) return [];
  // Each section must have a case row under it before the next section or the end.
  const isCandidate = new Set(candidates.map((c) => c.at));
  for (const c of candidates) {
    const next = c.at + 1;
    if (next >= dataRows.length || isCandidate.has(next)) return [];
  }
  return candidates.map(({ row, text }) => ({ row, text: sectionName(text) }));
}

/** "KØKKENET" -> "Køkkenet"; "Værksted Nord" stays as written; a trailing colon or count dropped. */
function sectionName(t: string): string {
  const s = t
    .replace(/[:\s]+$/, "")
    .replace(/\s*\(\d+\)$/, "")
    .trim();
  if (s === s.toUpperCase() && s !== s.toLowerCase()) return s.charAt(0) + s.slice(1).toLowerCase();
  return s;
}

const LIST_WORDS = new Set([
  "sagsliste",
  "sagslisten",
  "liste",
  "listen",
  "deltagerliste",
  "deltagere",
  "borgere",
  "borgerliste",
  "oversigt",
  "sager",
  "indskrevne",
  "aktive",
  "enhed",
  "afdeling",
  "vaerksted oversigt",
]);

/** The unit a title row names: "Sagsliste – Værksted Nord", "Enhed: Køkkenet"; null for "Sagsliste 2024". */
export function titleUnit(titles: readonly string[]): string | null {
  for (const title of titles) {
    const first = title.split(" | ")[0].trim();
    const parts = first
      .split(/\s+[–—-]\s+|\s*:\s*/)
      .map((p) => p.trim())
      .filter((p) => p !== "");
    if (parts.length < 2) continue;
    const head = normaliseHeader(parts[0]).split(" ");
    if (!head.some((w) => LIST_WORDS.has(w))) continue;
    const unit = parts[parts.length - 1].replace(/\s*\b(19|20)\d\d\b.*$/, "").trim();
    // A unit is a name: it starts with a capital ("Værksted Nord"), unlike "beskyttet beskæftigelse".
    if (unit !== "" && /^\p{Lu}/u.test(unit) && !looksLikeValue(unit) && unit.split(/\s+/).length <= 4) return unit;
  }
  return null;
}

const GENERIC_SHEET = /^(ark|sheet|blad|tabel|table)\s*\d*$|^(sagsliste|sager|liste|data|oversigt|aktive|afsluttede|udskrevne|venteliste|(19|20)\d\d.*)$/i;

/** A sheet name that names a unit: not "Ark1", "Sheet2", "2024" or "Sagsliste". */
export function sheetUnit(sheet: string): string | null {
  const t = sheet.trim();
  return t === "" || GENERIC_SHEET.test(t) || looksLikeValue(t) ? null : t;
}

/**
 * Where a second table beside the list starts: the first column that is empty in the header and in
 * every row below it, with content to its right that has no Sager header and fewer rows than the list.
 * Returns that column's index (the list ends before it) and the second table's range, or null.
 */
export function sideTableCut(grid: SheetGrid, headerRows: readonly number[], hFirst: number): { column: number; range: string } | null {
  const rows = grid.cells;
  const top = headerRows[0];
  const lastHeader = headerRows[headerRows.length - 1];
  let width = 0;
  for (let r = top; r < rows.length; r++) width = Math.max(width, rows[r]?.length ?? 0);
  const used: boolean[] = new Array(width).fill(false);
  for (let r = top; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) if (!blank(row[c])) used[c] = true;
  }
  let listRows = 0;
  for (let r = lastHeader + 1; r < rows.length; r++) if (!blank(rows[r]?.[hFirst])) listRows++;
  for (let c = hFirst + 1; c < width; c++) {
    if (used[c]) continue;
    const right = used.slice(c + 1).some((u) => u);
    if (!right) return null;
    let rowsRight = 0;
    let recognised = false;
    let firstRow = -1;
    let lastRow = -1;
    let cols = 0;
    let lastCol = c + 1;
    for (let r = top; r < rows.length; r++) {
      const row = rows[r];
      if (!row) continue;
      let any = 0;
      for (let k = c + 1; k < row.length; k++) {
        if (blank(row[k])) continue;
        any++;
        lastCol = Math.max(lastCol, k);
        if (headerRows.includes(r) && typeof row[k] === "string" && headerCandidates(row[k] as string)[0]?.score >= 0.9) recognised = true;
      }
      if (any) {
        rowsRight++;
        if (firstRow < 0) firstRow = r;
        lastRow = r;
        cols = Math.max(cols, any);
      }
    }
    // A compact block (no blank row inside, two columns or more) half the list's length or less: a summary.
    const compact = cols >= 2 && lastRow - firstRow + 1 === rowsRight && rowsRight * 2 <= listRows;
    // A margin note (one cell, or one column) stays with the list as before.
    if (cols >= 2 && rowsRight >= 2 && ((!recognised && rowsRight < listRows) || compact)) {
      let first = c + 1;
      while (first < width && !used[first]) first++;
      return { column: c, range: `${columnLetters(first)}${firstRow + 1}:${columnLetters(lastCol)}${lastRow + 1}` };
    }
    return null;
  }
  return null;
}
