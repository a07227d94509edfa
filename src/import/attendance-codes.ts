// What an attendance cell says, as a status of Fremmoedestatus with a confidence: the status's own
// code or name, a Danish synonym ("til stede", "sygdom", "afspadsering"), a tick ("x", "✓", "1"),
// a fraction for part of a day, or a unit's own abbreviation. Each distinct value is proposed once,
// counted, and confirmed like a column mapping; unknown values are kept verbatim and reported once.
import { FREMMOEDESTATUSSER } from "../domain/enums";
import type { Finding } from "./findings";
import { normaliseValue } from "./normalise";

export interface StatusProposal {
  /** The Fremmoedestatus name, or null when the value is not understood. */
  status: string | null;
  /** 0..1, as a column mapping's. */
  confidence: number;
  /** Why, in Danish. */
  reason: string;
}

/** One distinct value of the attendance sheets and what it was read as. */
export interface AttendanceCodeMapping extends StatusProposal {
  /** The value as first seen (trimmed). */
  value: string;
  /** Registrations carrying it. */
  count: number;
  /** The first cell holding it. */
  sheet: string;
  cell: string;
}

/** Confirmed readings of values, by the value as written: a status name, or null for "not a status". */
export type AttendanceCodeOverrides = Readonly<Record<string, string | null>>;

/** A value read below this confidence is reported, so the user confirms it. */
export const CODE_CONFIRM_BELOW = 0.75;

const byCode = (code: string) => FREMMOEDESTATUSSER.find((s) => s.code === code)!.status;

/** Words people write for each status (by code), read with confidence 0.9. */
export const STATUS_SYNONYMS: Record<string, readonly string[]> = {
  M: ["mødt", "mødte", "møde", "til stede", "tilstede", "fremmødt", "fremmøde", "present"],
  D: ["delvist mødt", "delvis mødt", "delvist", "delvis", "halv dag", "halv", "halvdag", "kort dag", "gik tidligt", "kom sent"],
  P: ["praktik", "ekstern aktivitet", "ekstern", "praktik / ekstern aktivitet", "virksomhedspraktik"],
  S: ["syg", "sygdom", "sygemeldt", "sygemelding", "syg meldt", "barn syg", "lovligt fravær", "lovligt fravaer", "lovlig fravær"],
  U: ["udeblevet", "udeblivelse", "udeblev", "ulovligt fravær", "ulovligt fravaer", "ulovlig fravær", "ikke mødt", "ikke mødt op", "no show", "uden afbud"],
  F: ["ferie", "feriedag", "ferie fri"],
  A: ["aftalt fri", "fri", "afspadsering", "afspadseret", "fridag", "friheds dag", "fri efter aftale"],
  L: ["lukket", "lukkedag", "lukket dag", "helligdag"],
};

/** Words whose reading is a guess the user should confirm (confidence 0.6). */
const UNCERTAIN: Record<string, readonly string[]> = {
  A: ["afbud", "meldt afbud", "aflyst", "orlov", "fravær", "fravaer"],
  P: ["kursus", "møde på jobcenter", "jobcenter", "samtale"],
  D: ["sen", "for sent"],
};

/** Ticks mean present (confidence 0.9). */
const TICKS = ["x", "✓", "✔", "☑", "1", "ja", "j", "+", "•"];
/** Fractions mean part of a day (confidence 0.8). */
const FRACTIONS = /^(½|¼|¾|0?[.,]\d+|\d\s*\/\s*\d)$/;

interface Entry {
  status: string;
  confidence: number;
  reason: string;
}

const VOCABULARY: ReadonlyMap<string, Entry> = (() => {
  const m = new Map<string, Entry>();
  const put = (word: string, e: Entry) => {
    const k = normaliseValue(word);
    if (k !== "" && !m.has(k)) m.set(k, e);
  };
  for (const s of FREMMOEDESTATUSSER) {
    put(s.status, { status: s.status, confidence: 1, reason: "Statussens navn i Fremmoedestatus." });
    put(s.code, { status: s.status, confidence: 1, reason: "Statussens kode i Fremmoedestatus." });
  }
  for (const [code, words] of Object.entries(STATUS_SYNONYMS))
    for (const w of words) put(w, { status: byCode(code), confidence: 0.9, reason: `Et almindeligt ord for ${byCode(code)}.` });
  for (const [code, words] of Object.entries(UNCERTAIN))
    for (const w of words) put(w, { status: byCode(code), confidence: 0.6, reason: `Tolket som ${byCode(code)}; ordet kan betyde andet hos jer.` });
  return m;
})();

/** Every key of the vocabulary of at least three letters, for prefixes ("sygemelding" -> syg). */
const PREFIXES = [...VOCABULARY.entries()].filter(([k]) => k.length >= 3).sort((a, b) => b[0].length - a[0].length);

