// The structured workbook as a Plan (docs/workbook.md): the data sheets Sager, Visitationer, Statusmålinger,
// Mål and Fremmøde with their input rows and live computed columns, and the Opsætning sheet with the
// setup tables and the parameter cells behind the defined names.
import type { Case, StructuredData } from "../domain/model";
import { DEFAULT_LISTS } from "../domain/setup-defaults";
import {
  ATTENDANCE_VALUES,
  CASE_VALUES,
  GOAL_VALUES,
  HOLIDAY_VALUES,
  INSTRUMENT_VALUES,
  MEASUREMENT_VALUES,
  STATUS_VALUES,
  UNIT_VALUES,
  VISITATION_VALUES,
  inputRow,
} from "./row-values";
import type { ComputedColumn, ComputedValue } from "./computed";
import {
  CASE_SORTED_TABLES,
  DEFINED_NAMES,
  ENHEDER_INPUT,
  FREMMOEDESTATUS_INPUT,
  FREMMOEDE_INPUT,
  HELLIGDAGE_INPUT,
  INSTRUMENTER_INPUT,
  LISTS,
  MAAL_INPUT,
  NUMFMT,
  SAGER_COMPUTED,
  SAGER_INPUT,
  SHEETS,
  STATUSMAALINGER_INPUT,
  TABLES,
  VISITATIONER_INPUT,
  col,
  listName,
  type ColumnDef,
  type TableName,
} from "./contract";
import { logSheet, type LogEntry } from "./audit-log";
import {
  address,
  columnLetters,
  parseAddress,
  type CellInput,
  type CellPlan,
  type ColumnPlan,
  type NamePlan,
  type Plan,
  type Scalar,
  type SheetPlan,
  type TablePlan,
} from "./plan";
import { SAGER_ABSENCE_COLUMNS } from "./formulas/sager-absence";
import { FREMMOEDE_CASE_ROW_COLUMN, SAGER_BLOCK_COLUMNS, sortedFlagFormula, sortedFlagReference } from "./formulas/case-blocks";
import { SAGER_LOOKUP_COLUMNS } from "./formulas/case-lookups";
import { SAGER_OCCUPANCY_COLUMNS } from "./formulas/sager-occupancy";
import { ENHEDER_COMPUTED_COLUMNS, FREMMOEDESTATUS_COMPUTED_COLUMNS, FREMMOEDE_COMPUTED_COLUMNS } from "./formulas/setup-columns";
import {
  INSTRUMENTER_COMPUTED_COLUMNS,
  MAAL_COMPUTED_COLUMNS,
  SAGER_PROGRESSION_COLUMNS,
  STATUSMAALINGER_COMPUTED_COLUMNS,
  VISITATIONER_COMPUTED_COLUMNS,
} from "./formulas/progression";
import { presentSheet } from "./column-presentation";
import { attachCachedResults } from "./cached-results";

export const SCHEMA_VERSION = 1;

/** Defined names over table columns that the data sheets' drop-downs use besides the Lister columns. */
export const EXTRA_LIST_NAMES = {
  enheder: "Liste_Enheder",
  fremmoedestatus: "Liste_Fremmoedestatus",
} as const;

/**
 * The computed columns of one table with their references bound to the table's rows, so a caller
 * (the oracle test) can compare every cell without knowing the row type.
 */
export interface ComputedTable {
  table: TableName;
  sheet: string;
  /** `never` rows: a list of columns of any one row type (references are reached via expected). */
  columns: readonly ComputedColumn<never>[];
  /** Data rows the table holds for this data set. */
  rowCount(data: StructuredData): number;
  /** The model rows the table holds, in order (for lining them up with a table read from a workbook). */
  rows(data: StructuredData): readonly object[];
  /** The references' values: one array per column, one value per data row. */
  expected(data: StructuredData): ComputedValue[][];
}

export function computedTable<Row>(
  table: TableName,
  sheet: string,
  rowsOf: (data: StructuredData) => readonly Row[],
  columns: readonly ComputedColumn<Row>[]
): ComputedTable {
  return {
    table,
    sheet,
    columns,
    rowCount: (data) => rowsOf(data).length,
    rows: (data) => rowsOf(data) as readonly object[],
    expected: (data) => {
      const rows = rowsOf(data);
      return columns.map((c) => rows.map((r) => c.reference(r, data)));
    },
  };
}

