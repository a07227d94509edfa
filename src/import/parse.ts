// Cell parsing: dates, numbers, CPR, list values and yes/no as Danish case lists write them.
// Every parser is total: what it cannot read comes back as "unparsed" with a finding code, never a guess.
// Text results are memoised per distinct text, because case lists repeat the same few spellings.
import { parseCpr } from "../domain/cpr";
import { danishDate, isValidDate, serial } from "../domain/dates";
import type { RawCell } from "./grid";
import type { Severity } from "./findings";
import { compact, normaliseValue, similarity, tidy } from "./normalise";
import type { ListLookup } from "./synonyms";
import { isMaskedCpr, maskedCprText, meansNoDate, withoutSubsection } from "./values-as-meant";

export interface Note {
  code: string;
  severity: Severity;
  message: string;
}

export type CellOutcome = { kind: "value"; value: string | number | null; note?: Note } | { kind: "unparsed"; text: string; note: Note };

const EMPTY: CellOutcome = { kind: "value", value: null };

// ---------------------------------------------------------------- Excel's error values

// As files store them (always English), and as a Danish Excel shows them (a user may have typed one).
const ERROR_VALUES: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#NUL!",
  "#DIVISION/0!",
  "#VÆRDI!",
  "#REFERENCE!",
  "#NAVN?",
  "#I/T",
  "#SPILD!",
  "#BEREGN!",
  "#FELT!",
  "#BLOKERET!",
  "#FORBIND!",
  "#OPTAGET!",
  "#UKENDT!",
]);

export const ERROR_VALUE_CODE = "FEJLVAERDI";

const NOTE_ERROR_VALUE: Note = {
  code: ERROR_VALUE_CODE,
  severity: "fejl",
  message:
    "Cellen viser en fejlværdi fra Excel i stedet for en værdi (fx fra en formel, der ikke kan regnes). Ret formlen, eller skriv værdien i originalarket. Den oprindelige tekst er bevaret.",
};

/** A cell that holds one of Excel's error values (#DIV/0!, #N/A, #REF! …): unparsed, with its text kept; else null. */
export function errorValueCell(v: RawCell): CellOutcome | null {
  if (typeof v !== "string" || v.length > 24) return null;
  const t = v.trim();
  return t.startsWith("#") && ERROR_VALUES.has(t.toUpperCase()) ? { kind: "unparsed", text: v, note: NOTE_ERROR_VALUE } : null;
}

// ---------------------------------------------------------------- dates

const MIN_PLAUSIBLE_SERIAL = serial(1950, 1, 1);
const MAX_PLAUSIBLE_SERIAL = serial(2100, 12, 31);
const MAX_SERIAL = 2_958_465;

const MONTHS: ReadonlyMap<string, number> = new Map([
  ["januar", 1],
  ["jan", 1],
  ["january", 1],
  ["februar", 2],
  ["feb", 2],
  ["febr", 2],
  ["february", 2],
  ["marts", 3],
  ["mar", 3],
  ["mart", 3],
  ["march", 3],
  ["april", 4],
  ["apr", 4],
  ["maj", 5],
  ["may", 5],
  ["juni", 6],
  ["jun", 6],
  ["june", 6],
  ["juli", 7],
  ["jul", 7],
  ["july", 7],
  ["august", 8],
  ["aug", 8],
  ["september", 9],
  ["sep", 9],
  ["sept", 9],
  ["oktober", 10],
  ["okt", 10],
  ["oct", 10],
  ["october", 10],
  ["november", 11],
  ["nov", 11],
  ["december", 12],
  ["dec", 12],
]);

