// The cases of `Sager` as the forms need them: who is active on a day, in which unit, and a search
// by Sags-ID or name. Units compare as one identity (domain/text.ts): case, spacing, accents and
// the definite ending ignored.
import { sameText } from "../../domain/instruments";
import type { Case } from "../../domain/model";
import type { TableContents } from "../../ports/workbook-port";
import { caseFromCells } from "../../workbook/row-values";
import { serialDate, tableRows, text } from "./table-rows";

export interface CaseRow extends Case {
  /** Row index in `Sager`. */
  index: number;
}

const CELLS = { text, date: serialDate };

export function casesFrom(t: TableContents | null): CaseRow[] {
  const out: CaseRow[] = [];
  for (const r of tableRows(t)) {
    const c = caseFromCells(r.get, CELLS);
    if (!c.sagsId) continue;
    out.push({ index: r.index, ...c });
  }
  return out;
}

/** Units compare as one identity everywhere (domain/text.ts): case, spacing, accents, definite endings. */
export { sameUnit, unitKey } from "../../domain/text";
import { sameUnit } from "../../domain/text";

/** Enrolled on the day: enrolment on or before it, and no discharge before it (the discharge day counts). */
export function isActiveOn(c: Case, day: number): boolean {
  return c.indskrevet !== null && c.indskrevet <= day && (c.udskrevet === null || c.udskrevet >= day);
}

/** Cases active on the day, optionally in one unit, ordered by name then Sags-ID. */
export function activeCasesOn<C extends Case>(cases: readonly C[], day: number, unit?: string): C[] {
  return cases
    .filter((c) => isActiveOn(c, day) && (unit === undefined || sameUnit(c.enhed, unit)))
    .sort((a, b) => (a.navn ?? "").localeCompare(b.navn ?? "", "da") || a.sagsId.localeCompare(b.sagsId, "da"));
}

/** Cases whose Sags-ID or name contains the query (ignoring case); all of them for an empty query. */
export function searchCases<C extends Case>(cases: readonly C[], query: string): C[] {
  const q = query.trim().toLowerCase();
  if (q === "") return [...cases];
  return cases.filter((c) => c.sagsId.toLowerCase().includes(q) || (c.navn ?? "").toLowerCase().includes(q));
}

export function findCase<C extends Case>(cases: readonly C[], sagsId: string): C | undefined {
  return cases.find((c) => sameText(c.sagsId, sagsId));
}

/** "Navn (Sags-ID)", or the Sags-ID alone when the name is missing. */
export function caseLabel(c: Case): string {
  return c.navn ? `${c.navn} (${c.sagsId})` : c.sagsId;
}

/**
 * The next free id of the form PREFIX + number, e.g. "S-0042": one more than the highest number among
 * ids with that prefix, padded to four digits, skipping any id already taken in another form.
 */
export function nextId(existing: readonly string[], prefix: string): string {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  let n = 0;
  for (const id of existing) {
    if (!id.toLowerCase().startsWith(prefix.toLowerCase())) continue;
    const m = /^(\d+)$/.exec(id.slice(prefix.length));
    if (m) n = Math.max(n, Number(m[1]));
  }
  let candidate: string;
  do candidate = `${prefix}${String(++n).padStart(4, "0")}`;
  while (taken.has(candidate.toLowerCase()));
  return candidate;
}
