// `sagsliste check`: the integrity check of a structured workbook (the task pane's Kontrol page on a file).
// It reports overwritten formulas, lost columns, broken names, setup values out of range and tables out of
// case order; with --repair it writes the formulas back (never data) and sorts those tables (whole rows
// move, no value changes) in a copy, logs each repair, and puts what remains in Problemer. The input file
// is never changed.
import { promises as fs } from "fs";
import path from "path";
import { checkPackage, type PackageProblem } from "../adapters/xlsx/package-check";
import { loadWorkbookBuffer, readWorkbookFile } from "../adapters/xlsx/files";
import { keepDrawings } from "../adapters/xlsx/keep-drawings";
import { saveBytes, workbookBytes } from "../adapters/xlsx/package-parts";
import { forgetReadResults } from "../adapters/xlsx/stale-results";
import { writeTableResults } from "../adapters/xlsx/table-results";
import { structuredFromWorkbook } from "../adapters/xlsx/structured-from-workbook";
import { sortTableByCase } from "../adapters/xlsx/sort-by-case";
import { appendLogEntries, readProblemRows, readSnapshot, setColumnFormulas, writeProblemRows } from "../adapters/xlsx/workbook-snapshot";
import { repairLogEntries, serialDateTime, sortLogEntries } from "../workbook/audit-log";
import { checkIntegrity, mergeProblemRows, type CaseSort, type IntegrityReport } from "../workbook/integrity";
import { parseArgs, stringFlag, UsageError } from "./args";

export const CHECK_HELP = `Brug: sagsliste check PROJEKTMAPPE.xlsx [--repair] [-o UD.xlsx] [--json]
  Kontrollerer en struktureret projektmappe: beregnede celler, der er overskrevet med en værdi eller en
  anden formel, tabeller, der mangler kolonner, navne, der ikke virker, opsætning uden for det tilladte og
  ark, der ikke er sorteret efter sag; og selve filen for det, Excel ellers "reparerer", når den åbnes
  (datavalideringer, der overlapper, flettede celler i tabeller, dele, der mangler, tabeloverskrifter, der
  afviger fra kolonnerne, ugyldige navne og rullelister over 255 tegn).
  --repair   Sæt de beregnede kolonners formler tilbage (data røres aldrig), sortér Fremmøde og
             Statusmålinger efter sag (hele rækker flytter plads, ingen værdi ændres), og skriv hver
             reparation i Log. Skriver en kopi (standard: PROJEKTMAPPE-kontrolleret.xlsx); inputfilen
             ændres aldrig.
  -o UD.xlsx Skriv en kopi med fundene i Problemer (også uden --repair).
  --json     Skriv fund og reparationer som JSON på standard-output.
  Afslutningskode: 0 ingen fund, 3 fund (efter en reparation: fund, der ikke kunne repareres).`;

/** Exit code when the check found something (1 and 2 mean unusable input and wrong usage). */
export const EXIT_FINDINGS = 3;

function packageSummary(file: string, problems: readonly PackageProblem[]): string {
  const lines = problems.map((p) => `  ${p.where}  ${p.code}  ${p.message}`);
  return (
    `${problems.length} fund i filen ${file}, som Excel vil reparere ved åbning:\n${lines.join("\n")}\n` +
    "  En kopi skrevet med -o eller --repair er fri for overlappende datavalideringer og manglende dele."
  );
}

function summary(report: IntegrityReport): string {
  if (report.findings.length === 0) return "Ingen fund: formler, tabeller, navne og opsætning er i orden.";
  const lines = report.findings.map((f) => `  ${f.sheet}!${f.cell}  ${f.code}  ${f.message}`);
  return `${report.findings.length} fund:\n${lines.join("\n")}`;
}

