// The workbook contract in one place: sheet, table, column and defined names (see docs/workbook.md).
// Users' formulas and pivot tables depend on these names: renaming one is a breaking change.
import type { Attendance, AttendanceStatusRow, Case, Goal, Holiday, InstrumentDimension, StatusMeasurement, Unit, Visitation } from "../domain/model";

export type ColumnType = "text" | "id" | "cpr" | "date" | "number" | "integer" | "percent" | "money" | "yesno" | "enum";

export interface ColumnDef {
  /** Danish header. */
  name: string;
  type: ColumnType;
  /** For enum columns: the name of the list in `Lister` (and of its defined name `Liste_<list>`). */
  list?: ListName;
  required?: boolean;
}

/**
 * A column that holds one field of a model row (`Case`, `Unit`, …): the contract's header, the field and
 * the kind, the one table every reader and writer of the model's rows goes by (src/workbook/row-values.ts).
 */
export interface FieldColumnDef<Row> extends ColumnDef {
  field: keyof Row & string;
}

/** Sheet names (defaults; a clash with a source sheet gets another name, tables keep theirs). */
export const SHEETS = {
  sager: "Sager",
  visitationer: "Visitationer",
  statusmaalinger: "Statusmålinger",
  maal: "Mål",
  fremmoede: "Fremmøde",
  opsaetning: "Opsætning",
  noegletal: "Nøgletal",
  pladsregulering: "Pladsregulering",
  kvartalsoversigt: "Kvartalsoversigt",
  problemer: "Problemer",
  log: "Log",
} as const;

export const TABLES = {
  sager: "Sager",
  visitationer: "Visitationer",
  statusmaalinger: "Statusmaalinger",
  maal: "Maal",
  fremmoede: "Fremmoede",
  enheder: "Enheder",
  instrumenter: "Instrumenter",
  fremmoedestatus: "Fremmoedestatus",
  helligdage: "Helligdage",
  lister: "Lister",
  noegletal: "Noegletal",
  pladsregulering: "Pladsregulering",
  problemer: "Problemer",
  log: "Log",
} as const;

export type TableName = (typeof TABLES)[keyof typeof TABLES];

/**
 * The helper column on `Sager`, `Fremmoede` and `Statusmaalinger`: the row of the case in `Sager` (the first
 * with its Sags-ID, as MATCH finds it), 0 when there is none. `Fremmoede` and `Statusmaalinger` are kept
 * sorted by it, so that a case's rows form one block that a binary search finds (decision 0006).
 */
export const CASE_ROW_COLUMN = "Sagsrække";

/** The tables kept sorted by case, the columns they are sorted by, and the flag saying they are. */
export const CASE_SORTED_TABLES = [
  { table: "Fremmoede", sortColumns: [CASE_ROW_COLUMN, "Dato"], sortedName: "Fremmoede_sorteret" },
  { table: "Statusmaalinger", sortColumns: [CASE_ROW_COLUMN, "Dato"], sortedName: "Statusmaalinger_sorteret" },
] as const satisfies readonly { table: TableName; sortColumns: readonly string[]; sortedName: string }[];

/** Enumerations kept as columns of the `Lister` table; each also has a defined name `Liste_<name>`. */
export const LISTS = ["Lovgrundlag", "Pladstype", "Udskrivningsårsag", "Forsørgelsesgrundlag", "Henviser", "Beslutning", "JaNej"] as const;
export type ListName = (typeof LISTS)[number];

/** ASCII defined name for a list (validation sources must be names every engine accepts). */
export function listName(list: ListName): string {
  const ascii = list.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");
  return `Liste_${ascii}`;
}

