// Finds the case lists on every sheet: title rows, the header (one row or two with merged group
// cells), data rows with blank rows inside, and totals and notes below. Also recognises attendance
// grids (citizens down, dates across). Reads the grids only; never changes them.
import { columnLetters } from "../workbook/plan";
import { parseCpr } from "../domain/cpr";
import type { RawCell, SheetGrid, WorkbookGrids } from "./grid";
import { detectAttendanceRegister, type AttendanceRegisterRegion } from "./attendance-register";
import { dayColumns, gridMonth, type GridMonth } from "./grid-month";
import { headerCandidates, headerScore } from "./header-match";
import { isClosingLine, isUnitHeader, sectionRows, sideTableCut } from "./list-shape";
import { normaliseHeader } from "./normalise";
import { isDateFormat, parseDateCell, parseDateText } from "./parse";

export interface RegionColumn {
  /** 0-based column index on the sheet. */
  index: number;
  letter: string;
  /** The header as the user reads it: "Udskrivning Dato" for a two-row header; "" when none. */
  header: string;
  /** For two-row headers: the group cell above and the cell below. */
  parent: string | null;
  child: string | null;
  hidden: boolean;
}

export type SkipReason = "tom" | "total" | "note" | "gentaget overskrift" | "uden for tabellen";

export interface SkippedRow {
  /** 0-based row index. */
  row: number;
  reason: SkipReason;
  /** The row's text, cells joined with " | " (for the findings). */
  text: string;
}

export interface CaseListRegion {
  kind: "sager";
  sheet: string;
  sheetIndex: number;
  titleRows: number[];
  titles: string[];
  /** One or two 0-based rows. */
  headerRows: number[];
  columns: RegionColumn[];
  /** 0-based rows holding cases, in sheet order. */
  dataRows: number[];
  skipped: SkippedRow[];
  /** Hidden data rows and hidden region columns (kept, and reported). */
  hiddenRows: number[];
  hiddenCols: number[];
  /** Normalised headers joined: equal shapes on several sheets can be merged. */
  shape: string;
  /** Unit section rows inside the list (not cases): each sets the unit of the rows below it. */
  sections?: { row: number; text: string }[];
  /** A second table beside the list, e.g. "H2:I5": a region of its own, not part of the cases. */
  sideTable?: string | null;
}

export type AttendanceKey = "cpr" | "navn" | "sagsId";

export interface AttendanceGridRegion {
  kind: "fremmoede";
  sheet: string;
  sheetIndex: number;
  headerRow: number;
  keyColumns: { index: number; header: string; key: AttendanceKey }[];
  dateColumns: { index: number; date: number }[];
  dataRows: number[];
  skipped: SkippedRow[];
  /** For columns headed by day numbers: the month they were read in, and where it was taken from. */
  monthFrom?: GridMonth;
}

export type Region = CaseListRegion | AttendanceGridRegion | AttendanceRegisterRegion;

export interface Detection {
  regions: Region[];
  /** Sheets with content but no recognisable header. */
  sheetsWithoutHeader: string[];
  emptySheets: string[];
  /** Sheets whose case lists have the same shape, e.g. one per year: offer to merge them. */
  sameShape: string[][];
}

const HEADER_SCAN_ROWS = 50;
const RECOGNISED = 0.7;

interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const RE_A1_RANGE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n - 1;
}

export function parseMerges(merges: readonly string[]): Merge[] {
  const out: Merge[] = [];
  for (const m of merges) {
    const x = RE_A1_RANGE.exec(m.trim());
    if (!x) continue;
    const r1 = Number(x[2]) - 1;
    const c1 = colIndex(x[1]);
    const r2 = x[4] ? Number(x[4]) - 1 : r1;
    const c2 = x[3] ? colIndex(x[3]) : c1;
    out.push({ r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) });
  }
  return out;
}