const RE_ISO = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[t ]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?z?)?$/;
const RE_DMY = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./\- ]\s*(\d{4}|\d{2})(?:\s+(?:kl\.?\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/;
const RE_DMONY = /^(\d{1,2})\.?\s*-?\s*([a-zæøå]+)\.?\s*-?\s*,?\s*(\d{4}|\d{2})$/;
const RE_MONDY = /^([a-zæøå]+)\.?\s+(\d{1,2})\.?,?\s+(\d{4})$/;
const RE_DIGITS8 = /^\d{8}$/;
const RE_WEEKDAY = /^(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|man|tirs|tir|ons|tors|tor|fre|lør|søn)\.?,?\s+/;
const RE_DEN = /^(?:den|d\.)\s*/;

/** Two-digit years: 00-69 are 20xx, 70-99 are 19xx. */
export function fullYear(yy: number, digits: number): number {
  if (digits === 4) return yy;
  return yy <= 69 ? 2000 + yy : 1900 + yy;
}

function toSerial(y: number, m: number, d: number): number | null {
  return isValidDate(y, m, d) ? serial(y, m, d) : null;
}

/** A date written as text, in any of the forms Danish lists use; null when it is not one. */
export function parseDateText(input: string): number | null {
  let s = input.trim().toLowerCase();
  if (s === "") return null;
  s = s.replace(RE_WEEKDAY, "").replace(RE_DEN, "");
  let m = RE_ISO.exec(s);
  if (m) return toSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  m = RE_DMY.exec(s);
  if (m) return toSerial(fullYear(Number(m[3]), m[3].length), Number(m[2]), Number(m[1]));
  m = RE_DMONY.exec(s);
  if (m) {
    const month = MONTHS.get(m[2]);
    return month ? toSerial(fullYear(Number(m[3]), m[3].length), month, Number(m[1])) : null;
  }
  m = RE_MONDY.exec(s);
  if (m) {
    const month = MONTHS.get(m[1]);
    return month ? toSerial(Number(m[3]), month, Number(m[2])) : null;
  }
  if (RE_DIGITS8.test(s)) {
    // yyyymmdd first: a year 19xx/20xx in front is far likelier than a day-month that spells one.
    const ymdFirst = toSerial(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8)));
    if (ymdFirst !== null && (s.startsWith("19") || s.startsWith("20"))) return ymdFirst;
    return toSerial(Number(s.slice(4, 8)), Number(s.slice(2, 4)), Number(s.slice(0, 2)));
  }
  return null;
}

export { isDateFormat } from "../domain/text";
import { isDateFormat } from "../domain/text";

const NOTE_DATE: Note = {
  code: "DATO_UKENDT",
  severity: "fejl",
  message: "Datoen kan ikke læses. Skriv den som dd-mm-åååå, fx 01-02-2024. Den oprindelige tekst er bevaret i cellen.",
};
const NOTE_DATE_UNLIKELY: Note = {
  code: "DATO_USANDSYNLIG",
  severity: "advarsel",
  message: "Datoen ligger før 1950 eller efter 2100. Kontrollér årstallet.",
};

const dateTextCache = new Map<string, CellOutcome>();
// One shared outcome per plausible serial: date cells are the commonest typed cells.
const serialOutcomes: CellOutcome[] = [];

function plausibleSerial(s: number): CellOutcome {
  const i = s - MIN_PLAUSIBLE_SERIAL;
  return (serialOutcomes[i] ??= { kind: "value", value: s });
}

/** A date cell: a serial (with or without a date format), yyyymmdd as a number, or text. */
export function parseDateCell(v: RawCell, numFmt?: string | null): CellOutcome {
  if (v === null) return EMPTY;
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 19_000_101 && v <= 20_991_231) {
      const s = toSerial(Math.floor(v / 10_000), Math.floor(v / 100) % 100, v % 100);
      if (s !== null) return { kind: "value", value: s };
    }
    if (v >= MIN_PLAUSIBLE_SERIAL && v <= MAX_PLAUSIBLE_SERIAL) return plausibleSerial(Math.floor(v));
    if (v >= 1 && v <= MAX_SERIAL && isDateFormat(numFmt)) return { kind: "value", value: Math.floor(v), note: NOTE_DATE_UNLIKELY };
    return { kind: "unparsed", text: String(v), note: NOTE_DATE };
  }
  if (typeof v === "boolean") return { kind: "unparsed", text: v ? "SAND" : "FALSK", note: NOTE_DATE };
  let r = dateTextCache.get(v);
  if (r === undefined) {
    if (v.trim() === "" || meansNoDate(v)) r = EMPTY;
    else {
      const s = parseDateText(v);
      r =
        s === null
          ? { kind: "unparsed", text: v, note: NOTE_DATE }
          : s < MIN_PLAUSIBLE_SERIAL || s > MAX_PLAUSIBLE_SERIAL
            ? { kind: "value", value: s, note: NOTE_DATE_UNLIKELY }
            : { kind: "value", value: s };
    }
    if (dateTextCache.size > 50_000) dateTextCache.clear();
    dateTextCache.set(v, r);
  }
  return r;
}

// ---------------------------------------------------------------- numbers

