// Plan values -> what Office.js `range.values` should receive so that text stays text.
//
// Excel parses a string written through `values` as if a user had typed it: "=1+1", "+4511", "-x" and
// "@x" become formulas, "007" and "1-2" become numbers or dates, "TRUE" a boolean. We write such strings
// with a leading apostrophe (Excel's quote prefix), not with the "@" number format, because the
// apostrophe travels inside the same 2-D array (one byte, no extra API call per cell), leaves the column's
// number format alone, and does not turn a formula a user later types into that cell into text.
import type { Scalar } from "../../workbook/plan";

export type OfficeValue = string | number | boolean;

/** Text Excel keeps as typed: starts with a letter, holds no digit, and is not a boolean word. */
const SAFE_TEXT = /^\p{L}[^\d]*$/u;
const BOOLEAN_WORDS = /^\s*(true|false|sand|falsk)\s*$/i;

/** Whether Excel could read this string as anything but the same text. */
export function needsQuotePrefix(s: string): boolean {
  if (s === "") return false;
  return !SAFE_TEXT.test(s) || BOOLEAN_WORDS.test(s);
}

/**
 * A plan value as an Office.js input value. Empty cells are "" (null would leave the cell unchanged).
 * In a cell already formatted as text ("@") Excel keeps any input as typed, apostrophe included, so
 * there the string goes as it is.
 */
export function toOfficeValue(v: Scalar, numFmt?: string): OfficeValue {
  if (v === null) return "";
  if (typeof v === "string") return numFmt !== "@" && needsQuotePrefix(v) ? "'" + v : v;
  // Excel has no NaN or infinity; keep the mistake visible as text rather than blank it.
  if (typeof v === "number" && !Number.isFinite(v)) return "'" + String(v);
  return v;
}