/** The Sager computed columns in contract order, then any further ones the builders define. */
function sagerComputedColumns(): ComputedColumn<Case>[] {
  const all = [...SAGER_OCCUPANCY_COLUMNS, ...SAGER_ABSENCE_COLUMNS, ...SAGER_PROGRESSION_COLUMNS, ...SAGER_BLOCK_COLUMNS, ...SAGER_LOOKUP_COLUMNS];
  const ordered: ComputedColumn<Case>[] = [];
  for (const name of SAGER_COMPUTED) {
    const c = all.find((x) => x.name === name);
    if (c) ordered.push(c);
  }
  return [...ordered, ...all.filter((c) => !ordered.includes(c))];
}

/**
 * The headers of every computed column of Sager: the contract's and the helpers beside them (Sagsrække,
 * the case's blocks, the unit and enrolment its rows read). A re-run must not mistake a helper for a column of the user's own.
 */
export function sagerComputedNames(): string[] {
  return sagerComputedColumns().map((c) => c.name);
}

/** Every computed column of every structured table, by table. */
export function allComputedColumns(): ComputedTable[] {
  return [
    computedTable(TABLES.sager, SHEETS.sager, (d) => d.cases, sagerComputedColumns()),
    computedTable(TABLES.visitationer, SHEETS.visitationer, (d) => d.visitations, VISITATIONER_COMPUTED_COLUMNS),
    computedTable(TABLES.statusmaalinger, SHEETS.statusmaalinger, (d) => d.measurements, STATUSMAALINGER_COMPUTED_COLUMNS),
    computedTable(TABLES.maal, SHEETS.maal, (d) => d.goals, MAAL_COMPUTED_COLUMNS),
    computedTable(TABLES.fremmoede, SHEETS.fremmoede, (d) => d.attendance, [...FREMMOEDE_COMPUTED_COLUMNS, FREMMOEDE_CASE_ROW_COLUMN]),
    computedTable(TABLES.enheder, SHEETS.opsaetning, (d) => d.units, ENHEDER_COMPUTED_COLUMNS),
    computedTable(TABLES.instrumenter, SHEETS.opsaetning, (d) => d.instruments, INSTRUMENTER_COMPUTED_COLUMNS),
    computedTable(TABLES.fremmoedestatus, SHEETS.opsaetning, (d) => d.attendanceStatuses, FREMMOEDESTATUS_COMPUTED_COLUMNS),
  ];
}

export interface ExtraColumn {
  header: string;
  values: Scalar[];
}

export interface StructuredPlanOptions {
  /** The source's unmapped columns, kept to the right of Sager's computed columns (one value per case). */
  extraCaseColumns?: ExtraColumn[];
  /**
   * Further computed columns of other modules (e.g. a report's helper column on Fremmoede), placed
   * after the table's own computed columns; each must name one of the tables built here.
   */
  extraComputedColumns?: ComputedTable[];
  /** Rows of the audit trail (`Log`), e.g. the import's own entry. */
  log?: LogEntry[];
  /**
   * Whether the computed columns carry their references' values as cached results (default). The tables
   * combined across units leave them out: hundreds of thousands of rows held twice over in memory, for a
   * file no preview opens; their report sheets keep theirs.
   */
  cachedResults?: boolean;
}

function inputFormat(def: ColumnDef): string | undefined {
  switch (def.type) {
    case "date":
      return NUMFMT.date;
    case "percent":
      return NUMFMT.percent;
    case "money":
      return NUMFMT.money;
    case "integer":
      return NUMFMT.integer;
    // Text format so that a CPR or id typed later keeps its leading zeros.
    case "cpr":
    case "id":
      return NUMFMT.text;
    default:
      return undefined;
  }
}

function inputColumn(def: ColumnDef, validationList?: string): ColumnPlan {
  return {
    name: def.name,
    numFmt: inputFormat(def),
    validationList: def.list ? "=" + listName(def.list) : validationList,
  };
}

function computedColumnPlan(c: ComputedColumn<never>): ColumnPlan {
  return { name: c.name, formula: c.formula, numFmt: c.numFmt };
}

