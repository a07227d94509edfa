// ExcelJS turns a formula's cached result into a date when the cell has a date format, even when the result
// is an error value: `#DIV/0!` in a date column became an invalid date and then the text "NaN". Keep an
// error result as the error it is, so the import can report it with its own text.
interface CellModel {
  type: number;
  result?: unknown;
}

export function keepErrorResults(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CellXform = require("exceljs/lib/xlsx/xform/sheet/cell-xform.js") as { prototype: { reconcile: (model: CellModel, options: unknown) => void } };
  const reconcile = CellXform.prototype.reconcile;
  CellXform.prototype.reconcile = function reconcileKeepingErrors(this: unknown, model: CellModel, options: unknown) {
    const result = model.result;
    reconcile.call(this, model, options);
    if (result !== null && typeof result === "object" && "error" in result) model.result = result;
  };
}
