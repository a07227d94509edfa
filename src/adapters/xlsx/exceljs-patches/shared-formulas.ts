// ExcelJS 4.4 writes every cell's formula in full. A computed column's formula is written once and shared
// by the cells below it, as Excel writes a filled-down formula (column-formulas.ts, decision 0007): shared
// as the sheet is prepared, each cell its own formula again once the sheet is rendered.
import { shareRepeatedFormulas } from "../column-formulas";

export function shareFormulasOnWrite(sameEverywhere: (formula: string) => boolean): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const WorkSheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform.js");
  const { prepare, render } = WorkSheetXform.prototype;
  const undo = new WeakMap<object, () => void>();
  WorkSheetXform.prototype.prepare = function sharingPrepare(model: { rows: Parameters<typeof shareRepeatedFormulas>[0] }, options: unknown) {
    undo.set(model, shareRepeatedFormulas(model.rows, sameEverywhere));
    return prepare.call(this, model, options);
  };
  WorkSheetXform.prototype.render = function sharingRender(xmlStream: unknown, model: object) {
    try {
      return render.call(this, xmlStream, model);
    } finally {
      undo.get(model)?.();
      undo.delete(model);
    }
  };
}
