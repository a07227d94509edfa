// Apply a Plan to the open workbook through Office.js, in one Excel.run and as few syncs as the
// request size allows (Excel on the web rejects request bodies over about 5 MB).
//
// Sync budget: one sync probes every sheet, table and name at once; one more checks that sheets we reuse
// are empty (only when some exist); then everything is queued and sent in a final sync. Large tables add
// one sync per ~4 MB of values. No API call depends on the number of rows.
import { isFormula, parseAddress, columnLetters, type Plan, type SheetPlan, type TablePlan, type Scalar } from "../../workbook/plan";
import { toOfficeFormula } from "../../workbook/formula-text";
import { toOfficeValue, type OfficeValue } from "./cell-text";
import { SagslisteExcelError, missingRequirement, withExcelErrors } from "./errors";
import { BASE_API, excelRun, officeHost, type ExcelRun, type OfficeHost } from "./host";

/** Request bytes we allow per sync: under Excel on the web's 5 MB with room for JSON framing. */
export const DEFAULT_BUDGET_BYTES = 4_000_000;
/** Estimated bytes of a small operation (method, path and ids) in the request body. */
const OP_BYTES = 120;
/**
 * A large write first fills the request already queued when at least this much room is left, rather
 * than sending it part-empty: on the large benchmark workbook a part-empty request every few columns or
 * tables cost syncs beyond one per 4 MB.
 */
const MIN_TOP_UP = 64 * 1024;

export interface ApplyOptions {
  host?: OfficeHost;
  /** Request bytes per sync before we send what is queued (tests lower it to force chunks). */
  budgetBytes?: number;
}

export interface ApplyReport {
  syncs: number;
  /** 2-D value writes sent, over all tables. */
  chunks: number;
  /** Features this Excel lacks that were left out (Danish, for the task pane). */
  warnings: string[];
}

/**
 * UTF-8 bytes of the JSON of a value, as the request body carries it (JSON.stringify leaves æ, ø and å
 * unescaped). The budget's margin under the 5 MB limit covers the request's own framing.
 */
export function estimateBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) continue;
    // Two bytes up to U+07FF, three above; a surrogate pair is four bytes over two code units.
    bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** Column width in characters (as in the file format) -> Office.js points: 7 px per character + 5 px padding at 96 dpi. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function defaultWidth(name: string): number {
  return Math.max(10, Math.min(40, name.length + 4));
}

/** Counts what is queued and syncs when the next write would push the request over the budget. */
class RequestBudget {
  private pending = 0;
  syncs = 0;
  constructor(
    private context: Excel.RequestContext,
    readonly limit: number
  ) {}
  note(bytes: number): void {
    this.pending += bytes;
  }
  /** Bytes the queued request can still take. */
  room(): number {
    return this.limit - this.pending;
  }
  /** The most a write may take now: the room left when worth filling, else a whole fresh request. */
  writeCap(): number {
    return this.room() >= MIN_TOP_UP ? this.room() : this.limit;
  }
  /** Make room for `bytes`: sync first if they would not fit beside what is already queued. */
  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.limit) {
      await this.sync();
      // Suspension lasts until the next sync only; renew it for the writes that follow.
      this.context.application.suspendApiCalculationUntilNextSync();
    }
    this.pending += bytes;
  }
  async sync(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
  }
}

interface TableTarget {
  plan: TablePlan;
  sheet: Excel.Worksheet;
  top: number;
  left: number;
  /** Data rows written (at least one: an empty table keeps one empty row). */
  rowCount: number;
}

/**
 * Apply the plan to the workbook in one Excel.run. Sheets that exist are reused only when empty; tables
 * and sheets are never overwritten. Errors arrive as SagslisteExcelError with a Danish message.
 */