export function cellAt(grid: SheetGrid, r: number, c: number): RawCell {
  const row = grid.cells[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

export function isBlank(v: RawCell): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

function rowIsBlank(row: readonly RawCell[] | undefined, from = 0, to = Infinity): boolean {
  if (!row) return true;
  const end = Math.min(row.length - 1, to);
  for (let c = from; c <= end; c++) if (!isBlank(row[c])) return false;
  return true;
}

function rowText(row: readonly RawCell[] | undefined): string {
  if (!row) return "";
  const parts: string[] = [];
  for (const v of row) if (!isBlank(v)) parts.push(String(v).trim());
  return parts.join(" | ");
}

function firstNonBlank(row: readonly RawCell[] | undefined): { index: number; value: RawCell } | null {
  if (!row) return null;
  for (let c = 0; c < row.length; c++) if (!isBlank(row[c])) return { index: c, value: row[c] };
  return null;
}

function nonBlankCount(row: readonly RawCell[] | undefined): number {
  if (!row) return 0;
  let n = 0;
  for (const v of row) if (!isBlank(v)) n++;
  return n;
}

/** Text that looks like data rather than a header: a date, a CPR number or a number. */
function looksLikeData(v: RawCell): boolean {
  if (typeof v === "number" || typeof v === "boolean") return true;
  if (v === null) return false;
  const t = v.trim();
  if (/^[\d\s.,\-/:%]+$/.test(t)) return true;
  return parseDateText(t) !== null || parseCpr(t).ok;
}

/**
 * Distinct `Sager` columns a row's text cells are recognised as. A row with no more text cells than
 * `toBeat` cannot score more, so it is not matched at all (data rows below a header, most of the scan).
 */
function headerRowScore(row: readonly RawCell[] | undefined, toBeat = 0): number {
  if (!row) return 0;
  let texts = 0;
  for (const v of row) if (typeof v === "string") texts++;
  if (texts <= toBeat) return 0;
  const seen = new Set<string>();
  for (const v of row) {
    if (typeof v !== "string" || looksLikeData(v)) continue;
    const c = headerCandidates(v);
    if (c.length && c[0].score >= RECOGNISED) seen.add(c[0].column);
  }
  return seen.size;
}

const TOTAL_WORDS = new Set(["i alt", "ialt", "total", "totalt", "totaler", "sum", "summa", "samlet", "antal", "i alt aktive", "subtotal"]);
const TOTAL_FIRST_TOKENS = new Set(["total", "totalt", "sum", "ialt", "subtotal"]);
const NOTE_TOKENS = new Set(["note", "noter", "nb", "bemaerk", "bemaerkning", "obs", "husk", "kilde", "opdateret", "udarbejdet", "forklaring", "signatur"]);

const TOTAL_INITIALS = new Set(["i", "t", "s", "a"]);
const TOTAL_PREFIXES = ["i alt", "ialt", "i  alt", "total", "sum", "samlet", "antal", "subtotal"];
const NOTE_INITIALS = new Set(["n", "b", "o", "h", "k", "u", "f", "*"]);

export function isTotalsText(v: RawCell): boolean {
  if (typeof v !== "string") return false;
  // Cheap first-letter screen: this runs once per data row.
  const t = v.trimStart();
  if (t.length > 40 || !TOTAL_INITIALS.has(t.charAt(0).toLowerCase())) return false;
  const lower = t.slice(0, 8).toLowerCase();
  if (!TOTAL_PREFIXES.some((p) => lower.startsWith(p))) return false;
  const n = normaliseHeader(t);
  if (TOTAL_WORDS.has(n) || n.startsWith("i alt ")) return true;
  const first = n.split(" ", 1)[0];
  return TOTAL_FIRST_TOKENS.has(first);
}

export function isNoteText(v: RawCell): boolean {
  if (typeof v !== "string") return false;
  const t = v.trim();
  if (!NOTE_INITIALS.has(t.charAt(0).toLowerCase())) return false;
  if (t.startsWith("*")) return true;
  const n = normaliseHeader(t);
  const first = n.split(" ", 1)[0];
  // A note word alone or followed by a colon, never a name that merely starts with one.
  return NOTE_TOKENS.has(first) && (n === first || /^[^\s:]+\s*[:.!-]/.test(t));
}

/** Find the region of one sheet, or null when no row looks like a header. */
export function detectCaseList(grid: SheetGrid, sheetIndex: number): CaseListRegion | null {
  const rows = grid.cells;
  const scan = Math.min(rows.length, HEADER_SCAN_ROWS);
  let headerRow = -1;
  let bestScore = 1;
  for (let r = 0; r < scan; r++) {
    const s = headerRowScore(rows[r], bestScore);
    if (s > bestScore) {
      bestScore = s;
      headerRow = r;
    }
  }
  if (headerRow < 0) return null;

  const merges = parseMerges(grid.merges);
  const headerRows = twoRowHeader(grid, merges, headerRow);
  const lastHeader = headerRows[headerRows.length - 1];

  let hFirst = Infinity;
  let hLast = -1;
  for (const r of headerRows) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (!isBlank(row[c])) {
        hFirst = Math.min(hFirst, c);
        hLast = Math.max(hLast, c);
      }
    }
  }
  for (const m of merges) if (headerRows.includes(m.r1) && m.c2 > hLast && m.c1 <= hLast) hLast = m.c2;
  const side = sideTableCut(grid, headerRows, hFirst);
  const cut = side ? side.column : Infinity;
  if (side) hLast = Math.min(hLast, cut - 1);

  const headerTexts = new Map<number, string>();
  for (let c = hFirst; c <= hLast; c++) {
    const v = cellAt(grid, lastHeader, c);
    if (!isBlank(v)) headerTexts.set(c, String(v).trim().toLowerCase());
  }

  const firstEntry = [...headerTexts][0] ?? [0, ""];
  const firstHeader = { col: firstEntry[0], text: firstEntry[1] };
  const dataRows: number[] = [];
  const skipped: SkippedRow[] = [];
  const usedCols: boolean[] = [];
  let dFirst = hFirst;
  let dLast = hLast;
  for (let r = lastHeader + 1; r < rows.length; r++) {
    const row = rows[r];
    if (rowIsBlank(row, 0, cut - 1)) {
      // Only the second table beside the list has content here: that table is reported once.
      skipped.push({ row: r, reason: "tom", text: "" });
      continue;
    }
    if (rowIsBlank(row, hFirst, hLast)) {
      skipped.push({ row: r, reason: "uden for tabellen", text: rowText(row) });
      continue;
    }
    const first = firstNonBlank(row)!;
    if (isTotalsText(first.value)) {
      skipped.push({ row: r, reason: "total", text: rowText(row) });
      continue;
    }
    // The cheap count first: a case row has many cells, and isNoteText normalises text.
    if (nonBlankCount(row) <= 2 && (isNoteText(first.value) || isClosingLine(row))) {
      skipped.push({ row: r, reason: "note", text: rowText(row) });
      continue;
    }
    if (isRepeatedHeader(row, headerTexts, firstHeader)) {
      skipped.push({ row: r, reason: "gentaget overskrift", text: rowText(row) });
      continue;
    }
    dataRows.push(r);
    for (let c = 0; c < Math.min(row.length, cut); c++) {
      if (!isBlank(row[c])) {
        if (c < dFirst) dFirst = c;
        if (c > dLast) dLast = c;
        usedCols[c] = true;
      }
    }
  }

  const sections = [...headerTexts.values()].some(isUnitHeader) ? [] : sectionRows(grid, dataRows);
  if (sections.length) {
    const isSection = new Set(sections.map((x) => x.row));
    dataRows.splice(0, dataRows.length, ...dataRows.filter((r) => !isSection.has(r)));
  }
  const hiddenColSet = new Set(grid.hiddenCols);
  const columns: RegionColumn[] = [];
  for (let c = dFirst; c <= dLast; c++) {
    const { header, parent, child } = headerText(grid, merges, headerRows, c);
    // A column with neither header nor data (a spacer before a margin note) carries nothing.
    if (header === "" && !usedCols[c]) continue;
    columns.push({ index: c, letter: columnLetters(c), header, parent, child, hidden: hiddenColSet.has(c) });
  }
  const hiddenRowSet = new Set(grid.hiddenRows);
  const titleRows: number[] = [];
  const titles: string[] = [];
  for (let r = 0; r < headerRows[0]; r++) {
    if (!rowIsBlank(rows[r])) {
      titleRows.push(r);
      titles.push(rowText(rows[r]));
    }
  }
  return {
    kind: "sager",
    sheet: grid.name,
    sheetIndex,
    titleRows,
    titles,
    headerRows,
    columns,
    dataRows,
    skipped,
    hiddenRows: dataRows.filter((r) => hiddenRowSet.has(r)),
    hiddenCols: columns.filter((c) => c.hidden).map((c) => c.index),
    shape: columns.map((c) => normaliseHeader(c.header)).join("|"),
    sections,
    sideTable: side ? side.range : null,
  };
}

