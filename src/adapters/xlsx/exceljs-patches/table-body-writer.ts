// A table's data rows are kept as the plan's values until the sheet is written (table-body.ts): writing
// 10,000 rows cell by cell through ExcelJS (a cell object, a model, a style lookup and an XML node per
// cell) made a conversion half as slow again (decision 0019). ExcelJS 4.4 has no place for rows that are
// not cells, so its worksheet model is given each body as one row model at its first row, and its row
// writer renders such a model from the values (table-body-xml.ts).
import type ExcelJS from "exceljs";
import { invarianceCache } from "../column-formulas";
import { fillTableBodies, tableBodiesOf, tableBodyWriterInstalled, withBodiesKept, type TableBody } from "../table-body";
import { tableBodyBytes } from "../table-body-xml";
import { holdBytes } from "../held-bytes";

interface RowModel {
  number: number;
  cells: unknown[];
  body?: TableBody;
  xml?: string;
}

interface WorksheetModel {
  rows: RowModel[];
  dimensions: { expand(top: number, left: number, bottom: number, right: number): void };
}

interface WriteOptions {
  styles: { addStyleModel(style: object, valueType: number): number };
  sharedStrings?: { add(text: string): number };
  siFormulae: number;
}

function bodyRange(b: TableBody): { top: number; bottom: number; left: number; right: number } {
  return { top: b.top, bottom: b.top + b.rows.length - 1, left: b.left, right: b.left + b.columns.length - 1 };
}

/** Whether a body's rows are its own: no other cell and no other body in them. */
function bodiesStandAlone(bodies: readonly TableBody[], rows: RowModel[]): boolean {
  const ranges = bodies.map(bodyRange).sort((a, b) => a.top - b.top);
  for (let k = 1; k < ranges.length; k++) if (ranges[k].top <= ranges[k - 1].bottom) return false;
  return !rows.some((row) => ranges.some((r) => row.number >= r.top && row.number <= r.bottom));
}

/**
 * A worksheet's model holds each body as one row model at its first row (or, if anything shares its rows,
 * the body is filled into cells first), and ExcelJS's row writer renders such a model from the values.
 * Node only, with the file adapter: the browser preview's ExcelJS is a bundle of its own that these
 * patches do not reach, so there bodies are filled into cells at once.
 */
export function writeTableBodiesAsXml(): void {
  const sameEverywhere = invarianceCache();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Worksheet = require("exceljs/lib/doc/worksheet.js") as { prototype: object };
  const descriptor = Object.getOwnPropertyDescriptor(Worksheet.prototype, "model");
  if (!descriptor?.get) throw new Error("ExcelJS: worksheet.model findes ikke (ukendt ExcelJS-version)");
  const modelOf = descriptor.get;
  Object.defineProperty(Worksheet.prototype, "model", {
    ...descriptor,
    get(this: ExcelJS.Worksheet) {
      const bodies = tableBodiesOf(this);
      if (bodies.length === 0) return modelOf.call(this);
      const model = withBodiesKept(() => modelOf.call(this) as WorksheetModel);
      if (!bodiesStandAlone(bodies, model.rows)) {
        fillTableBodies(this);
        return modelOf.call(this);
      }
      for (const body of bodies) {
        const r = bodyRange(body);
        model.dimensions.expand(r.top, r.left, r.bottom, r.right);
        const at = model.rows.findIndex((row) => row.number > r.top);
        model.rows.splice(at < 0 ? model.rows.length : at, 0, { number: r.top, cells: [], body });
      }
      return model;
    },
  });

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const RowXform = require("exceljs/lib/xlsx/xform/sheet/row-xform.js") as { prototype: Record<string, unknown> };
  const { prepare, render } = RowXform.prototype as {
    prepare: (model: RowModel, options: WriteOptions) => void;
    render: (xmlStream: { writeXml(xml: string): void }, model: RowModel, options: unknown) => void;
  };
  RowXform.prototype.prepare = function prepareBody(this: unknown, model: RowModel, options: WriteOptions) {
    if (!model.body) return prepare.call(this, model, options);
    // As bytes held outside the heap, with a marker in the sheet's text: see tableBodyBytes.
    model.xml = holdBytes(
      tableBodyBytes(model.body, {
        styleId: (style, valueType) => options.styles.addStyleModel(style, valueType),
        sharedString: (text) => options.sharedStrings?.add(text),
        nextSharedFormula: () => options.siFormulae++,
        sameEverywhere,
      })
    );
  };
  RowXform.prototype.render = function renderBody(this: unknown, xmlStream: { writeXml(xml: string): void }, model: RowModel, options: unknown) {
    if (model.xml === undefined) return render.call(this, xmlStream, model, options);
    xmlStream.writeXml(model.xml);
  };
  tableBodyWriterInstalled();
}
