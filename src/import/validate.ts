// Validation of converted cases against the rules of one case (src/domain/case-rules.ts) and across
// cases: duplicate Sags-ID, the same CPR active twice in one unit, units not on the unit list.
// Findings point at the SOURCE cell. Linear or n log n: sorting by enrolment within each CPR+unit group.
import type { Case } from "../domain/model";
import { caseRowIssues } from "../domain/case-rules";
import type { CaseKey } from "./fields";
import type { Finding } from "./findings";
import { sameUnit } from "../domain/text";
import { isWaiting } from "./list-meaning";
import { unitKey } from "./normalise";

export interface ValidationRow {
  case: Case;
  sheet: string;
  /** 0-based source row. */
  row: number;
  /** Source column letter per mapped field. */
  letters: Partial<Record<CaseKey, string>>;
  /** Fields whose source text could not be parsed (already reported). */
  unparsed: Partial<Record<CaseKey, string>> | null;
}

export interface ValidationOptions {
  /** Known unit names (the `Enheder` table); when given, other units are flagged. */
  units?: readonly string[];
}

/** `original` gives a row's source text for a field (the findings' "Oprindelig værdi"). */
export function validateRows(
  rows: readonly ValidationRow[],
  options: ValidationOptions,
  original: (row: ValidationRow, key: CaseKey) => string | null
): Finding[] {
  const findings: Finding[] = [];
  const at = (r: ValidationRow, key: CaseKey, severity: Finding["severity"], code: string, message: string) => {
    const letter = r.letters[key];
    if (letter === undefined) return;
    findings.push({ sheet: r.sheet, cell: `${letter}${r.row + 1}`, severity, code, message, original: original(r, key) });
  };

  for (const r of rows) {
    for (const issue of caseRowIssues(r.case)) {
      // A date that could not be read is reported once, as unreadable, not again as missing.
      if (issue.code === "INDSKREVET_MANGLER" && r.unparsed?.indskrevet !== undefined) continue;
      // A citizen on the waiting list has a visitation and no start yet: a visitation, not an error.
      if (issue.code === "INDSKREVET_MANGLER" && isWaiting(r.case, r.unparsed)) continue;
      if (issue.code === "UDSKRIVNINGSAARSAG_MANGLER" && r.letters.udskrivningsaarsag === undefined) continue;
      at(r, issue.field, issue.severity, issue.code, issue.message);
    }
  }

  const firstById = new Map<string, ValidationRow>();
  for (const r of rows) {
    const id = r.case.sagsId;
    const first = firstById.get(id);
    if (!first) firstById.set(id, r);
    else
      at(
        r,
        "sagsId",
        "fejl",
        "SAGSID_DUBLET",
        `Sags-ID'et findes allerede i række ${first.row + 1} på arket '${first.sheet}'. Giv sagen et nyt, entydigt Sags-ID.`
      );
  }

  // Group by CPR first (no key building per row); most citizens have one case, so units are split rarely.
  const byCpr = new Map<string, ValidationRow | ValidationRow[]>();
  for (const r of rows) {
    const c = r.case;
    if (!c.cpr || c.indskrevet === null || r.unparsed?.cpr !== undefined) continue;
    const g = byCpr.get(c.cpr);
    if (g === undefined) byCpr.set(c.cpr, r);
    else if (Array.isArray(g)) g.push(r);
    else byCpr.set(c.cpr, [g, r]);
  }
  const groups: ValidationRow[][] = [];
  for (const g of byCpr.values()) {
    if (!Array.isArray(g)) continue;
    const byUnit = new Map<string, ValidationRow[]>();
    for (const r of g) {
      const k = unitKey(r.case.enhed);
      const l = byUnit.get(k);
      if (l) l.push(r);
      else byUnit.set(k, [r]);
    }
    for (const l of byUnit.values()) if (l.length > 1) groups.push(l);
  }
  for (const g of groups) {
    g.sort((a, b) => a.case.indskrevet! - b.case.indskrevet! || a.row - b.row);
    let open = g[0];
    let openEnd = open.case.udskrevet ?? Infinity;
    for (let i = 1; i < g.length; i++) {
      const r = g[i];
      if (r.case.indskrevet! <= openEnd) {
        at(
          r,
          "cpr",
          "fejl",
          "CPR_DOBBELT_AKTIV",
          `Borgeren er indskrevet to gange i samme enhed i samme periode (se også række ${open.row + 1} på arket '${open.sheet}'). Udskriv den ene sag eller ret datoerne.`
        );
      }
      const end = r.case.udskrevet ?? Infinity;
      if (end > openEnd) {
        open = r;
        openEnd = end;
      }
    }
  }

  if (options.units && options.units.length) {
    const units = options.units;
    const list = units.join(", ");
    const known = new Map<string, boolean>();
    const isKnown = (e: string) => {
      let k = known.get(e);
      if (k === undefined) known.set(e, (k = units.some((u) => sameUnit(u, e))));
      return k;
    };
    for (const r of rows) {
      if (r.case.enhed !== "" && !isKnown(r.case.enhed))
        at(r, "enhed", "fejl", "ENHED_UKENDT", `Enheden findes ikke i tabellen Enheder (${list}). Ret stavningen eller opret enheden på Opsætning.`);
    }
  }
  return findings;
}
