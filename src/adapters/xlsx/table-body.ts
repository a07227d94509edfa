// A table's data rows, kept as the plan's values until the sheet is written or read. Writing a large
// table cell by cell through ExcelJS (a cell object, a model, a style lookup and an XML node per cell)
// cost a 10,000-row conversion two seconds; written straight from the values (table-body-xml.ts) it
// costs a tenth of that. Whoever reads or changes the sheet first gets the cells, filled exactly as
// before, so the body is only ever a faster way to the same workbook.
import type ExcelJS from "exceljs";
import type { CachedResult, Scalar } from "../../workbook/plan";
import { jsDateFromSerial } from "../../domain/dates";

export interface BodyColumn {
  /** The formula of a computed column in file form; it fills every row. */
  formula?: string;
  /** The formula's cached results, one per row (null: none), as the plan's column has them. */
  results?: readonly (CachedResult | null)[];
  /** One style object for the column's cells (ExcelJS finds a style's id by the object). */
  style: Partial<ExcelJS.Style>;
  /** The number format is a date's: numbers are dates. */
  date: boolean;
}

export interface TableBody {
  /** Sheet row (1-based) of the first data row. */
  top: number;
  /** Sheet column (1-based) of the table's first column. */
  left: number;
  columns: BodyColumn[];
  rows: Scalar[][];
}

export { isDateFormat } from "../../domain/text";

/**
 * A plan value as an ExcelJS cell value. Strings stay strings (ExcelJS writes them as shared
 * strings, never as formulas, whatever they start with). Numbers in date columns become dates.
 */
export function toCellValue(v: Scalar, date: boolean): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "number" && date) return jsDateFromSerial(v);
  return v;
}

/** A formula as ExcelJS's cell value, with its cached result if it has one (ExcelJS writes it as `<v>`). */
export function formulaValue(formula: string, result: CachedResult | null | undefined): ExcelJS.CellFormulaValue {
  return result === null || result === undefined ? { formula, date1904: false } : { formula, result, date1904: false };
}

/** The value of a body cell in ExcelJS's terms: the column's formula, else the row's value. */
function bodyCellValue(body: TableBody, i: number, j: number): ExcelJS.CellValue {
  const column = body.columns[j];
  if (column.formula) return formulaValue(column.formula, column.results?.[i]);
  return toCellValue(body.rows[i][j] ?? null, column.date);
}

const bodies = new WeakMap<ExcelJS.Worksheet, TableBody[]>();
let writerInstalled = false;

/** Called by the writer (exceljs-patches/table-body-writer.ts) once it is installed: only then are bodies kept as values. */
export function tableBodyWriterInstalled(): void {
  writerInstalled = true;
}

/** Whether a body can wait for the writer: in Node, with the file adapter loaded (not in the browser preview). */
export function canDeferTableBodies(): boolean {
  return writerInstalled;
}

/** The bodies a sheet still holds as values, in the order they were added. */
export function tableBodiesOf(ws: ExcelJS.Worksheet): readonly TableBody[] {
  return bodies.get(ws) ?? [];
}

// Everything of ExcelJS's worksheet that reads or changes cells or rows: the first call fills the bodies in.
// test/xlsx/exceljs-patches.test.ts checks that ExcelJS still has each of them.
export const READERS = [
  "getCell",
  "findCell",
  "getRow",
  "findRow",
  "getRows",
  "findRows",
  "eachRow",
  "addRow",
  "addRows",
  "insertRow",
  "insertRows",
  "spliceRows",
  "duplicateRow",
  "getColumn",
  "spliceColumns",
  "getSheetValues",
  "mergeCells",
  "unMergeCells",
  "fillFormula",
] as const;
export const READING_PROPERTIES = ["columns", "columnCount", "actualColumnCount", "actualRowCount", "dimensions"] as const;

// Set while ExcelJS builds a sheet's model for writing: it reads the columns, which must not fill the bodies.
let writing = 0;

/** Run ExcelJS's own model builder on a sheet without filling its bodies in (the writer renders them). */
export function withBodiesKept<T>(build: () => T): T {
  writing++;
  try {
    return build();
  } finally {
    writing--;
  }
}

function prototypeGetter(ws: object, name: string): () => unknown {
  for (let proto = Object.getPrototypeOf(ws); proto; proto = Object.getPrototypeOf(proto)) {
    const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
    if (get) return get;
  }
  throw new Error(`ExcelJS: worksheet.${name} findes ikke (ukendt ExcelJS-version)`);
}

/** Keep a table's data rows as values; the sheet must already hold the table's header and definition. */
export function deferTableBody(ws: ExcelJS.Worksheet, body: TableBody): void {
  const list = bodies.get(ws);
  if (list) {
    list.push(body);
    return;
  }
  bodies.set(ws, [body]);
  const own = ws as unknown as Record<string, unknown>;
  const proto = Object.getPrototypeOf(ws) as Record<string, unknown>;
  for (const name of READERS) {
    const original = proto[name] as (...args: unknown[]) => unknown;
    own[name] = function (this: ExcelJS.Worksheet, ...args: unknown[]) {
      if (!writing) fillTableBodies(ws);
      return original.apply(this, args);
    };
  }
  for (const name of READING_PROPERTIES) {
    const get = prototypeGetter(ws, name);
    Object.defineProperty(ws, name, {
      configurable: true,
      get() {
        if (!writing) fillTableBodies(ws);
        return get.call(ws);
      },
    });
  }
}

/** Turn a sheet's bodies into cells, as they would have been written without deferring them. */
export function fillTableBodies(ws: ExcelJS.Worksheet): void {
  const list = bodies.get(ws);
  if (!list) return;
  bodies.delete(ws);
  const own = ws as unknown as Record<string, unknown>;
  for (const name of [...READERS, ...READING_PROPERTIES]) delete own[name];
  for (const body of list) fillTableBody(ws, body);
}

/** Write a body's values into the sheet's cells. */
export function fillTableBody(ws: ExcelJS.Worksheet, body: TableBody): void {
  for (let i = 0; i < body.rows.length; i++) {
    const row = ws.getRow(body.top + i);
    for (let j = 0; j < body.columns.length; j++) {
      const cell = row.getCell(body.left + j);
      cell.value = bodyCellValue(body, i, j);
      cell.style = body.columns[j].style;
    }
  }
}
