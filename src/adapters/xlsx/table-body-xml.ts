// Writing a deferred table body (table-body.ts) into the sheet's XML straight from its values, all its
// rows in one piece. The cells are what ExcelJS's own writer makes of the values (shared strings, one
// style per column, dates as serial numbers), and each computed column's formula is shared down the
// column as column-formulas.ts shares it, each cell with its cached result where the plan has one. Two
// patches put a body where its rows belong in ExcelJS's worksheet model and writer
// (exceljs-patches/table-body-writer.ts).
import type ExcelJS from "exceljs";
import { columnLetters } from "../../workbook/plan";
import type { TableBody } from "./table-body";
import { ByteSink } from "./held-bytes";

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

/** The `<row>` elements of a body. */
export function tableBodyXml(body: TableBody, ctx: BodyWriteContext): string {
  const out: string[] = [];
  writeBody(body, ctx, (xml) => out.push(xml));
  return out.join("");
}

/**
 * The `<row>` elements of a body as UTF-8 bytes in pieces, outside JavaScript's heap: a body of a million
 * rows is more text than one string can hold (about 512 MB), so the sheet's XML carries a marker for them
 * until the zip writer puts them in its place (held-bytes.ts).
 */
export function tableBodyBytes(body: TableBody, ctx: BodyWriteContext): Buffer[] {
  const sink = new ByteSink();
  const n = body.rows.length;
  let rows = 0;
  writeBody(body, ctx, (xml) => {
    sink.write(xml);
    // The rest reserved at once, a tenth more than the first rows' bytes make likely (see ByteSink).
    if (++rows === SAMPLE_ROWS && n > 2 * SAMPLE_ROWS) sink.reserve((sink.written / rows) * (n - rows) * 1.1);
  });
  return sink.pieces();
}

const SAMPLE_ROWS = 500;

function writeBody(body: TableBody, ctx: BodyWriteContext, write: (xml: string) => void): void {
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
    write(xml + "</row>");
  }
}
