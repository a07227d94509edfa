// `sagsliste report`: add the report sheets (Nøgletal, Pladsregulering, Kvartalsoversigt) to a
// structured workbook, or write a published, values-only overview with suppression (--publish).
// Never writes over its input; writes nothing at all when anything fails.
import path from "path";
import ExcelJS from "exceljs";
import { ymd } from "../domain/dates";
import { computeKeyFigures } from "../domain/keyfigures";
import { courseIncomeRows, regulationRows } from "../domain/regulation";
import { applyPlan } from "../adapters/xlsx/apply-plan";
import { readLayout, replaceSheets } from "../adapters/xlsx/convert-workbook";
import { promises as fs } from "fs";
import { withCharts } from "../adapters/xlsx/chart-parts";
import { loadWorkbook, saveWorkbook, WorkbookFileError } from "../adapters/xlsx/files";
import type { ChartSpec } from "../workbook/report/kvartalsoversigt";
import { structuredFromWorkbook, workbookSource } from "../adapters/xlsx/structured-from-workbook";
import { defaultBudgets, JOBCENTER_TABLE } from "../workbook/report/pladsregulering";
import { buildPublishedPlan, publishedFigures, shownValue } from "../workbook/report/publish";
import { earlierBudgets, reportPlan } from "../workbook/report/report-plan";
import { parseArgs, stringFlag, UsageError } from "./args";

export const REPORT_HELP = `Brug: sagsliste report PROJEKTMAPPE.xlsx [--year ÅÅÅÅ] [-o UD.xlsx] [--publish] [--json]
  Tilføjer arkene Nøgletal, Pladsregulering og Kvartalsoversigt med levende formler (tidligere
  rapportark erstattes). Uden -o skrives PROJEKTMAPPE-rapport.xlsx; inputfilen overskrives aldrig.
  --year       Året (standard: året for Periodestart).
  --publish    Skriv i stedet en offentliggørelsesudgave: kun tal, diskretioneret, uden navne og CPR
               (standard: PROJEKTMAPPE-offentlig.xlsx).
  --json       Skriv referencetallene som JSON på standard-output.`;

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

    const source = workbookSource(wb);
    const budgets = defaultBudgets(data, earlierBudgets(source.table(JOBCENTER_TABLE)));
    let target: ExcelJS.Workbook;
    let charts: ChartSpec[] = [];
    if (publish) {
      target = new ExcelJS.Workbook();
      applyPlan(target, buildPublishedPlan(data, year));
    } else {
      const report = (() => {
        try {
          return reportPlan(data, year, readLayout(wb).sheets, source);
        } catch (e) {
          throw new WorkbookFileError((e as Error).message);
        }
      })();
      warnings.push(...report.warnings);
      replaceSheets(wb, report.plan, report.removeSheets);
      target = wb;
      charts = report.charts;
    }
    await saveWorkbook(target, out);
    // ExcelJS writes no charts: the overview's are added to the written package as chart parts.
    if (charts.length > 0) await fs.writeFile(out, withCharts(await fs.readFile(out), charts));

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
