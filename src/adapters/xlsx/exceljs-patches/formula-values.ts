// Two patches of ExcelJS 4.4's formula values (a formula and a shared formula alike; ExcelJS does not export
// their class, so it is found through a cell that holds one).
import type ExcelJS from "exceljs";
import { slideFormula } from "../column-formulas";

/** The prototype of ExcelJS's formula values. */
export function formulaValuePrototype(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJSModule = require("exceljs");
  const cell = new ExcelJSModule.Workbook().addWorksheet("x").getCell("A1");
  cell.value = { formula: "1" };
  return Object.getPrototypeOf((cell as unknown as { _value: object })._value);
}

/**
 * ExcelJS's formula values drop a cached result that is falsy (0, "", false) when copied, so a formula
 * that computed 0 reads back as empty. Keep every result that is present.
 */
export function keepFalsyFormulaResults(proto: Record<string, unknown>): void {
  proto._copyModel = function copyModel(model: Record<string, unknown>) {
    const copy: Record<string, unknown> = {};
    for (const name of ["formula", "result", "ref", "shareType", "sharedFormula"]) {
      const v = model[name];
      if (v !== undefined && v !== null && !(name !== "result" && !v)) copy[name] = v;
    }
    return copy;
  };
}

/**
 * A cell sharing a formula reads it by moving the first cell's text to its own place, a regular expression
 * over the whole text for every cell: half a minute for the large workbook's check. A text that no move
 * changes (this-row structured references, absolute references) is the same in every cell, so it is tested
 * once per text and then handed out as it is.
 */
export function readSharedFormulasOnce(proto: Record<string, unknown>, sameEverywhere: (formula: string) => boolean): void {
  proto._getTranslatedFormula = function getTranslatedFormula(this: {
    _translatedFormula?: string;
    model: { sharedFormula?: string; address: string };
    cell: ExcelJS.Cell;
  }) {
    if (!this._translatedFormula && this.model.sharedFormula) {
      const worksheet = this.cell.worksheet as unknown as { findCell(address: string): ExcelJS.Cell | undefined };
      const master = worksheet.findCell(this.model.sharedFormula);
      const text = master?.formula;
      if (master && text) this._translatedFormula = sameEverywhere(text) ? text : slideFormula(text, master.address, this.model.address);
    }
    return this._translatedFormula;
  };
}