/** A table of input columns (with per-column drop-downs) followed by computed columns. */
function dataTable<Row>(
  name: TableName,
  topLeft: string,
  defs: readonly ColumnDef[],
  accessors: Record<string, (r: Row) => Scalar>,
  rows: readonly Row[],
  computed: readonly ComputedColumn<never>[],
  dropDowns: Record<string, string> = {}
): TablePlan {
  return {
    name,
    topLeft,
    columns: [...defs.map((d) => inputColumn(d, dropDowns[d.name])), ...computed.map(computedColumnPlan)],
    rows: rows.map((r) => [...inputRow(defs, accessors, r), ...computed.map(() => null)]),
  };
}

/** A header that does not clash with the table's others (Excel compares headers case-insensitively). */
function uniqueHeader(wanted: string, taken: Set<string>): string {
  const base = wanted.trim() === "" ? "Kolonne" : wanted;
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
  taken.add(name.toLowerCase());
  return name;
}

function withExtraColumns(table: TablePlan, extras: readonly ExtraColumn[]): TablePlan {
  if (extras.length === 0) return table;
  const taken = new Set(table.columns.map((c) => c.name.toLowerCase()));
  for (const e of extras) {
    if (e.values.length !== table.rows.length) {
      throw new Error(`Ekstra kolonne "${e.header}" har ${e.values.length} værdier, Sager har ${table.rows.length} rækker`);
    }
  }
  return {
    ...table,
    columns: [...table.columns, ...extras.map((e) => ({ name: uniqueHeader(e.header, taken) }))],
    rows: table.rows.map((r, i) => [...r, ...extras.map((e) => e.values[i] ?? null)]),
  };
}

/** The Opsætning parameter block: label, value and the defined name that points at the value. */
interface ParamRow {
  name: string;
  label: string;
  value: Scalar;
  numFmt?: string;
  /** The only values the parameter takes, as a drop-down that refuses others. */
  dropDown?: readonly string[];
}

/** The regulation models Reguleringsmodel takes (the formulas fall back to the first on any other text). */
export const REGULERINGSMODELLER = ["Hele afvigelsen", "Ud over båndet"] as const;

function paramRows(data: StructuredData): ParamRow[] {
  const p = data.params;
  return [
    { name: DEFINED_NAMES.opgoerelsesdato, label: "Opgørelsesdato", value: p.opgoerelsesdato, numFmt: NUMFMT.date },
    { name: DEFINED_NAMES.periodestart, label: "Periodestart", value: p.periodestart, numFmt: NUMFMT.date },
    { name: DEFINED_NAMES.periodeslut, label: "Periodeslut", value: p.periodeslut, numFmt: NUMFMT.date },
    { name: DEFINED_NAMES.baandNedre, label: "Bånd, nedre grænse", value: p.baandNedre, numFmt: NUMFMT.percent },
    { name: DEFINED_NAMES.baandOevre, label: "Bånd, øvre grænse", value: p.baandOevre, numFmt: NUMFMT.percent },
    { name: DEFINED_NAMES.reguleringsmodel, label: "Reguleringsmodel", value: p.reguleringsmodel, dropDown: REGULERINGSMODELLER },
    { name: DEFINED_NAMES.diskretionsgraense, label: "Diskretionsgrænse", value: p.diskretionsgraense, numFmt: NUMFMT.integer },
    { name: DEFINED_NAMES.statusintervalMdr, label: "Statusinterval (måneder)", value: p.statusintervalMdr, numFmt: NUMFMT.integer },
  ];
}

/**
 * The computed cells below the parameters: whether Fremmoede and Statusmaalinger are sorted by case
 * (1 or 0). The per-case formulas read them to choose between a case's block and the whole table.
 */
function sortedFlagRows(data: StructuredData): { name: string; label: string; value: CellInput; numFmt: string }[] {
  return CASE_SORTED_TABLES.map((t) => ({
    name: t.sortedName,
    label: `${t.table === TABLES.fremmoede ? SHEETS.fremmoede : SHEETS.statusmaalinger} sorteret efter sag (1 = ja)`,
    value: { formula: sortedFlagFormula(t.table), result: sortedFlagReference(t.table, data) },
    numFmt: NUMFMT.integer,
  }));
}

