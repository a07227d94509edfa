// The integrity check, pure: a snapshot of the workbook's tables (constants and formulas) and names,
// compared with what the contract's plan says they should be. It finds computed cells overwritten by
// a value or another formula, tables that lost or renamed columns, broken defined names and setup values
// out of range, and says which formulas a repair would write back (formulas only, never data) and which
// tables it would sort by case (whole rows move, no value changes).
import { caseSortFields } from "./case-sort";
import { CASE_ROW_COLUMN, CASE_SORTED_TABLES, DEFINED_NAMES, SHEETS, TABLES, headerKey } from "./contract";
import { defaultParams } from "../domain/setup-defaults";
import type { StructuredData } from "../domain/model";
import { isFormula, address, parseAddress, type CellInput, type Plan, type Scalar } from "./plan";
import { PROBLEM_CELLS_NAME, type ProblemRow } from "./problems-plan";
import { reportHelperColumns } from "./report/noegletal";
import { buildStructuredPlan } from "./structured-plan";
import { rowKey, type RepairedCell } from "./audit-log";

/** A table as read from the workbook: constants as values, formula cells as `{ formula: "=…" }`. */
export interface TableSnapshot {
  name: string;
  sheet: string;
  /** A1 address of the header row's first cell. */
  topLeft: string;
  headers: string[];
  rows: CellInput[][];
}

export interface NameSnapshot {
  name: string;
  /** The reference as the engine reports it, with or without the leading "=". */
  refersTo: string;
  /** The value of the single cell the name points at, when it points at one. */
  value?: Scalar;
}

export interface WorkbookSnapshot {
  sheets: string[];
  tables: TableSnapshot[];
  names: NameSnapshot[];
}

export interface ExpectedTable {
  name: string;
  sheet: string;
  /** A missing table is a finding (Log and Problemer are created when needed). */
  required: boolean;
  /** Every column the contract gives the table, input and computed. */
  columns: string[];
  /** Computed columns with their canonical formula. */
  computed: { column: string; formula: string }[];
  /** Computed columns other modules may add; checked only where present. */
  optionalComputed: { column: string; formula: string }[];
}

export interface Expectation {
  tables: ExpectedTable[];
  /** Defined names every structured workbook has. */
  names: string[];
}

/** One column to give its formula back, and the cells that had lost it. */
export interface ColumnRepair {
  table: string;
  sheet: string;
  column: string;
  formula: string;
  cells: RepairedCell[];
}

/** A table kept sorted by case that is out of order: the repair sorts it by Sagsrække, then Dato (decision 0006). */
export interface CaseSort {
  table: string;
  sheet: string;
}

export interface IntegrityFinding extends ProblemRow {
  repairable: boolean;
}

export interface IntegrityReport {
  findings: IntegrityFinding[];
  repairs: ColumnRepair[];
  /** One per "not sorted" finding. */
  sorts: CaseSort[];
}

export const INTEGRITY_CODES = {
  overwritten: "INTEGRITET_FORMEL_OVERSKREVET",
  otherFormula: "INTEGRITET_FORMEL_AENDRET",
  tableMissing: "INTEGRITET_TABEL_MANGLER",
  columnMissing: "INTEGRITET_KOLONNE_MANGLER",
  nameMissing: "INTEGRITET_NAVN_MANGLER",
  nameBroken: "INTEGRITET_NAVN_BRUDT",
  setupRange: "INTEGRITET_OPSAETNING",
  notSorted: "INTEGRITET_IKKE_SORTERET",
} as const;

/** Whether a Problemer row came from the integrity check (a new check replaces them). */
export function isIntegrityCode(code: unknown): boolean {
  return typeof code === "string" && code.startsWith("INTEGRITET_");
}

const OPTIONAL_TABLES: readonly string[] = [TABLES.log, TABLES.problemer];

/** What the contract's plan says: built from an empty data set, so it holds exactly the contract. */
export function contractExpectation(): Expectation {
  const empty: StructuredData = {
    params: defaultParams(45_292),
    cases: [],
    units: [],
    attendance: [],
    attendanceStatuses: [],
    holidays: [],
    instruments: [],
    measurements: [],
    goals: [],
    visitations: [],
  };
  const plan = buildStructuredPlan(empty);
  const optional = reportHelperColumns();
  return expectationFromPlan(
    plan,
    optional.map((t) => ({ table: t.table, columns: t.columns.map((c) => ({ column: c.name, formula: c.formula })) }))
  );
}

