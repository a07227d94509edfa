// Rebuild StructuredData from an ExcelJS workbook's tables and defined names (the truth; the
// metadata may be missing). The reading itself is pure and shared with Office.js
// (src/workbook/structured-from-tables.ts); this module only finds the tables and names in the file.
import type ExcelJS from "exceljs";
import { MissingTableError, structuredFromTables, type ReadResult, type TableSource } from "../../workbook/structured-from-tables";
import type { Plain } from "./cell-values";
import { cellPlain, findTable } from "./read-tables";
import { WorkbookFileError } from "./workbook-file-error";

export type { ReadResult } from "../../workbook/structured-from-tables";

/** The value of the single cell a defined name points at, or undefined when it is missing. */
export function namedValue(wb: ExcelJS.Workbook, name: string): Plain | undefined {
  const ranges = (wb.definedNames as unknown as { getRanges(n: string): { ranges: string[] } }).getRanges(name)?.ranges ?? [];
  const ref = ranges[0];
  if (!ref) return undefined;
  const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  const ws = wb.getWorksheet(m[1].replace(/''/g, "'"));
  if (!ws) return undefined;
  return cellPlain(ws.getCell(`${m[2]}${m[3]}`));
}

/** Write a value into the single cell a defined name points at; false when the name is missing. */
export function setNamedValue(wb: ExcelJS.Workbook, name: string, value: number | string): boolean {
  const ranges = (wb.definedNames as unknown as { getRanges(n: string): { ranges: string[] } }).getRanges(name)?.ranges ?? [];
  const m = ranges[0] ? /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(ranges[0]) : null;
  const ws = m ? wb.getWorksheet(m[1].replace(/''/g, "'")) : undefined;
  if (!m || !ws) return false;
  ws.getCell(`${m[2]}${m[3]}`).value = value;
  return true;
}

/** The workbook's tables and names as a TableSource, looked up when asked. */
export function workbookSource(wb: ExcelJS.Workbook): TableSource {
  return { table: (name) => findTable(wb, name), name: (name) => namedValue(wb, name) };
}

/** Read every structured table; Sager and Enheder must exist, the others may be absent (empty). */
export function structuredFromWorkbook(wb: ExcelJS.Workbook): ReadResult {
  try {
    return structuredFromTables(workbookSource(wb));
  } catch (e) {
    throw e instanceof MissingTableError ? new WorkbookFileError(e.message) : e;
  }
}
