// A column's drop-down is one data validation over the column's data rows (sqref="D2:D10001"), as Excel
// writes it, not one per cell: ExcelJS merges per-cell validations back into ranges when it writes, which
// cost a large conversion half a second. ExcelJS looks validations up by exact address, so a cell's
// validation is found here by range as well.
import type ExcelJS from "exceljs";
import { address, parseAddress } from "../../workbook/plan";

interface Validations {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(address: string, validation: ExcelJS.DataValidation): void;
}

function validations(ws: ExcelJS.Worksheet): Validations {
  return (ws as unknown as { dataValidations: Validations }).dataValidations;
}

/** One validation over a range of cells (A1 addresses of its corners). */
export function addRangeValidation(ws: ExcelJS.Worksheet, from: string, to: string, validation: ExcelJS.DataValidation): void {
  validations(ws).add(from === to ? from : `${from}:${to}`, validation);
}

/** The validation of a cell: its own, or that of a range holding it. */
export function dataValidationAt(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.DataValidation | undefined {
  const { model } = validations(ws);
  const own = model[address(row - 1, col - 1)];
  if (own) return own;
  for (const [key, validation] of Object.entries(model)) {
    if (!validation || !key.includes(":")) continue;
    const [a, b] = key.split(":").map(parseAddress); // zero-based
    if (row - 1 >= a.row && row - 1 <= b.row && col - 1 >= a.col && col - 1 <= b.col) return validation;
  }
  return undefined;
}