export function expectationFromPlan(plan: Plan, optionalComputed: { table: string; columns: { column: string; formula: string }[] }[] = []): Expectation {
  const tables: ExpectedTable[] = plan.sheets.flatMap((s) =>
    s.tables.map((t) => ({
      name: t.name,
      sheet: s.name,
      required: !OPTIONAL_TABLES.includes(t.name),
      columns: t.columns.map((c) => c.name),
      computed: t.columns.filter((c) => c.formula).map((c) => ({ column: c.name, formula: c.formula! })),
      optionalComputed: optionalComputed.filter((o) => o.table === t.name).flatMap((o) => o.columns),
    }))
  );
  return { tables, names: plan.names.map((n) => n.name) };
}

// ---------------------------------------------------------------- formula comparison

function outsideStrings(formula: string, f: (chunk: string) => string): string {
  return formula
    .split('"')
    .map((p, i) => (i % 2 === 0 ? f(p) : p))
    .join('"');
}

/**
 * A formula in one comparable form whatever engine wrote it: no "=", no `_xlfn.`, no spaces, upper case
 * outside strings, TRUE() as TRUE, and every this-row reference as `[@Col]` (Excel shows `[@Col]` and drops the table
 * name inside its own table; files hold `Table[[#This Row],[Col]]`).
 */
