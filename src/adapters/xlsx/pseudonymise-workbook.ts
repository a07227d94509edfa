// Pseudonymising or masking a whole workbook file: first the cells through the ExcelJS model (values,
// rich text, links, formula results, comments, and name columns, where a first name and a surname in
// two cells make one name), then every part of the package as text (sheet names, headers and footers,
// validation lists, link addresses, defined names, document properties, chart caches), and finally the
// privacy scan of the package it is about to write. Nothing is returned when the scan finds anything.
import type ExcelJS from "exceljs";
import { HEADER_SYNONYMS } from "../../import/synonyms";
import { normaliseHeader } from "../../import/normalise";
import { scanTexts, type Citizen, type PrivacyFinding } from "../../workbook/privacy-scan";
import { plainValue } from "./cell-values";
import { keepDrawings } from "./keep-drawings";
import { rewritePackage, workbookBytes } from "./package-parts";

export interface CellRewriter {
  text(v: string): string;
  number(v: number): string | number;
  /** A cell of a name column; without it such a cell is plain text. */
  nameCell?(v: string): string;
  /** The case of a whole name, for a first name and a surname in two cells. */
  caseOfName?(name: string): string | undefined;
  changed: number;
}

const FULL_NAME_HEADERS = new Set(HEADER_SYNONYMS.Navn.filter((s): s is string => typeof s === "string").map(normaliseHeader));
const FIRST_NAME_HEADERS = new Set(["Fornavn", "Fornavne", "Kaldenavn"].map(normaliseHeader));
const LAST_NAME_HEADERS = new Set(["Efternavn", "Mellemnavn", "Mellem- og efternavn", "Efternavne"].map(normaliseHeader));

interface NameColumns {
  headerRow: number;
  /** Columns of whole names, where a known name of one word is a name too. */
  columns: Set<number>;
  /** A first name and a surname column: only the two together are a citizen's name. */
  first: number | null;
  last: number | null;
}

const textOf = (cell: ExcelJS.Cell): string => {
  const v = plainValue(cell.value);
  return typeof v === "string" ? v : "";
};

/** The columns whose header (in the first rows) says they hold names. */
function nameColumns(ws: ExcelJS.Worksheet): NameColumns | null {
  const last = Math.min(ws.rowCount, 20);
  for (let r = 1; r <= last; r++) {
    const found: NameColumns = { headerRow: r, columns: new Set(), first: null, last: null };
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => {
      const h = normaliseHeader(textOf(cell));
      if (h === "") return;
      if (FULL_NAME_HEADERS.has(h)) found.columns.add(col);
      if (FIRST_NAME_HEADERS.has(h)) found.first ??= col;
      if (LAST_NAME_HEADERS.has(h)) found.last ??= col;
    });
    if (found.columns.size > 0 || found.first !== null || found.last !== null) return found;
  }
  return null;
}

function rewriteValue(v: ExcelJS.CellValue, r: CellRewriter, asName: boolean): ExcelJS.CellValue {
  const text = (s: string): string => (asName && r.nameCell ? r.nameCell(s) : r.text(s));
  if (v === null || v === undefined || v instanceof Date || typeof v === "boolean") return v;
  if (typeof v === "number") return r.number(v);
  if (typeof v === "string") return text(v);
  if ("richText" in v) {
    const plain = String(plainValue(v) ?? "");
    const out = text(plain);
    return out === plain ? v : out;
  }
  if ("formula" in v || "sharedFormula" in v) {
    const f = v as ExcelJS.CellFormulaValue;
    const result = f.result;
    if (typeof result === "string" || typeof result === "number") {
      const out = rewriteValue(result, r, asName);
      if (out !== result) return { ...f, result: out } as ExcelJS.CellValue;
    }
    return v;
  }
  if ("hyperlink" in v) {
    const h = v as ExcelJS.CellHyperlinkValue;
    const out = { ...h, text: text(h.text ?? ""), hyperlink: r.text(h.hyperlink ?? "") };
    if (h.tooltip) out.tooltip = r.text(h.tooltip);
    return out.text === h.text && out.hyperlink === h.hyperlink && out.tooltip === h.tooltip ? v : out;
  }
  return v;
}

function noteText(note: ExcelJS.Cell["note"]): string | null {
  if (!note) return null;
  if (typeof note === "string") return note;
  const texts = (note as ExcelJS.Comment).texts;
  return Array.isArray(texts) ? texts.map((t) => t.text).join("") : null;
}

/** Rewrite every cell of every sheet (hidden ones too) and its comment. */
export function rewriteWorkbookCells(wb: ExcelJS.Workbook, r: CellRewriter): void {
  for (const ws of wb.worksheets) {
    const names = r.nameCell ? nameColumns(ws) : null;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const below = names !== null && rowNumber > names.headerRow;
      // A first name and a surname in two cells: together a citizen's name, replaced in both.
      if (below && names.first !== null && names.last !== null && r.caseOfName) {
        const a = row.getCell(names.first);
        const b = row.getCell(names.last);
        const id = r.caseOfName(`${textOf(a)} ${textOf(b)}`);
        if (id !== undefined) {
          a.value = id;
          b.value = id;
          r.changed++;
        }
      }
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const v = cell.value;
        const out = rewriteValue(v, r, below && names.columns.has(col));
        if (out !== v) cell.value = out;
        const note = noteText(cell.note);
        if (note !== null) {
          const rewritten = r.text(note);
          if (rewritten !== note) cell.note = rewritten;
        }
      });
    });
  }
}

/**
 * The workbook's package with every other part rewritten as text too (after rewriteWorkbookCells), and
 * what the privacy scan finds in it: the caller writes nothing when it finds anything. Given the
 * original package, its charts and shapes (which ExcelJS drops) are put back first, so that they are
 * rewritten and scanned with the rest.
 */
export async function rewrittenPackage(
  wb: ExcelJS.Workbook,
  rewriteText: (text: string) => string,
  citizens: readonly Citizen[],
  original?: Buffer
): Promise<{ bytes: Buffer; otherPlaces: number; findings: PrivacyFinding[] }> {
  const written = await workbookBytes(wb);
  const { bytes, changed, texts } = await rewritePackage(original ? keepDrawings(original, written).bytes : written, rewriteText);
  return { bytes, otherPlaces: changed, findings: scanTexts(texts, citizens) };
}
