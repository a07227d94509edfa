// `sagsliste report`: add the report sheets (Nøgletal, Pladsregulering, Kvartalsoversigt) to a
// structured workbook, or write a published, values-only overview with suppression (--publish).
// Never writes over its input; writes nothing at all when anything fails. A published overview and its
// JSON are scanned for CPR numbers and citizens' names before anything is written.
import path from "path";
import { type XlsxWorkbook } from "../adapters/xlsx/workbook";
import { danishDate, ymd } from "../domain/dates";
import { periodOfYear } from "../domain/setup-defaults";
import { computeKeyFigures } from "../domain/keyfigures";
import { courseIncomeRows, regulationRows } from "../domain/regulation";
import { readLayout, replaceSheets } from "../adapters/xlsx/convert-workbook";
import { withCharts } from "../adapters/xlsx/chart-parts";
import { loadWorkbook, saveWorkbook, WorkbookFileError } from "../adapters/xlsx/files";
import { forgetReadResults } from "../adapters/xlsx/stale-results";
import { writeTableResults } from "../adapters/xlsx/table-results";
import { readSnapshot } from "../adapters/xlsx/workbook-snapshot";
import { checkIntegrity } from "../workbook/integrity";
import { saveBytes, workbookBytes } from "../adapters/xlsx/package-parts";
import { setNamedValue, structuredFromWorkbook, workbookSource } from "../adapters/xlsx/structured-from-workbook";
import { DEFINED_NAMES } from "../workbook/contract";
import type { ChartSpec } from "../workbook/report/kvartalsoversigt";
import { defaultBudgets, JOBCENTER_TABLE } from "../workbook/report/pladsregulering";
import { earlierBudgets, reportPlan } from "../workbook/report/report-plan";
import { parseArgs, stringFlag, UsageError } from "./args";
import { runConsolidatedReport } from "./consolidate-command";
import { publishedCopy } from "./published-copy";

export const REPORT_HELP = `Brug: sagsliste report PROJEKTMAPPE.xlsx [--year ÅÅÅÅ] [-o UD.xlsx] [--publish] [--json]
       sagsliste report A.xlsx B.xlsx … [--year ÅÅÅÅ] [-o samlet.xlsx] [--publish] [--json]
  Tilføjer arkene Nøgletal, Pladsregulering og Kvartalsoversigt med levende formler (tidligere
  rapportark erstattes). Uden -o skrives PROJEKTMAPPE-rapport.xlsx; inputfilen overskrives aldrig.
  Med flere projektmapper (én pr. enhed) skrives én samlet projektmappe: arket Kilder med hver kilde og
  hver konflikt mellem dem (samme borger i to enheder, forskellige aftaler eller perioder, overskrevne
  formler), de samlede tabeller med kolonnen Kilde og rapporten over dem alle (standard:
  samlet-rapport.xlsx ved siden af den første).
  --year       Året (standard: året for Periodestart). Sætter også Periodestart og Periodeslut
               til året og Opgørelsesdato til årets sidste registrerede dag.
  --publish    Skriv i stedet en offentliggørelsesudgave: kun tal, diskretioneret, uden navne og CPR
               (standard: PROJEKTMAPPE-offentlig.xlsx). Rækkerne hedder kun noget fra faste lister
               (enhederne og listens udskrivningsårsager); en årsag uden for listen tælles under
               Andet, en manglende under Uoplyst. Før noget skrives, gennemsøges hver del af filen
               og JSON-udgaven for CPR-numre og borgernes navne; findes der et, skrives intet, og
               der står hvor.
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
    if (args.positional.length === 0) throw new UsageError("Angiv en eller flere projektmapper (.xlsx).\n" + REPORT_HELP);
    const publish = args.flags["--publish"] === true;
    if (args.positional.length > 1) {
      return await runConsolidatedReport({
        inputs: args.positional,
        out: stringFlag(args, "--out"),
        year: stringFlag(args, "--year"),
        publish,
        json: args.flags["--json"] === true,
      });
    }
    const input = args.positional[0];
    const out = stringFlag(args, "--out") ?? input.replace(/(\.xlsx)?$/i, publish ? "-offentlig.xlsx" : "-rapport.xlsx");
    if (path.resolve(out) === path.resolve(input)) {
      throw new UsageError("Rapporten må ikke skrives oven i projektmappen selv. Vælg et andet navn med -o.");
    }
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`Uddata skal være en .xlsx-fil, ikke ${out}.`);

    const wb = await loadWorkbook(input);
    forgetReadResults(wb); // the report may set another period: the input's cached results may not hold
    const { data, warnings } = structuredFromWorkbook(wb);
    const year = parseYear(stringFlag(args, "--year"), ymd(data.params.periodestart).year);
    // --year sets the period: the year, and Opgørelsesdato its last registered day.
    let periodNote = "";
    if (stringFlag(args, "--year") !== undefined && !publish) {
      const p = periodOfYear(
        year,
        data.attendance.map((a) => a.dato)
      );
      data.params = { ...data.params, ...p };
      for (const [name, value] of [
        [DEFINED_NAMES.periodestart, p.periodestart],
        [DEFINED_NAMES.periodeslut, p.periodeslut],
        [DEFINED_NAMES.opgoerelsesdato, p.opgoerelsesdato],
      ] as const)
        setNamedValue(wb, name, value);
      periodNote = ` Periode ${danishDate(p.periodestart)}–${danishDate(p.periodeslut)}, Opgørelsesdato ${danishDate(p.opgoerelsesdato)}.`;
    }

    // The tables' computed cells get the results of the period the report sets, for readers that do not recalculate.
    if (!publish) writeTableResults(wb, data, checkIntegrity(readSnapshot(wb)));
    const source = workbookSource(wb);
    const budgets = defaultBudgets(data, earlierBudgets(source.table(JOBCENTER_TABLE)));
    let target: XlsxWorkbook;
    let publishedBytes: Buffer | null = null;
    let publishedJson: string | null = null;
    let charts: ChartSpec[] = [];
    if (publish) {
      target = wb;
      const copy = await publishedCopy(data, year, out);
      publishedBytes = copy.bytes;
      publishedJson = copy.json;
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
    if (publishedBytes) await saveBytes(publishedBytes, out);
    // ExcelJS writes no charts: the overview's are added to the package as chart parts before it is written.
    else if (charts.length > 0) await saveBytes(withCharts(await workbookBytes(target), charts), out);
    else await saveWorkbook(target, out);

    for (const w of warnings) process.stderr.write(`sagsliste: advarsel: ${w}\n`);
    if (args.flags["--json"]) {
      const json =
        publishedJson ??
        JSON.stringify(
          {
            year,
            published: false,
            keyFigures: computeKeyFigures(data, year),
            pladsregulering: regulationRows(data, year),
            jobcenterindtaegt: courseIncomeRows(data, year, budgets),
          },
          null,
          2
        );
      process.stdout.write(json + "\n");
    } else {
      process.stdout.write(`Skrev ${out} (${publish ? "offentliggørelsesudgave" : "rapport"} for ${year}).${periodNote}\n`);
    }
    return 0;
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`sagsliste report: ${err.message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