export function comparableFormula(formula: string): string {
  const body = formula.trim().replace(/^=/, "");
  return outsideStrings(body, (chunk) =>
    chunk
      .replace(/_xlfn\.|_xlws\./gi, "")
      .replace(/\s+/g, "")
      .toUpperCase()
      // LibreOffice saves the constants TRUE and FALSE as the functions TRUE() and FALSE().
      .replace(/(?<![A-Z0-9_.])(TRUE|FALSE)\(\)/g, "$1")
      .replace(/(?:[A-Z_\\][A-Z0-9_.]*)?\[\[#THISROW\],\[((?:[^\]']|'.)*)\]\]/g, "[@$1]")
      .replace(/(?:[A-Z_\\][A-Z0-9_.]*)?\[@\[((?:[^\]']|'.)*)\]\]/g, "[@$1]")
      .replace(/[A-Z_\\][A-Z0-9_.]*\[@((?:[^\]']|'.)*)\]/g, "[@$1]")
  );
}

export function sameFormula(a: string, b: string): boolean {
  return comparableFormula(a) === comparableFormula(b);
}

// ---------------------------------------------------------------- the check

function findTable(snapshot: WorkbookSnapshot, name: string): TableSnapshot | undefined {
  return snapshot.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
}

function cellAddress(t: TableSnapshot, row: number, col: number): string {
  const { row: top, col: left } = parseAddress(t.topLeft);
  return address(top + 1 + row, left + col);
}

function shownOriginal(v: CellInput | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (isFormula(v)) return v.formula.startsWith("=") ? v.formula : "=" + v.formula;
  return String(v);
}

function record(t: TableSnapshot, row: number): Record<string, Scalar> {
  return Object.fromEntries(t.headers.map((h, j) => [h, scalarOf(t.rows[row]?.[j])]));
}

function scalarOf(v: CellInput | undefined): Scalar {
  return v === undefined || isFormula(v) ? null : v;
}

/** The table columns a formula refers to, as `Table[Column]` or `Table[[#This Row],[Column]]`. */
function columnsReferenced(formula: string): { table: string; column: string }[] {
  const re = /([A-Za-z_][A-Za-z0-9_.]*)\[(?:\[#This Row\],\[([^\]]+)\]\]|([^[\]]+)\])/gi;
  return [...formula.matchAll(re)].map((m) => ({ table: m[1], column: m[2] ?? m[3] }));
}

function checkComputed(
  snapshot: WorkbookSnapshot,
  t: TableSnapshot,
  expected: { column: string; formula: string },
  out: IntegrityFinding[],
  repairs: ColumnRepair[]
): void {
  const j = t.headers.findIndex((h) => headerKey(h) === headerKey(expected.column));
  if (j < 0) return;
  // Writing the formula back would only give errors while a column it uses is missing, in its own table
  // or another (reported on its own), e.g. a helper column added to the contract after the workbook
  // was converted.
  const usable = columnsReferenced(expected.formula).every(({ table, column }) =>
    findTable(snapshot, table)?.headers.some((h) => headerKey(h) === headerKey(column))
  );
  if (!usable) return;
  const cells: RepairedCell[] = [];
  // A column holds one or a few formula texts in thousands of cells: each text is compared once.
  const wanted = comparableFormula(expected.formula);
  const verdicts = new Map<string, boolean>();
  const matches = (formula: string): boolean => {
    let same = verdicts.get(formula);
    if (same === undefined) {
      same = comparableFormula(formula) === wanted;
      verdicts.set(formula, same);
    }
    return same;
  };
  t.rows.forEach((row, i) => {
    const v = row[j];
    const isFormulaCell = isFormula(v);
    if (isFormulaCell && matches(v.formula)) return;
    // A table's one placeholder row (no data at all) may be blank in engines that drop its formula.
    if (!isFormulaCell && t.rows.length === 1 && row.every((c) => c === null || c === "")) return;
    const cell = cellAddress(t, i, j);
    const key = rowKey(record(t, i));
    const was = isFormulaCell ? "formel" : "værdi";
    cells.push({ table: t.name, column: expected.column, key, was });
    out.push({
      sheet: t.sheet,
      cell,
      severity: "fejl",
      code: isFormulaCell ? INTEGRITY_CODES.otherFormula : INTEGRITY_CODES.overwritten,
      message: isFormulaCell
        ? `Cellen i den beregnede kolonne "${expected.column}" har fået en anden formel end kolonnens. Reparér for at sætte kolonnens formel tilbage.`
        : `Den beregnede kolonne "${expected.column}" er overskrevet med en værdi her, så tallet opdateres ikke længere. Reparér for at sætte formlen tilbage (dataene røres ikke).`,
      original: shownOriginal(v),
      target: `${t.sheet}!${cell}`,
      repairable: true,
    });
  });
  if (cells.length > 0) repairs.push({ table: t.name, sheet: t.sheet, column: expected.column, formula: expected.formula, cells });
}

function checkColumns(t: TableSnapshot, expected: ExpectedTable, out: IntegrityFinding[]): void {
  const have = new Set(t.headers.map(headerKey));
  // The report's helper columns (Enhed, I forløb …) are the contract's too, though optional.
  const known = new Set([...expected.columns, ...expected.optionalComputed.map((c) => c.column)].map(headerKey));
  const strangers = t.headers.filter((h) => !known.has(headerKey(h)));
  const missing = expected.columns.filter((c) => !have.has(headerKey(c)));
  const computed = new Set(expected.computed.map((c) => headerKey(c.column)));
  for (const c of missing) {
    const hint = strangers.length > 0 ? ` Er den omdøbt? Tabellen har kolonner, kontrakten ikke kender: ${strangers.map((s) => `"${s}"`).join(", ")}.` : "";
    // A computed column a later version added (Serie, Sagsrække …) is missing from every workbook converted
    // before it; converting again rebuilds the sheets with every column and keeps the data.
    const rerun = computed.has(headerKey(c))
      ? " Er projektmappen konverteret med en ældre udgave af Sagsliste, så importér sagslisten igen: det genskaber arkene med alle kolonner og beholder dataene."
      : "";
    out.push({
      sheet: t.sheet,
      cell: t.topLeft,
      severity: "fejl",
      code: INTEGRITY_CODES.columnMissing,
      message: `Tabellen ${t.name} mangler kolonnen "${c}", så formler og rapporter, der bruger den, giver fejl.${hint} Giv kolonnen navnet "${c}" igen.${rerun}`,
      original: null,
      target: null,
      repairable: false,
    });
  }
}

/** A name's reference is broken when it holds #REF! or points at a sheet, table or column that is gone. */
function brokenReason(refersTo: string, snapshot: WorkbookSnapshot): string | null {
  const ref = refersTo.trim().replace(/^=/, "");
  if (ref === "" || /#REF!/i.test(ref)) return "den peger på celler, der er slettet (#REF!)";
  const sheetRef = /^(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(ref);
  if (sheetRef) {
    const sheet = (sheetRef[1] ?? sheetRef[2]).replace(/''/g, "'");
    if (!snapshot.sheets.some((s) => s.toLowerCase() === sheet.toLowerCase())) return `arket "${sheet}" findes ikke`;
    return null;
  }
  const tableRef = /^([A-Za-z_\\][A-Za-z0-9_.]*)\[((?:[^\]']|'.)*)\]$/.exec(ref);
  if (tableRef) {
    const t = findTable(snapshot, tableRef[1]);
    if (!t) return `tabellen ${tableRef[1]} findes ikke`;
    const column = tableRef[2].replace(/'(.)/g, "$1");
    if (!t.headers.some((h) => headerKey(h) === headerKey(column))) return `tabellen ${t.name} har ingen kolonne "${column}"`;
  }
  return null;
}

/**
 * A sortedness flag belongs to a table with Sagsrække: a workbook converted before those columns existed
 * never had the name, and its formulas do not use it (the missing column is reported on its own).
 */
function flagNotApplicable(snapshot: WorkbookSnapshot, name: string): boolean {
  const entry = CASE_SORTED_TABLES.find((t) => t.sortedName.toLowerCase() === name.toLowerCase());
  if (!entry) return false;
  const t = findTable(snapshot, entry.table);
  return !t || !t.headers.some((h) => headerKey(h) === headerKey(CASE_ROW_COLUMN));
}

function checkNames(snapshot: WorkbookSnapshot, expectation: Expectation, out: IntegrityFinding[]): void {
  const wanted = expectation.names.filter((n) => !flagNotApplicable(snapshot, n));
  if (findTable(snapshot, TABLES.problemer)) wanted.push(PROBLEM_CELLS_NAME);
  for (const name of wanted) {
    const n = snapshot.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!n) {
      out.push({
        sheet: SHEETS.opsaetning,
        cell: "A1",
        severity: "fejl",
        code: INTEGRITY_CODES.nameMissing,
        message: `Navnet ${name} mangler i projektmappen, så formler og rullelister, der bruger det, giver fejl. Opret det igen under Formler > Navnestyring.`,
        original: null,
        target: null,
        repairable: false,
      });
      continue;
    }
    const reason = brokenReason(n.refersTo, snapshot);
    if (reason) {
      out.push({
        sheet: SHEETS.opsaetning,
        cell: "A1",
        severity: "fejl",
        code: INTEGRITY_CODES.nameBroken,
        message: `Navnet ${name} virker ikke: ${reason}. Ret det under Formler > Navnestyring.`,
        original: n.refersTo,
        target: null,
        repairable: false,
      });
    }
  }
}

// ---------------------------------------------------------------- setup values

interface Rule {
  ok: (v: Scalar) => boolean;
  expect: string;
}

const MIN_DATE = 32_874; // 1 Jan 1990
const MAX_DATE = 73_415; // 31 Dec 2100
const isNum = (v: Scalar): v is number => typeof v === "number" && Number.isFinite(v);
const between = (lo: number, hi: number) => (v: Scalar) => isNum(v) && v >= lo && v <= hi;
const wholeBetween = (lo: number, hi: number) => (v: Scalar) => isNum(v) && Number.isInteger(v) && v >= lo && v <= hi;
const DATE_RULE: Rule = { ok: between(MIN_DATE, MAX_DATE), expect: "en dato mellem 1990 og 2100" };

const PARAM_RULES: Record<string, Rule> = {
  [DEFINED_NAMES.opgoerelsesdato]: DATE_RULE,
  [DEFINED_NAMES.periodestart]: DATE_RULE,
  [DEFINED_NAMES.periodeslut]: DATE_RULE,
  [DEFINED_NAMES.baandNedre]: { ok: between(0.5, 1), expect: "en procent mellem 50 % og 100 %" },
  [DEFINED_NAMES.baandOevre]: { ok: between(1, 1.5), expect: "en procent mellem 100 % og 150 %" },
  [DEFINED_NAMES.reguleringsmodel]: { ok: (v) => v === "Hele afvigelsen" || v === "Ud over båndet", expect: '"Hele afvigelsen" eller "Ud over båndet"' },
  [DEFINED_NAMES.diskretionsgraense]: { ok: wholeBetween(1, 100), expect: "et helt tal fra 1 til 100" },
  [DEFINED_NAMES.statusintervalMdr]: { ok: wholeBetween(1, 24), expect: "et helt antal måneder fra 1 til 24" },
};

const blankOk = (rule: (v: Scalar) => boolean) => (v: Scalar) => v === null || v === "" || rule(v);

const TABLE_RULES: Record<string, Record<string, Rule>> = {
  [TABLES.enheder]: {
    Fuldtidspladser: { ok: blankOk(between(0, 10_000)), expect: "et antal pladser på 0 eller mere" },
    Deltidspladser: { ok: blankOk(between(0, 10_000)), expect: "et antal pladser på 0 eller mere" },
    Deltidsvægt: { ok: blankOk((v) => isNum(v) && v > 0 && v <= 1), expect: "en vægt over 0 og højst 1 (fx 0,75)" },
    Loft: { ok: blankOk(wholeBetween(0, 10_000)), expect: "et helt antal brugere på 0 eller mere" },
    Stykpris: { ok: blankOk(between(0, 1e9)), expect: "et beløb på 0 kr. eller mere" },
    Reguleringspris: { ok: blankOk(between(0, 1e9)), expect: "et beløb på 0 kr. eller mere" },
  },
  [TABLES.instrumenter]: {
    Min: { ok: isNum, expect: "et tal" },
    Max: { ok: isNum, expect: "et tal" },
    Retning: { ok: (v) => v === "Højere er bedre" || v === "Lavere er bedre", expect: '"Højere er bedre" eller "Lavere er bedre"' },
  },
};

function setupFinding(sheet: string, cell: string, message: string, original: Scalar | undefined): IntegrityFinding {
  return {
    sheet,
    cell,
    severity: "fejl",
    code: INTEGRITY_CODES.setupRange,
    message,
    original: original === null || original === undefined ? null : String(original),
    target: `${sheet}!${cell}`,
    repairable: false,
  };
}

function nameCell(n: NameSnapshot): { sheet: string; cell: string } {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(n.refersTo.trim());
  if (!m) return { sheet: SHEETS.opsaetning, cell: "A1" };
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), cell: `${m[3]}${m[4]}` };
}

function checkSetup(snapshot: WorkbookSnapshot, out: IntegrityFinding[]): void {
  const value = (name: string): NameSnapshot | undefined => snapshot.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  for (const [name, rule] of Object.entries(PARAM_RULES)) {
    const n = value(name);
    if (!n || n.value === undefined || brokenReason(n.refersTo, snapshot)) continue;
    if (!rule.ok(n.value)) {
      const { sheet, cell } = nameCell(n);
      out.push(setupFinding(sheet, cell, `Opsætningen ${name} skal være ${rule.expect}.`, n.value));
    }
  }
  const pair = (lo: string, hi: string, message: string) => {
    const a = value(lo)?.value ?? null;
    const b = value(hi)?.value ?? null;
    if (isNum(a) && isNum(b) && a > b) {
      const { sheet, cell } = nameCell(value(lo)!);
      out.push(setupFinding(sheet, cell, message, a));
    }
  };
  pair(DEFINED_NAMES.periodestart, DEFINED_NAMES.periodeslut, "Periodestart ligger efter Periodeslut, så periodens beregninger bliver tomme.");
  pair(DEFINED_NAMES.baandNedre, DEFINED_NAMES.baandOevre, "Båndets nedre grænse er større end den øvre.");

  for (const [tableName, rules] of Object.entries(TABLE_RULES)) {
    const t = findTable(snapshot, tableName);
    if (!t) continue;
    const placeholder = t.rows.length === 1 && t.rows[0].every((c) => c === null || c === "" || isFormula(c));
    if (placeholder) continue;
    for (const [column, rule] of Object.entries(rules)) {
      const j = t.headers.findIndex((h) => headerKey(h) === headerKey(column));
      if (j < 0) continue;
      t.rows.forEach((row, i) => {
        const v = row[j];
        if (isFormula(v)) return;
        if (!rule.ok(v ?? null)) {
          out.push(setupFinding(t.sheet, cellAddress(t, i, j), `${tableName}[${column}] skal være ${rule.expect}.`, v));
        }
      });
    }
    if (tableName === TABLES.instrumenter) {
      const lo = t.headers.findIndex((h) => headerKey(h) === "min");
      const hi = t.headers.findIndex((h) => headerKey(h) === "max");
      if (lo >= 0 && hi >= 0) {
        t.rows.forEach((row, i) => {
          const a = row[lo];
          const b = row[hi];
          if (isNum(a as Scalar) && isNum(b as Scalar) && (a as number) >= (b as number)) {
            out.push(setupFinding(t.sheet, cellAddress(t, i, lo), "Instrumentets Min skal være mindre end Max.", a as number));
          }
        });
      }
    }
  }
}

/**
 * A warning where a table kept sorted by case is not (its flag on Opsætning reads 0): the figures are the
 * same, but computed over the whole table, which a large workbook feels (decision 0006). The repair sorts
 * it. A table without its sort columns (converted before Sagsrække) is left alone: its formulas do not use
 * the order, and the missing column is reported on its own.
 */
function checkCaseOrder(snapshot: WorkbookSnapshot, out: IntegrityFinding[], sorts: CaseSort[]): void {
  for (const entry of CASE_SORTED_TABLES) {
    const n = snapshot.names.find((x) => x.name.toLowerCase() === entry.sortedName.toLowerCase());
    const t = findTable(snapshot, entry.table);
    if (!n || n.value !== 0 || !t || !caseSortFields(t.name, t.headers)) continue;
    const { sheet, cell } = nameCell(n);
    out.push({
      sheet,
      cell,
      severity: "advarsel",
      code: INTEGRITY_CODES.notSorted,
      message:
        `Arket ${t.sheet} er ikke sorteret efter sag, så tallene pr. sag regnes over hele tabellen og langsommere (de bliver de samme). ` +
        `Reparér for at sortere tabellen efter Sagsrække og derefter Dato: hele rækker flytter plads, og ingen værdi ændres. ` +
        `Uden tilføjelsesprogrammet: Sortér tabellen efter Sagsrække og derefter Dato (Data > Sortér).`,
      original: null,
      target: `${sheet}!${cell}`,
      repairable: true,
    });
    sorts.push({ table: t.name, sheet: t.sheet });
  }
}

/** Check a workbook snapshot against the contract (or another expectation). */
export function checkIntegrity(snapshot: WorkbookSnapshot, expectation: Expectation = contractExpectation()): IntegrityReport {
  const findings: IntegrityFinding[] = [];
  const repairs: ColumnRepair[] = [];
  const sorts: CaseSort[] = [];
  for (const expected of expectation.tables) {
    const t = findTable(snapshot, expected.name);
    if (!t) {
      if (expected.required) {
        findings.push({
          sheet: expected.sheet,
          cell: "A1",
          severity: "fejl",
          code: INTEGRITY_CODES.tableMissing,
          message: `Tabellen ${expected.name} findes ikke (er den slettet, omdøbt eller lavet om til et almindeligt område?). Formler og rapporter, der bruger den, giver fejl.`,
          original: null,
          target: null,
          repairable: false,
        });
      }
      continue;
    }
    checkColumns(t, expected, findings);
    for (const c of [...expected.computed, ...expected.optionalComputed]) checkComputed(snapshot, t, c, findings, repairs);
  }
  checkNames(snapshot, expectation, findings);
  checkSetup(snapshot, findings);
  checkCaseOrder(snapshot, findings, sorts);
  return { findings, repairs, sorts };
}

/** The Problemer rows of a check: earlier integrity findings go, other findings stay. */
export function mergeProblemRows(existing: readonly ProblemRow[], report: IntegrityReport): ProblemRow[] {
  const kept = existing.filter((p) => !isIntegrityCode(p.code));
  return [...kept, ...report.findings.map(({ repairable: _r, ...p }) => p)];
}
