// The privacy scan: before a published overview or a pseudonymised copy is written, every text it holds
// (each part of the package, its JSON) is searched for CPR numbers in any spelling and for the names of
// the source's citizens. Pure: texts and citizens in, findings with their part and place out. The
// adapters gather the texts (src/adapters/xlsx/package-parts.ts for files, planTexts below for a plan).
import type { Plan } from "./plan";

/** A citizen of the source: the numbers and names that must not leave it. */
export interface Citizen {
  sagsId: string;
  cpr: string | null;
  navn: string | null;
}

/** One text of the output and where it stands: the part of the package and the place in it. */
export interface ScanText {
  part: string;
  location: string;
  text: string;
  /**
   * The pieces the text is joined from (a row's cells): a finding is placed in the piece that holds it,
   * or in the whole when it only shows joined (a first name and a surname in two cells).
   */
  cells?: { location: string; text: string }[];
}

export interface PrivacyFinding {
  part: string;
  location: string;
  kind: "cpr" | "navn";
  /** The case whose number or name was found, or null for a CPR number of no known case. */
  sagsId: string | null;
}

/** Separators Danish CPR numbers are written with: hyphen, en and em dash, non-breaking hyphen, spaces. */
export const CPR_SEPARATOR = "[-\u2010\u2011\u2012\u2013\u2014 \u00a0]";

/** Ten digits as DDMMYY-SSSS in any spelling, not inside a longer number or a decimal fraction. */
const CPR_10 = new RegExp(`(?<!\\d)(?<!\\d[.,])(\\d{6})${CPR_SEPARATOR}?(\\d{4})(?!\\d|\\.\\d)`, "g");
/** Nine digits: a CPR number stored as a number loses its leading zero. */
const DIGITS_9 = /(?<!\d)(?<!\d[.,])\d{9}(?!\d|\.\d)/g;

/** The ten digits of a CPR number written in any of its spellings (nine digits: the zero put back). */
export function cprDigits(cpr: string): string | null {
  const d = cpr.replace(/\D/g, "");
  if (d.length === 10) return d;
  if (d.length === 9) return "0" + d;
  return null;
}

/** Does DDMMYY read as a day of a month? */
export function plausibleCprDate(sixDigits: string): boolean {
  const day = Number(sixDigits.slice(0, 2));
  const month = Number(sixDigits.slice(2, 4));
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** A word of a name (letters and digits, joined by a hyphen or an apostrophe), or %20 between words. */
const WORD = /%20|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
/** Between a name's words: spaces, or how names are joined in e-mail addresses and links. */
const NAME_GAP = /^(?:\s|%20|[+._])+$/;

/** A name's key: its words in lower case, one space apart ("J. Hansen" and "j hansen" agree). */
export function nameKey(name: string): string {
  return [...name.matchAll(WORD)]
    .map((m) => m[0])
    .filter((w) => w !== "%20")
    .join(" ")
    .toLowerCase();
}

export interface NameMatch {
  start: number;
  end: number;
  /** The key of the name found (see nameKey). */
  key: string;
}

/**
 * Finds names as names: whole words, any case, the words separated by spaces, %20, +, . or _ (links
 * and e-mail addresses). Only names of two words or more: a one-word name is an ordinary word too, and
 * is matched only where a column says it is a name. Word by word with a lookup, so a text costs the
 * same however many names there are.
 */
export class NameFinder {
  private readonly byFirst = new Map<string, string[][]>();
  readonly size: number;

  constructor(names: Iterable<string>) {
    const keys = new Set<string>();
    for (const n of names) {
      const key = nameKey(n);
      if (key.includes(" ")) keys.add(key);
    }
    for (const key of keys) {
      const words = key.split(" ");
      const list = this.byFirst.get(words[0]);
      if (list) list.push(words);
      else this.byFirst.set(words[0], [words]);
    }
    // Longest names first, so "Mette Hansen Ali" is found before "Mette Hansen".
    for (const list of this.byFirst.values()) list.sort((a, b) => b.length - a.length);
    this.size = keys.size;
  }

  find(text: string): NameMatch[] {
    if (this.size === 0) return [];
    const words = [...text.matchAll(WORD)].filter((m) => m[0] !== "%20");
    const out: NameMatch[] = [];
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirst.get(words[i][0].toLowerCase());
      if (!candidates) continue;
      const hit = candidates.find((name) => {
        if (i + name.length > words.length) return false;
        for (let k = 1; k < name.length; k++) {
          const prev = words[i + k - 1];
          const word = words[i + k];
          if (word[0].toLowerCase() !== name[k]) return false;
          if (!NAME_GAP.test(text.slice(prev.index! + prev[0].length, word.index))) return false;
        }
        return true;
      });
      if (!hit) continue;
      const last = words[i + hit.length - 1];
      out.push({ start: words[i].index!, end: last.index! + last[0].length, key: hit.join(" ") });
      i += hit.length - 1;
    }
    return out;
  }

  /** The text with every name found replaced. */
  replace(text: string, by: (key: string) => string): string {
    const found = this.find(text);
    let out = text;
    for (let i = found.length - 1; i >= 0; i--) out = out.slice(0, found[i].start) + by(found[i].key) + out.slice(found[i].end);
    return out;
  }
}