const RE_CURRENCY = /\s*(?:kr\.?|dkk|,-)\s*$/i;
const RE_CURRENCY_PREFIX = /^\s*(?:kr\.?|dkk)\s*/i;
const RE_SPACES = /[\s\u00a0\u202f]/g;
const RE_THOUSANDS_DOT = /^-?\d{1,3}(?:\.\d{3})+$/;
const RE_THOUSANDS_COMMA = /^-?\d{1,3}(?:,\d{3}){2,}$/;
const RE_PLAIN = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A number as Danes write it: decimal comma, thousands dot or space, "kr.", "%"; null otherwise. */
export function parseNumberText(input: string): number | null {
  let s = input
    .replace(RE_CURRENCY, "")
    .replace(RE_CURRENCY_PREFIX, "")
    .replace(RE_SPACES, "")
    .replace(/\u2212/g, "-");
  if (s === "") return null;
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1);
  }
  if (s.startsWith("+")) s = s.slice(1);
  const comma = s.lastIndexOf(",");
  const dot = s.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) {
    // Both present: the later one is the decimal separator.
    s = comma > dot ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (comma >= 0) {
    s = RE_THOUSANDS_COMMA.test(s) ? s.replace(/,/g, "") : s.indexOf(",") === comma ? s.replace(",", ".") : s;
  } else if (dot >= 0 && RE_THOUSANDS_DOT.test(s)) {
    s = s.replace(/\./g, "");
  }
  if (!RE_PLAIN.test(s)) return null;
  const n = Number(s) * scale;
  return Number.isFinite(n) ? (scale === 1 ? n : Math.round(n * 1e12) / 1e12) : null;
}

// ---------------------------------------------------------------- CPR

const NOTE_CPR_FORMAT: Note = {
  code: "CPR_UGYLDIG",
  severity: "fejl",
  message: "CPR-nummeret har ikke 10 cifre. Skriv det som DDMMÅÅ-LLLL. Den oprindelige tekst er bevaret.",
};
const NOTE_CPR_DATE: Note = {
  code: "CPR_DATO_UGYLDIG",
  severity: "fejl",
  message: "De første seks cifre i CPR-nummeret er ikke en gyldig dato. Kontrollér nummeret.",
};
const NOTE_CPR_RESTORED: Note = {
  code: "CPR_GENDANNET",
  severity: "advarsel",
  message: "CPR-nummeret havde mistet sit foranstillede 0 (Excel havde gjort det til et tal). Nullet er sat på igen; kontrollér nummeret.",
};
const NOTE_CPR_MOD11: Note = {
  code: "CPR_MODULUS11",
  severity: "advarsel",
  message: "CPR-nummeret består ikke modulus 11-kontrollen, og borgeren er født før 2007, hvor alle numre bestod den. Kontrollér nummeret.",
};
const NOTE_CPR_MASKED: Note = {
  code: "CPR_MASKERET",
  severity: "info",
  message:
    "CPR-nummeret er maskeret (DDMMÅÅ-XXXX) og er bevaret sådan. Borgeren kan ikke findes på CPR-nummer; skriv det fulde nummer, hvis sagen skal kunne matches.",
};

/** Numbers issued since 1 January 2007 need not pass modulus 11; earlier ones all did. */
export function modulus11Applies(birthYear: number): boolean {
  return birthYear < 2007;
}

export interface CprParseOptions {
  /** Report numbers that fail the modulus-11 check (a warning only). Default true. */
  checkModulus11?: boolean;
}

export function parseCprCell(v: RawCell, options: CprParseOptions = {}): CellOutcome {
  if (v === null) return EMPTY;
  if (typeof v === "boolean") return { kind: "unparsed", text: v ? "SAND" : "FALSK", note: NOTE_CPR_FORMAT };
  if (typeof v === "string" && v.trim() === "") return EMPTY;
  if (typeof v === "string" && isMaskedCpr(v)) return { kind: "value", value: maskedCprText(v), note: NOTE_CPR_MASKED };
  const r = parseCpr(v);
  if (!r.ok) return { kind: "unparsed", text: String(v), note: r.reason === "dato" ? NOTE_CPR_DATE : NOTE_CPR_FORMAT };
  if (r.restored) return { kind: "value", value: r.cpr, note: NOTE_CPR_RESTORED };
  if (!r.modulus11 && options.checkModulus11 !== false && modulus11Applies(r.birthYear)) return { kind: "value", value: r.cpr, note: NOTE_CPR_MOD11 };
  return { kind: "value", value: r.cpr };
}

// ---------------------------------------------------------------- list values

const listCaches = new WeakMap<ListLookup, Map<string, CellOutcome>>();

function unknownValueNote(list: string, values: readonly string[]): Note {
  return {
    code: "VAERDI_UKENDT",
    severity: "advarsel",
    message: `Værdien findes ikke på listen ${list}. Vælg en af: ${values.join(", ")} (eller tilføj den til listen på Opsætning).`,
  };
}

