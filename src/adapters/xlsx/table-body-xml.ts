// Writing a deferred table body (table-body.ts) into the sheet's XML straight from its values, all its
// rows in one piece (bytes held for the zip writer, held-bytes.ts). The cells are what ExcelJS's own
// writer makes of the values (shared strings, one style per column, dates as serial numbers), and each
// computed column's formula is shared down the column as column-formulas.ts shares it, each cell with its
// cached result where the plan has one. Two small patches
// put a body where its rows belong in ExcelJS's worksheet model and writer.
import type ExcelJS from "exceljs";
import { columnLetters } from "../../workbook/plan";
import { invarianceCache } from "./column-formulas";
import { ByteSink, holdBytes } from "./held-bytes";
import { zipWithNodeZlib } from "./native-zip";
import { fillTableBodies, tableBodiesOf, tableBodyWriterInstalled, withBodiesKept, type TableBody } from "./table-body";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { xmlEncode } = require("exceljs/lib/utils/utils.js") as { xmlEncode: (text: string) => string };

const DATE = 4; // ExcelJS's ValueType.Date: a date column's style gets a date format if it has none
const NUMBER = 2;

/** What writing a body needs from ExcelJS's writer: the workbook's styles and shared strings. */
export interface BodyWriteContext {
  styleId(style: Partial<ExcelJS.Style>, valueType: number): number;
  /** The index of a text in the shared strings, or undefined to write it in the cell. */
  sharedString(text: string): number | undefined;
  /** A new shared-formula index of the sheet. */
  nextSharedFormula(): number;
  sameEverywhere(formula: string): boolean;
}

/** The `<row>` elements of a body, as UTF-8 bytes. */
export function tableBodyBytes(body: TableBody, ctx: BodyWriteContext): Buffer {
  const sink = new ByteSink();
  const n = body.rows.length;
  const last = body.top + n - 1;
  // Everything that is the same in every row of a column, worked out once.
  const columns = body.columns.map((c, j) => {
    const letter = columnLetters(body.left + j - 1);
    const id = ctx.styleId(c.style, c.date ? DATE : NUMBER);
    const s = id ? ` s="${id}"` : "";
    if (!c.formula) return { letter, s, first: "", rest: "", results: undefined };
    const text = xmlEncode(c.formula);
    const results = c.results;
    if (n < 2 || !ctx.sameEverywhere(c.formula)) return { letter, s, first: `><f>${text}</f>`, rest: `><f>${text}</f>`, results };
    const si = ctx.nextSharedFormula();
    return {
      letter,
      s,
      first: `><f t="shared" ref="${letter}${body.top}:${letter}${last}" si="${si}">${text}</f>`,
      rest: `><f t="shared" si="${si}"/>`,
      results,
    };
  });
  for (let i = 0; i < n; i++) {
    const r = body.top + i;
    const values = body.rows[i];
    let xml = `<row r="${r}">`;
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j];
      const head = `<c r="${c.letter}${r}"${c.s}`;
      if (c.first) {
        // The formula's cached result after it, as Excel writes one: a number, or text marked t="str".
        const result = c.results?.[i];
        const f = i === 0 ? c.first : c.rest;
        if (typeof result === "number") xml += `${head}${f}<v>${result}</v></c>`;
        else if (typeof result === "string") xml += `${head} t="str"${f}<v>${xmlEncode(result)}</v></c>`;
        else xml += `${head}${f}</c>`;
        continue;
      }
      const v = values[j] ?? null;
      if (typeof v === "number" && Number.isFinite(v)) xml += `${head}><v>${v}</v></c>`;
      else if (typeof v === "string") {
        const index = ctx.sharedString(v);
        xml += index === undefined ? `${head} t="inlineStr"><is><t xml:space="preserve">${xmlEncode(v)}</t></is></c>` : `${head} t="s"><v>${index}</v></c>`;
      } else if (typeof v === "boolean") xml += `${head} t="b"><v>${v ? 1 : 0}</v></c>`;
      else if (c.s) xml += `${head}/>`; // empty, but formatted for what is typed into it
    }
    sink.write(xml + "</row>");
  }
  return sink.bytes();
}

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

let installed = false;

/**
 * Install the two patches (idempotent): a worksheet's model holds each body as one row model at its first
 * row (or, if anything shares its rows, the body is filled into cells first), and ExcelJS's row writer
 * renders such a model from the values. Node only, with the file adapter: the browser preview's ExcelJS is
 * a bundle of its own that these patches do not reach, so there bodies are filled into cells at once.
 */
export function writeTableBodiesAsXml(): void {
  if (installed) return;
  installed = true;
  zipWithNodeZlib(); // the zip writer that puts a body's held bytes in place
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
    const bytes = tableBodyBytes(model.body, {
      styleId: (style, valueType) => options.styles.addStyleModel(style, valueType),
      sharedString: (text) => options.sharedStrings?.add(text),
      nextSharedFormula: () => options.siFormulae++,
      sameEverywhere,
    });
    model.xml = holdBytes(bytes);
  };
  RowXform.prototype.render = function renderBody(this: unknown, xmlStream: { writeXml(xml: string): void }, model: RowModel, options: unknown) {
    if (model.xml === undefined) return render.call(this, xmlStream, model, options);
    xmlStream.writeXml(model.xml);
  };
  tableBodyWriterInstalled();
}
