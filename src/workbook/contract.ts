// The workbook contract in one place: sheet, table, column and defined names (see docs/workbook.md).
// Users' formulas and pivot tables depend on these names: renaming one is a breaking change.

export type ColumnType = "text" | "id" | "cpr" | "date" | "number" | "integer" | "percent" | "money" | "yesno" | "enum";

export interface ColumnDef {
  /** Danish header. */
  name: string;
  type: ColumnType;
  /** For enum columns: the name of the list in `Lister` (and of its defined name `Liste_<list>`). */
  list?: ListName;
  required?: boolean;
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
export const LISTS = [
  "Lovgrundlag",
  "Pladstype",
  "Udskrivningsårsag",
  "Forsørgelsesgrundlag",
  "Henviser",
  "Beslutning",
  "JaNej",
] as const;
export type ListName = (typeof LISTS)[number];

/** ASCII defined name for a list (validation sources must be names every engine accepts). */
export function listName(list: ListName): string {
  const ascii = list.replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");
  return `Liste_${ascii}`;
}

export const SAGER_INPUT: ColumnDef[] = [
  { name: "Sags-ID", type: "id", required: true },
  { name: "CPR", type: "cpr" },
  { name: "Navn", type: "text" },
  { name: "Enhed", type: "text", required: true },
  { name: "Lovgrundlag", type: "enum", list: "Lovgrundlag" },
  { name: "Pladstype", type: "enum", list: "Pladstype" },
  { name: "Henviser", type: "enum", list: "Henviser" },
  { name: "Visitationsdato", type: "date" },
  { name: "Indskrevet", type: "date", required: true },
  { name: "Udskrevet", type: "date" },
  { name: "Udskrivningsårsag", type: "enum", list: "Udskrivningsårsag" },
  { name: "Forsørgelsesgrundlag", type: "enum", list: "Forsørgelsesgrundlag" },
  { name: "Jobcenterforløb", type: "yesno", list: "JaNej" },
  { name: "Kontaktperson", type: "text" },
  { name: "Bemærkninger", type: "text" },
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

export const ENHEDER_INPUT: ColumnDef[] = [
  { name: "Enhed", type: "text", required: true },
  { name: "Lovgrundlag", type: "enum", list: "Lovgrundlag" },
  { name: "Fuldtidspladser", type: "number" },
  { name: "Deltidspladser", type: "number" },
  { name: "Deltidsvægt", type: "number" },
  { name: "Loft", type: "integer" },
  { name: "Stykpris", type: "money" },
  { name: "Reguleringspris", type: "money" },
];

export const FREMMOEDE_INPUT: ColumnDef[] = [
  { name: "Sags-ID", type: "id", required: true },
  { name: "Dato", type: "date", required: true },
  { name: "Status", type: "text", required: true },
  { name: "Bemærkning", type: "text" },
];

export const FREMMOEDESTATUS_INPUT: ColumnDef[] = [
  { name: "Status", type: "text", required: true },
  { name: "Kode", type: "text", required: true },
  { name: "Tæller som", type: "text" },
  { name: "I basis", type: "yesno" },
  { name: "Fravær", type: "yesno" },
  { name: "Ulovligt fravær", type: "yesno" },
];

export const HELLIGDAGE_INPUT: ColumnDef[] = [
  { name: "Dato", type: "date", required: true },
  { name: "Navn", type: "text" },
  { name: "Type", type: "text" },
];

export const INSTRUMENTER_INPUT: ColumnDef[] = [
  { name: "Instrument", type: "text", required: true },
  { name: "Dimension", type: "text", required: true },
  { name: "Min", type: "number", required: true },
  { name: "Max", type: "number", required: true },
  { name: "Retning", type: "text", required: true },
  { name: "Ikke relevant", type: "number" },
  { name: "Niveauer", type: "text" },
  { name: "Prioriteret", type: "yesno" },
];

export const STATUSMAALINGER_INPUT: ColumnDef[] = [
  { name: "Sags-ID", type: "id", required: true },
  { name: "Dato", type: "date", required: true },
  { name: "Instrument", type: "text", required: true },
  { name: "Dimension", type: "text", required: true },
  { name: "Score", type: "number" },
  { name: "Bemærkning", type: "text" },
  { name: "Registreret af", type: "text" },
];

export const MAAL_INPUT: ColumnDef[] = [
  { name: "Sags-ID", type: "id", required: true },
  { name: "Mål", type: "text", required: true },
  { name: "Vægt", type: "number" },
  { name: "GAS-score", type: "integer" },
  { name: "Dato", type: "date" },
];

export const VISITATIONER_INPUT: ColumnDef[] = [
  { name: "Visitations-ID", type: "id", required: true },
  { name: "Sags-ID", type: "id" },
  { name: "Henvendelsesdato", type: "date", required: true },
  { name: "Henviser", type: "enum", list: "Henviser" },
  { name: "Lovgrundlag", type: "enum", list: "Lovgrundlag" },
  { name: "Ønsket enhed", type: "text" },
  { name: "Pladstype", type: "enum", list: "Pladstype" },
  { name: "Beslutning", type: "enum", list: "Beslutning" },
  { name: "Beslutningsdato", type: "date" },
  { name: "Begrundelse", type: "text" },
  { name: "Klagevejledning givet", type: "yesno", list: "JaNej" },
  { name: "Forventet start", type: "date" },
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
