// `sagsliste pseudonymise`: a copy of a structured workbook in which CPR numbers and citizens' names are
// replaced by case ids everywhere, with the key in a separate CSV file; or, with --mask-cpr, the
// workbook with every CPR number masked as DDMMYY-XXXX (in place unless -o says otherwise).
import { promises as fs } from "fs";
import path from "path";
import type ExcelJS from "exceljs";
import { loadWorkbook, saveWorkbook } from "../adapters/xlsx/files";
import { plainValue } from "../adapters/xlsx/cell-values";
import { forgetImportedValuesIn } from "../adapters/xlsx/forget-imported-values";
import { SENSITIVE_COLUMNS } from "../import/rerun-merge";
import { headerIndex, readTable } from "../adapters/xlsx/read-tables";
import { appendLogEntries } from "../adapters/xlsx/workbook-snapshot";
import { LOG_ACTIONS, serialDateTime } from "../workbook/audit-log";
import { TABLES } from "../workbook/contract";
import { cprMasker, keyCsv, pseudonymiser, type PseudonymKeyRow } from "../workbook/pseudonymise";
import { parseArgs, stringFlag, UsageError } from "./args";

export const PSEUDONYMISE_HELP = `Brug: sagsliste pseudonymise IND.xlsx -o UD.xlsx --key NØGLE.csv
       sagsliste pseudonymise IND.xlsx --mask-cpr [-o UD.xlsx]
  Skriver en kopi, hvor CPR-numre og borgernes navne er erstattet af sags-id i alle ark (også de
  oprindelige ark, Problemer og bemærkninger). Nøglen (Sags-ID;CPR;Navn) skrives i en separat CSV-fil:
  opbevar den adskilt fra kopien. Andre CPR-lignende numre i fritekst bliver til XXXXXX-XXXX.
  --mask-cpr  Maskér i stedet CPR-numre som DDMMYY-XXXX. Uden -o ændres projektmappen selv.
  Navne i fritekst genkendes kun som hele for- og efternavne fra Sager; gennemse bemærkninger selv.`;

type Rewriter = { text(v: string): string; number(v: number): string | number; changed: number };

/** Apply a rewriter to every constant cell of every sheet (formulas compute from these cells). */
function rewriteCells(wb: ExcelJS.Workbook, rewrite: Rewriter): void {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (v === null || v === undefined || v instanceof Date) return;
        if (typeof v === "number") {
          const out = rewrite.number(v);
          if (out !== v) cell.value = out;
          return;
        }
        if (typeof v === "string" || (typeof v === "object" && "richText" in v)) {
          const text = String(plainValue(v) ?? "");
          const out = rewrite.text(text);
          if (out !== text) cell.value = out;
        }
      });
    });
  }
}

function keyRows(wb: ExcelJS.Workbook): PseudonymKeyRow[] {
  const sager = readTable(wb, TABLES.sager);
  const at = (h: string) => headerIndex(sager, h);
  const [id, cpr, navn] = [at("Sags-ID"), at("CPR"), at("Navn")];
  if (id < 0) throw new UsageError("Tabellen Sager har ingen kolonne Sags-ID; konvertér sagslisten først.");
  const text = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));
  return sager.rows
    .map((r) => ({ sagsId: text(r[id]) ?? "", cpr: cpr >= 0 ? text(r[cpr]) : null, navn: navn >= 0 ? text(r[navn]) : null }))
    .filter((k) => k.sagsId !== "");
}

export async function runPseudonymise(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv, { "--out": "string", "--key": "string", "--mask-cpr": "boolean", "--help": "boolean" }, { "-o": "--out", "-h": "--help" });
    if (args.flags["--help"]) {
      process.stdout.write(PSEUDONYMISE_HELP + "\n");
      return 0;
    }
    if (args.positional.length !== 1) throw new UsageError("Angiv netop én projektmappe (.xlsx).\n" + PSEUDONYMISE_HELP);
    const input = args.positional[0];
    const mask = args.flags["--mask-cpr"] === true;
    const out = stringFlag(args, "--out") ?? (mask ? input : undefined);
    const keyFile = stringFlag(args, "--key");
    if (!out) throw new UsageError("Angiv kopien med -o UD.xlsx.\n" + PSEUDONYMISE_HELP);
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`Uddata skal være en .xlsx-fil, ikke ${out}.`);
    if (!mask) {
      if (!keyFile) throw new UsageError("Angiv nøglefilen med --key NØGLE.csv (den skal opbevares adskilt fra kopien).");
      if (path.resolve(out) === path.resolve(input)) throw new UsageError("Kopien må ikke skrives oven i projektmappen selv. Vælg et andet navn med -o.");
      if ([input, out].some((f) => path.resolve(f) === path.resolve(keyFile))) throw new UsageError("Nøglefilen skal være en anden fil end projektmapperne.");
    } else if (keyFile) {
      throw new UsageError("--key bruges kun ved pseudonymisering, ikke med --mask-cpr.");
    }

    const wb = await loadWorkbook(input);
    const key = keyRows(wb);
    const time = serialDateTime(new Date());
    if (mask) {
      const masker = cprMasker(key.flatMap((k) => (k.cpr ? [k.cpr] : [])));
      rewriteCells(wb, masker);
      forgetImportedValuesIn(wb, ["CPR"]);
      appendLogEntries(wb, [{ time, action: LOG_ACTIONS.maskCpr, table: TABLES.sager, key: null, column: "CPR", from: "fulde CPR-numre", to: `DDMMYY-XXXX (${masker.changed} celler)` }]);
      await saveWorkbook(wb, out);
      process.stdout.write(`Maskerede CPR-numre i ${masker.changed} celler. Skrev ${out}.\n`);
      return 0;
    }
    const p = pseudonymiser(key);
    rewriteCells(wb, p);
    forgetImportedValuesIn(wb, SENSITIVE_COLUMNS);
    appendLogEntries(wb, [
      { time, action: LOG_ACTIONS.pseudonymise, table: TABLES.sager, key: null, column: "CPR, Navn", from: "CPR-numre og navne", to: `sags-id (${key.length} sager, ${p.changed} celler)` },
    ]);
    // The key first: a copy without its key could never be traced back.
    await fs.writeFile(keyFile!, keyCsv(key), { encoding: "utf8", mode: 0o600 });
    await saveWorkbook(wb, out);
    process.stdout.write(`Erstattede CPR-numre og navne i ${p.changed} celler. Skrev ${out} og nøglen ${keyFile}.\n`);
    return 0;
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`sagsliste pseudonymise: ${err.message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
