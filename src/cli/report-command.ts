// `sagsliste report`: add the report sheets (Nøgletal, Pladsregulering, Kvartalsoversigt) to a
// structured workbook, or write a published, values-only overview with suppression (--publish).
// Never writes over its input; writes nothing at all when anything fails.
import path from "path";
import ExcelJS from "exceljs";
import { ymd } from "../domain/dates";
import { computeKeyFigures } from "../domain/keyfigures";
import { courseIncomeRows, regulationRows, type CourseBudget } from "../domain/regulation";
import {
  DEFAULT_BAAND_NEDRE,
  DEFAULT_BAAND_OEVRE,
  DEFAULT_DISKRETIONSGRAENSE,
} from "../domain/setup-defaults";
import { applyPlan } from "../adapters/xlsx/apply-plan";
import { loadWorkbook, saveWorkbook, WorkbookFileError } from "../adapters/xlsx/files";
import { findTable, headerIndex, tableRecords } from "../adapters/xlsx/read-tables";
import { namedValue, structuredFromWorkbook } from "../adapters/xlsx/structured-from-workbook";
import { DEFINED_NAMES, SHEETS, TABLES } from "../workbook/contract";
import type { NamePlan, Plan, SheetPlan } from "../workbook/plan";
import { buildKvartalsoversigtSheet } from "../workbook/report/kvartalsoversigt";
import { buildNoegletalSheet, FREMMOEDE_REPORT_COLUMNS, KALENDER_TABLE, STATUSMAALINGER_REPORT_COLUMNS } from "../workbook/report/noegletal";
import { buildPladsreguleringSheet, defaultBudgets, JOBCENTER_TABLE } from "../workbook/report/pladsregulering";
import { buildPublishedPlan, publishedFigures, shownValue } from "../workbook/report/publish";
import { parseArgs, stringFlag, UsageError } from "./args";

export const REPORT_HELP = `Brug: sagsliste report PROJEKTMAPPE.xlsx [--year ÅÅÅÅ] [-o UD.xlsx] [--publish] [--json]
  Tilføjer arkene Nøgletal, Pladsregulering og Kvartalsoversigt med levende formler (tidligere
  rapportark erstattes). Uden -o skrives PROJEKTMAPPE-rapport.xlsx; inputfilen overskrives aldrig.
  --year       Året (standard: året for Periodestart).
  --publish    Skriv i stedet en offentliggørelsesudgave: kun tal, diskretioneret, uden navne og CPR
               (standard: PROJEKTMAPPE-offentlig.xlsx).
  --json       Skriv referencetallene som JSON på standard-output.`;

/** Columns the report's formulas read besides the input columns, by table. */
const REQUIRED_COLUMNS: Record<string, string[]> = {
  [TABLES.sager]: ["Sags-ID", "Enhed", "Indskrevet", "Udskrevet", "Udskrivningsårsag", "Forsørgelsesgrundlag", "Jobcenterforløb", "Pladsvægt", "Progression"],
  [TABLES.enheder]: ["Enhed", "Normerede pladser", "Loft", "Stykpris", "Reguleringspris"],
  [TABLES.fremmoede]: ["Sags-ID", "Dato", "Arbejdsdag", "I basis", "Fravær", "Ulovligt fravær", ...FREMMOEDE_REPORT_COLUMNS.map((c) => c.name)],
  [TABLES.helligdage]: ["Dato"],
  [TABLES.statusmaalinger]: ["Sags-ID", "Dato", "Score", "Instrument", "Gyldig", "Seneste", "Første score", ...STATUSMAALINGER_REPORT_COLUMNS.map((c) => c.name)],
  [TABLES.visitationer]: ["Henvendelsesdato", "Ønsket enhed", "Beslutning", "Beslutningsdato"],
};

/** Our report tables: a sheet holding one of them is ours to replace. */
const REPORT_TABLES = [TABLES.noegletal, TABLES.pladsregulering, JOBCENTER_TABLE, KALENDER_TABLE];

function checkColumns(wb: ExcelJS.Workbook): void {
  const missing: string[] = [];
  for (const [table, columns] of Object.entries(REQUIRED_COLUMNS)) {
    const t = findTable(wb, table);
    if (!t) {
      missing.push(`tabellen ${table}`);
      continue;
    }
    for (const c of columns) if (headerIndex(t, c) < 0) missing.push(`${table}[${c}]`);
  }
  if (missing.length > 0) {
    throw new WorkbookFileError(
      `Rapporten kan ikke laves, fordi projektmappen mangler: ${missing.join(", ")}. ` +
        "Konvertér sagslisten igen med denne version af sagsliste."
    );
  }
}

/** Budget inputs kept from an earlier report's Jobcenterindtaegt table. */
function earlierBudgets(wb: ExcelJS.Workbook): CourseBudget[] {
  const t = findTable(wb, JOBCENTER_TABLE);
  if (!t) return [];
  const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
  return tableRecords(t)
    .filter((r) => typeof r["Forløbstype"] === "string")
    .map((r) => ({
      forloebstype: r["Forløbstype"] as string,
      budgetteredeBorgere: num(r["Budgetterede borgere"]),
      uger: num(r["Uger"]),
      prisPrUge: num(r["Pris pr. uge"]),
    }));
}