/** Match a value against a list: exact synonym, a synonym followed by more words, or a near spelling. */
export function matchListValue(lookup: ListLookup, text: string): { value: string; interpreted: boolean } | null {
  const n = normaliseValue(withoutSubsection(text));
  if (n === "") return null;
  const exact = lookup.exact.get(n) ?? lookup.exact.get(compact(n));
  if (exact !== undefined) return { value: exact, interpreted: false };
  // "Jobcenter Aarhus", "Udeblevet gentagne gange": a known spelling followed by more words.
  let best: { value: string; score: number } | null = null;
  let tie = false;
  const c = compact(n);
  for (const f of lookup.fuzzy) {
    let score = 0;
    if (n.startsWith(f.compact + " ") || (f.compact.length >= 5 && c.startsWith(f.compact))) score = 0.9;
    else if (Math.abs(f.compact.length - c.length) <= 3) score = similarity(f.compact, c);
    if (score < 0.8) continue;
    if (!best || score > best.score) {
      best = { value: f.value, score };
      tie = false;
    } else if (score === best.score && f.value !== best.value) tie = true;
  }
  return best && !tie ? { value: best.value, interpreted: true } : null;
}

export function parseListCell(v: RawCell, list: string, lookup: ListLookup): CellOutcome {
  if (v === null) return EMPTY;
  const text = typeof v === "boolean" ? (v ? "SAND" : "FALSK") : String(v);
  let cache = listCaches.get(lookup);
  if (!cache) listCaches.set(lookup, (cache = new Map()));
  let r = cache.get(text);
  if (r === undefined) {
    if (text.trim() === "") r = EMPTY;
    else {
      const m = matchListValue(lookup, text);
      r = !m
        ? { kind: "unparsed", text, note: unknownValueNote(list, lookup.values) }
        : m.interpreted
          ? {
              kind: "value",
              value: m.value,
              note: {
                code: "VAERDI_TOLKET",
                severity: "advarsel",
                message: `Værdien er tolket som '${m.value}' på listen ${list}. Kontrollér at det er rigtigt.`,
              },
            }
          : { kind: "value", value: m.value };
    }
    cache.set(text, r);
  }
  return r;
}

// ---------------------------------------------------------------- yes/no

const YES = new Set(["ja", "j", "yes", "y", "x", "1", "sand", "true", "✓", "✔", "v"]);
const NO = new Set(["nej", "n", "no", "0", "falsk", "false", "-", "÷"]);
const NOTE_YESNO: Note = { code: "JANEJ_UKENDT", severity: "advarsel", message: "Skriv Ja eller Nej (tom celle: følg forsørgelsesgrundlaget)." };

/** Yes/no as "Ja"/"Nej"; blank is null (for Jobcenterforløb: follow the income basis). */
export function parseYesNoCell(v: RawCell): CellOutcome {
  if (v === null) return EMPTY;
  if (typeof v === "boolean") return { kind: "value", value: v ? "Ja" : "Nej" };
  if (typeof v === "number") {
    if (v === 1) return { kind: "value", value: "Ja" };
    if (v === 0) return { kind: "value", value: "Nej" };
    return { kind: "unparsed", text: String(v), note: NOTE_YESNO };
  }
  const n = v.trim().toLowerCase();
  if (n === "") return EMPTY;
  if (YES.has(n)) return { kind: "value", value: "Ja" };
  if (NO.has(n)) return { kind: "value", value: "Nej" };
  return { kind: "unparsed", text: v, note: NOTE_YESNO };
}

// ---------------------------------------------------------------- text and ids

/** Display text of a raw cell as a user sees it (dates in their Danish form). */
export function cellText(v: RawCell, numFmt?: string | null): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "SAND" : "FALSK";
  if (typeof v === "number") return isDateFormat(numFmt) && v >= 1 && v <= MAX_SERIAL ? danishDate(Math.floor(v)) : String(v);
  return v;
}

const tidyCache = new Map<string, CellOutcome>();

/** Free text: names and units tidied (whitespace collapsed), remarks only trimmed. */
export function parseTextCell(v: RawCell, numFmt: string | null | undefined, collapse: boolean): CellOutcome {
  if (v === null) return EMPTY;
  if (collapse && typeof v === "string") {
    // Names, units and contacts repeat: share one outcome per spelling.
    let r = tidyCache.get(v);
    if (r === undefined) {
      const s = tidy(v);
      r = s === "" ? EMPTY : { kind: "value", value: s };
      if (tidyCache.size > 50_000) tidyCache.clear();
      tidyCache.set(v, r);
    }
    return r;
  }
  const t = cellText(v, numFmt);
  const s = collapse ? tidy(t) : t.trim();
  return s === "" ? EMPTY : { kind: "value", value: s };
}