/** First row of the parameter block (1-based); the setup tables start below it. */
const PARAM_FIRST_ROW = 3;

/** An absolute reference to one cell, e.g. ='Opsætning'!$B$3. */
function sheetRef(sheet: string, cell: string): string {
  const { row, col: c } = parseAddress(cell);
  return `='${sheet.replace(/'/g, "''")}'!$${columnLetters(c)}$${row + 1}`;
}

function listerTable(topLeft: string): TablePlan {
  const lists = LISTS.map((l) => {
    const values = DEFAULT_LISTS[l];
    if (!values) throw new Error(`Listen ${l} mangler i standardopsætningen`);
    return values;
  });
  const height = Math.max(...lists.map((v) => v.length));
  const rows: Scalar[][] = [];
  for (let i = 0; i < height; i++) rows.push(lists.map((v) => v[i] ?? null));
  return { name: TABLES.lister, topLeft, columns: LISTS.map((l) => ({ name: l })), rows, style: "TableStyleLight1" };
}

function setupSheet(data: StructuredData, computedOf: (table: TableName) => ComputedColumn<never>[]): { sheet: SheetPlan; names: NamePlan[] } {
  const params = paramRows(data);
  const cells: CellPlan[] = [
    { address: "A1", value: "Opsætning", bold: true, size: 14 },
    { address: `A${PARAM_FIRST_ROW - 1}`, value: "Parameter", bold: true },
    { address: `B${PARAM_FIRST_ROW - 1}`, value: "Værdi", bold: true },
    { address: `C${PARAM_FIRST_ROW - 1}`, value: "Navn i formler", bold: true },
  ];
  const names: NamePlan[] = [];
  const rows: { name: string; label: string; value: CellInput; numFmt?: string; dropDown?: readonly string[] }[] = [...params, ...sortedFlagRows(data)];
  rows.forEach((p, i) => {
    const row = PARAM_FIRST_ROW + i;
    cells.push({ address: `A${row}`, value: p.label });
    cells.push({ address: `B${row}`, value: p.value, numFmt: p.numFmt, ...(p.dropDown ? { dropDown: p.dropDown } : {}) });
    cells.push({ address: `C${row}`, value: p.name });
    names.push({ name: p.name, refersTo: sheetRef(SHEETS.opsaetning, `B${row}`) });
  });

  // The setup tables side by side below the parameters, one blank column between neighbours, so that
  // each can grow downwards without running into another.
  const tableRow = PARAM_FIRST_ROW + rows.length + 2;
  let nextCol = 0;
  const at = (): string => address(tableRow - 1, nextCol);
  const place = (t: TablePlan): TablePlan => {
    nextCol += t.columns.length + 1;
    return t;
  };
  const enhederComputed = computedOf(TABLES.enheder);
  const enheder = dataTable(TABLES.enheder, at(), ENHEDER_INPUT, UNIT_VALUES, data.units, []);
  // Normerede pladser sits after Deltidsvægt, where the contract lists it, not at the end.
  const weightAt = enheder.columns.findIndex((c) => c.name === "Deltidsvægt") + 1;
  enheder.columns.splice(weightAt, 0, ...enhederComputed.map(computedColumnPlan));
  enheder.rows = enheder.rows.map((r) => [...r.slice(0, weightAt), ...enhederComputed.map(() => null), ...r.slice(weightAt)]);
  place(enheder);

  const instrumenter = place(
    dataTable(TABLES.instrumenter, at(), INSTRUMENTER_INPUT, INSTRUMENT_VALUES, data.instruments, computedOf(TABLES.instrumenter), {
      Prioriteret: "=" + listName("JaNej"),
    })
  );
  const status = place(
    dataTable(TABLES.fremmoedestatus, at(), FREMMOEDESTATUS_INPUT, STATUS_VALUES, data.attendanceStatuses, computedOf(TABLES.fremmoedestatus), {
      "I basis": "=" + listName("JaNej"),
      Fravær: "=" + listName("JaNej"),
      "Ulovligt fravær": "=" + listName("JaNej"),
    })
  );
  const helligdage = place(dataTable(TABLES.helligdage, at(), HELLIGDAGE_INPUT, HOLIDAY_VALUES, data.holidays, []));
  const lister = place(listerTable(at()));
  for (const t of [instrumenter, status, helligdage, lister]) t.style ??= "TableStyleLight9";
  enheder.style = "TableStyleMedium2";

  for (const l of LISTS) names.push({ name: listName(l), refersTo: "=" + col(TABLES.lister, l) });
  names.push({ name: EXTRA_LIST_NAMES.enheder, refersTo: "=" + col(TABLES.enheder, "Enhed") });
  names.push({ name: EXTRA_LIST_NAMES.fremmoedestatus, refersTo: "=" + col(TABLES.fremmoedestatus, "Status") });

  return {
    sheet: {
      name: SHEETS.opsaetning,
      tables: [enheder, instrumenter, status, helligdage, lister],
      cells,
      columnWidths: { A: 26, B: 16, C: 22 },
    },
    names,
  };
}