export async function applyPlan(plan: Plan, run: ExcelRun = excelRun, options: ApplyOptions = {}): Promise<ApplyReport> {
  const host = options.host ?? officeHost;
  if (!host.isSetSupported("ExcelApi", BASE_API)) throw missingRequirement("ExcelApi", BASE_API, "oprette de strukturerede tabeller");
  // Range.copyFrom (1.9) fills a column from one cell with a constant-size request; without it the
  // column's formula or format travels once per row (see fillColumn).
  const canCopy = host.isSetSupported("ExcelApi", "1.9");
  const limit = options.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const warnings: string[] = [];
  if (plan.sheets.some((s) => s.print) && !canCopy) {
    warnings.push("Udskriftsopsætningen blev sprunget over, fordi denne version af Excel ikke understøtter den (kræver ExcelApi 1.9).");
  }

  return withExcelErrors(() =>
    run(async (context) => {
      const budget = new RequestBudget(context, limit);
      const wb = context.workbook;

      // 1. Probe everything in one sync.
      const sheetProbes = plan.sheets.map((s) => wb.worksheets.getItemOrNullObject(s.name));
      const tablePlans = plan.sheets.flatMap((s) => s.tables);
      const tableProbes = tablePlans.map((t) => wb.tables.getItemOrNullObject(t.name));
      const nameProbes = plan.names.map((n) => wb.names.getItemOrNullObject(n.name));
      await budget.sync();

      const clash = tablePlans.find((_, i) => !tableProbes[i].isNullObject);
      if (clash) {
        throw new SagslisteExcelError(`Projektmappen har allerede en tabel med navnet "${clash.name}". Omdøb eller slet den, og prøv igen.`, {
          retry: false,
          code: "ItemAlreadyExists",
        });
      }
      // 2. Only when some sheet exists: check it is empty, so we never write over a user's cells.
      const existing = plan.sheets.map((s, i) => ({ plan: s, probe: sheetProbes[i] })).filter((x) => !x.probe.isNullObject);
      if (existing.length > 0) {
        const used = existing.map((x) => x.probe.getUsedRangeOrNullObject(true));
        await budget.sync();
        const busy = existing.find((_, i) => !used[i].isNullObject);
        if (busy) {
          throw new SagslisteExcelError(`Arket "${busy.plan.name}" findes allerede og er ikke tomt. Omdøb eller slet arket, og prøv igen.`, {
            retry: false,
            code: "ItemAlreadyExists",
          });
        }
      }
      const sheets = plan.sheets.map((s, i) => (sheetProbes[i].isNullObject ? wb.worksheets.add(s.name) : sheetProbes[i]));
      budget.note(OP_BYTES * plan.sheets.length);

      context.application.suspendApiCalculationUntilNextSync();

      // 3. Tables: number formats, then values (so "@" columns keep text), then the table over them.
      const targets: TableTarget[] = [];
      let chunks = 0;
      for (let i = 0; i < plan.sheets.length; i++) {
        for (const t of plan.sheets[i].tables) {
          const { row, col } = parseAddress(t.topLeft);
          const target: TableTarget = { plan: t, sheet: sheets[i], top: row, left: col, rowCount: Math.max(1, t.rows.length) };
          targets.push(target);
          for (let j = 0; j < t.columns.length; j++) {
            const fmt = t.columns[j].numFmt;
            if (fmt) await fillColumn(budget, target, j, "numberFormat", fmt, canCopy);
          }
          chunks += await writeTableValues(budget, target);
          const table = target.sheet.tables.add(tableAddress(target), true);
          table.name = t.name;
          table.style = t.style ?? "TableStyleMedium2";
          table.getHeaderRowRange().format.font.bold = true;
          if (t.wrapHeaders) {
            table.getHeaderRowRange().format.wrapText = true;
            table.getHeaderRowRange().format.rowHeight = 45;
          }
          budget.note(OP_BYTES * 4);
        }
      }

      // 4. Names after the tables they may refer to; replacing one makes the plan's reference the truth.
      plan.names.forEach((n, i) => {
        if (!nameProbes[i].isNullObject) nameProbes[i].delete();
        wb.names.add(n.name, toOfficeFormula(n.refersTo));
        budget.note(OP_BYTES + estimateBytes(n.refersTo));
      });

      // 5. Computed columns once every table and name exists (formulas may refer to any of them).
      const fills = targets.flatMap((target) => target.plan.columns.flatMap((c, j) => (c.formula ? [{ target, j, text: toOfficeFormula(c.formula) }] : [])));
      for (const { target, j, text } of canCopy ? fills : packed(fills, budget)) {
        await fillColumn(budget, target, j, "formulas", text, canCopy);
      }

      // 6. Validation, conditional formats, free cells, widths, panes, print.
      const looks = { notes: host.isSetSupported("ExcelApi", NOTES_API), groups: host.isSetSupported("ExcelApi", GROUPS_API) };
      for (const target of targets) applyColumnExtras(budget, target, looks);
      for (let i = 0; i < plan.sheets.length; i++) applySheetExtras(budget, plan.sheets[i], sheets[i], canCopy);

      await budget.sync();
      return { syncs: budget.syncs, chunks, warnings };
    })
  );
}

function tableAddress(t: TableTarget): string {
  const a = `${columnLetters(t.left)}${t.top + 1}`;
  const z = `${columnLetters(t.left + t.plan.columns.length - 1)}${t.top + 1 + t.rowCount}`;
  return `${a}:${z}`;
}

/**
 * Header and rows as 2-D arrays, cut where a chunk's estimated JSON would pass the budget. Computed
 * columns are written empty here; their formula follows once the table exists.
 */