/** Header and footer codes (&L, &C, &R, &P, &"font"...) stand glued to the text; keep them apart. */
function withoutHeaderCodes(text: string): string {
  return text.replace(/&(?:"[^"]*"|\d+|[A-Za-z])/g, " ");
}

/** Every CPR number and citizen name in the texts. A text is searched as it is and with %-escapes undone. */
export function scanTexts(texts: readonly ScanText[], citizens: readonly Citizen[]): PrivacyFinding[] {
  const byCpr = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const c of citizens) {
    const d = c.cpr ? cprDigits(c.cpr) : null;
    if (d) byCpr.set(d, c.sagsId);
    if (c.navn && c.navn.trim() !== "") byName.set(nameKey(c.navn), c.sagsId);
  }
  const names = new NameFinder(byName.keys());
  const findings: PrivacyFinding[] = [];
  const seen = new Set<string>();
  const add = (t: ScanText, kind: PrivacyFinding["kind"], sagsId: string | null) => {
    const key = `${t.part}\u0000${t.location}\u0000${kind}\u0000${sagsId}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({ part: t.part, location: t.location, kind, sagsId });
  };
  const hits = (text: string): { kind: PrivacyFinding["kind"]; sagsId: string | null }[] => {
    const out: { kind: PrivacyFinding["kind"]; sagsId: string | null }[] = [];
    const variants = [text];
    if (text.includes("%")) {
      try {
        variants.push(decodeURIComponent(text));
      } catch {
        // Not a valid escape: the text as it is was searched.
      }
    }
    if (text.includes("&")) variants.push(withoutHeaderCodes(text));
    for (const v of variants) {
      for (const m of v.matchAll(CPR_10)) {
        const id = byCpr.get(m[1] + m[2]);
        if (id !== undefined) out.push({ kind: "cpr", sagsId: id });
        else if (plausibleCprDate(m[1])) out.push({ kind: "cpr", sagsId: null });
      }
      for (const m of v.matchAll(DIGITS_9)) {
        const id = byCpr.get("0" + m[0]);
        if (id !== undefined) out.push({ kind: "cpr", sagsId: id });
      }
      for (const m of names.find(v)) out.push({ kind: "navn", sagsId: byName.get(m.key) ?? null });
    }
    return out;
  };
  for (const t of texts) {
    const found = hits(t.text);
    if (found.length === 0) continue;
    const placed = new Set<string>();
    for (const c of t.cells ?? []) {
      for (const h of hits(c.text)) {
        add({ ...t, location: c.location }, h.kind, h.sagsId);
        placed.add(`${h.kind}\u0000${h.sagsId}`);
      }
    }
    for (const h of found) if (!placed.has(`${h.kind}\u0000${h.sagsId}`)) add(t, h.kind, h.sagsId);
  }
  return findings;
}

/** One Danish line per finding: where, and what (the case id, never the number or name itself). */
export function describeFinding(f: PrivacyFinding): string {
  const what =
    f.kind === "cpr" ? (f.sagsId ? `CPR-nummeret på sag ${f.sagsId}` : "et CPR-nummer") : f.sagsId ? `navnet på borgeren i sag ${f.sagsId}` : "et borgernavn";
  return `${f.part}, ${f.location}: ${what}`;
}

/** A short Danish account of the findings: per part how many places, and the first of them in full. */
export function describeFindings(findings: readonly PrivacyFinding[], perPart = 3): string {
  const byPart = new Map<string, PrivacyFinding[]>();
  for (const f of findings) {
    const list = byPart.get(f.part);
    if (list) list.push(f);
    else byPart.set(f.part, [f]);
  }
  const lines: string[] = [];
  for (const [part, list] of byPart) {
    if (list.length > perPart) lines.push(`  ${part}: ${list.length} steder, heriblandt:`);
    for (const f of list.slice(0, perPart)) lines.push(`  ${describeFinding(f)}`);
  }
  return lines.join("\n");
}

/** One short Danish sentence per part: how many places, the first few, and whose number or name. */
export function summariseFindings(findings: readonly PrivacyFinding[], perPart = 3): string {
  const byPart = new Map<string, PrivacyFinding[]>();
  for (const f of findings) byPart.set(f.part, [...(byPart.get(f.part) ?? []), f]);
  return [...byPart]
    .map(([part, list]) => {
      const places = list
        .slice(0, perPart)
        .map((f) => f.location)
        .join(", ");
      const cases = [...new Set(list.map((f) => f.sagsId).filter((id): id is string => id !== null))].slice(0, perPart);
      const whose = cases.length > 0 ? `, sag ${cases.join(", ")}` : "";
      return `${part}: ${list.length === 1 ? "1 sted" : `${list.length} steder`} (${places}${list.length > perPart ? " …" : ""}${whose})`;
    })
    .join("; ");
}

/** Every text a plan would write: sheet, table and column names, cell values and table rows. */
export function planTexts(plan: Plan): ScanText[] {
  const out: ScanText[] = [];
  for (const s of plan.sheets) {
    out.push({ part: `ark ${s.name}`, location: "arkets navn", text: s.name });
    for (const c of s.cells ?? []) {
      const v = c.value;
      const text = v !== null && typeof v === "object" ? v.formula : v === null ? "" : String(v);
      if (text !== "") out.push({ part: `ark ${s.name}`, location: `celle ${c.address}`, text });
    }
    for (const t of s.tables) {
      out.push({ part: `ark ${s.name}`, location: `tabel ${t.name}`, text: [t.name, ...t.columns.map((c) => c.name)].join(" ") });
      t.rows.forEach((r, i) => {
        const text = r.map((v) => (v === null ? "" : String(v))).join(" ");
        out.push({ part: `ark ${s.name}`, location: `tabel ${t.name} række ${i + 1}`, text });
      });
    }
  }
  for (const n of plan.names) out.push({ part: "definerede navne", location: n.name, text: `${n.name} ${n.refersTo}` });
  return out;
}
