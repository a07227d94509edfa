// ExcelJS cell values <-> plain values. ExcelJS represents dates as JS Dates at UTC midnight and
// formulas, rich text, hyperlinks and errors as objects; the core sees serials and scalars only.
import type ExcelJS from "exceljs";
import { jsDateFromSerial, serialFromJsDate } from "../../domain/dates";
export type Plain = string | number | boolean | null;

export function serialToExcelJsDate(serial: number): Date {
  return jsDateFromSerial(serial);
}

/** The value a user sees, as a plain value: formula results, rich text joined, errors as their text. */
export function plainValue(v: ExcelJS.CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return "#VALUE!"; // never "NaN": an unreadable date reads as Excel's error
    const s = serialFromJsDate(v);
    const fraction = (v.getTime() % 86_400_000) / 86_400_000;
    return fraction === 0 ? s : s + fraction;
  }
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("error" in v) return v.error;
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return null;
      if (typeof result === "object" && "error" in result) return result.error;
      return plainValue(result as ExcelJS.CellValue);
    }
    if ("text" in v) {
      const t = (v as ExcelJS.CellHyperlinkValue).text;
      return typeof t === "string" ? t : null;
    }
  }
  return String(v);
}