async function writeTableValues(budget: RequestBudget, t: TableTarget): Promise<number> {
  const width = t.plan.columns.length;
  const computed = t.plan.columns.map((c) => c.formula !== undefined);
  const formats = t.plan.columns.map((c) => c.numFmt);
  const source: Scalar[][] = t.plan.rows.length > 0 ? t.plan.rows : [[]];
  const toRow = (r: Scalar[]): OfficeValue[] => {
    const out: OfficeValue[] = new Array<OfficeValue>(width);
    for (let j = 0; j < width; j++) out[j] = computed[j] ? "" : toOfficeValue(r[j] ?? null, formats[j]);
    return out;
  };
  let chunks = 0;
  let chunk: OfficeValue[][] = [t.plan.columns.map((c) => toOfficeValue(c.name))];
  let chunkBytes = estimateBytes(chunk[0]);
  let chunkTop = t.top;
  const flush = async (): Promise<void> => {
    await budget.reserve(chunkBytes + OP_BYTES);
    t.sheet.getRangeByIndexes(chunkTop, t.left, chunk.length, width).values = chunk;
    chunks++;
  };
  for (const r of source) {
    const row = toRow(r);
    const bytes = estimateBytes(row) + 1;
    if (chunk.length > 0 && chunkBytes + bytes + OP_BYTES > budget.writeCap()) {
      await flush();
      chunkTop += chunk.length;
      chunk = [];
      chunkBytes = 0;
    }
    chunk.push(row);
    chunkBytes += bytes;
  }
  if (chunk.length > 0) await flush();
  return chunks;
}

/** Request bytes of filling a column by 2-D array (ExcelApi 1.8): the text once per row. */
function columnFillBytes(t: TableTarget, text: string): number {
  return t.rowCount * (estimateBytes([text]) + 1) + OP_BYTES;
}

/**
 * The ExcelApi 1.8 formula fills in an order that packs the requests: the largest column that still
 * fits the queued request, else one that needs several requests anyway (it tops up), else the largest.
 * Without it a column that would fit a fresh request sends the queued one part-empty (55 syncs rather
 * than 52 on the large benchmark workbook). The order of these writes does not matter to Excel.
 */
function* packed<T extends { target: TableTarget; text: string }>(fills: T[], budget: RequestBudget): Generator<T> {
  const left = fills.map((f) => ({ f, bytes: columnFillBytes(f.target, f.text) })).sort((a, b) => b.bytes - a.bytes);
  while (left.length > 0) {
    const room = budget.room();
    let i = left.findIndex((x) => x.bytes <= room);
    if (i < 0) i = left.findIndex((x) => x.bytes > budget.limit);
    const [next] = left.splice(Math.max(0, i), 1);
    yield next.f;
  }
}

/**
 * Give a table column one formula or number format. Measured on the 10,000-row test plan: a 2-D array
 * of the same formula costs rows x formula length (about 1 MB per computed column there), while writing
 * the first cell and `copyFrom` to the rest costs about 200 bytes whatever the row count. So with
 * ExcelApi 1.9 we write one cell and copy; on 1.8 we send the 2-D array, cut to the budget. (A 1x1 array
 * on a longer range is rejected by Excel; a bare string works but is undocumented; relying on Excel's
 * calculated-column autofill from one cell depends on the user's AutoCorrect setting.)
 */
async function fillColumn(budget: RequestBudget, t: TableTarget, j: number, kind: "formulas" | "numberFormat", text: string, canCopy: boolean): Promise<void> {
  const top = t.top + 1;
  const col = t.left + j;
  const cellBytes = estimateBytes([text]) + 1;
  if (canCopy) {
    await budget.reserve(cellBytes + 2 * OP_BYTES);
    const first = t.sheet.getRangeByIndexes(top, col, 1, 1);
    first[kind] = [[text]];
    // Formats are copied before the table and the values exist, so only the number format travels.
    if (t.rowCount > 1) t.sheet.getRangeByIndexes(top + 1, col, t.rowCount - 1, 1).copyFrom(first, kind === "formulas" ? "Formulas" : "Formats");
    return;
  }
  const perSlice = Math.max(1, Math.floor((budget.limit - OP_BYTES) / cellBytes));
  // A column that needs several slices anyway first tops up the request already queued: a fresh
  // slice per column would send each request part-empty (63 syncs rather than 57 on the large
  // benchmark workbook). A column that fits one request stays one write.
  const topUp = t.rowCount > perSlice;
  for (let start = 0, n = 0; start < t.rowCount; start += n) {
    const fits = topUp ? Math.floor((budget.writeCap() - OP_BYTES) / cellBytes) : 0;
    n = Math.min(fits >= 1 ? fits : perSlice, t.rowCount - start);
    await budget.reserve(n * cellBytes + OP_BYTES);
    const cell = [text];
    t.sheet.getRangeByIndexes(top + start, col, n, 1)[kind] = new Array<string[]>(n).fill(cell);
  }
}

