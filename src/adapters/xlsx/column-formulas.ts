// A computed column holds one formula in every data row. In the file it is written as Excel writes a
// filled-down formula: the first cell holds the text, the others share it (<f t="shared"/>). The file is
// then a fraction of the size, and LibreOffice compiles the formula once per column instead of once per
// cell, which halves the large workbook's recalculation (docs/performance.md).
import type ExcelJS from "exceljs";
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { slideFormula } = require("exceljs/lib/utils/shared-formula.js") as { slideFormula: (formula: string, from: string, to: string) => string };

/**
 * Whether a formula reads the same in every cell, so cells may share it: a shared formula's cells move
 * its relative A1 references by their offset (as ExcelJS does when it reads one back), and this-row
 * structured references and absolute references do not move.
 */
export function sameInEveryCell(formula: string): boolean {
  return slideFormula(formula, "A1", "B2") === formula;
}

type FormulaCell = ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;

/**
 * A column's cell values, top to bottom from `firstAddress`, with one formula shared when every value is a
 * formula of the same text that reads the same in every row; the values as they were otherwise. Cached
 * results stay with their cells.
 */
export function shareColumnFormula(values: ExcelJS.CellValue[], firstAddress: string): ExcelJS.CellValue[] {
  if (values.length < 2) return values;
  const texts = values.map((v) => (v !== null && typeof v === "object" && "formula" in v && typeof v.formula === "string" ? v.formula : null));
  const text = texts[0];
  if (text === null || !texts.every((t) => t === text) || !sameInEveryCell(text)) return values;
  return values.map((v, i): FormulaCell => {
    const { result } = v as ExcelJS.CellFormulaValue;
    const shared: FormulaCell = i === 0 ? { formula: text, date1904: false } : { sharedFormula: firstAddress, date1904: false };
    if (result !== undefined && result !== null) shared.result = result;
    return shared;
  });
}