/** Remove our earlier report sheets; return the names sheets of the report may take. */
function clearReportSheets(wb: ExcelJS.Workbook): (wanted: string) => string {
  for (const ws of [...wb.worksheets]) {
    const tables = ws.getTables().map((t) => (t as unknown as { table: { name?: string } }).table.name ?? "");
    const ours = tables.some((n) => REPORT_TABLES.some((r) => r.toLowerCase() === n.toLowerCase()));
    const overview = ws.name === SHEETS.kvartalsoversigt && tables.length === 0;
    if (ours || overview) wb.removeWorksheet(ws.id);
  }
  // A user's own sheet of the same name stays; ours takes another (formulas use table names only).
  return (wanted) => {
    let name = wanted;
    for (let i = 2; wb.getWorksheet(name); i++) name = `${wanted} (${i})`;
    return name;
  };
}

/** Defined names the report's formulas read, added as constants where the workbook lacks them. */
function missingNames(wb: ExcelJS.Workbook, warnings: string[]): NamePlan[] {
  const defaults: [string, string][] = [
    [DEFINED_NAMES.baandNedre, String(DEFAULT_BAAND_NEDRE)],
    [DEFINED_NAMES.baandOevre, String(DEFAULT_BAAND_OEVRE)],
    [DEFINED_NAMES.reguleringsmodel, '"Hele afvigelsen"'],
    [DEFINED_NAMES.diskretionsgraense, String(DEFAULT_DISKRETIONSGRAENSE)],
  ];
  return defaults
    .filter(([name]) => namedValue(wb, name) === undefined)
    .map(([name, value]) => {
      warnings.push(`Navnet ${name} manglede og er tilføjet med standardværdien ${value}.`);
      return { name, refersTo: "=" + value };
    });
}

function parseYear(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d{4}$/.test(raw)) throw new UsageError(`--year skal være et årstal som 2024, ikke "${raw}".`);
  return Number(raw);
}

export async function runReport(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(
      argv,
      { "--year": "string", "--out": "string", "--publish": "boolean", "--json": "boolean", "--help": "boolean" },
      { "-o": "--out", "-h": "--help" }
    );
    if (args.flags["--help"]) {
      process.stdout.write(REPORT_HELP + "\n");
      return 0;
    }
    if (args.positional.length !== 1) throw new UsageError("Angiv netop én projektmappe (.xlsx).\n" + REPORT_HELP);
    const input = args.positional[0];
    const publish = args.flags["--publish"] === true;
    const out = stringFlag(args, "--out") ?? input.replace(/(\.xlsx)?$/i, publish ? "-offentlig.xlsx" : "-rapport.xlsx");
    if (path.resolve(out) === path.resolve(input)) {
      throw new UsageError("Rapporten må ikke skrives oven i projektmappen selv. Vælg et andet navn med -o.");
    }
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`Uddata skal være en .xlsx-fil, ikke ${out}.`);

    const wb = await loadWorkbook(input);
    const { data, warnings } = structuredFromWorkbook(wb);
    const year = parseYear(stringFlag(args, "--year"), ymd(data.params.periodestart).year);

    const budgets = defaultBudgets(data, earlierBudgets(wb));
    let target: ExcelJS.Workbook;
    if (publish) {
      target = new ExcelJS.Workbook();
      applyPlan(target, buildPublishedPlan(data, year));
    } else {
      checkColumns(wb);
      const names = missingNames(wb, warnings);
      const nameFor = clearReportSheets(wb);
      const rename = (s: SheetPlan): SheetPlan => ({ ...s, name: nameFor(s.name) });
      const plan: Plan = {
        sheets: [
          rename(buildNoegletalSheet(data, year).sheet),
          rename(buildPladsreguleringSheet(data, year, budgets)),
          rename(buildKvartalsoversigtSheet(data, year).sheet),
        ],
        names,
      };
      applyPlan(wb, plan);
      target = wb;
    }
    await saveWorkbook(target, out);

    for (const w of warnings) process.stderr.write(`sagsliste: advarsel: ${w}\n`);
    if (args.flags["--json"]) {
      const json = publish
        ? (() => {
            const f = publishedFigures(data, year);
            return { year, published: true, keyFigures: f.rows.map((r) => ({ ...r, vaerdi: shownValue(f, r), n: undefined, sidsteAar: undefined, numerator: undefined })) };
          })()
        : {
            year,
            published: false,
            keyFigures: computeKeyFigures(data, year),
            pladsregulering: regulationRows(data, year),
            jobcenterindtaegt: courseIncomeRows(data, year, budgets),
          };
      process.stdout.write(JSON.stringify(json, null, 2) + "\n");
    } else {
      process.stdout.write(`Skrev ${out} (${publish ? "offentliggørelsesudgave" : "rapport"} for ${year}).\n`);
    }
    return 0;
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`sagsliste report: ${err.message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
