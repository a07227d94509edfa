// A fake of the slice of the Excel JavaScript API our Office.js adapter uses. It queues operations like
// Office.js, runs them on sync(), counts syncs and request bytes, and keeps sheet state tests can read.
//
// Fidelity notes (why the fake behaves as it does):
// - Every method and property write is queued and runs only on sync(), in order, so a batch that
//   forgets to sync writes nothing and an error aborts the rest of the batch, as in Excel.
// - Reading a property that was never loaded, or loaded but not yet synced, throws PropertyNotLoaded.
//   (Real Office.js lets you write a property at any time; only reads need load + sync.)
// - Writing a string through `values` is pessimistic: strings starting with =, +, -, @ (after leading
//   tab/CR/space, which Excel trims) become formulas, numeric-looking strings become numbers, unless the
//   cell is formatted "@" or the string starts with an apostrophe (stored as text with a quote prefix).
// - The request body is estimated as the JSON of each queued operation's arguments (UTF-8 bytes). A sync
//   over `payloadLimit` (5 MB, Excel on the web) fails with RequestPayloadSizeLimitExceeded.
// - Formulas are stored as text, never evaluated; copyFrom copies formula text verbatim (our formulas use
//   `[#This Row]` references, which need no shifting).
// - Table.sort.apply moves whole data rows (values, formulas, formats) by what the cells hold: a formula
//   cell sorts by its formula text, as the fake has no computed value. Excel's order otherwise: numbers,
//   then text (case ignored, or lower case first with matchCase; by code point, not by a locale's
//   collation), then logicals; blanks last in either direction; equal rows keep their order.
// - A test declares the requirement sets its host has (`supported`, default the manifest's ExcelApi
//   minimum). Code under test touching a member whose "[Api set: …]" in @types/office-js is above them
//   fails with ApiNotFound at the sync that carries it, as on an older Excel (fake-api-guard.ts).
import { columnIndex, columnLetters } from "../../src/workbook/plan";
import { guardRequirementSets } from "./fake-api-guard";
import { atLeast, manifestMinimum } from "./office-api-sets";

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Bounds {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface FakeCell {
  value: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  quotePrefix?: boolean;
  bold?: boolean;
  fontSize?: number;
  fontColor?: string;
  /** Solid fill as "#RRGGBB" (none: Excel reports "#FFFFFF"). */
  fillColor?: string;
  fill?: string;
}

export interface FakeValidation {
  address: string;
  rule: unknown;
  errorAlert?: unknown;
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export class SheetState {
  cells = new Map<number, FakeCell>();
  columnWidths = new Map<number, number>();
  frozenRows = 0;
  validations: FakeValidation[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  merges: Bounds[] = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  /** Columns in an outline group (Range.group "ByColumns"). */
  groupedCols = new Set<number>();
  pageLayout: Record<string, unknown> = {};
  protected = false;
  charts: ChartState[] = [];
  constructor(public name: string) {}

  private key(r: number, c: number): number {
    return r * MAX_COLS + c;
  }
  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(this.key(r, c));
  }
  /** Put a cell object at a position (undefined empties it): a sort moves cells with everything they hold. */
  place(r: number, c: number, cell: FakeCell | undefined): void {
    if (cell) this.cells.set(this.key(r, c), cell);
    else this.cells.delete(this.key(r, c));
  }
  ensure(r: number, c: number): FakeCell {
    const k = this.key(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = { value: "" };
      this.cells.set(k, cell);
    }
    return cell;
  }
  /** Test helper: the cell at an A1 address. */
  cell(a1: string): FakeCell {
    const b = parseRangeAddress(a1);
    return this.get(b.r0, b.c0) ?? { value: "" };
  }
  /** Test helper: put a value (or "=formula") into a cell, as a user typing would. */
  put(a1: string, value: string | number | boolean, numberFormat?: string): void {
    const b = parseRangeAddress(a1);
    const cell = this.ensure(b.r0, b.c0);
    if (typeof value === "string" && value.startsWith("=")) {
      cell.formula = value;
      cell.value = "";
    } else {
      cell.value = value;
      delete cell.formula;
    }
    if (numberFormat) cell.numberFormat = numberFormat;
  }
  /** Bounding box of cells with a value or formula (Excel's values-only used range), or null. */
  usedBounds(): Bounds | null {
    let b: Bounds | null = null;
    for (const [k, cell] of this.cells) {
      if (cell.value === "" && cell.formula === undefined) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (!b) b = { r0: r, c0: c, r1: r, c1: c };
      else {
        b.r0 = Math.min(b.r0, r);
        b.c0 = Math.min(b.c0, c);
        b.r1 = Math.max(b.r1, r);
        b.c1 = Math.max(b.c1, c);
      }
    }
    return b;
  }
}

export interface TableState {
  name: string;
  sheet: SheetState;
  bounds: Bounds;
  headers: string[];
  style?: string;
}

/** A Table.sort.apply as it ran: the table, the fields and matchCase it was given. */
export interface FakeSort {
  table: string;
  fields: FakeSortField[];
  matchCase: boolean;
  /** True when calculation was suspended in the batch that sorted (new rows' formulas not yet computed). */
  calculationSuspended: boolean;
}

/** The part of Excel.SortField the fake models: a 0-based column of the range, ascending by default. */
export interface FakeSortField {
  key: number;
  ascending?: boolean;
  sortOn?: string;
}

export interface FakeOp {
  kind: "call" | "set" | "load";
  target: string;
  member: string;
  args: unknown[];
}

export interface OfficeErrorLike {
  code: string;
  message: string;
}

/** An error shaped like OfficeExtension.Error. */
export class FakeOfficeError extends Error {
  constructor(
    public code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

function parseCellRef(ref: string): { row?: number; col?: number } {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(ref);
  if (!m || (!m[1] && !m[2])) throw new FakeOfficeError("InvalidArgument", `Ugyldig adresse: ${ref}`);
  return { col: m[1] ? columnIndex(m[1]) : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
}

/** "A1", "A1:C3", "C:C", "2:4", optionally sheet-qualified. */
export function parseRangeAddress(address: string): Bounds & { sheet?: string } {
  let sheet: string | undefined;
  let ref = address.trim();
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const [a, b = a] = ref.split(":");
  const p = parseCellRef(a);
  const q = parseCellRef(b);
  return {
    sheet,
    r0: p.row ?? 0,
    c0: p.col ?? 0,
    r1: q.row ?? MAX_ROWS - 1,
    c1: q.col ?? MAX_COLS - 1,
  };
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function boundsAddress(b: Bounds): string {
  const a = `${columnLetters(b.c0)}${b.r0 + 1}`;
  const z = `${columnLetters(b.c1)}${b.r1 + 1}`;
  return a === z ? a : `${a}:${z}`;
}

const NUMERIC = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?%?$/i;

/** Statistics of one fake workbook across runs. */
export interface FakeStats {
  runs: number;
  syncs: number;
  /** Request bytes of each sync, in order. */
  payloads: number[];
  /** Every operation that reached Excel, in order. */
  ops: FakeOp[];
}

export class FakeExcel {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  names = new Map<string, string>();
  /**
   * Requirement sets the host claims, name -> highest version: what isSetSupported answers, and the
   * members code under test may touch (fake-api-guard.ts). Default: the manifest's minimum.
   */
  supported: Record<string, string> = { ExcelApi: manifestMinimum() };
  /** Excel on the web rejects request bodies above about 5 MB. */
  payloadLimit = 5 * 1024 * 1024;
  /** True while calculation is suspended until the next sync (Application.suspendApiCalculationUntilNextSync). */
  calculationSuspensions = 0;
  /** The cell or range the user would see selected, and the active sheet (Range.select, Worksheet.activate). */
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  stats: FakeStats = { runs: 0, syncs: 0, payloads: [], ops: [] };
  /** Every table sort that ran, in order (cleared with the stats). */
  sorts: FakeSort[] = [];
  private failures: { error: OfficeErrorLike; atSync: number }[] = [];

  constructor(init?: { sheets?: string[]; supported?: Record<string, string> }) {
    for (const s of init?.sheets ?? []) this.addSheet(s);
    if (init?.supported) this.supported = init.supported;
  }

  addSheet(name: string): SheetState {
    const s = new SheetState(name);
    this.sheets.push(s);
    return s;
  }
  findSheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  /** Test helper: the sheet of that name (throws when absent). */
  sheet(name: string): SheetState {
    const s = this.findSheet(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }
  findTable(name: string): TableState | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }
  /** Test helper: a 2-D array of cell values of a range, "" for empty. */
  read(sheet: string, address: string): (string | number | boolean)[][] {
    const s = this.sheet(sheet);
    const b = parseRangeAddress(address);
    const out: (string | number | boolean)[][] = [];
    for (let r = b.r0; r <= b.r1; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = b.c0; c <= b.c1; c++) row.push(s.get(r, c)?.value ?? "");
      out.push(row);
    }
    return out;
  }

  isSetSupported(name: string, version = "1.1"): boolean {
    const have = this.supported[name];
    return have !== undefined && atLeast(have, version);
  }
  /** What `Office` looks like to code that checks requirement sets. */
  get office(): { context: { requirements: { isSetSupported(name: string, version?: string): boolean } } } {
    return { context: { requirements: { isSetSupported: (n: string, v?: string) => this.isSetSupported(n, v) } } };
  }
  /** Make the sync numbered `atSync` from now (1 = the next one) fail with this Office error. */
  failOnSync(error: OfficeErrorLike, atSync = 1): void {
    this.failures.push({ error, atSync: this.stats.syncs + atSync });
  }
  /** Largest request body of any sync so far. */
  get maxPayload(): number {
    return this.stats.payloads.reduce((m, p) => Math.max(m, p), 0);
  }
  /** Operations by member name, e.g. count("values"). */
  count(member: string, kind?: FakeOp["kind"]): number {
    return this.stats.ops.filter((o) => o.member === member && (!kind || o.kind === kind)).length;
  }
  resetStats(): void {
    this.stats = { runs: 0, syncs: 0, payloads: [], ops: [] };
    this.sorts = [];
  }

  /** A request context as code under test sees it, held to the declared requirement sets. */
  newContext(): FakeRequestContext {
    return guardRequirementSets(new FakeRequestContext(this), this, (code, message) => new FakeOfficeError(code, message));
  }

  /** Called by a context's sync: run the queued operations. */
  runQueue(queue: QueuedOp[]): void {
    this.stats.syncs++;
    const bytes = queue.reduce((n, q) => n + Buffer.byteLength(JSON.stringify(q.op.args) ?? "", "utf8"), 0);
    this.stats.payloads.push(bytes);
    const failure = this.failures.find((f) => f.atSync === this.stats.syncs);
    if (failure) {
      this.failures = this.failures.filter((f) => f !== failure);
      throw new FakeOfficeError(failure.error.code, failure.error.message);
    }
    if (bytes > this.payloadLimit) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    }
    for (const q of queue) {
      this.stats.ops.push(q.op);
      q.exec();
    }
    this.calculationSuspensions = 0;
  }
}

interface QueuedOp {
  op: FakeOp;
  exec: () => void;
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

export class FakeRequestContext {
  queue: QueuedOp[] = [];
  workbook: FakeWorkbook;
  application: FakeApplication;
  constructor(public fake: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }
  enqueue(kind: FakeOp["kind"], target: string, member: string, args: unknown[], exec: () => void): void {
    this.queue.push({ op: { kind, target, member, args }, exec });
  }
  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    await Promise.resolve();
    this.fake.runQueue(queue);
  }
}

/** Base of every proxy: load(), loaded-property reads, queued writes and the null-object flag. */
abstract class FakeObject<S> {
  protected loaded = new Map<string, unknown>();
  private state: S | null | undefined = undefined;
  constructor(
    protected ctx: FakeRequestContext,
    protected label: string,
    private nullable = false
  ) {}
  /** Resolve this proxy's state at sync time (called by the operation that created it). */
  bind(state: S | null): void {
    if (state === null && !this.nullable) throw new FakeOfficeError("ItemNotFound", `${this.label} findes ikke.`);
    this.state = state;
  }
  protected s(): S {
    if (this.state === undefined) throw new Error(`fake: ${this.label} used before it was resolved`);
    if (this.state === null) throw new FakeOfficeError("InvalidObjectPath", `${this.label} is a null object.`);
    return this.state;
  }
  get isNullObject(): boolean {
    if (this.state === undefined) throw notLoaded("isNullObject");
    return this.state === null;
  }
  /** The properties a load() can return, computed from the state at sync time. */
  protected abstract snapshot(prop: string, state: S): unknown;
  load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",").map((p) => p.trim()) : Array.isArray(props) ? props : Object.keys(props ?? {});
    this.ctx.enqueue("load", this.label, "load", [list], () => {
      if (this.state === null) return;
      for (const p of list) this.loaded.set(p, this.snapshot(p, this.s()));
    });
    return this;
  }
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }
  protected write(member: string, value: unknown, exec: (state: S) => void): void {
    this.ctx.enqueue("set", this.label, member, [value], () => exec(this.s()));
  }
  protected call(member: string, args: unknown[], exec: (state: S) => void): void {
    this.ctx.enqueue("call", this.label, member, args, () => exec(this.s()));
  }
  /** A child proxy whose state the parent's state determines, resolved in queue order. */
  protected child<C, P extends FakeObject<C>>(proxy: P, member: string, args: unknown[], resolve: (state: S) => C | null): P {
    this.ctx.enqueue("call", this.label, member, args, () => {
      if (this.state === null) return proxy.bind(null);
      proxy.bind(resolve(this.s()));
    });
    return proxy;
  }
  /** Mark properties as loaded from a known state (collections load their items' properties this way). */
  fill(props: string[], state: S): void {
    for (const p of props) this.loaded.set(p, this.snapshot(p, state));
  }
  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }
}

