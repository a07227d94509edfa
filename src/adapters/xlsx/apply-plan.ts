// Apply a Plan to an ExcelJS workbook (the command line's and the browser preview's adapter).
// Works on an in-memory workbook so the same code serves files (Node) and the preview (browser).
import ExcelJS from "exceljs";
import { isFormula, parseAddress, address, type CellPlan, type Plan, type SheetPlan, type TablePlan, type Scalar } from "../../workbook/plan";
import { toFileFormula } from "../../workbook/formula-text";
import { boundedPrintArea } from "./print-areas";
import { installExcelJsPatches, addRawDefinedNames } from "./exceljs-patches/index";
import { addRangeValidation } from "./data-validations";
import { canDeferTableBodies, deferTableBody, fillTableBody, formulaValue, isDateFormat, toCellValue, type TableBody } from "./table-body";

export interface ApplyOptions {
  /** Replace sheets of the same name that already exist (our own sheets on a re-run). */
  replaceExisting?: boolean;
}

export function applyPlan(workbook: ExcelJS.Workbook, plan: Plan, options: ApplyOptions = {}): void {
  installExcelJsPatches();
  for (const sheet of plan.sheets) applySheet(workbook, sheet, options);
  const plain: { name: string; refersTo: string }[] = [];
  const raw: { name: string; refersTo: string }[] = [];
  for (const n of plan.names) (isPlainRange(n.refersTo) ? plain : raw).push(n);
  for (const n of plain) {
    workbook.definedNames.add(n.refersTo.replace(/^=/, ""), n.name);
  }
  addRawDefinedNames(workbook, raw);
  // Formulas carry the results their references compute where the plan has them (so a reader that does
  // not recalculate shows numbers), and none elsewhere: have Excel compute everything when it opens the file.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
}

function isPlainRange(refersTo: string): boolean {
  return /^=?('[^']+'|[A-Za-z0-9_]+)!\$[A-Z]+\$\d+(:\$[A-Z]+\$\d+)?$/.test(refersTo);
}

function applySheet(workbook: ExcelJS.Workbook, plan: SheetPlan, options: ApplyOptions): void {
  const existing = workbook.getWorksheet(plan.name);
  if (existing) {
    if (!options.replaceExisting) throw new Error(`Arket "${plan.name}" findes allerede`);
    workbook.removeWorksheet(existing.id);
  }
  const ws = workbook.addWorksheet(plan.name, {
    views: plan.freezeRows ? [{ state: "frozen", ySplit: plan.freezeRows }] : undefined,
  });
  if (plan.hidden) ws.state = "hidden";
  if (plan.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      orientation: plan.print.orientation,
      paperSize: 9, // A4
      fitToPage: plan.print.fitToWidth ?? false,
      fitToWidth: 1,
      fitToHeight: 0,
    };
    // Whole columns as a bounded range, which survives the next load and save through ExcelJS (print-areas.ts).
    if (plan.print.columns) ws.pageSetup.printArea = boundedPrintArea(plan.print.columns);
    if (plan.print.titleRows) ws.pageSetup.printTitlesRow = plan.print.titleRows;
    if (plan.print.footer !== undefined) {
      // &L, &R: footer sections; &P and &N: page number and count; a literal & is doubled.
      ws.headerFooter = { ...ws.headerFooter, oddFooter: `&L${plan.print.footer.replace(/&/g, "&&")}&RSide &P af &N` };
    }
  }
  const bodies = plan.tables.map((t) => applyTable(ws, t));
  // A cell of the plan inside a table's rows is written over the table's value, as it always was.
  const defer = canDeferTableBodies() && !(plan.cells ?? []).some((c) => bodies.some((b) => holds(b, c.address)));
  if (!defer) for (const b of bodies) fillTableBody(ws, b);
  for (const c of plan.cells ?? []) {
    const cell = ws.getCell(c.address);
    cell.value = isFormula(c.value) ? formulaValue(toFileFormula(c.value.formula), c.value.result) : toCellValue(c.value, isDateFormat(c.numFmt));
    // A cell of a table body shares its column's style object: give it its own before changing it.
    if (c.numFmt || c.bold || c.size || c.align || c.wrap) cell.style = cellStyle(cell.style, c);
    if (c.dropDown) addRangeValidation(ws, c.address, c.address, dropDownValidation(c.dropDown));
  }
  for (const cf of plan.conditionalFormats ?? []) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [toFileFormula(cf.formula)],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FF" + cf.fill } },
            font: cf.fontColor ? { color: { argb: "FF" + cf.fontColor } } : undefined,
          },
        },
      ],
    });
  }
  for (const [letter, width] of Object.entries(plan.columnWidths ?? {})) ws.getColumn(letter).width = width;
  // Last: the first read of the sheet's cells or rows fills the bodies in (table-body.ts).
  if (defer) for (const b of bodies) deferTableBody(ws, b);
}