/** Notes on cells (a computed column's header) need ExcelApi 1.18; without it the grey header says it alone. */
const NOTES_API = "1.18";
/** Column groups need ExcelApi 1.10; without them a helper column is hidden without a group. */
const GROUPS_API = "1.10";

/**
 * List validation, column widths and how a column looks (a computed column's grey header, note and body,
 * a helper column grouped and collapsed): one call per column, whatever the row count.
 */
function applyColumnExtras(budget: RequestBudget, t: TableTarget, looks: { notes: boolean; groups: boolean }): void {
  t.plan.columns.forEach((c, j) => {
    const col = t.left + j;
    if (c.headerFill) t.sheet.getRangeByIndexes(t.top, col, 1, 1).format.fill.color = "#" + c.headerFill;
    if (c.fill) t.sheet.getRangeByIndexes(t.top + 1, col, t.rowCount, 1).format.fill.color = "#" + c.fill;
    if (c.note && looks.notes) t.sheet.notes.add(t.sheet.getRangeByIndexes(t.top, col, 1, 1), c.note);
    if (c.helper) {
      const whole = t.sheet.getRange(`${columnLetters(col)}:${columnLetters(col)}`);
      if (looks.groups) {
        whole.group("ByColumns");
        whole.hideGroupDetails("ByColumns");
      } else whole.columnHidden = true;
    }
    budget.note(4 * OP_BYTES);
    if (c.validationList) {
      const range = t.sheet.getRangeByIndexes(t.top + 1, col, t.rowCount, 1);
      range.dataValidation.rule = { list: { inCellDropDown: true, source: toOfficeFormula(c.validationList) } };
      // Values outside the list are kept and reported under Problemer, never refused.
      range.dataValidation.errorAlert = { showAlert: false, style: "Information", title: "", message: "" };
      budget.note(3 * OP_BYTES);
    }
    const letter = columnLetters(col);
    t.sheet.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(c.width ?? defaultWidth(c.name));
    budget.note(2 * OP_BYTES);
  });
}

function applySheetExtras(budget: RequestBudget, plan: SheetPlan, ws: Excel.Worksheet, canPrint: boolean): void {
  for (const cf of plan.conditionalFormats ?? []) {
    const format = ws.getRange(cf.range).conditionalFormats.add("Custom");
    format.custom.rule.formula = toOfficeFormula(cf.formula);
    format.custom.format.fill.color = "#" + cf.fill;
    if (cf.fontColor) format.custom.format.font.color = "#" + cf.fontColor;
    budget.note(5 * OP_BYTES + estimateBytes(cf.formula));
  }
  for (const c of plan.cells ?? []) {
    const range = ws.getRange(c.address);
    // The format goes first so that a "@" cell keeps its value as text.
    if (c.numFmt) range.numberFormat = [[c.numFmt]];
    if (isFormula(c.value)) range.formulas = [[toOfficeFormula(c.value.formula)]];
    else range.values = [[toOfficeValue(c.value, c.numFmt)]];
    if (c.bold) range.format.font.bold = true;
    if (c.size) range.format.font.size = c.size;
    if (c.align) range.format.horizontalAlignment = c.align === "right" ? "Right" : c.align === "center" ? "Center" : "Left";
    if (c.wrap) range.format.wrapText = true;
    if (c.dropDown) {
      range.dataValidation.rule = { list: { inCellDropDown: true, source: c.dropDown.join(",") } };
      range.dataValidation.errorAlert = { showAlert: true, style: "Stop", title: "Ugyldig værdi", message: `Vælg en af: ${c.dropDown.join(", ")}.` };
    }
    budget.note(4 * OP_BYTES + estimateBytes(c.value));
  }
  for (const [letter, width] of Object.entries(plan.columnWidths ?? {})) {
    ws.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(width);
    budget.note(2 * OP_BYTES);
  }
  if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
  if (plan.hidden) {
    ws.visibility = "Hidden";
    budget.note(OP_BYTES);
  }
  if (plan.print && canPrint) {
    ws.pageLayout.orientation = plan.print.orientation === "landscape" ? "Landscape" : "Portrait";
    ws.pageLayout.paperSize = "A4";
    // 0 pages tall = as many as needed, as fitToHeight="0" in the file format.
    if (plan.print.fitToWidth) ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (plan.print.columns) ws.pageLayout.setPrintArea(plan.print.columns);
    if (plan.print.titleRows) ws.pageLayout.setPrintTitleRows(plan.print.titleRows.replace(/(\d+)/g, "$$$1"));
    if (plan.print.footer !== undefined) {
      const page = ws.pageLayout.headersFooters.defaultForAllPages;
      page.leftFooter = plan.print.footer.replace(/&/g, "&&");
      page.rightFooter = "Side &P af &N";
    }
    budget.note(3 * OP_BYTES);
  }
}