/** What one value of an attendance cell says (before any confirmed reading). */
export function proposeStatus(raw: string): StatusProposal {
  const text = raw.trim();
  const lower = text.toLowerCase();
  if (TICKS.includes(lower)) return { status: byCode("M"), confidence: 0.9, reason: "Et flueben eller kryds betyder mødt." };
  if (FRACTIONS.test(lower)) return { status: byCode("D"), confidence: 0.8, reason: "En brøkdel af en dag betyder delvist mødt." };
  const key = normaliseValue(text);
  if (key === "") return { status: null, confidence: 0, reason: "Tom." };
  const exact = VOCABULARY.get(key);
  if (exact) return exact;
  // One letter in another letter case, or a known word with more after it ("syg (barn)", "ferie uge 7").
  for (const [k, e] of PREFIXES) {
    if (key.startsWith(k + " ") || (k.length >= 4 && key.startsWith(k)))
      return { status: e.status, confidence: Math.min(e.confidence, 0.7), reason: `Begynder med '${k}': ${e.status}.` };
  }
  // A unit's own short abbreviation: two or three letters that begin exactly one status's words.
  if (/^[a-zæøå]{2,3}\.?$/i.test(text)) {
    const ab = normaliseValue(text.replace(/\.$/, ""));
    const hits = new Set<string>();
    for (const [k, e] of VOCABULARY) if (e.confidence >= 0.9 && k.startsWith(ab) && k.length > ab.length) hits.add(e.status);
    if (hits.size === 1) {
      const status = [...hits][0];
      return { status, confidence: 0.6, reason: `Forkortelse, der kun passer på ${status}.` };
    }
  }
  return { status: null, confidence: 0, reason: "Ikke en kendt fremmødekode eller et kendt ord." };
}

/**
 * The distinct values of one import's attendance sheets: each proposed once (or read as the user
 * confirmed it), counted, and reported once when unknown or uncertain.
 */
export class CodeBook {
  private readonly byKey = new Map<string, AttendanceCodeMapping>();

  constructor(private readonly overrides: AttendanceCodeOverrides = {}) {}

  /** The status of a value; null when unknown (the caller keeps the value verbatim). */
  read(raw: string, sheet: string, cell: string): string | null {
    const value = raw.trim();
    const key = value.toLowerCase();
    let m = this.byKey.get(key);
    if (!m) {
      m = { value, count: 0, sheet, cell, ...this.proposal(value) };
      this.byKey.set(key, m);
    }
    m.count++;
    return m.status;
  }

  private proposal(value: string): StatusProposal {
    const confirmed = Object.entries(this.overrides).find(([k]) => k.trim().toLowerCase() === value.toLowerCase());
    if (confirmed) {
      const status =
        confirmed[1] === null ? null : (FREMMOEDESTATUSSER.find((s) => normaliseValue(s.status) === normaliseValue(confirmed[1]!))?.status ?? null);
      return status === null
        ? { status: null, confidence: 1, reason: "Valgt: ikke en status." }
        : { status, confidence: 1, reason: "Valgt ved tilknytningen." };
    }
    return proposeStatus(value);
  }

  /** Every distinct value, most used first. */
  mappings(): AttendanceCodeMapping[] {
    return [...this.byKey.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }

  /** One finding per unknown value and per value read with low confidence. */
  findings(): Finding[] {
    const out: Finding[] = [];
    const n = (c: number) => `${c} ${c === 1 ? "registrering" : "registreringer"}`;
    for (const m of this.byKey.values()) {
      if (m.status === null && m.reason !== "Valgt: ikke en status.")
        out.push({
          sheet: m.sheet,
          cell: m.cell,
          severity: "advarsel",
          code: "FREMMOEDE_UKENDT_KODE",
          message:
            `Ukendt fremmødekode '${m.value}' (${n(m.count)}). Registreringerne er importeret med koden som status og tæller ikke med i fraværet. ` +
            `Vælg hvad koden betyder i tilknytningen, eller brug en af: ${FREMMOEDESTATUSSER.map((s) => `${s.code} (${s.status})`).join(", ")}.`,
          original: m.value,
        });
      else if (m.status !== null && m.confidence < CODE_CONFIRM_BELOW)
        out.push({
          sheet: m.sheet,
          cell: m.cell,
          severity: "advarsel",
          code: "FREMMOEDEKODE_USIKKER",
          message: `'${m.value}' (${n(m.count)}) er tolket som ${m.status} med sikkerhed ${Math.round(m.confidence * 100)} %. ${m.reason} Kontrollér tilknytningen.`,
          original: m.value,
        });
    }
    return out;
  }
}