/** Build every structured sheet and table of docs/workbook.md from the data. */
export function buildStructuredPlan(data: StructuredData, options: StructuredPlanOptions = {}): Plan {
  const extra = new Map<TableName, ComputedColumn<never>[]>();
  for (const t of options.extraComputedColumns ?? []) extra.set(t.table, [...(extra.get(t.table) ?? []), ...t.columns]);
  const computedOf = (table: TableName): ComputedColumn<never>[] => [
    ...(allComputedColumns().find((t) => t.table === table)?.columns ?? []),
    ...(extra.get(table) ?? []),
  ];
  const dropDown = (name: string): string => "=" + name;

  const sager = withExtraColumns(
    dataTable(TABLES.sager, "A1", SAGER_INPUT, CASE_VALUES, data.cases, computedOf(TABLES.sager), {
      Enhed: dropDown(EXTRA_LIST_NAMES.enheder),
    }),
    options.extraCaseColumns ?? []
  );
  const visitationer = dataTable(TABLES.visitationer, "A1", VISITATIONER_INPUT, VISITATION_VALUES, data.visitations, computedOf(TABLES.visitationer), {
    "Ønsket enhed": dropDown(EXTRA_LIST_NAMES.enheder),
  });
  const maalinger = dataTable(
    TABLES.statusmaalinger,
    "A1",
    STATUSMAALINGER_INPUT,
    MEASUREMENT_VALUES,
    data.measurements,
    computedOf(TABLES.statusmaalinger),
    {}
  );
  const maal = dataTable(TABLES.maal, "A1", MAAL_INPUT, GOAL_VALUES, data.goals, computedOf(TABLES.maal));
  const fremmoede = dataTable(TABLES.fremmoede, "A1", FREMMOEDE_INPUT, ATTENDANCE_VALUES, data.attendance, computedOf(TABLES.fremmoede), {
    Status: dropDown(EXTRA_LIST_NAMES.fremmoedestatus),
  });
  const setup = setupSheet(data, computedOf);

  const dataSheet = (name: string, table: TablePlan): SheetPlan => ({ name, tables: [table], freezeRows: 1 });
  const sheets = [
    dataSheet(SHEETS.sager, sager),
    dataSheet(SHEETS.visitationer, visitationer),
    dataSheet(SHEETS.statusmaalinger, maalinger),
    dataSheet(SHEETS.maal, maal),
    dataSheet(SHEETS.fremmoede, fremmoede),
    setup.sheet,
    logSheet(options.log ?? []),
  ].map(presentSheet);

  const tables: Record<string, { sheet: string; columns: string[]; computed: string[] }> = {};
  for (const s of sheets) {
    for (const t of s.tables) {
      tables[t.name] = { sheet: s.name, columns: t.columns.map((c) => c.name), computed: t.columns.filter((c) => c.formula).map((c) => c.name) };
    }
  }
  if (options.cachedResults !== false) attachCachedResults({ sheets, names: [] }, data, [...allComputedColumns(), ...(options.extraComputedColumns ?? [])]);
  return {
    sheets,
    names: setup.names,
    metadata: {
      schemaVersion: SCHEMA_VERSION,
      createdBy: "sagsliste",
      kind: "structured",
      tables,
      names: setup.names.map((n) => n.name),
      extraCaseColumns: sager.columns.slice(SAGER_INPUT.length + computedOf(TABLES.sager).length).map((c) => c.name),
    },
  };
}