export const SAGER_INPUT: FieldColumnDef<Case>[] = [
  { name: "Sags-ID", field: "sagsId", type: "id", required: true },
  { name: "CPR", field: "cpr", type: "cpr" },
  { name: "Navn", field: "navn", type: "text" },
  { name: "Enhed", field: "enhed", type: "text", required: true },
  { name: "Lovgrundlag", field: "lovgrundlag", type: "enum", list: "Lovgrundlag" },
  { name: "Pladstype", field: "pladstype", type: "enum", list: "Pladstype" },
  { name: "Henviser", field: "henviser", type: "enum", list: "Henviser" },
  { name: "Visitationsdato", field: "visitationsdato", type: "date" },
  { name: "Indskrevet", field: "indskrevet", type: "date", required: true },
  { name: "Udskrevet", field: "udskrevet", type: "date" },
  { name: "Udskrivningsårsag", field: "udskrivningsaarsag", type: "enum", list: "Udskrivningsårsag" },
  { name: "Forsørgelsesgrundlag", field: "forsoergelsesgrundlag", type: "enum", list: "Forsørgelsesgrundlag" },
  { name: "Jobcenterforløb", field: "jobcenterforloeb", type: "yesno", list: "JaNej" },
  { name: "Kontaktperson", field: "kontaktperson", type: "text" },
  { name: "Bemærkninger", field: "bemaerkninger", type: "text" },
];

/** Computed columns of `Sager`, in contract order (formulas in src/workbook/formulas). */
export const SAGER_COMPUTED = [
  "Pladsvægt",
  "Dage i perioden",
  "Pladsdage",
  "Planlagte dage",
  "Registrerede dage",
  "Fraværsdage",
  "Udeblivelsesdage",
  "Basisdage",
  "Fraværsprocent",
  "Udeblivelsesprocent",
  "Uregistrerede dage",
  "Seneste statusmåling",
  "Statusmåling forfalden",
  "Progression",
  "Forbedrede dimensioner",
  "GAS T-score",
  "Aktiv",
] as const;

export const ENHEDER_INPUT: FieldColumnDef<Unit>[] = [
  { name: "Enhed", field: "enhed", type: "text", required: true },
  { name: "Lovgrundlag", field: "lovgrundlag", type: "enum", list: "Lovgrundlag" },
  { name: "Fuldtidspladser", field: "fuldtidspladser", type: "number" },
  { name: "Deltidspladser", field: "deltidspladser", type: "number" },
  { name: "Deltidsvægt", field: "deltidsvaegt", type: "number" },
  { name: "Loft", field: "loft", type: "integer" },
  { name: "Stykpris", field: "stykpris", type: "money" },
  { name: "Reguleringspris", field: "reguleringspris", type: "money" },
];

export const FREMMOEDE_INPUT: FieldColumnDef<Attendance>[] = [
  { name: "Sags-ID", field: "sagsId", type: "id", required: true },
  { name: "Dato", field: "dato", type: "date", required: true },
  { name: "Status", field: "status", type: "text", required: true },
  { name: "Bemærkning", field: "bemaerkning", type: "text" },
];

export const FREMMOEDESTATUS_INPUT: FieldColumnDef<AttendanceStatusRow>[] = [
  { name: "Status", field: "status", type: "text", required: true },
  { name: "Kode", field: "kode", type: "text", required: true },
  { name: "Tæller som", field: "taellerSom", type: "text" },
  { name: "I basis", field: "iBasis", type: "yesno" },
  { name: "Fravær", field: "fravaer", type: "yesno" },
  { name: "Ulovligt fravær", field: "ulovligtFravaer", type: "yesno" },
];

export const HELLIGDAGE_INPUT: FieldColumnDef<Holiday>[] = [
  { name: "Dato", field: "dato", type: "date", required: true },
  { name: "Navn", field: "navn", type: "text" },
  { name: "Type", field: "type", type: "text" },
];

export const INSTRUMENTER_INPUT: FieldColumnDef<InstrumentDimension>[] = [
  { name: "Instrument", field: "instrument", type: "text", required: true },
  { name: "Dimension", field: "dimension", type: "text", required: true },
  { name: "Min", field: "min", type: "number", required: true },
  { name: "Max", field: "max", type: "number", required: true },
  { name: "Retning", field: "retning", type: "text", required: true },
  { name: "Ikke relevant", field: "ikkeRelevant", type: "number" },
  { name: "Niveauer", field: "niveauer", type: "text" },
  { name: "Prioriteret", field: "prioriteret", type: "yesno" },
];

export const STATUSMAALINGER_INPUT: FieldColumnDef<StatusMeasurement>[] = [
  { name: "Sags-ID", field: "sagsId", type: "id", required: true },
  { name: "Dato", field: "dato", type: "date", required: true },
  { name: "Instrument", field: "instrument", type: "text", required: true },
  { name: "Dimension", field: "dimension", type: "text", required: true },
  { name: "Score", field: "score", type: "number" },
  { name: "Bemærkning", field: "bemaerkning", type: "text" },
  { name: "Registreret af", field: "registreretAf", type: "text" },
];