function isRepeatedHeader(row: readonly RawCell[], headerTexts: Map<number, string>, firstHeader: { col: number; text: string }): boolean {
  if (headerTexts.size < 2) return false;
  // Most rows differ from the header in its first cell already.
  const v0 = row[firstHeader.col];
  if (typeof v0 !== "string" || v0.length > firstHeader.text.length + 4) return false;
  let same = 0;
  for (const [c, n] of headerTexts) {
    const v = row[c];
    if (typeof v === "string" && v.trim().toLowerCase() === n) same++;
  }
  return same >= Math.max(2, Math.ceil(headerTexts.size * 0.8));
}

const SUB_HEADER_WORDS = new Set(["dato", "aarsag", "start", "slut", "fra", "til", "type", "grundlag", "navn", "nr", "henviser", "kode", "status"]);

/** The header's rows: [h] or, for a group row with merged cells, [h-1, h] or [h, h+1]. */
function twoRowHeader(grid: SheetGrid, merges: Merge[], h: number): number[] {
  const rows = grid.cells;
  const width = Math.max(1, nonBlankCount(rows[h]));
  const groupMergeIn = (r: number) => merges.some((m) => m.r1 === r && m.r2 === r && m.c2 > m.c1 && m.c2 - m.c1 + 1 < Math.max(width, 3));
  const verticalFrom = (r: number) => merges.some((m) => m.r1 === r && m.r2 === r + 1);

  const below = rows[h + 1];
  if (below && !rowIsBlank(below) && (groupMergeIn(h) || verticalFrom(h)) && rowIsHeaderLike(below)) return [h, h + 1];
  const above = h > 0 ? rows[h - 1] : undefined;
  // A title row right above the header is one cell, perhaps merged: a group row has two cells or more.
  const groupsAbove = merges.filter((m) => m.r1 === h - 1 && m.r2 === h - 1 && m.c2 > m.c1).length;
  if (above && (nonBlankCount(above) >= 2 || groupsAbove >= 2) && (groupMergeIn(h - 1) || verticalFrom(h - 1)) && rowIsHeaderLike(above)) return [h - 1, h];
  // Without merges: a row of short sub-header words under the header ("Dato", "Årsag").
  if (below && !rowIsBlank(below) && rowIsHeaderLike(below)) {
    let sub = 0;
    for (const v of below) if (typeof v === "string" && SUB_HEADER_WORDS.has(normaliseHeader(v))) sub++;
    if (sub >= 1 && headerRowScore(below) < 3) return [h, h + 1];
  }
  return [h];
}