export async function runCheck(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv, { "--repair": "boolean", "--out": "string", "--json": "boolean", "--help": "boolean" }, { "-o": "--out", "-h": "--help" });
    if (args.flags["--help"]) {
      process.stdout.write(CHECK_HELP + "\n");
      return 0;
    }
    if (args.positional.length !== 1) throw new UsageError("Angiv netop én projektmappe (.xlsx).\n" + CHECK_HELP);
    const input = args.positional[0];
    const repair = args.flags["--repair"] === true;
    const out = stringFlag(args, "--out") ?? (repair ? input.replace(/(\.xlsx)?$/i, "-kontrolleret.xlsx") : undefined);
    if (out !== undefined) {
      if (path.resolve(out) === path.resolve(input)) throw new UsageError("Kopien må ikke skrives oven i projektmappen selv. Vælg et andet navn med -o.");
      if (!/\.xlsx$/i.test(out)) throw new UsageError(`Uddata skal være en .xlsx-fil, ikke ${out}.`);
    }

    const original = await readWorkbookFile(input);
    const wb = await loadWorkbookBuffer(original, input);
    const packageBefore = checkPackage(original);
    const before = checkIntegrity(readSnapshot(wb));
    let after = before;
    let sorted: CaseSort[] = [];
    if (repair && before.repairs.length + before.sorts.length > 0) {
      forgetReadResults(wb); // repaired formulas and sorted rows: the cached results no longer hold
      for (const r of before.repairs) setColumnFormulas(wb, r.table, [{ column: r.column, formula: r.formula }]);
      sorted = before.sorts.filter((s) => sortTableByCase(wb, s.table));
      const time = serialDateTime(new Date());
      appendLogEntries(wb, [
        ...repairLogEntries(
          time,
          before.repairs.flatMap((r) => r.cells)
        ),
        ...sortLogEntries(
          time,
          sorted.map((s) => s.table)
        ),
      ]);
      after = checkIntegrity(readSnapshot(wb));
      // Repaired and in order again: the tables' computed cells get their results back.
      if (after.findings.length === 0) writeTableResults(wb, structuredFromWorkbook(wb).data, after);
    }
    if (out !== undefined) {
      writeProblemRows(wb, mergeProblemRows(readProblemRows(wb), after));
      // ExcelJS drops charts and shapes: the original's drawings are put back on their sheets.
      await saveBytes(keepDrawings(original, await workbookBytes(wb)).bytes, out);
    }
    const packageAfter = out !== undefined ? checkPackage(await fs.readFile(out)) : packageBefore;

    if (args.flags["--json"]) {
      const json = {
        file: input,
        output: out ?? null,
        findings: before.findings,
        repaired: repair ? before.repairs.map((r) => ({ table: r.table, column: r.column, cells: r.cells.length })) : [],
        sorted,
        remaining: after.findings,
        package: packageBefore,
        packageOutput: out !== undefined ? packageAfter : null,
      };
      process.stdout.write(JSON.stringify(json, null, 2) + "\n");
    } else {
      process.stdout.write(summary(before) + "\n");
      if (packageBefore.length > 0) process.stdout.write(packageSummary(input, packageBefore) + "\n");
      if (repair) {
        const cells = before.repairs.reduce((n, r) => n + r.cells.length, 0);
        if (sorted.length > 0) {
          const sheets = sorted.map((s) => s.sheet).join(" og ");
          process.stdout.write(`Sorterede ${sheets} efter Sagsrække og Dato: hele rækker har flyttet plads, ingen værdi er ændret.\n`);
        }
        const left = `${after.findings.length} fund står tilbage.`;
        process.stdout.write(
          before.repairs.length > 0 || sorted.length === 0 ? `Reparerede ${cells} celler i ${before.repairs.length} kolonner; ${left}\n` : `${left}\n`
        );
      }
      if (out !== undefined) process.stdout.write(`Skrev ${out}.\n`);
      if (out !== undefined && packageAfter.length > 0) process.stdout.write(packageSummary(out, packageAfter) + "\n");
    }
    // A copy fixes the file's own problems (ExcelJS writes it anew); without one, the input's stand.
    return after.findings.length > 0 || packageAfter.length > 0 ? EXIT_FINDINGS : 0;
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`sagsliste check: ${err.message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
