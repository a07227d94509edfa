// The `sagsliste` command: the task pane's twin over .xlsx files. Exit codes: 0 ok, 1 the input
// could not be used (a clear message on stderr), 2 wrong usage.
import { UsageError } from "./args";
import { runConvert } from "./convert-command";
import { runDemo } from "./demo-command";
import { runReport } from "./report-command";
import { runCheck } from "./check-command";
import { runPseudonymise } from "./pseudonymise-command";
import { VERSION } from "./version";

export const HELP = `sagsliste ${VERSION} – gør en sagsliste i Excel til strukturerede tabeller med levende formler.

Brug:
  sagsliste demo [--out MAPPE] [--rows N] [--seed N]
      Laver en realistisk, rodet eksempel-sagsliste og konverterer den.
      Skriver MAPPE/sagsliste-eksempel.xlsx og MAPPE/sagsliste-eksempel-struktureret.xlsx.
  sagsliste convert IND.xlsx -o UD.xlsx [--json] [--no-merge] [--map "Kilde=Kolonne"] [--ref-date ÅÅÅÅ-MM-DD]
      Konverterer en eksisterende sagsliste. Originalarket røres ikke; UD.xlsx får tabellerne
      Sager, Fremmoede, Statusmaalinger, Maal, Visitationer, opsætningen og Problemer.
      --json skriver fundne områder, kolonnetilknytning med sikkerhed, rækketal og alle fund.
  sagsliste report PROJEKTMAPPE.xlsx --year ÅÅÅÅ [-o UD.xlsx] [--publish] [--json]
      Tilføjer Nøgletal, Pladsregulering og Kvartalsoversigt som levende formler, eller skriver
      en diskretioneret offentliggørelsesudgave (--publish).
  sagsliste check PROJEKTMAPPE.xlsx [--repair] [-o UD.xlsx] [--json]
      Kontrollerer formler, tabeller, navne og opsætning; --repair sætter formlerne tilbage (aldrig data).
  sagsliste pseudonymise IND.xlsx -o UD.xlsx --key NØGLE.csv | --mask-cpr [-o UD.xlsx]
      Erstatter CPR-numre og navne med sags-id (nøglen i en separat fil), eller maskerer CPR (DDMMYY-XXXX).

  'sagsliste KOMMANDO --help' viser alle tilvalg for en kommando.

Tilvalg:
  -h, --help       Vis denne hjælp
  -v, --version    Vis versionen

Intet sendes nogen steder hen: sagslisten bliver på din maskine.`;

export async function run(argv: string[]): Promise<number> {
  const [command] = argv;
  try {
    switch (command) {
      case undefined:
      case "-h":
      case "--help":
      case "help":
        process.stdout.write(HELP + "\n");
        return command === undefined ? 2 : 0;
      case "-v":
      case "--version":
        process.stdout.write(VERSION + "\n");
        return 0;
      case "demo":
        return await runDemo(argv.slice(1));
      case "convert":
        return await runConvert(argv.slice(1));
      case "report":
        return await runReport(argv.slice(1));
      case "check":
        return await runCheck(argv.slice(1));
      case "pseudonymise":
        return await runPseudonymise(argv.slice(1));
      default:
        throw new UsageError(`Ukendt kommando: ${command}. Se 'sagsliste --help'.`);
    }
  } catch (e) {
    const err = e as Error;
    process.stderr.write(`sagsliste: ${err.message}\n`);
    return err instanceof UsageError ? 2 : 1;
  }
}