const cellStyles = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();

/**
 * The style of a plan cell over the style it has: one object per distinct result (ExcelJS finds a style's
 * id by the object), never the shared object of the table column it lies in, changed for every cell.
 */
function cellStyle(base: Partial<ExcelJS.Style>, c: CellPlan): Partial<ExcelJS.Style> {
  const key = JSON.stringify([c.numFmt ?? null, c.bold ?? null, c.size ?? null, c.align ?? null, c.wrap ?? null]);
  let byKey = cellStyles.get(base);
  if (!byKey) cellStyles.set(base, (byKey = new Map()));
  let style = byKey.get(key);
  if (!style) {
    style = { ...base };
    if (c.numFmt) style.numFmt = c.numFmt;
    if (c.bold || c.size) style.font = { ...base.font, bold: c.bold ?? false, size: c.size };
    if (c.align || c.wrap) style.alignment = { ...base.alignment, ...(c.align ? { horizontal: c.align } : {}), ...(c.wrap ? { wrapText: true } : {}) };
    byKey.set(key, style);
  }
  return style;
}

/** A drop-down of fixed values that refuses anything else, with a Danish message. */
function dropDownValidation(values: readonly string[]): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: false,
    formulae: [`"${values.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "Ugyldig værdi",
    error: `Vælg en af: ${values.join(", ")}.`,
  };
}

function holds(body: TableBody, a1: string): boolean {
  const { row, col } = parseAddress(a1);
  const r = row + 1 - body.top;
  const c = col + 1 - body.left;
  return r >= 0 && r < body.rows.length && c >= 0 && c < body.columns.length;
}

function applyTable(ws: ExcelJS.Worksheet, t: TablePlan): TableBody {
  const { row: top, col: left } = parseAddress(t.topLeft);
  const formulas = t.columns.map((c) => (c.formula ? toFileFormula(c.formula) : null));
  const width = t.columns.length;
  const dataRows: Scalar[][] = t.rows.length > 0 ? t.rows : [new Array<Scalar>(width).fill(null)];
  // The table's extent comes from its rows; the values stay in the body until the sheet is written or read.
  const table = ws.addTable({
    name: t.name,
    displayName: t.name,
    ref: address(top, left),
    headerRow: true,
    totalsRow: false,
    style: { theme: (t.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: t.columns.map((c) => ({ name: c.name, filterButton: true })),
    rows: dataRows.map(() => []),
  });
  const model = (table as unknown as { table: { columns: { calculatedColumnFormula?: string }[] } }).table;
  formulas.forEach((f, j) => {
    if (f) model.columns[j].calculatedColumnFormula = f;
  });
  t.columns.forEach((c, j) => {
    const column = ws.getColumn(left + j + 1);
    column.width = c.width ?? Math.max(10, Math.min(40, c.name.length + 4));
    const header = ws.getCell(top + 1, left + j + 1);
    header.font = { bold: true };
    if (t.wrapHeaders) {
      header.alignment = { wrapText: true, vertical: "top" };
      // Room for three lines: engines do not grow a row for wrapped text on their own when a file opens.
      ws.getRow(top + 1).height = 45;
    }
    if (c.headerFill) header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + c.headerFill } };
    if (c.note) header.note = c.note;
    if (c.helper) {
      column.outlineLevel = 1;
      column.hidden = true;
      ws.properties.outlineLevelCol = 1;
    }
    if (c.validationList) {
      const validation: ExcelJS.DataValidation = { type: "list", allowBlank: true, formulae: [c.validationList.replace(/^=/, "")], showErrorMessage: false };
      addRangeValidation(ws, address(top + 1, left + j), address(top + dataRows.length, left + j), validation);
    }
  });
  return {
    top: top + 2,
    left: left + 1,
    rows: dataRows,
    columns: t.columns.map((c, j) => ({
      formula: formulas[j] ?? undefined,
      results: formulas[j] ? c.results : undefined,
      // One style object for the column's cells: ExcelJS looks a style up by identity when it writes, and
      // otherwise serialises each cell's own to find its twin.
      style: {
        ...(c.numFmt ? { numFmt: c.numFmt } : {}),
        ...(c.fill ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + c.fill } } } : {}),
      },
      date: isDateFormat(c.numFmt),
    })),
  };
}