function rowIsHeaderLike(row: readonly RawCell[]): boolean {
  for (const v of row) {
    if (isBlank(v)) continue;
    if (typeof v !== "string" || v.trim().length > 40 || looksLikeData(v)) return false;
  }
  return true;
}

function mergeMasterText(grid: SheetGrid, merges: Merge[], r: number, c: number): { text: string | null; vertical: boolean } {
  for (const m of merges) {
    if (r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2) {
      const v = cellAt(grid, m.r1, m.c1);
      return { text: isBlank(v) ? null : String(v).trim(), vertical: m.r2 > r };
    }
  }
  const v = cellAt(grid, r, c);
  return { text: isBlank(v) ? null : String(v).trim(), vertical: false };
}

function headerText(grid: SheetGrid, merges: Merge[], headerRows: number[], c: number) {
  if (headerRows.length === 1) {
    const { text } = mergeMasterText(grid, merges, headerRows[0], c);
    return { header: text ?? "", parent: null, child: null };
  }
  const top = mergeMasterText(grid, merges, headerRows[0], c);
  if (top.vertical) return { header: top.text ?? "", parent: null, child: null };
  const bottomCell = cellAt(grid, headerRows[1], c);
  const bottom = isBlank(bottomCell) ? null : String(bottomCell).trim();
  const header = [top.text, bottom].filter((x): x is string => !!x).join(" ");
  return { header, parent: top.text, child: bottom };
}

// ---------------------------------------------------------------- attendance grids

const GRID_MIN_DATES = 5;

function headerDate(grid: SheetGrid, r: number, c: number): number | null {
  const v = cellAt(grid, r, c);
  if (v === null) return null;
  if (typeof v === "number") {
    const fmt = grid.numFmts?.[r]?.[c] ?? null;
    if (!isDateFormat(fmt) && !(v > 30_000 && v < 80_000 && Number.isInteger(v))) return null;
  } else if (typeof v !== "string") return null;
  const o = parseDateCell(v, grid.numFmts?.[r]?.[c] ?? null);
  return o.kind === "value" && typeof o.value === "number" && !o.note ? o.value : null;
}

