// `sagsliste demo`: the product's main job on generated data, for a first look. It writes a messy
// case list as coordinators keep them, the same list converted, and the overviews over a fuller
// generated year of registrations. No real person is in any of them.
import { promises as fs } from "fs";
import path from "path";
import { newWorkbook } from "../adapters/xlsx/workbook";
import { applyPlan } from "../adapters/xlsx/apply-plan";
import { convertWorkbook, readLayout, replaceSheets } from "../adapters/xlsx/convert-workbook";
import { workbookSource } from "../adapters/xlsx/structured-from-workbook";
import { saveWorkbook } from "../adapters/xlsx/files";
import { gridsToWorkbook } from "../adapters/xlsx/write-grids";
import { serialFromJsDate, ymd } from "../domain/dates";
import { generateMessyCaseList } from "../sample/messy-case-list";
import { generateStructuredData } from "../sample/structured-data";
import { reportHelperColumns } from "../workbook/report/noegletal";
import { reportPlan } from "../workbook/report/report-plan";
import { buildStructuredPlan } from "../workbook/structured-plan";
import { serialDateTime } from "../workbook/audit-log";
import { parseArgs, stringFlag, UsageError } from "./args";

export const DEMO_HELP = `Brug: sagsliste demo [--out MAPPE] [--rows N] [--seed N]
  Skriver tre filer i MAPPE (standard: demo-output):
    sagsliste-eksempel.xlsx               en rodet sagsliste, som de ser ud i praksis
    sagsliste-eksempel-struktureret.xlsx  den samme liste konverteret (originalarkene er urørte)
    sagsliste-eksempel-oversigt.xlsx      et helt års registreringer med Nøgletal,
                                          Pladsregulering og Kvartalsoversigt
  Alle personer er opdigtede.`;

function positiveInt(raw: string | undefined, flag: string, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${flag} skal være et helt tal mellem 1 og ${max}, ikke "${raw}".`);
  return n;
}

export async function runDemo(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv, { "--out": "string", "--rows": "string", "--seed": "string", "--help": "boolean" }, { "-o": "--out", "-h": "--help" });
    if (args.flags["--help"]) {
      process.stdout.write(DEMO_HELP + "\n");
      return 0;
    }
    if (args.positional.length > 0) throw new UsageError(`Uventet argument: ${args.positional[0]}.\n${DEMO_HELP}`);
    const dir = stringFlag(args, "--out") ?? "demo-output";
    const rows = positiveInt(stringFlag(args, "--rows"), "--rows", 250, 200_000);
    const seed = positiveInt(stringFlag(args, "--seed"), "--seed", 2024, 2 ** 31 - 1);
    await fs.mkdir(dir, { recursive: true });

    const messyFile = path.join(dir, "sagsliste-eksempel.xlsx");
    const structuredFile = path.join(dir, "sagsliste-eksempel-struktureret.xlsx");
    const overviewFile = path.join(dir, "sagsliste-eksempel-oversigt.xlsx");

    const { grids } = generateMessyCaseList({ seed, rows, sheets: 2, withAttendanceGrid: true });
    await saveWorkbook(gridsToWorkbook(grids), messyFile);
    // The converted file starts from the messy one as written, as a user's would.
    const wb = newWorkbook();
    await wb.xlsx.readFile(messyFile);
    const outcome = convertWorkbook(wb, { conversionDate: serialFromJsDate(new Date()), time: serialDateTime(new Date()) });
    await saveWorkbook(wb, structuredFile);

    const year = generateStructuredData(seed, { cases: 120 });
    const full = newWorkbook();
    applyPlan(full, buildStructuredPlan(year, { extraComputedColumns: reportHelperColumns() }));
    const report = reportPlan(year, ymd(year.params.periodestart).year, readLayout(full).sheets, workbookSource(full));
    replaceSheets(full, report.plan, report.removeSheets);
    await saveWorkbook(full, overviewFile);

    const s = outcome.result.stats;
    process.stdout.write(
      [
        `Sagsliste-demo i ${dir}:`,
        `  ${messyFile}: ${rows} sager på 2 ark med titelrækker, flettede overskrifter, totaler og noter, og et fremmødeark.`,
        `  ${structuredFile}: ${outcome.result.cases.length} sager i tabellen Sager, ${s.attendanceRows} fremmøderegistreringer, ${s.errors} fejl og ${s.warnings} ${s.warnings === 1 ? "advarsel" : "advarsler"} på arket Problemer.`,
        `  ${overviewFile}: ${year.cases.length} sager og ${year.attendance.length} fremmøderegistreringer med Nøgletal, Pladsregulering og Kvartalsoversigt.`,
        "Åbn filerne i Excel; tallene er levende formler og regnes, når filen åbnes.",
      ].join("\n") + "\n"
    );
    return 0;
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`sagsliste demo: ${err.message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