export class FakeApplication {
  constructor(private ctx: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue("call", "Application", "suspendApiCalculationUntilNextSync", [], () => {
      this.ctx.fake.calculationSuspensions++;
    });
  }
}

export class FakeWorkbook {
  worksheets: FakeWorksheetCollection;
  tables: FakeTableCollection;
  names: FakeNamedItemCollection;
  application: FakeApplication;
  constructor(ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.names = new FakeNamedItemCollection(ctx);
    this.application = ctx.application;
  }
}

/** Collections load as `items` with the listed item properties. */
abstract class FakeCollection<S, P extends FakeObject<S>> extends FakeObject<S[]> {
  private loadedItems: P[] | undefined;
  protected abstract list(): S[];
  protected abstract makeItem(state: S): P;
  constructor(ctx: FakeRequestContext, label: string) {
    super(ctx, label);
    this.bind([]);
  }
  protected snapshot(): unknown {
    return undefined;
  }
  override load(props?: string | string[] | Record<string, unknown>): this {
    const list = typeof props === "string" ? props.split(",").map((p) => p.trim()) : Array.isArray(props) ? props : [];
    const itemProps = list.map((p) => p.replace(/^items\//, "")).filter((p) => p !== "items" && p !== "");
    this.ctx.enqueue("load", this.label, "load", [list], () => {
      this.loadedItems = this.list().map((st) => {
        const item = this.makeItem(st);
        item.bind(st);
        item.fill(itemProps, st);
        return item;
      });
    });
    return this;
  }
  get items(): P[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }
}

export class FakeWorksheetCollection extends FakeCollection<SheetState, FakeWorksheet> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "Worksheets");
  }
  protected list(): SheetState[] {
    return this.ctx.fake.sheets;
  }
  protected makeItem(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, "Worksheet");
  }
  getItem(name: string): FakeWorksheet {
    return this.child(new FakeWorksheet(this.ctx, `Worksheet(${name})`), "getItem", [name], () => this.ctx.fake.findSheet(name) ?? null);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return this.child(new FakeWorksheet(this.ctx, `Worksheet(${name})`, true), "getItemOrNullObject", [name], () => this.ctx.fake.findSheet(name) ?? null);
  }
  add(name: string): FakeWorksheet {
    return this.child(new FakeWorksheet(this.ctx, `Worksheet(${name})`), "add", [name], () => {
      if (this.ctx.fake.findSheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named ${name} already exists.`);
      if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeOfficeError("InvalidArgument", `Invalid sheet name ${name}.`);
      return this.ctx.fake.addSheet(name);
    });
  }
}

export class FakeWorksheet extends FakeObject<SheetState> {
  tables: FakeTableCollection;
  freezePanes: FakeFreezePanes;
  pageLayout: FakePageLayout;
  constructor(ctx: FakeRequestContext, label: string, nullable = false) {
    super(ctx, label, nullable);
    this.tables = new FakeTableCollection(ctx, this);
    this.freezePanes = new FakeFreezePanes(ctx, this);
    this.pageLayout = new FakePageLayout(ctx, this);
  }
  /** The sheet's state, for sub-objects that act on it at sync time. */
  stateNow(): SheetState {
    return this.s();
  }
  protected snapshot(prop: string, s: SheetState): unknown {
    if (prop === "name") return s.name;
    if (prop === "position") return this.ctx.fake.sheets.indexOf(s);
    if (prop === "visibility") return "Visible";
    throw new FakeOfficeError("InvalidArgument", `fake: worksheet.${prop} is not modelled`);
  }
  get name(): string {
    return this.read("name");
  }
  activate(): void {
    this.call("activate", [], (s) => {
      this.ctx.fake.activeSheet = s.name;
    });
  }
  /** Remove the sheet with its tables and charts, as Excel does (names pointing at it are left). */
  delete(): void {
    this.call("delete", [], (s) => {
      const fake = this.ctx.fake;
      fake.sheets = fake.sheets.filter((x) => x !== s);
      fake.tables = fake.tables.filter((t) => t.sheet !== s);
    });
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, this);
  }
  getRange(address: string): FakeRange {
    return this.child(new FakeRange(this.ctx, `Range(${address})`), "getRange", [address], (s) => {
      const { r0, c0, r1, c1 } = parseRangeAddress(address);
      return { sheet: s, r0, c0, r1, c1 };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.child(
      new FakeRange(this.ctx, `Range(${startRow},${startColumn},${rowCount}x${columnCount})`),
      "getRangeByIndexes",
      [startRow, startColumn, rowCount, columnCount],
      (s) => ({
        sheet: s,
        r0: startRow,
        c0: startColumn,
        r1: startRow + rowCount - 1,
        c1: startColumn + columnCount - 1,
      })
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.child(new FakeRange(this.ctx, "UsedRange", true), "getUsedRangeOrNullObject", [valuesOnly ?? false], (s) => {
      const b = s.usedBounds();
      return b ? { sheet: s, ...b } : null;
    });
  }
}

export class FakeFreezePanes {
  constructor(
    private ctx: FakeRequestContext,
    private ws: FakeWorksheet
  ) {}
  freezeRows(count?: number): void {
    this.ctx.enqueue("call", "FreezePanes", "freezeRows", [count ?? 1], () => {
      this.ws.stateNow().frozenRows = count ?? 1;
    });
  }
}

export class FakePageLayout {
  constructor(
    private ctx: FakeRequestContext,
    private ws: FakeWorksheet
  ) {}
  private setp(prop: string, value: unknown): void {
    this.ctx.enqueue("set", "PageLayout", prop, [value], () => {
      this.ws.stateNow().pageLayout[prop] = value;
    });
  }
  set orientation(v: string) {
    this.setp("orientation", v);
  }
  set paperSize(v: string) {
    this.setp("paperSize", v);
  }
  set zoom(v: unknown) {
    this.setp("zoom", v);
  }
  setPrintArea(area: string): void {
    this.setp("printArea", area);
  }
  setPrintTitleRows(rows: string): void {
    this.setp("printTitleRows", rows);
  }
  /** The footer as pageLayout.footer (ExcelApi 1.9 headersFooters.defaultForAllPages). */
  get headersFooters(): { defaultForAllPages: { leftFooter: string; rightFooter: string } } {
    const at = (side: string) => ({ set: (v: string) => this.setp(side, v), enumerable: true });
    const page = Object.defineProperties({} as { leftFooter: string; rightFooter: string }, { leftFooter: at("leftFooter"), rightFooter: at("rightFooter") });
    return { defaultForAllPages: page };
  }
}

export interface RangeState extends Bounds {
  sheet: SheetState;
}

type Value = string | number | boolean;

/** Excel's reading of an input written to a cell, pessimistically (see the module comment). */
function storeInput(cell: FakeCell, input: Value, how: "values" | "formulas"): void {
  delete cell.formula;
  cell.quotePrefix = false;
  if (typeof input !== "string") {
    cell.value = input;
    return;
  }
  if (cell.numberFormat === "@" && how === "values") {
    cell.value = input;
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.quotePrefix = true;
    return;
  }
  const trimmed = input.replace(/^[\t\r\n ]+/, "");
  if (NUMERIC.test(trimmed)) {
    const pct = trimmed.endsWith("%");
    const n = Number(trimmed.replace(",", ".").replace("%", ""));
    cell.value = pct ? n / 100 : n;
    return;
  }
  if (/^(true|false)$/i.test(trimmed)) {
    cell.value = trimmed.toLowerCase() === "true";
    return;
  }
  if (/^[=+\-@]/.test(trimmed)) {
    cell.formula = trimmed.startsWith("=") ? trimmed : "=" + trimmed;
    cell.value = "";
    return;
  }
  cell.value = input;
}

export class FakeRange extends FakeObject<RangeState> {
  format: FakeRangeFormat;
  dataValidation: FakeDataValidation;
  conditionalFormats: FakeConditionalFormatCollection;
  constructor(ctx: FakeRequestContext, label: string, nullable = false) {
    super(ctx, label, nullable);
    this.format = new FakeRangeFormat(ctx, this);
    this.dataValidation = new FakeDataValidation(ctx, this);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, this);
  }
  stateNow(): RangeState {
    return this.s();
  }
  group(by: "ByColumns" | "ByRows"): void {
    this.call("group", [by], (st) => {
      for (let c = st.c0; c <= st.c1; c++) st.sheet.groupedCols.add(c);
    });
  }
  hideGroupDetails(by: "ByColumns" | "ByRows"): void {
    this.call("hideGroupDetails", [by], (st) => {
      for (let c = st.c0; c <= st.c1; c++) if (st.sheet.groupedCols.has(c)) st.sheet.hiddenCols.add(c);
    });
  }
  set columnHidden(v: boolean) {
    this.write("columnHidden", v, (st) => {
      for (let c = st.c0; c <= st.c1; c++) {
        if (v) st.sheet.hiddenCols.add(c);
        else st.sheet.hiddenCols.delete(c);
      }
    });
  }
  private each<T>(st: RangeState, f: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = st.r0; r <= st.r1; r++) {
      const row: T[] = [];
      for (let c = st.c0; c <= st.c1; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  }
  protected snapshot(prop: string, st: RangeState): unknown {
    const sh = st.sheet;
    switch (prop) {
      case "address":
        return `${quoteSheet(sh.name)}!${boundsAddress(st)}`;
      case "rowIndex":
        return st.r0;
      case "columnIndex":
        return st.c0;
      case "rowCount":
        return st.r1 - st.r0 + 1;
      case "columnCount":
        return st.c1 - st.c0 + 1;
      case "values":
        return this.each(st, (r, c) => sh.get(r, c)?.value ?? "");
      case "formulas":
        return this.each(st, (r, c) => {
          const cell = sh.get(r, c);
          return cell?.formula ?? cell?.value ?? "";
        });
      case "numberFormat":
        return this.each(st, (r, c) => sh.get(r, c)?.numberFormat ?? "General");
      case "rowHidden":
      case "columnHidden": {
        const rows = prop === "rowHidden";
        const set = rows ? sh.hiddenRows : sh.hiddenCols;
        const [a, z] = rows ? [st.r0, st.r1] : [st.c0, st.c1];
        let hidden = 0;
        for (const i of set) if (i >= a && i <= z) hidden++;
        return hidden === 0 ? false : hidden === z - a + 1 ? true : null;
      }
      default:
        throw new FakeOfficeError("InvalidArgument", `fake: range.${prop} is not modelled`);
    }
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowHidden(): boolean | null {
    return this.read("rowHidden");
  }
  get columnHidden(): boolean | null {
    return this.read("columnHidden");
  }
  get values(): Value[][] {
    return this.read("values");
  }
  set values(v: Value[][]) {
    this.write("values", v, (st) => this.assign(st, v, "values"));
  }
  get formulas(): Value[][] {
    return this.read("formulas");
  }
  set formulas(v: Value[][]) {
    this.write("formulas", v, (st) => this.assign(st, v, "formulas"));
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.write("numberFormat", v, (st) => {
      this.checkShape(st, v);
      this.each(st, (r, c) => {
        const f = v[r - st.r0][c - st.c0];
        if (f !== null && f !== undefined) st.sheet.ensure(r, c).numberFormat = f;
      });
    });
  }
  private checkShape(st: RangeState, v: unknown[][]): void {
    if (!Array.isArray(v) || v.length !== st.r1 - st.r0 + 1 || v.some((row) => !Array.isArray(row) || row.length !== st.c1 - st.c0 + 1)) {
      throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
  }
  private assign(st: RangeState, v: Value[][], how: "values" | "formulas"): void {
    this.checkShape(st, v);
    if (st.sheet.protected) throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
    this.each(st, (r, c) => {
      const input = v[r - st.r0][c - st.c0];
      if (input === null || input === undefined) return; // Office.js leaves a cell alone for null
      this.store(st.sheet.ensure(r, c), input, how);
    });
  }
  /** Excel's reading of an input, pessimistically (see the module comment). */
  private store(cell: FakeCell, input: Value, how: "values" | "formulas"): void {
    storeInput(cell, input, how);
  }
  /** Select the range in the Excel UI (recorded as the fake's selection). */
  select(): void {
    this.call("select", [], (st) => {
      this.ctx.fake.selection = { sheet: st.sheet.name, address: boundsAddress(st) };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return this.child(new FakeRange(this.ctx, `${this.label}.getCell(${row},${column})`), "getCell", [row, column], (st) => ({
      sheet: st.sheet,
      r0: st.r0 + row,
      c0: st.c0 + column,
      r1: st.r0 + row,
      c1: st.c0 + column,
    }));
  }
  getRow(row: number): FakeRange {
    return this.child(new FakeRange(this.ctx, `${this.label}.getRow(${row})`), "getRow", [row], (st) => ({ ...st, r0: st.r0 + row, r1: st.r0 + row }));
  }
  getColumn(column: number): FakeRange {
    return this.child(new FakeRange(this.ctx, `${this.label}.getColumn(${column})`), "getColumn", [column], (st) => ({
      ...st,
      c0: st.c0 + column,
      c1: st.c0 + column,
    }));
  }
  /** The same-sized range shifted by the offsets. */
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.child(
      new FakeRange(this.ctx, `${this.label}.getOffsetRange(${rowOffset},${columnOffset})`),
      "getOffsetRange",
      [rowOffset, columnOffset],
      (st) => ({
        sheet: st.sheet,
        r0: st.r0 + rowOffset,
        r1: st.r1 + rowOffset,
        c0: st.c0 + columnOffset,
        c1: st.c1 + columnOffset,
      })
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.child(
      new FakeRange(this.ctx, `${this.label}.getResizedRange(${deltaRows},${deltaColumns})`),
      "getResizedRange",
      [deltaRows, deltaColumns],
      (st) => {
        if (st.r1 + deltaRows < st.r0 || st.c1 + deltaColumns < st.c0) throw new FakeOfficeError("InvalidArgument", "Resized range is empty.");
        return { ...st, r1: st.r1 + deltaRows, c1: st.c1 + deltaColumns };
      }
    );
  }
  getEntireColumn(): FakeRange {
    return this.child(new FakeRange(this.ctx, `${this.label}.getEntireColumn()`), "getEntireColumn", [], (st) => ({ ...st, r0: 0, r1: MAX_ROWS - 1 }));
  }
  /** Copy formulas or formats from a source range, repeating it over this range (Range.copyFrom, ExcelApi 1.9). */
  copyFrom(source: FakeRange, copyType: string = "All"): void {
    this.call("copyFrom", [source.label, copyType], (st) => {
      const src = source.stateNow();
      const h = src.r1 - src.r0 + 1;
      const w = src.c1 - src.c0 + 1;
      this.each(st, (r, c) => {
        const from = src.sheet.get(src.r0 + ((r - st.r0) % h), src.c0 + ((c - st.c0) % w));
        const to = st.sheet.ensure(r, c);
        if (copyType === "Formulas" || copyType === "All") {
          if (from?.formula !== undefined) {
            to.formula = from.formula;
            to.value = "";
          } else to.value = from?.value ?? "";
        }
        if (copyType === "Formats" || copyType === "All") {
          to.numberFormat = from?.numberFormat;
          to.quotePrefix = from?.quotePrefix;
          to.bold = from?.bold;
        }
      });
    });
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return this.child(new FakeRangeAreas(this.ctx, `${this.label}.mergedAreas`, true), "getMergedAreasOrNullObject", [], (st) => {
      const areas = st.sheet.merges.filter((m) => m.r0 <= st.r1 && m.r1 >= st.r0 && m.c0 <= st.c1 && m.c1 >= st.c0);
      return areas.length ? { sheet: st.sheet, areas } : null;
    });
  }
  /** Cell fills only (ExcelApi 1.9): what the grid reader asks for. */
  getCellProperties(spec: { format?: { fill?: { color?: boolean } } }): { value: { format: { fill: { color: string } } }[][] } {
    const result = { value: [] as { format: { fill: { color: string } } }[][] };
    this.ctx.enqueue("call", this.label, "getCellProperties", [spec], () => {
      const st = this.s();
      result.value = this.each(st, (r, c) => ({ format: { fill: { color: st.sheet.get(r, c)?.fillColor ?? "#FFFFFF" } } }));
    });
    return result;
  }
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    return this.child(new FakeRangeAreas(this.ctx, `${this.label}.special(${cellType})`, true), "getSpecialCellsOrNullObject", [cellType], (st) => {
      if (cellType !== "Visible") throw new FakeOfficeError("InvalidArgument", `fake: special cells ${cellType} not modelled`);
      const runs = (a: number, z: number, hidden: Set<number>): [number, number][] => {
        const out: [number, number][] = [];
        for (let i = a; i <= z; i++) {
          if (hidden.has(i)) continue;
          const last = out[out.length - 1];
          if (last && last[1] === i - 1) last[1] = i;
          else out.push([i, i]);
        }
        return out;
      };
      const areas: Bounds[] = [];
      for (const [r0, r1] of runs(st.r0, st.r1, st.sheet.hiddenRows))
        for (const [c0, c1] of runs(st.c0, st.c1, st.sheet.hiddenCols)) areas.push({ r0, r1, c0, c1 });
      return areas.length ? { sheet: st.sheet, areas } : null;
    });
  }
}

export class FakeRangeAreas extends FakeObject<{ sheet: SheetState; areas: Bounds[] }> {
  protected snapshot(prop: string, st: { sheet: SheetState; areas: Bounds[] }): unknown {
    if (prop === "address") return st.areas.map((a) => `${quoteSheet(st.sheet.name)}!${boundsAddress(a)}`).join(",");
    if (prop === "areaCount") return st.areas.length;
    throw new FakeOfficeError("InvalidArgument", `fake: rangeAreas.${prop} is not modelled`);
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
}

export class FakeRangeFormat {
  font: FakeRangeFont;
  fill: { color: string };
  constructor(
    private ctx: FakeRequestContext,
    private range: FakeRange
  ) {
    this.font = new FakeRangeFont(ctx, range);
    const fill = {} as { color: string };
    Object.defineProperty(fill, "color", {
      set: (v: string) =>
        this.ctx.enqueue("set", "RangeFill", "color", [v], () => {
          const st = this.range.stateNow();
          for (let r = st.r0; r <= Math.min(st.r1, st.r0 + 10_000); r++) for (let c = st.c0; c <= st.c1; c++) st.sheet.ensure(r, c).fill = v;
        }),
    });
    this.fill = fill;
  }
  set columnWidth(points: number) {
    this.ctx.enqueue("set", "RangeFormat", "columnWidth", [points], () => {
      const st = this.range.stateNow();
      for (let c = st.c0; c <= st.c1; c++) st.sheet.columnWidths.set(c, points);
    });
  }
}

export class FakeRangeFont {
  constructor(
    private ctx: FakeRequestContext,
    private range: FakeRange
  ) {}
  private apply(member: string, value: unknown, f: (cell: FakeCell) => void): void {
    this.ctx.enqueue("set", "RangeFont", member, [value], () => {
      const st = this.range.stateNow();
      const rows = Math.min(st.r1, st.r0 + 10_000); // formatting a whole column only touches cells in use
      for (let r = st.r0; r <= rows; r++) for (let c = st.c0; c <= st.c1; c++) f(st.sheet.ensure(r, c));
    });
  }
  set bold(v: boolean) {
    this.apply("bold", v, (cell) => (cell.bold = v));
  }
  set size(v: number) {
    this.apply("size", v, (cell) => (cell.fontSize = v));
  }
  set color(v: string) {
    this.apply("color", v, (cell) => (cell.fontColor = v));
  }
}

export class FakeDataValidation {
  constructor(
    private ctx: FakeRequestContext,
    private range: FakeRange
  ) {}
  private find(): FakeValidation {
    const st = this.range.stateNow();
    const address = boundsAddress(st);
    let v = st.sheet.validations.find((x) => x.address === address);
    if (!v) {
      v = { address, rule: undefined };
      st.sheet.validations.push(v);
    }
    return v;
  }
  set rule(rule: unknown) {
    this.ctx.enqueue("set", "DataValidation", "rule", [rule], () => {
      this.find().rule = rule;
    });
  }
  set errorAlert(alert: unknown) {
    this.ctx.enqueue("set", "DataValidation", "errorAlert", [alert], () => {
      this.find().errorAlert = alert;
    });
  }
}

export class FakeConditionalFormatCollection {
  constructor(
    private ctx: FakeRequestContext,
    private range: FakeRange
  ) {}
  add(type: string): { custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } } {
    let cf: FakeConditionalFormat | undefined;
    this.ctx.enqueue("call", "ConditionalFormats", "add", [type], () => {
      const st = this.range.stateNow();
      cf = { address: boundsAddress(st), type };
      st.sheet.conditionalFormats.push(cf);
    });
    const setter = (member: string, f: (c: FakeConditionalFormat, v: string) => void) => ({
      set: (v: string) =>
        this.ctx.enqueue("set", "ConditionalFormat", member, [v], () => {
          if (cf) f(cf, v);
        }),
    });
    const rule = Object.defineProperty(
      {} as { formula: string },
      "formula",
      setter("formula", (c, v) => (c.formula = v))
    );
    const fill = Object.defineProperty(
      {} as { color: string },
      "color",
      setter("fill.color", (c, v) => (c.fill = v))
    );
    const font = Object.defineProperty(
      {} as { color: string },
      "color",
      setter("font.color", (c, v) => (c.fontColor = v))
    );
    return { custom: { rule, format: { fill, font } } };
  }
}

export class FakeTableCollection extends FakeCollection<TableState, FakeTable> {
  constructor(
    ctx: FakeRequestContext,
    private ws: FakeWorksheet | null
  ) {
    super(ctx, ws ? "Worksheet.tables" : "Tables");
  }
  protected list(): TableState[] {
    return this.ws ? this.ctx.fake.tables.filter((t) => t.sheet === this.ws!.stateNow()) : this.ctx.fake.tables;
  }
  protected makeItem(): FakeTable {
    return new FakeTable(this.ctx, "Table");
  }
  getItemOrNullObject(name: string): FakeTable {
    return this.child(
      new FakeTable(this.ctx, `Table(${name})`, true),
      "getItemOrNullObject",
      [name],
      () => this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null
    );
  }
  getItem(name: string): FakeTable {
    return this.child(
      new FakeTable(this.ctx, `Table(${name})`),
      "getItem",
      [name],
      () => this.list().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null
    );
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    const arg = typeof address === "string" ? address : `[Range]`;
    return this.child(new FakeTable(this.ctx, `Table@${arg}`), "add", [arg, hasHeaders], () => {
      const fake = this.ctx.fake;
      let st: RangeState;
      if (typeof address === "string") {
        const b = parseRangeAddress(address);
        const sheet = b.sheet ? fake.findSheet(b.sheet) : this.ws?.stateNow();
        if (!sheet) throw new FakeOfficeError("InvalidArgument", `Ugyldig tabeladresse ${address}`);
        st = { sheet, r0: b.r0, c0: b.c0, r1: b.r1, c1: b.c1 };
      } else st = address.stateNow();
      if (st.sheet.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      for (const t of fake.tables) {
        const b = t.bounds;
        if (t.sheet === st.sheet && b.r0 <= st.r1 && b.r1 >= st.r0 && b.c0 <= st.c1 && b.c1 >= st.c0) {
          throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
        }
      }
      const headers: string[] = [];
      for (let c = st.c0; c <= st.c1; c++) {
        const cell = st.sheet.ensure(st.r0, c);
        let h = hasHeaders ? String(cell.value) : "";
        if (h === "" || headers.includes(h)) h = `Column${c - st.c0 + 1}`;
        cell.value = h;
        headers.push(h);
      }
      let n = fake.tables.length + 1;
      while (fake.findTable(`Table${n}`)) n++;
      const table: TableState = { name: `Table${n}`, sheet: st.sheet, bounds: { r0: st.r0, c0: st.c0, r1: st.r1, c1: st.c1 }, headers };
      fake.tables.push(table);
      return table;
    });
  }
}

export class FakeTable extends FakeObject<TableState> {
  columns: FakeTableColumnCollection;
  private rowCollection: FakeTableRowCollection | undefined;
  private tableSort: FakeTableSort | undefined;
  constructor(ctx: FakeRequestContext, label: string, nullable = false) {
    super(ctx, label, nullable);
    this.columns = new FakeTableColumnCollection(ctx, this);
  }
  get rows(): FakeTableRowCollection {
    this.rowCollection ??= new FakeTableRowCollection(this.ctx, this);
    return this.rowCollection;
  }
  get sort(): FakeTableSort {
    this.tableSort ??= new FakeTableSort(this.ctx, this, `${this.label}.sort`);
    return this.tableSort;
  }
  stateNow(): TableState {
    return this.s();
  }
  protected snapshot(prop: string, t: TableState): unknown {
    if (prop === "name") return t.name;
    if (prop === "style") return t.style ?? "TableStyleMedium2";
    throw new FakeOfficeError("InvalidArgument", `fake: table.${prop} is not modelled`);
  }
  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.write("name", name, (t) => {
      const fake = this.ctx.fake;
      if (fake.tables.some((o) => o !== t && o.name.toLowerCase() === name.toLowerCase()) || fake.names.has(name)) {
        throw new FakeOfficeError("InvalidArgument", `A table named ${name} already exists.`);
      }
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new FakeOfficeError("InvalidArgument", `Invalid table name ${name}.`);
      t.name = name;
    });
  }
  set style(style: string) {
    this.write("style", style, (t) => (t.style = style));
  }
  private range(member: string, f: (t: TableState) => Bounds): FakeRange {
    return this.child(new FakeRange(this.ctx, `${this.label}.${member}`), member, [], (t) => ({ sheet: t.sheet, ...f(t) }));
  }
  getHeaderRowRange(): FakeRange {
    return this.range("getHeaderRowRange", (t) => ({ ...t.bounds, r1: t.bounds.r0 }));
  }
  getDataBodyRange(): FakeRange {
    return this.range("getDataBodyRange", (t) => ({ ...t.bounds, r0: t.bounds.r0 + 1 }));
  }
  getRange(): FakeRange {
    return this.range("getRange", (t) => ({ ...t.bounds }));
  }
}

export class FakeTableRowCollection extends FakeObject<TableState> {
  constructor(ctx: FakeRequestContext, table: FakeTable) {
    super(ctx, "Table.rows");
    this.ctx.enqueue("call", "Table", "rows", [], () => this.bind(table.stateNow()));
  }
  protected snapshot(prop: string, t: TableState): unknown {
    if (prop === "count") return t.bounds.r1 - t.bounds.r0;
    throw new FakeOfficeError("InvalidArgument", `fake: rows.${prop} is not modelled`);
  }
  get count(): number {
    return this.read("count");
  }
  /**
   * Append rows at the end of the table (index null or undefined; inserting at an index is not modelled).
   * As in Excel, new rows take the number formats of the last row, and a null in a column whose last
   * row holds a formula gets that formula (a calculated column fills itself).
   */
  add(index?: number | null, values?: Value[][] | null): void {
    this.call("add", [index ?? null, values ?? null], (t) => {
      if (index !== undefined && index !== null) throw new FakeOfficeError("InvalidArgument", "fake: rows.add at an index is not modelled");
      const width = t.bounds.c1 - t.bounds.c0 + 1;
      const rows: (Value | null)[][] = values ?? [new Array<Value | null>(width).fill(null)];
      if (rows.some((r) => !Array.isArray(r) || r.length !== width)) {
        throw new FakeOfficeError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      if (t.sheet.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      const last = t.bounds.r1;
      rows.forEach((row, i) => {
        for (let c = t.bounds.c0; c <= t.bounds.c1; c++) {
          const template = t.sheet.get(last, c);
          const cell = t.sheet.ensure(last + 1 + i, c);
          cell.numberFormat = template?.numberFormat;
          const input = row[c - t.bounds.c0];
          if (input !== null && input !== undefined) storeInput(cell, input, "values");
          else if (template?.formula !== undefined) {
            cell.formula = template.formula;
            cell.value = "";
          }
        }
      });
      t.bounds = { ...t.bounds, r1: last + rows.length };
    });
  }
}

/** What a cell sorts by: its value, its formula text (never evaluated), or null for a blank. */
function sortValue(cell: FakeCell | undefined): Value | null {
  if (cell?.formula !== undefined) return cell.formula;
  return cell === undefined || cell.value === "" ? null : cell.value;
}

const swapCase = (s: string): string => [...s].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join("");

/** Excel's ascending order of two non-blank cells: numbers, then text, then logicals. */
function compareSortValues(a: Value, b: Value, matchCase: boolean): number {
  const rank = (v: Value): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const order = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
    const d = order(a.toLowerCase(), b.toLowerCase());
    // With matchCase, text equal but for case puts lower case first, as Excel does.
    return d !== 0 || !matchCase ? d : order(swapCase(a), swapCase(b));
  }
  return Number(a) - Number(b);
}

/** Table.sort (ExcelApi 1.2): apply only, on values. */
export class FakeTableSort {
  constructor(
    private ctx: FakeRequestContext,
    private table: FakeTable,
    private label: string
  ) {}
  apply(fields: FakeSortField[], matchCase = false): void {
    this.ctx.enqueue("call", this.label, "apply", [fields, matchCase], () => {
      const t = this.table.stateNow();
      const { r0, c0, r1, c1 } = t.bounds;
      const width = c1 - c0 + 1;
      if (!Array.isArray(fields) || fields.length === 0 || fields.some((f) => !Number.isInteger(f.key) || f.key < 0 || f.key >= width)) {
        throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
      }
      if (fields.some((f) => f.sortOn !== undefined && f.sortOn !== "Value"))
        throw new FakeOfficeError("InvalidArgument", "fake: sorting on other than values is not modelled");
      if (t.sheet.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
      const rows: (FakeCell | undefined)[][] = [];
      for (let r = r0 + 1; r <= r1; r++) {
        const row: (FakeCell | undefined)[] = [];
        for (let c = c0; c <= c1; c++) row.push(t.sheet.get(r, c));
        rows.push(row);
      }
      const compareRows = (a: (FakeCell | undefined)[], b: (FakeCell | undefined)[]): number => {
        for (const f of fields) {
          const x = sortValue(a[f.key]);
          const y = sortValue(b[f.key]);
          // Blanks go last whichever the direction.
          const d = x === null || y === null ? Number(x === null) - Number(y === null) : compareSortValues(x, y, matchCase) * (f.ascending === false ? -1 : 1);
          if (d !== 0) return d;
        }
        return 0;
      };
      // Array.prototype.sort is stable: equal rows keep their order, as in Excel.
      rows.sort(compareRows).forEach((row, i) => row.forEach((cell, j) => t.sheet.place(r0 + 1 + i, c0 + j, cell)));
      const fake = this.ctx.fake;
      fake.sorts.push({ table: t.name, fields: fields.map((f) => ({ ...f })), matchCase, calculationSuspended: fake.calculationSuspensions > 0 });
    });
  }
}

export class FakeTableColumnCollection {
  constructor(
    private ctx: FakeRequestContext,
    private table: FakeTable
  ) {}
  getItem(name: string): FakeTableColumn {
    const col = new FakeTableColumn(this.ctx, `Table.columns(${name})`);
    this.ctx.enqueue("call", "TableColumns", "getItem", [name], () => {
      const t = this.table.stateNow();
      const i = t.headers.findIndex((h) => h.toLowerCase() === name.toLowerCase());
      if (i < 0) throw new FakeOfficeError("ItemNotFound", `Column ${name} not found.`);
      col.bind({ table: t, index: i });
    });
    return col;
  }
}

export class FakeTableColumn extends FakeObject<{ table: TableState; index: number }> {
  protected snapshot(prop: string, st: { table: TableState; index: number }): unknown {
    if (prop === "name") return st.table.headers[st.index];
    if (prop === "index") return st.index;
    throw new FakeOfficeError("InvalidArgument", `fake: column.${prop} is not modelled`);
  }
  get name(): string {
    return this.read("name");
  }
  getDataBodyRange(): FakeRange {
    return this.child(new FakeRange(this.ctx, `${this.label}.getDataBodyRange`), "getDataBodyRange", [], ({ table, index }) => ({
      sheet: table.sheet,
      r0: table.bounds.r0 + 1,
      r1: table.bounds.r1,
      c0: table.bounds.c0 + index,
      c1: table.bounds.c0 + index,
    }));
  }
  getHeaderRowRange(): FakeRange {
    return this.child(new FakeRange(this.ctx, `${this.label}.getHeaderRowRange`), "getHeaderRowRange", [], ({ table, index }) => ({
      sheet: table.sheet,
      r0: table.bounds.r0,
      r1: table.bounds.r0,
      c0: table.bounds.c0 + index,
      c1: table.bounds.c0 + index,
    }));
  }
}

export class FakeNamedItemCollection extends FakeCollection<string, FakeNamedItem> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "Names");
  }
  protected list(): string[] {
    return [...this.ctx.fake.names.keys()];
  }
  protected makeItem(): FakeNamedItem {
    return new FakeNamedItem(this.ctx, "NamedItem");
  }
  add(name: string, reference: string): FakeNamedItem {
    return this.child(new FakeNamedItem(this.ctx, `Name(${name})`), "add", [name, reference], () => {
      const fake = this.ctx.fake;
      if ([...fake.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase()) || fake.findTable(name)) {
        throw new FakeOfficeError("ItemAlreadyExists", `The name ${name} already exists.`);
      }
      fake.names.set(name, reference);
      return name;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return this.child(
      new FakeNamedItem(this.ctx, `Name(${name})`, true),
      "getItemOrNullObject",
      [name],
      () => [...this.ctx.fake.names.keys()].find((n) => n.toLowerCase() === name.toLowerCase()) ?? null
    );
  }
}

export class FakeNamedItem extends FakeObject<string> {
  protected snapshot(prop: string, name: string): unknown {
    if (prop === "name") return name;
    if (prop === "formula") return this.ctx.fake.names.get(name);
    throw new FakeOfficeError("InvalidArgument", `fake: namedItem.${prop} is not modelled`);
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  delete(): void {
    this.call("delete", [], (name) => this.ctx.fake.names.delete(name));
  }
  /** The cell range a name refers to ("=Ark!$B$2"); a null object for constants and formulas. */
  getRangeOrNullObject(): FakeRange {
    return this.child(new FakeRange(this.ctx, `${this.label}.getRangeOrNullObject`, true), "getRangeOrNullObject", [], (name) => {
      const ref = (this.ctx.fake.names.get(name) ?? "").replace(/^=/, "");
      if (!ref.includes("!")) return null;
      const b = parseRangeAddress(ref.replace(/\$/g, ""));
      const sheet = b.sheet ? this.ctx.fake.findSheet(b.sheet) : undefined;
      return sheet ? { sheet, r0: b.r0, c0: b.c0, r1: b.r1, c1: b.c1 } : null;
    });
  }
}

/** An `Excel.run` twin over the fake: one request context per run, a final flush like Excel.run's. */
export function fakeRun(fake: FakeExcel): <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> {
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    fake.stats.runs++;
    const ctx = fake.newContext();
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.queue.length > 0) await ctx.sync();
    return result;
  };
}

/** A chart as drawn: its type, source, title, series (name, values and categories) and place. */
export interface ChartState {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  series: { name?: string; values: string; categories?: string }[];
  position?: { start: string; end?: string };
  width?: number;
  height?: number;
}

/** Worksheet.charts: add(type, range, seriesBy), ExcelApi 1.1; series.add and setValues need 1.7. */
export class FakeChartCollection {
  constructor(
    private ctx: FakeRequestContext,
    private ws: FakeWorksheet
  ) {}
  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart {
    const chart = new FakeChart(this.ctx);
    this.ctx.enqueue("call", "Charts", "add", [type, sourceData.toJSON(), seriesBy], () => {
      const src = sourceData.stateNow();
      const state: ChartState = { type, source: boundsAddress(src), seriesBy, series: [{ values: boundsAddress(src) }] };
      this.ws.stateNow().charts.push(state);
      chart.state = state;
    });
    return chart;
  }
}

export class FakeChart {
  state: ChartState | undefined;
  readonly title: { text: string };
  readonly series: { getItemAt(i: number): FakeChartSeries; add(name?: string): FakeChartSeries };
  constructor(private ctx: FakeRequestContext) {
    const chart = () => {
      if (!this.state) throw new FakeOfficeError("InvalidObjectPath", "The chart does not exist.");
      return this.state;
    };
    this.title = Object.defineProperty({} as { text: string }, "text", {
      set: (v: string) => ctx.enqueue("set", "ChartTitle", "text", [v], () => (chart().title = v)),
    });
    this.series = {
      getItemAt: (i) => {
        const s = new FakeChartSeries(ctx);
        ctx.enqueue("call", "ChartSeries", "getItemAt", [i], () => {
          const found = chart().series[i];
          if (!found) throw new FakeOfficeError("ItemNotFound", `No series ${i}.`);
          s.state = found;
        });
        return s;
      },
      add: (name) => {
        const s = new FakeChartSeries(ctx);
        ctx.enqueue("call", "ChartSeries", "add", [name ?? null], () => {
          const added = { name, values: "" };
          chart().series.push(added);
          s.state = added;
        });
        return s;
      },
    };
    for (const prop of ["width", "height"] as const) {
      Object.defineProperty(this, prop, {
        set: (v: number) => ctx.enqueue("set", "Chart", prop, [v], () => (chart()[prop] = v)),
      });
    }
  }
  setPosition(start: string, end?: string): void {
    this.ctx.enqueue("call", "Chart", "setPosition", [start, end ?? null], () => {
      if (!this.state) throw new FakeOfficeError("InvalidObjectPath", "The chart does not exist.");
      this.state.position = { start, end };
    });
  }
}

export class FakeChartSeries {
  state: ChartState["series"][number] | undefined;
  constructor(private ctx: FakeRequestContext) {}
  private on(member: string, value: unknown, f: (s: ChartState["series"][number]) => void): void {
    this.ctx.enqueue(typeof value === "string" && member === "name" ? "set" : "call", "ChartSeries", member, [value], () => {
      if (!this.state) throw new FakeOfficeError("InvalidObjectPath", "The series does not exist.");
      f(this.state);
    });
  }
  set name(v: string) {
    this.on("name", v, (s) => (s.name = v));
  }
  setValues(range: FakeRange): void {
    this.on("setValues", range.toJSON(), (s) => (s.values = boundsAddress(range.stateNow())));
  }
  setXAxisValues(range: FakeRange): void {
    this.on("setXAxisValues", range.toJSON(), (s) => (s.categories = boundsAddress(range.stateNow())));
  }
}