/** A sheet with citizens down and dates across, or null. */
export function detectAttendanceGrid(grid: SheetGrid, sheetIndex: number): AttendanceGridRegion | null {
  const scan = Math.min(grid.cells.length, 30);
  for (let r = 0; r < scan; r++) {
    const row = grid.cells[r] ?? [];
    let dates: { index: number; date: number }[] = [];
    let nonBlank = 0;
    for (let c = 0; c < row.length; c++) {
      if (isBlank(row[c])) continue;
      nonBlank++;
      const d = headerDate(grid, r, c);
      if (d !== null) dates.push({ index: c, date: d });
    }
    let monthFrom: GridMonth | undefined;
    if (dates.length < GRID_MIN_DATES) {
      // Columns headed by day numbers: the month from the title above, else the sheet's name.
      const titles = grid.cells
        .slice(0, r)
        .map(rowText)
        .filter((t) => t !== "");
      const gm = gridMonth(titles, grid.name);
      const days = gm ? dayColumns(row, gm, GRID_MIN_DATES) : null;
      if (days) [dates, monthFrom] = [days, gm!];
    }
    if (dates.length < GRID_MIN_DATES || dates.length < nonBlank * 0.6) continue;
    const firstDate = dates[0].index;
    const keyColumns: AttendanceGridRegion["keyColumns"] = [];
    for (let c = 0; c < firstDate; c++) {
      const v = row[c];
      if (typeof v !== "string" || isBlank(v)) continue;
      const best = headerCandidates(v)[0];
      const key: AttendanceKey | null =
        best && best.score >= RECOGNISED
          ? best.column === "CPR"
            ? "cpr"
            : best.column === "Navn"
              ? "navn"
              : best.column === "Sags-ID"
                ? "sagsId"
                : null
          : null;
      if (key) keyColumns.push({ index: c, header: v.trim(), key });
    }
    if (keyColumns.length === 0 && firstDate > 0) {
      const c = firstDate - 1;
      keyColumns.push({ index: c, header: String(row[c] ?? "").trim(), key: "navn" });
    }
    if (keyColumns.length === 0) continue;
    const dataRows: number[] = [];
    const skipped: SkippedRow[] = [];
    for (let rr = r + 1; rr < grid.cells.length; rr++) {
      const drow = grid.cells[rr];
      if (rowIsBlank(drow)) {
        skipped.push({ row: rr, reason: "tom", text: "" });
        continue;
      }
      const first = firstNonBlank(drow)!;
      if (isTotalsText(first.value)) skipped.push({ row: rr, reason: "total", text: rowText(drow) });
      else if (nonBlankCount(drow) <= 2 && isNoteText(first.value)) skipped.push({ row: rr, reason: "note", text: rowText(drow) });
      else if (keyColumns.every((k) => isBlank(drow![k.index]))) skipped.push({ row: rr, reason: "uden for tabellen", text: rowText(drow) });
      else dataRows.push(rr);
    }
    return {
      kind: "fremmoede",
      sheet: grid.name,
      sheetIndex,
      headerRow: r,
      keyColumns,
      dateColumns: dates,
      dataRows,
      skipped,
      ...(monthFrom ? { monthFrom } : {}),
    };
  }
  return null;
}

/** Every sheet: an attendance grid, an attendance register (long format), a case list, or nothing (reported). */
export function detect(grids: WorkbookGrids): Detection {
  const regions: Region[] = [];
  const sheetsWithoutHeader: string[] = [];
  const emptySheets: string[] = [];
  grids.sheets.forEach((grid, i) => {
    if (grid.cells.every((row) => rowIsBlank(row))) {
      emptySheets.push(grid.name);
      return;
    }
    const att = detectAttendanceGrid(grid, i) ?? detectAttendanceRegister(grid, i);
    if (att) {
      regions.push(att);
      return;
    }
    const region = detectCaseList(grid, i);
    if (region) regions.push(region);
    else sheetsWithoutHeader.push(grid.name);
  });
  const byShape = new Map<string, string[]>();
  for (const r of regions) {
    if (r.kind !== "sager") continue;
    const list = byShape.get(r.shape) ?? [];
    list.push(r.sheet);
    byShape.set(r.shape, list);
  }
  const sameShape = [...byShape.values()].filter((l) => l.length > 1);
  return { regions, sheetsWithoutHeader, emptySheets, sameShape };
}

export { headerScore };
