// `sagsliste convert`: a case list in, the same workbook with the structured sheets added out.
// The input file is never written; on any failure no output file is left behind.
import path from "path";
import { serialFromIso, serialFromJsDate } from "../domain/dates";
import { convertWorkbook, type ConvertWorkbookOutcome } from "../adapters/xlsx/convert-workbook";
import { ForeignWorkbookError, loadWorkbookBuffer, readWorkbookFile, saveIntoOriginal } from "../adapters/xlsx/files";
import { viaLibreOffice, withLibreOfficeHint } from "./via-libreoffice";
import type { MappingOverrides } from "../import/mapping";
import { attendanceSourceLine, periodLine } from "../import/conversion-summary";
import { serialDateTime } from "../workbook/audit-log";
import { parseArgs, stringFlag, UsageError } from "./args";

export const CONVERT_HELP = `Brug: sagsliste convert IND.xlsx -o UD.xlsx [tilvalg]
  Finder sagslisten på hvert ark, tilknytter kolonnerne, kontrollerer værdierne og skriver
  projektmappen med tabellerne Sager, Fremmoede, Statusmaalinger, Maal, Visitationer, arket
  Opsætning og arket Problemer. Originalarkene røres ikke, og IND.xlsx overskrives aldrig.
  Køres den igen på en konverteret projektmappe, opdateres tabellerne uden dubletter.

Tilvalg:
  -o, --out UD.xlsx        Hvor resultatet skrives (påkrævet).
  --json                   Skriv fundne områder, tilknytning med sikkerhed, rækketal og alle fund som JSON.
  --no-merge               Flet ikke ark med samme opbygning; kun det første konverteres.
  --sheets "Ark1;Ark2"     Kun disse ark.
  --map "Kilde=Kolonne;…"  Vælg selv tilknytningen, fx "Startdato=Indskrevet;Diverse=-" (- = behold som den er).
                           Enhed og navn læst af listens form kan afvises: "Ark!Arknavn=-", "Ark!Titel=-",
                           "Ark!Sektioner=-", "Ark!A+B=-" (se tilknytningen i --json).
  --codes "Kode=Status;…"  Vælg selv hvad fremmødekoder betyder, fx "afbud=Syg;Q=-" (- = ikke en status).
                           En rækkefarves betydning vælges på samme måde: "Farve FF0000=udskrevet"
                           (udskrevet, venteliste, aktiv eller - for ingen betydning).
  --instruments "A;B"      Instrumenter til Opsætning (standard: alle forudindstillede).
  --ref-date ÅÅÅÅ-MM-DD    Opgørelsesdato, og dens år som periode (standard: seneste år med
                           fremmøde, ellers med indskrivninger; Opgørelsesdato den sidste registrerede dag).
  --ignore-saved-mapping   Brug ikke en tilknytning, der er gemt i projektmappen.
  --via-libreoffice        Lad LibreOffice gemme IND (.xls eller .ods) som .xlsx først; originalen røres ikke.`;

function list(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const items = raw
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return items.length ? items : undefined;
}

export function parseMapFlag(raw: string | undefined): MappingOverrides | undefined {
  const items = list(raw);
  if (!items) return undefined;
  const out: MappingOverrides = {};
  for (const item of items) {
    const at = item.lastIndexOf("=");
    if (at <= 0) throw new UsageError(`--map skal have formen "Kilde=Kolonne", ikke "${item}".`);
    const target = item.slice(at + 1).trim();
    out[item.slice(0, at).trim()] = target === "-" || target === "" ? null : target;
  }
  return out;
}

function refDate(raw: string | undefined): number {
  if (raw === undefined) return serialFromJsDate(new Date());
  const s = serialFromIso(raw);
  if (s === null) throw new UsageError(`--ref-date skal være en dato som 2024-12-31, ikke "${raw}".`);
  return s;
}

export function conversionJson(outcome: ConvertWorkbookOutcome, output: string) {
  const { result } = outcome;
  return {
    output,
    rerun: outcome.rerun,
    regions: result.regions,
    mapping: result.mapping.columns,
    fills: result.mapping.fills ?? [],
    rows: {
      in: result.stats.rowsIn,
      out: result.stats.rowsOut,
      added: result.stats.added,
      updated: result.stats.updated,
      cases: result.cases.length,
      attendance: result.stats.attendanceRows,
      skipped: result.stats.skipped,
    },
    attendanceSources: result.attendanceSources,
    attendanceCodes: result.attendanceCodes,
    period: outcome.output.period,
    sheetNames: outcome.output.sheetNames,
    findings: outcome.output.problems,
  };
}

