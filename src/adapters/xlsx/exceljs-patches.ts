// Small, contained extensions of ExcelJS 4.4 for what the file format needs and ExcelJS omits:
// a table column's <calculatedColumnFormula> (so Excel fills the formula into new rows) and
// defined names whose reference is not a plain range (e.g. `Lister[Lovgrundlag]`).
import type ExcelJS from "exceljs";
import { invarianceCache, shareRepeatedFormulas, slideFormula } from "./column-formulas";
import { installPackagePatches } from "./package-patches";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const TableColumnXform = require("exceljs/lib/xlsx/xform/table/table-column-xform.js");

interface ColumnModel {
  id: number;
  name: string;
  totalsRowLabel?: string;
  totalsRowFunction?: string;
  dxfId?: string;
  calculatedColumnFormula?: string;
}

interface XmlStream {
  openNode(tag: string, attrs?: Record<string, unknown>): void;
  leafNode(tag: string, attrs?: Record<string, unknown>, text?: string): void;
  closeNode(): void;
}

let patched = false;

/** The prototype of ExcelJS's formula values (a formula and a shared formula alike), which it does not export. */
function formulaValuePrototype(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJSModule = require("exceljs");
  const cell = new ExcelJSModule.Workbook().addWorksheet("x").getCell("A1");
  cell.value = { formula: "1" };
  return Object.getPrototypeOf((cell as unknown as { _value: object })._value);
}

/**
 * ExcelJS's formula values drop a cached result that is falsy (0, "", false) when copied, so a
 * formula that computed 0 would read back as empty. Keep every result that is present.
 */
function keepFalsyFormulaResults(proto: Record<string, unknown>): void {
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
 * A cell sharing a formula reads it by moving the first cell's text to its own place, a regular
 * expression over the whole text for every cell: half a minute for the large workbook's check. A text
 * that no move changes (this-row structured references, absolute references) is the same in every cell,
 * so it is tested once per text and then handed out as it is.
 */
function readSharedFormulasOnce(proto: Record<string, unknown>, sameEverywhere: (formula: string) => boolean): void {
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

/**
 * Write each column's repeated formula once, shared by the cells below it (see column-formulas.ts): shared
 * as the sheet is prepared, each cell its own formula again once the sheet is rendered.
 */
function shareFormulasOnWrite(sameEverywhere: (formula: string) => boolean): void {
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

/** Install the patches once per process (idempotent). */
export function installExcelJsPatches(): void {
  if (patched) return;
  patched = true;
  installPackagePatches();
  const formulaValue = formulaValuePrototype();
  keepFalsyFormulaResults(formulaValue);
  const sameEverywhere = invarianceCache();
  readSharedFormulasOnce(formulaValue, sameEverywhere);
  shareFormulasOnWrite(sameEverywhere);
  const proto = TableColumnXform.prototype;
  const originalParseOpen = proto.parseOpen;
  proto.render = function render(xmlStream: XmlStream, model: ColumnModel): boolean {
    const attrs = {
      id: model.id.toString(),
      name: model.name,
      totalsRowLabel: model.totalsRowLabel,
      totalsRowFunction: model.totalsRowFunction,
      dxfId: model.dxfId,
    };
    if (model.calculatedColumnFormula) {
      xmlStream.openNode("tableColumn", attrs);
      xmlStream.leafNode("calculatedColumnFormula", undefined, model.calculatedColumnFormula);
      xmlStream.closeNode();
    } else {
      xmlStream.leafNode("tableColumn", attrs);
    }
    return true;
  };
  // Reading: keep the calculated column formula so integrity checks can compare against the contract.
  proto.parseOpen = function parseOpen(this: { model: ColumnModel; _inFormula?: boolean }, node: { name: string }) {
    if (node.name === "calculatedColumnFormula") {
      this._inFormula = true;
      return true;
    }
    return originalParseOpen.call(this, node);
  };
  proto.parseText = function parseText(this: { model: ColumnModel; _inFormula?: boolean }, text: string) {
    if (this._inFormula) this.model.calculatedColumnFormula = (this.model.calculatedColumnFormula ?? "") + text;
  };
  proto.parseClose = function parseClose(this: { _inFormula?: boolean }, name: string) {
    if (name === "calculatedColumnFormula") {
      this._inFormula = false;
      return true;
    }
    return false;
  };
}

/** Add defined names whose reference ExcelJS cannot parse (structured references). */
export function addRawDefinedNames(workbook: ExcelJS.Workbook, names: { name: string; refersTo: string }[]): void {
  if (names.length === 0) return;
  const definedNames = workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
  const proto = Object.getPrototypeOf(definedNames);
  const descriptor = Object.getOwnPropertyDescriptor(proto, "model");
  if (!descriptor?.get) throw new Error("ExcelJS: definedNames.model findes ikke (ukendt ExcelJS-version)");
  const getter = descriptor.get;
  const extra = names.map((n) => ({ name: n.name, ranges: [n.refersTo.replace(/^=/, "")] }));
  Object.defineProperty(definedNames, "model", {
    configurable: true,
    get() {
      const own = (getter.call(this) as { name: string; ranges: string[] }[]).filter(
        (d) => !extra.some((e) => e.name === d.name)
      );
      return [...own, ...extra];
    },
    set(value) {
      descriptor.set?.call(this, value);
    },
  });
}