export const MAAL_INPUT: FieldColumnDef<Goal>[] = [
  { name: "Sags-ID", field: "sagsId", type: "id", required: true },
  { name: "Mål", field: "maal", type: "text", required: true },
  { name: "Vægt", field: "vaegt", type: "number" },
  { name: "GAS-score", field: "gasScore", type: "integer" },
  { name: "Dato", field: "dato", type: "date" },
];

export const VISITATIONER_INPUT: FieldColumnDef<Visitation>[] = [
  { name: "Visitations-ID", field: "visitationsId", type: "id", required: true },
  { name: "Sags-ID", field: "sagsId", type: "id" },
  { name: "Henvendelsesdato", field: "henvendelsesdato", type: "date", required: true },
  { name: "Henviser", field: "henviser", type: "enum", list: "Henviser" },
  { name: "Lovgrundlag", field: "lovgrundlag", type: "enum", list: "Lovgrundlag" },
  { name: "Ønsket enhed", field: "oensketEnhed", type: "text" },
  { name: "Pladstype", field: "pladstype", type: "enum", list: "Pladstype" },
  { name: "Beslutning", field: "beslutning", type: "enum", list: "Beslutning" },
  { name: "Beslutningsdato", field: "beslutningsdato", type: "date" },
  { name: "Begrundelse", field: "begrundelse", type: "text" },
  { name: "Klagevejledning givet", field: "klagevejledningGivet", type: "yesno", list: "JaNej" },
  { name: "Forventet start", field: "forventetStart", type: "date" },
];

export const PROBLEMER_INPUT: ColumnDef[] = [
  { name: "Ark", type: "text" },
  { name: "Celle", type: "text" },
  { name: "Alvor", type: "text" },
  { name: "Kode", type: "text" },
  { name: "Besked", type: "text" },
  { name: "Oprindelig værdi", type: "text" },
];

/**
 * The audit trail (`Log`): one row per change by an import, a form save, a repair or a pseudonymisation.
 * It holds no sensitive value beyond the case id: "Fra" and "Til" carry values only of columns that are
 * not personal (dates, units, ids, counts); other changes read "udfyldt", "ændret" or "tom".
 */
export const LOG_INPUT: ColumnDef[] = [
  { name: "Tidspunkt", type: "date" },
  { name: "Handling", type: "text" },
  { name: "Tabel", type: "text" },
  { name: "Nøgle", type: "text" },
  { name: "Kolonne", type: "text" },
  { name: "Fra", type: "text" },
  { name: "Til", type: "text" },
];

/** Setup parameters as defined names, with their defaults. */
export const DEFINED_NAMES = {
  opgoerelsesdato: "Opgoerelsesdato",
  periodestart: "Periodestart",
  periodeslut: "Periodeslut",
  baandNedre: "Baand_nedre",
  baandOevre: "Baand_oevre",
  reguleringsmodel: "Reguleringsmodel",
  diskretionsgraense: "Diskretionsgraense",
  statusintervalMdr: "Statusinterval_mdr",
} as const;

/** Number formats used across the workbook. */
export const NUMFMT = {
  date: "dd-mm-yyyy",
  integer: "0",
  number: "0.00",
  percent: "0.0%",
  /** Days as an average (a case-handling time): one decimal and the unit. */
  days: '0.0 "dage"',
  money: '#,##0.00 "kr."',
  text: "@",
} as const;

/** A header as headers are compared: ignoring case and runs of white space, as Excel and users treat them. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Escape a column name for use inside a structured reference ([, ], # and ' need a leading '). */
export function escapeColumn(name: string): string {
  return name.replace(/(['#[\]])/g, "'$1");
}

/** `Table[Column]`: the whole data column. */
export function col(table: string, column: string): string {
  return `${table}[${escapeColumn(column)}]`;
}

/** `Table[[#This Row],[Column]]`: the form LibreOffice 7.4 reads in files (it does not read `[@Col]`). */
export function thisRow(table: string, column: string): string {
  return `${table}[[#This Row],[${escapeColumn(column)}]]`;
}