function summary(outcome: ConvertWorkbookOutcome, output: string): string {
  const s = outcome.result.stats;
  const lines = [
    `Skrev ${output}.`,
    `${s.rowsIn} rækker fra ${s.sheets} ark → ${outcome.result.cases.length} sager i tabellen Sager` +
      (outcome.rerun ? ` (${s.added} nye, ${s.updated} opdateret)` : "") +
      (s.attendanceRows ? `, ${s.attendanceRows} fremmøderegistreringer` : "") +
      ".",
    `${s.errors} fejl og ${s.warnings} ${s.warnings === 1 ? "advarsel" : "advarsler"} står på arket ${outcome.output.sheetNames.Problemer ?? "Problemer"}.`,
    ...attendanceSourceLine(outcome.result.attendanceSources),
    periodLine(outcome.output.period),
  ];
  const units = outcome.output.data.units.filter((u) => u.fuldtidspladser === null && u.deltidspladser === null).map((u) => u.enhed);
  if (units.length) lines.push(`Udfyld pladserne for ${units.join(", ")} i tabellen Enheder på arket Opsætning.`);
  return lines.join("\n") + "\n";
}

export async function runConvert(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(
      argv,
      {
        "--out": "string",
        "--json": "boolean",
        "--no-merge": "boolean",
        "--sheets": "string",
        "--map": "string",
        "--codes": "string",
        "--instruments": "string",
        "--ref-date": "string",
        "--ignore-saved-mapping": "boolean",
        "--via-libreoffice": "boolean",
        "--help": "boolean",
      },
      { "-o": "--out", "-h": "--help" }
    );
    if (args.flags["--help"]) {
      process.stdout.write(CONVERT_HELP + "\n");
      return 0;
    }
    if (args.positional.length !== 1) throw new UsageError("Angiv netop én sagsliste (.xlsx).\n" + CONVERT_HELP);
    const input = args.positional[0];
    const out = stringFlag(args, "--out");
    if (!out) throw new UsageError("Angiv hvor resultatet skal skrives med -o UD.xlsx.");
    if (path.resolve(out) === path.resolve(input)) throw new UsageError("UD.xlsx må ikke være den samme fil som IND.xlsx: originalen bevares altid.");
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`Resultatet skal være en .xlsx-fil, ikke ${out}.`);

    const viaLo = args.flags["--via-libreoffice"] === true;
    const converted = viaLo ? await viaLibreOffice(input) : null;
    const original = converted ?? (await readWorkbookFile(input));
    const wb = await (async () => {
      try {
        return await loadWorkbookBuffer(original, input);
      } catch (e) {
        throw e instanceof ForeignWorkbookError ? withLibreOfficeHint(e) : e;
      }
    })();
    const outcome = convertWorkbook(wb, {
      conversionDate: refDate(undefined),
      referenceDate: stringFlag(args, "--ref-date") === undefined ? undefined : refDate(stringFlag(args, "--ref-date")),
      time: serialDateTime(new Date()),
      mergeSheets: args.flags["--no-merge"] !== true,
      sheets: list(stringFlag(args, "--sheets")),
      overrides: parseMapFlag(stringFlag(args, "--map")),
      attendanceCodes: parseMapFlag(stringFlag(args, "--codes")),
      presets: list(stringFlag(args, "--instruments")),
      ignoreSavedMapping: args.flags["--ignore-saved-mapping"] === true,
    });
    const lost = await saveIntoOriginal(wb, original, out, { name: input, removedSheets: outcome.removedSheets, ownNames: outcome.ownNames });
    if (args.flags["--json"]) process.stdout.write(JSON.stringify({ ...conversionJson(outcome, out), notKept: lost }, null, 2) + "\n");
    else process.stdout.write(summary(outcome, out) + lost.map((l) => `Bemærk: ${l}\n`).join(""));
    return 0;
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`sagsliste convert: ${err.message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
