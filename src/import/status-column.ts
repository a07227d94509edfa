// A status column ("Aktiv", "Afsluttet", "Venteliste") read for what it means: a case the list calls
// discharged while it has no discharge date would count as active, so it becomes a finding. The column
// itself is kept as it is (an extra column of Sager); its meaning is told in the mapping's reason.
import type { Case } from "../domain/model";
import type { Finding } from "./findings";
import type { RawCell, SheetGrid } from "./grid";
import { USER_CHOICE, type ColumnMapping } from "./mapping";
import { normaliseValue } from "./normalise";

export type StatusMeaning = "udskrevet" | "venteliste" | "aktiv";

const MEANINGS: readonly [StatusMeaning, RegExp][] = [
  [
    "udskrevet",
    /^(afsluttet|afslut|udskrevet|udskr|stoppet|ophoert|ophort|slut|faerdig|lukket|afgang|afgaaet|inaktiv|ikke aktiv|tidligere|exit|closed|ended)\b/,
  ],
  ["venteliste", /^(venteliste|venter|ventende|paa venteliste|visiteret|afventer|kommende|waiting)\b/],
  ["aktiv", /^(aktiv|igang|i gang|indskrevet|i forloeb|igangvaerende|fortsaetter|active)\b/],
];

/** What a status cell says, or null. */
export function statusMeaning(v: RawCell): StatusMeaning | null {
  if (typeof v !== "string") return null;
  const n = normaliseValue(v);
  if (n === "") return null;
  for (const [meaning, re] of MEANINGS) if (re.test(n)) return meaning;
  return null;
}

const RE_STATUS_HEADER = /status|forloeb|aktiv|tilstand/;
/** How the mapping's reason for a status column begins. */
export const STATUS_REASON = "Statuskolonne";

/** The unmapped column of a region that is a status column (by header or by its cells), if any. */
export function findStatusColumn(grid: SheetGrid, dataRows: readonly number[], columns: ColumnMapping[]): ColumnMapping | null {
  for (const m of columns) {
    // Kept as it is by the user's own choice: not read for a meaning either.
    if (m.target !== null || m.reason === USER_CHOICE) continue;
    let filled = 0;
    let read = 0;
    const step = Math.max(1, Math.floor(dataRows.length / 300));
    for (let i = 0; i < dataRows.length; i += step) {
      const v = grid.cells[dataRows[i]]?.[m.index] ?? null;
      if (v === null || v === "") continue;
      filled++;
      if (statusMeaning(v)) read++;
    }
    if (filled === 0) continue;
    const share = read / filled;
    if (share >= 0.8 || (share >= 0.5 && RE_STATUS_HEADER.test(normaliseValue(m.header)))) {
      m.reason = `${STATUS_REASON} (${Math.round(share * 100)} % af cellerne læst): 'Afsluttet', 'Udskrevet' og lignende betyder udskrevet, 'Venteliste' venter, 'Aktiv' aktiv. Kolonnen bevares som den er; en udskrevet sag uden dato bliver et fund.`;
      return m;
    }
  }
  return null;
}

interface StatusRow {
  case: Case;
  sheet: string;
  row: number;
  unparsed: Partial<Record<keyof Case, string>> | null;
}

/** A case the status column calls discharged, with no discharge date: it would count as active. */
export function statusFindings(rows: readonly StatusRow[], grid: SheetGrid, column: ColumnMapping): Finding[] {
  const out: Finding[] = [];
  for (const r of rows) {
    const v = grid.cells[r.row]?.[column.index] ?? null;
    const meaning = statusMeaning(v);
    if (meaning === "udskrevet" && r.case.udskrevet === null && r.unparsed?.udskrevet === undefined)
      out.push({
        sheet: r.sheet,
        cell: `${column.letter}${r.row + 1}`,
        severity: "fejl",
        code: "UDSKREVET_UDEN_DATO",
        message:
          "Listen siger, at borgeren er udskrevet, men sagen har ingen udskrivningsdato og tæller derfor som aktiv. Skriv udskrivningsdatoen i Udskrevet i Sager.",
        original: typeof v === "string" ? v : null,
      });
    else if (meaning === "venteliste" && r.case.indskrevet !== null && r.case.udskrevet === null)
      out.push({
        sheet: r.sheet,
        cell: `${column.letter}${r.row + 1}`,
        severity: "advarsel",
        code: "VENTELISTE_MED_INDSKRIVNING",
        message:
          "Listen siger, at borgeren venter, men sagen har en indskrivningsdato og tæller derfor som aktiv. Fjern datoen, hvis borgeren ikke er startet.",
        original: typeof v === "string" ? v : null,
      });
  }
  return out;
}
