// Two things ExcelJS 4.4 writes that Excel "repairs" on opening, fixed where ExcelJS writes them:
//
// - Overlapping data validations. ExcelJS reads a validation over D2:D41 as one entry per cell and, when it
//   writes, squeezes the cells back into ranges after sorting the addresses as text: D10 comes before D2, so
//   it writes D10:D41 and then D2:D41 over it. The model is put back into ranges (column runs, in row order)
//   before ExcelJS sees it.
// - A theme the package does not hold. A workbook saved without a theme (LibreOffice writes none) is read
//   with an empty set of themes, so ExcelJS writes none while its relationships and content types still name
//   xl/theme/theme1.xml (ExcelJS issue 425). Its default theme is written then.
import { address, parseAddress } from "../../../workbook/plan";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const DataValidationsXform = require("exceljs/lib/xlsx/xform/sheet/data-validations-xform.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const XLSX = require("exceljs/lib/xlsx/xlsx.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const theme1Xml = require("exceljs/lib/xlsx/xml/theme1.js") as string;

type ValidationModel = Record<string, object | undefined>;

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function rectOf(key: string): Rect {
  const [a, b = a] = key.split(":").map(parseAddress);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function inside(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/**
 * The validations as ranges: cells with equal validations that follow each other down a column become one
 * range; a cell that a range already covers is dropped (two validations on one cell are a repair in Excel).
 */
export function compactValidations(model: ValidationModel): ValidationModel {
  const ranges: [string, object][] = [];
  const cells: { row: number; col: number; validation: object }[] = [];
  for (const [key, validation] of Object.entries(model)) {
    if (!validation) continue;
    if (key.includes(":")) ranges.push([key, validation]);
    else cells.push({ ...parseAddress(key), validation });
  }
  const rects = ranges.map(([key]) => rectOf(key));
  const keyOf = new Map<object, string>();
  const identity = (v: object): string => {
    let k = keyOf.get(v);
    if (k === undefined) keyOf.set(v, (k = JSON.stringify(v)));
    return k;
  };
  const loose = cells.filter((c) => !rects.some((r) => inside(r, c.row, c.col)));
  loose.sort((a, b) => a.col - b.col || a.row - b.row);
  const out: ValidationModel = {};
  for (const [key, validation] of ranges) out[key] = validation;
  for (let i = 0; i < loose.length;) {
    const first = loose[i];
    let j = i + 1;
    while (
      j < loose.length &&
      loose[j].col === first.col &&
      loose[j].row === loose[j - 1].row + 1 &&
      identity(loose[j].validation) === identity(first.validation)
    )
      j++;
    const last = loose[j - 1];
    const from = address(first.row, first.col);
    out[j - i > 1 ? `${from}:${address(last.row, last.col)}` : from] = first.validation;
    i = j;
  }
  return out;
}

/** Write data validations as ranges that do not overlap. */
export function compactValidationsOnWrite(): void {
  const { render } = DataValidationsXform.prototype;
  DataValidationsXform.prototype.render = function renderCompact(xmlStream: unknown, model: ValidationModel | undefined) {
    return render.call(this, xmlStream, model ? compactValidations(model) : model);
  };
}

/** Write ExcelJS's default theme when the workbook read holds none. */
export function writeDefaultTheme(): void {
  const { addThemes } = XLSX.prototype;
  XLSX.prototype.addThemes = function addThemesOrDefault(zip: unknown, model: { themes?: Record<string, string> }) {
    const themes = model.themes;
    const complete = themes && themes.theme1 ? themes : { ...themes, theme1: theme1Xml };
    return addThemes.call(this, zip, { ...model, themes: complete });
  };
}
