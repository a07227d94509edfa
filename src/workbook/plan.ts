// The Plan: a plain data value describing what a workbook should become. Pure core code builds it;
// the ExcelJS and Office.js adapters apply it. Nothing here touches a file or Excel.

/** A cell's value as data. Strings are always written as text, never interpreted as formulas. */
export type Scalar = string | number | boolean | null;

/**
 * A formula written by our own builders, never by user input. Formulas are kept in their canonical
 * English form with `Table[[#This Row],[Col]]` references and without `_xlfn.` prefixes; each adapter
 * converts to what its engine expects (see formula-text.ts).
 */
export interface Formula {
  formula: string;
  /**
   * The value the formula gives, computed by its reference in src/domain, written in a file as the cell's
   * cached result so that a reader that does not recalculate shows it. Absent where no reference computes
   * it. The Office.js adapter ignores it: Excel computes the formula live.
   */
  result?: CachedResult;
}

/** A formula's cached result: a number (dates as serials) or text. Never a boolean or an error. */
export type CachedResult = number | string;

export type CellInput = Scalar | Formula;

export function isFormula(v: unknown): v is Formula {
  return typeof v === "object" && v !== null && typeof (v as Formula).formula === "string";
}

export interface ColumnPlan {
  /** Danish header, exactly as in the contract. */
  name: string;
  /** Set for computed columns: one formula for the whole column, canonical form. */
  formula?: string;
  /**
   * A computed column's results, one per row of the table's `rows` in their order (null: none known),
   * from the column's reference (see `Formula.result`). Absent where no reference computes them.
   */
  results?: (CachedResult | null)[];
  /** Excel number format, e.g. "dd-mm-yyyy" or "0.0%". */
  numFmt?: string;
  /** Data validation: a list source, as a formula (e.g. "=Liste_Lovgrundlag"). */
  validationList?: string;
  /** Column width in characters. */
  width?: number;
  /** Header cell fill, 6-digit hex (a computed column's header: see column-presentation.ts). */
  headerFill?: string;
  /** Fill of the column's data cells, 6-digit hex. */
  fill?: string;
  /** A note on the header cell, e.g. that the column is computed. */
  note?: string;
  /** A helper column the formulas read: grouped (outline level 1) and collapsed, never deleted. */
  helper?: boolean;
}

export interface TablePlan {
  /** Wrap the header cells' text (long headers over narrow number columns). */
  wrapHeaders?: boolean;
  /** ASCII table name from the contract, e.g. "Sager". */
  name: string;
  /** Top-left cell of the header row, A1 notation, e.g. "A1". */
  topLeft: string;
  columns: ColumnPlan[];
  /**
   * Data rows, one value per column. Computed columns hold null here (their formula fills them).
   * A table with no rows gets one empty row so that it exists in every engine.
   */
  rows: Scalar[][];
  /** Built-in table style name. */
  style?: string;
}

export interface CellPlan {
  /** A1 address on the sheet. */
  address: string;
  value: CellInput;
  numFmt?: string;
  bold?: boolean;
  /** Font size in points, for titles. */
  size?: number;
  /** Horizontal alignment, e.g. a suppression mark right-aligned like the numbers around it. */
  align?: "left" | "center" | "right";
  /** A drop-down of these values that refuses any other (a setting a typo must not change silently). */
  dropDown?: readonly string[];
  /** Wrap the text within the cell's width. */
  wrap?: boolean;
}

export interface ConditionalFormatPlan {
  /** A1 range on the sheet, e.g. "C2:C200". */
  range: string;
  /** A formula relative to the range's top-left cell that is true where the format applies. */
  formula: string;
  /** Fill colour as 6-digit hex, e.g. "FFC7CE". */
  fill: string;
  /** Font colour as 6-digit hex. */
  fontColor?: string;
}

export interface SheetPlan {
  name: string;
  tables: TablePlan[];
  cells?: CellPlan[];
  conditionalFormats?: ConditionalFormatPlan[];
  /** Widths in characters by column letter. */
  columnWidths?: Record<string, number>;
  /** Freeze the first N rows. */
  freezeRows?: number;
  /** Hidden from the sheet tabs (the add-in's own metadata sheet); users can still unhide it. */
  hidden?: boolean;
  /** Print setup for report sheets. */
  print?: {
    orientation: "landscape" | "portrait";
    paperSize: "A4";
    fitToWidth?: boolean;
    /** Footer text on the left of every page (e.g. the period); the right holds "Side n af m". */
    footer?: string;
    /** The columns printed, e.g. "A:J" (text that runs on to the right is not scaled into the page). */
    columns?: string;
    /** Rows repeated at the top of every printed page, e.g. "3:3" (a long table's header row). */
    titleRows?: string;
  };
}

export interface NamePlan {
  /** ASCII defined name, e.g. "Opgoerelsesdato". */
  name: string;
  /** What it refers to, canonical form, e.g. "='Opsætning'!$B$2" or "=Lister[Lovgrundlag]". */
  refersTo: string;
}

export interface Plan {
  sheets: SheetPlan[];
  names: NamePlan[];
  /** The add-in's metadata document (a cache; the tables are the truth). */
  metadata?: Record<string, unknown>;
}

/** Column index (0-based) to letters: 0 -> A, 27 -> AB. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters to 0-based column index: A -> 0, AB -> 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parse "B3" into 0-based row and column. */
export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`Ugyldig celleadresse: ${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function address(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}
