// Findings a coordinator reads: a rule that fires on many rows is told once with the count (the cells
// stay marked in Sager), hidden rows once per sheet, and a missing place size with the weight used.
import type { Case } from "../domain/model";
import type { Finding } from "./findings";
import type { ColumnMapping } from "./mapping";
import { STATUS_REASON } from "./status-column";

/** A rule firing on more rows than this on one sheet becomes one finding with the count. */
export const REPEAT_LIMIT = 20;

/** Collapse findings with the same sheet, code and message on more than REPEAT_LIMIT rows. Order kept. */
export function collapseRepeated(findings: readonly Finding[], limit: number = REPEAT_LIMIT): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.cells) continue;
    const k = `${f.sheet}\u0000${f.severity}\u0000${f.code}\u0000${f.message}`;
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  const out: Finding[] = [];
  const done = new Set<Finding[]>();
  const groupOf = new Map<Finding, Finding[]>();
  for (const g of groups.values()) if (g.length > limit) for (const f of g) groupOf.set(f, g);
  for (const f of findings) {
    const g = groupOf.get(f);
    if (!g) {
      out.push(f);
      continue;
    }
    if (done.has(g)) continue;
    done.add(g);
    const rows = new Set(g.map((x) => x.cell.replace(/^[A-Z]+/, "")));
    out.push({
      ...g[0],
      message: `${g[0].message} Det gælder ${g.length} celler i ${rows.size} rækker på arket; de er markeret i Sager.`,
      original: null,
      cells: g.map((x) => x.cell),
    });
  }
  return out;
}

/** Rows hidden in the source (most often by a filter): one finding per sheet, not one per row. */
export function hiddenRowsFinding(sheet: string, hiddenRows: readonly number[]): Finding | null {
  if (hiddenRows.length === 0) return null;
  const shown = hiddenRows
    .slice(0, 10)
    .map((r) => r + 1)
    .join(", ");
  const more = hiddenRows.length > 10 ? ` og ${hiddenRows.length - 10} flere` : "";
  return {
    sheet,
    cell: `A${hiddenRows[0] + 1}`,
    severity: "advarsel",
    code: "SKJULTE_RAEKKER",
    message:
      `${hiddenRows.length} ${hiddenRows.length === 1 ? "række er skjult" : "rækker er skjult"} i originalarket, fx af et filter (række ${shown}${more}). ` +
      "De er importeret som alle andre rækker; kontrollér at de hører med.",
    original: null,
  };
}

interface PlaceRow {
  case: Case;
  sheet: string;
  row: number;
  unparsed: Partial<Record<keyof Case, string>> | null;
}

interface PlacePlan {
  sheet: string;
  /** 0-based header row (the lowest, for a two-row header). */
  headerRow: number;
  firstLetter: string;
  /** Data rows converted from this region. */
  rows: number;
  /** Source column of Pladstype, if the list has one. */
  letter: string | undefined;
}

/** A missing Pladstype counts as a full place: say so, naming the weight used. */
export function missingPlaceFindings(rows: readonly PlaceRow[], plans: readonly PlacePlan[]): Finding[] {
  const out: Finding[] = [];
  const letterOf = new Map<string, string | undefined>();
  for (const p of plans) {
    letterOf.set(p.sheet, p.letter);
    if (p.letter === undefined && p.rows > 0)
      out.push({
        sheet: p.sheet,
        cell: `${p.firstLetter}${p.headerRow + 1}`,
        severity: "advarsel",
        code: "PLADSTYPE_KOLONNE_MANGLER",
        message:
          "Listen har ingen kolonne for Pladstype, så alle sager tæller som fulde pladser (Pladsvægt 1). Skriv Deltid i Pladstype i Sager ved deltidspladser.",
        original: null,
      });
  }
  for (const r of rows) {
    const letter = letterOf.get(r.sheet);
    if (letter === undefined || r.case.pladstype !== null || r.unparsed?.pladstype !== undefined) continue;
    out.push({
      sheet: r.sheet,
      cell: `${letter}${r.row + 1}`,
      severity: "advarsel",
      code: "PLADSTYPE_MANGLER",
      message: "Pladstypen mangler, så sagen tæller som en fuld plads (Pladsvægt 1). Skriv Deltid, hvis det er en deltidsplads.",
      original: null,
    });
  }
  return out;
}

/** Every column accounted for: an unmapped column named once, with its best guess. */
export function unmappedColumnFinding(m: ColumnMapping, headerRow: number): Finding {
  const name = m.header.trim() ? `'${m.header.trim()}'` : `${m.letter} (uden overskrift)`;
  if (m.reason.startsWith(STATUS_REASON))
    return {
      sheet: m.sheet,
      cell: `${m.letter}${headerRow + 1}`,
      severity: "info",
      code: "STATUSKOLONNE",
      message: `Kolonnen ${name} er læst som borgernes status og bevaret som den er, til højre i Sager. ${m.reason} Vælg 'behold som den er' for kolonnen i tilknytningen, hvis den ikke skal læses sådan.`,
      original: m.header || null,
    };
  const guess = m.guess
    ? ` Bedste gæt: ${m.guess.column} (sikkerhed ${Math.round(m.guess.confidence * 100)} %). Vælg ${m.guess.column} for kolonnen i tilknytningen, hvis det er rigtigt.`
    : " Vælg en kolonne i Sager for den i tilknytningen, hvis den hører til en.";
  return {
    sheet: m.sheet,
    cell: `${m.letter}${headerRow + 1}`,
    severity: m.guess ? "advarsel" : "info",
    code: "KOLONNE_IKKE_TILKNYTTET",
    message: `Kolonnen ${name} er ikke knyttet til en kolonne i Sager og er bevaret som den er, til højre i Sager.${guess}`,
    original: m.header || null,
  };
}
