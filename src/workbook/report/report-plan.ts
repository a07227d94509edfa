// The report in the open workbook as one plan: Nøgletal, Pladsregulering and Kvartalsoversigt
// (with the charts Office.js draws), the earlier report sheets it replaces, and the defined names it
// adds where the workbook lacks them. Also the published overview as a values-only sheet beside them.
// Shared by `sagsliste report` and the task pane's Oversigt page. Pure: no file, no Excel.
import { computeKeyFigures, type KeyFigureRow } from "../../domain/keyfigures";
import type { StructuredData } from "../../domain/model";
import type { CourseBudget } from "../../domain/regulation";
import { DEFAULT_BAAND_NEDRE, DEFAULT_BAAND_OEVRE, DEFAULT_DISKRETIONSGRAENSE } from "../../domain/setup-defaults";
import { DEFINED_NAMES, SHEETS, TABLES, headerKey } from "../contract";
import type { NamePlan, Plan, SheetPlan } from "../plan";
import { freeSheetName } from "../sheet-names";
import type { TableRows, TableSource } from "../structured-from-tables";
import { buildKvartalsoversigtSheet, type ChartSpec } from "./kvartalsoversigt";
import { buildNoegletalSheet, FREMMOEDE_REPORT_COLUMNS, KALENDER_TABLE, STATUSMAALINGER_REPORT_COLUMNS } from "./noegletal";
import { buildPladsreguleringSheet, defaultBudgets, JOBCENTER_TABLE } from "./pladsregulering";
import { buildPublishedPlan } from "./publish";

/** Columns the report's formulas read besides the input columns, by table. */
export const REPORT_REQUIRED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  [TABLES.sager]: ["Sags-ID", "Enhed", "Indskrevet", "Udskrevet", "Udskrivningsårsag", "Forsørgelsesgrundlag", "Jobcenterforløb", "Pladsvægt", "Progression"],
  [TABLES.enheder]: ["Enhed", "Normerede pladser", "Loft", "Stykpris", "Reguleringspris"],
  [TABLES.fremmoede]: ["Sags-ID", "Dato", "Arbejdsdag", "I basis", "Fravær", "Ulovligt fravær", ...FREMMOEDE_REPORT_COLUMNS.map((c) => c.name)],
  [TABLES.helligdage]: ["Dato"],
  [TABLES.statusmaalinger]: [
    "Sags-ID",
    "Dato",
    "Instrument",
    "Score",
    "Gyldig",
    "Seneste",
    "Første score",
    ...STATUSMAALINGER_REPORT_COLUMNS.map((c) => c.name),
  ],
  [TABLES.visitationer]: ["Henvendelsesdato", "Ønsket enhed", "Beslutning", "Beslutningsdato"],
};

/** Our report tables: a sheet holding one of them is ours to replace. */
export const REPORT_TABLES: readonly string[] = [TABLES.noegletal, TABLES.pladsregulering, JOBCENTER_TABLE, KALENDER_TABLE];
/** The published overview's sheet in the open workbook (the command line writes a separate file). */
export const PUBLISHED_SHEET = `${SHEETS.kvartalsoversigt} (offentlig)`;

/** Defined names the report reads and adds as constants where missing. */
const NAME_DEFAULTS: readonly [string, string][] = [
  [DEFINED_NAMES.baandNedre, String(DEFAULT_BAAND_NEDRE)],
  [DEFINED_NAMES.baandOevre, String(DEFAULT_BAAND_OEVRE)],
  [DEFINED_NAMES.reguleringsmodel, '"Hele afvigelsen"'],
  [DEFINED_NAMES.diskretionsgraense, String(DEFAULT_DISKRETIONSGRAENSE)],
];
/** Names to read before planning the report (besides those of STRUCTURED_NAMES). */
export const REPORT_NAMES: readonly string[] = NAME_DEFAULTS.map(([n]) => n);

/** What the workbook lacks for the report's formulas, as "tabellen X" and "X[Kolonne]". */
export function missingReportColumns(source: TableSource): string[] {
  const missing: string[] = [];
  for (const [table, columns] of Object.entries(REPORT_REQUIRED_COLUMNS)) {
    const t = source.table(table);
    if (!t) {
      missing.push(`tabellen ${table}`);
      continue;
    }
    const have = new Set(t.headers.map(headerKey));
    for (const c of columns) if (!have.has(headerKey(c))) missing.push(`${table}[${c}]`);
  }
  return missing;
}

