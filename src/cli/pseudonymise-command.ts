// `sagsliste pseudonymise`: a copy of a structured workbook in which CPR numbers and citizens' names are
// replaced by case ids everywhere, with the key in a separate CSV file; or, with --mask-cpr, the
// workbook with every CPR number masked as DDMMYY-XXXX (in place unless -o says otherwise). Either way
// the package is scanned before it is written, and nothing is written when the scan finds anything.
import path from "path";
import { type XlsxWorkbook } from "../adapters/xlsx/workbook";
import { loadWorkbookBuffer, readWorkbookFile } from "../adapters/xlsx/files";
import { forgetImportedValuesIn } from "../adapters/xlsx/forget-imported-values";
import { writeFileAtomic } from "../adapters/xlsx/atomic-write";
import { saveBytes } from "../adapters/xlsx/package-parts";
import { rewriteWorkbookCells, rewrittenPackage } from "../adapters/xlsx/pseudonymise-workbook";
import { SENSITIVE_COLUMNS } from "../import/rerun-merge";
import { headerIndex, readTable } from "../adapters/xlsx/read-tables";
import { appendLogEntries } from "../adapters/xlsx/workbook-snapshot";
import { LOG_ACTIONS, serialDateTime } from "../workbook/audit-log";
import { TABLES } from "../workbook/contract";
import { describeFindings, type PrivacyFinding } from "../workbook/privacy-scan";
import { cprMasker, keyCsv, pseudonymiser, type PseudonymKeyRow } from "../workbook/pseudonymise";
import { parseArgs, stringFlag, UsageError } from "./args";

export const PSEUDONYMISE_HELP = `Brug: sagsliste pseudonymise IND.xlsx -o UD.xlsx --key NØGLE.csv
       sagsliste pseudonymise IND.xlsx --mask-cpr [-o UD.xlsx]
  Skriver en kopi, hvor CPR-numre og borgernes navne fra Sager er erstattet af sags-id overalt i
  projektmappen: alle ark (også skjulte og de oprindelige ark), Problemer, bemærkninger, formelresultater,
  kommentarer, links (tekst og adresse), sidehoveder og -fødder, valideringslister, arknavne,
  definerede navne og dokumentegenskaber. CPR-numre genkendes med og uden bindestreg eller tankestreg,
  og også med 9 cifre (uden foranstillet nul). Andre CPR-lignende numre i fritekst bliver til XXXXXX-XXXX.
  Nøglen (Sags-ID;CPR;Navn) skrives i en separat CSV-fil, og kun den fører sags-id tilbage til CPR-numre
  og navne: kopien indeholder ingen af CPR-numrene eller navnene fra Sager. Opbevar nøglen adskilt fra
  kopien. Før kopien skrives, gennemsøges hver del af den for CPR-numre og navne; findes der et,
  skrives hverken kopi eller nøgle, og der står hvor.
  --mask-cpr  Maskér i stedet CPR-numre som DDMMYY-XXXX (navne bevares). Uden -o ændres
              projektmappen selv.
  Navne genkendes som navne: et navn på to eller flere ord overalt; et navn på ét ord kun i en
  navnekolonne (fx Navn eller Borger); fornavn og efternavn i hver sin kolonne, når de tilsammen er en
  borgers navn. En celle, der blot er lig et navn på ét ord (fx "Birk" som træsort), ændres ikke.
  Et fornavn alene i en bemærkning genkendes ikke; gennemse bemærkninger selv.`;

/** Fail loudly, before anything is written, when the copy still holds a CPR number or a name. */
function refuseLeaks(findings: readonly PrivacyFinding[], out: string): void {
  if (findings.length === 0) return;
  throw new Error(
    `${out} er ikke skrevet: kopien ville stadig indeholde CPR-numre eller navne ${findings.length} steder:\n${describeFindings(findings)}\n` +
      "Ret eller fjern værdierne i projektmappen, og prøv igen."
  );
}

function keyRows(wb: XlsxWorkbook): PseudonymKeyRow[] {
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

    const original = await readWorkbookFile(input);
    const wb = await loadWorkbookBuffer(original, input);
    const key = keyRows(wb);
    const time = serialDateTime(new Date());
    if (mask) {
      const masker = cprMasker(key.flatMap((k) => (k.cpr ? [k.cpr] : [])));
      rewriteWorkbookCells(wb, masker);
      // A digest of a CPR number is broken by trying every number once the birth date shows: drop it.
      forgetImportedValuesIn(wb, ["CPR"]);
      const cells = masker.changed;
      appendLogEntries(wb, [
        { time, action: LOG_ACTIONS.maskCpr, table: TABLES.sager, key: null, column: "CPR", from: "fulde CPR-numre", to: `DDMMYY-XXXX (${cells} celler)` },
      ]);
      // Names stay in a masked workbook: the scan looks for CPR numbers only.
      const done = await rewrittenPackage(
        wb,
        (t) => masker.text(t),
        key.map((k) => ({ ...k, navn: null })),
        original
      );
      refuseLeaks(done.findings, out);
      await saveBytes(done.bytes, out);
      process.stdout.write(`Maskerede CPR-numre i ${cells} celler og ${done.otherPlaces} andre steder. Skrev ${out}.\n`);
      return 0;
    }
    const p = pseudonymiser(key);
    rewriteWorkbookCells(wb, p);
    forgetImportedValuesIn(wb, SENSITIVE_COLUMNS);
    const cells = p.changed;
    appendLogEntries(wb, [
      {
        time,
        action: LOG_ACTIONS.pseudonymise,
        table: TABLES.sager,
        key: null,
        column: "CPR, Navn",
        from: "CPR-numre og navne",
        to: `sags-id (${key.length} sager, ${cells} celler)`,
      },
    ]);
    const done = await rewrittenPackage(wb, (t) => p.text(t), key, original);
    refuseLeaks(done.findings, out);
    // The key first: a copy without its key could never be traced back.
    await writeFileAtomic(keyFile!, Buffer.from(keyCsv(key), "utf8"), 0o600);
    await saveBytes(done.bytes, out);
    process.stdout.write(`Erstattede CPR-numre og navne i ${cells} celler og ${done.otherPlaces} andre steder. Skrev ${out} og nøglen ${keyFile}.\n`);
    return 0;
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`sagsliste pseudonymise: ${err.message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