/** Defined names the report's formulas read, added as constants where the workbook lacks them. */
export function missingReportNames(source: TableSource, warnings: string[]): NamePlan[] {
  return NAME_DEFAULTS.filter(([name]) => source.name(name) === undefined).map(([name, value]) => {
    warnings.push(`Navnet ${name} manglede og er tilføjet med standardværdien ${value}.`);
    return { name, refersTo: "=" + value };
  });
}

/** Budget inputs kept from an earlier report's Jobcenterindtaegt table. */
export function earlierBudgets(t: TableRows | null): CourseBudget[] {
  if (!t) return [];
  const at = (h: string) => t.headers.findIndex((x) => headerKey(x) === headerKey(h));
  const [type, citizens, weeks, price] = ["Forløbstype", "Budgetterede borgere", "Uger", "Pris pr. uge"].map(at);
  const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
  return t.rows
    .filter((r) => type >= 0 && typeof r[type] === "string")
    .map((r) => ({
      forloebstype: r[type] as string,
      budgetteredeBorgere: citizens >= 0 ? num(r[citizens]) : null,
      uger: weeks >= 0 ? num(r[weeks]) : null,
      prisPrUge: price >= 0 ? num(r[price]) : null,
    }));
}

/** A sheet as the report sees it: its name and its tables. */
export interface ReportSheet {
  name: string;
  tables: readonly string[];
}

/** Our earlier report sheets: they hold a report table, or are the overview (no tables). */
export function isReportSheetOf(s: ReportSheet, overviewNames: readonly string[] = [SHEETS.kvartalsoversigt]): boolean {
  const report = new Set(REPORT_TABLES.map((t) => t.toLowerCase()));
  return s.tables.some((t) => report.has(t.toLowerCase())) || (overviewNames.includes(s.name) && s.tables.length === 0);
}

export interface ReportPlan {
  plan: Plan;
  /** Earlier report sheets to remove before the plan is applied. */
  removeSheets: string[];
  /** The overview's charts, on the overview's sheet as placed. */
  charts: ChartSpec[];
  warnings: string[];
}

/** The three report sheets; names clash-free against the sheets that stay. */
/**
 * `cached`: whether the figures carry their references' values as cached results (default). The report across
 * units leaves them out: the references over every unit's rows would hold the combined data a second time.
 */
export function reportPlan(data: StructuredData, year: number, sheets: readonly ReportSheet[], source: TableSource, cached = true): ReportPlan {
  const missing = missingReportColumns(source);
  if (missing.length > 0) {
    throw new Error(`Oversigten kan ikke laves, fordi projektmappen mangler: ${missing.join(", ")}. Konvertér sagslisten igen med denne version af Sagsliste.`);
  }
  const warnings: string[] = [];
  const names = missingReportNames(source, warnings);
  const removeSheets = sheets.filter((s) => isReportSheetOf(s)).map((s) => s.name);
  const staying = sheets.map((s) => s.name).filter((n) => !removeSheets.includes(n));
  // A user's own sheet of the same name stays; ours takes another (formulas use table names only).
  const place = (s: SheetPlan): SheetPlan => {
    const name = freeSheetName(s.name, staying);
    staying.push(name);
    return { ...s, name };
  };
  const budgets = defaultBudgets(data, earlierBudgets(source.table(JOBCENTER_TABLE)));
  // Nøgletal and Kvartalsoversigt cache the same key figures: computed once for both, if at all.
  let computed: readonly KeyFigureRow[] | undefined;
  const figures = (): readonly KeyFigureRow[] => (computed ??= computeKeyFigures(data, year));
  const overview = buildKvartalsoversigtSheet(data, year, cached, figures);
  const sheetsOut = [
    place(buildNoegletalSheet(data, year, cached, figures).sheet),
    place(buildPladsreguleringSheet(data, year, budgets, cached)),
    place(overview.sheet),
  ];
  const overviewName = sheetsOut[2].name;
  return {
    plan: { sheets: sheetsOut, names },
    removeSheets,
    charts: overview.charts.map((c) => ({ ...c, sheet: overviewName })),
    warnings,
  };
}

/** The published overview (values, suppression, no names or CPR) as one sheet that replaces an earlier one. */
export function publishedSheetPlan(data: StructuredData, year: number, sheets: readonly ReportSheet[]): { plan: Plan; removeSheets: string[] } {
  const published = buildPublishedPlan(data, year).sheets.find((s) => s.tables.length === 0)!;
  const removeSheets = sheets.filter((s) => s.name === PUBLISHED_SHEET && s.tables.length === 0).map((s) => s.name);
  const staying = sheets.map((s) => s.name).filter((n) => !removeSheets.includes(n));
  return { plan: { sheets: [{ ...published, name: freeSheetName(PUBLISHED_SHEET, staying) }], names: [] }, removeSheets };
}
