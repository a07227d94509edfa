// Cell values as coordinators write them when the list's own words are not the contract's: place
// sizes as fractions, percentages or hours; discharge reasons in a sentence; a period in one cell;
// masked CPR numbers; "-" for "no date". Each reader is pure and total: null when it cannot tell.
import { PLADSTYPER, UDSKRIVNINGSAARSAGER } from "../domain/enums";
import { normaliseValue } from "./normalise";
import { parseDateText, parseNumberText } from "./parse";

// ---------------------------------------------------------------- place size -> weight

/**
 * The hours of a full-time place: the Danish standard working week. "37 t" is a full place (weight 1),
 * "30 timer" weighs 30/37 = 0,81, and more than 37 hours is still one place.
 */
export const FULL_TIME_HOURS = 37;

export interface PlaceWeight {
  /** 0 < weight <= 1, rounded to two decimals. */
  weight: number;
  /** The contract's Pladstype for that weight: 1 is Fuldtid, anything less Deltid. */
  pladstype: (typeof PLADSTYPER)[number];
  /** How the weight was read, in Danish, for the finding. */
  how: string;
}

const RE_FRACTION = /^(\d+)\s*\/\s*(\d+)$/;
const RE_HOURS = /^(\d+(?:[.,]\d+)?)\s*(?:t|tim|timer|time|h|hrs|hours)\.?(?:\s*(?:\/|pr\.?|om|i)\s*(?:ugen?|uge|u|week))?$/;
const RE_PERCENT = /^(\d+(?:[.,]\d+)?)\s*(?:%|pct\.?|procent)$/;

const round2 = (x: number) => Math.round(x * 100) / 100;

function weighted(w: number, how: string): PlaceWeight | null {
  if (!(w > 0)) return null;
  const weight = round2(Math.min(1, w));
  return { weight, pladstype: weight >= 1 ? "Fuldtid" : "Deltid", how };
}

/** A place size written as a fraction ("1/1", "1/2"), a share ("0,5", "50 %") or hours ("37 t"). */
export function placeWeight(v: string | number): PlaceWeight | null {
  if (typeof v === "number") {
    if (v > 0 && v <= 1) return weighted(v, `andelen ${formatWeight(v)}`);
    if (v > 1 && v <= 60) return weighted(v / FULL_TIME_HOURS, `${formatWeight(v)} timer af en ${FULL_TIME_HOURS}-timers uge`);
    if (v > 1 && v <= 100) return null;
    return null;
  }
  const s = v
    .trim()
    .toLowerCase()
    .replace(/\u00a0/g, " ");
  let m = RE_FRACTION.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return b > 0 && a <= b ? weighted(a / b, `brøken ${m[1]}/${m[2]}`) : null;
  }
  m = RE_PERCENT.exec(s);
  if (m) {
    const p = Number(m[1].replace(",", "."));
    return p > 0 && p <= 100 ? weighted(p / 100, `${formatWeight(p)} %`) : null;
  }
  m = RE_HOURS.exec(s);
  if (m) {
    const h = Number(m[1].replace(",", "."));
    return h > 0 && h <= 60 ? weighted(h / FULL_TIME_HOURS, `${formatWeight(h)} timer af en ${FULL_TIME_HOURS}-timers uge`) : null;
  }
  const n = parseNumberText(s);
  if (n !== null && n > 0 && n <= 1) return weighted(n, `andelen ${formatWeight(n)}`);
  return null;
}

/** A weight as Danes write it: 0,5 ; 1 ; 0,81. */
export function formatWeight(w: number): string {
  return String(round2(w)).replace(".", ",");
}

// ---------------------------------------------------------------- legal references

const RE_SUBSECTION = /\s*,?\s*\b(?:stk|styk|st)\b\.?\s*\d+.*$/i;

/** "§103 stk. 1", "§ 104, stk. 1, nr. 2" -> "§103", "§ 104": the paragraph decides the list value. */
export function withoutSubsection(text: string): string {
  return text.replace(RE_SUBSECTION, "");
}

// ---------------------------------------------------------------- dates

const NO_DATE = new Set(["-", "--", "---", "\u2013", "\u2014", "\u2012", "\u2212", "\u00f7", "/", "."]);

/** "-", "–", "÷": the list's way of saying "no date". */
export function meansNoDate(text: string): boolean {
  return NO_DATE.has(text.trim());
}

export interface Period {
  start: number | null;
  end: number | null;
}

const PERIOD_SPLIT = /\s*(?:\u2013|\u2014|\s-\s|\s-|-\s|\btil\b|\bto\b)\s*/i;

/**
 * One cell holding a period: "01.02.2023 - 31.12.2023", "1/2-23–30/6-24", "01.02.2023-31.12.2023",
 * "01.02.2023 -" (still open). Null when the text is not two dates (or one and an open end).
 */
export function parsePeriodText(input: string): Period | null {
  const s = input.trim();
  if (s === "") return null;
  const parts = s.split(PERIOD_SPLIT);
  if (parts.length === 2) {
    const a = parts[0].trim();
    const b = parts[1].trim();
    const start = a === "" ? null : parseDateText(a);
    const end = b === "" ? null : parseDateText(b);
    if ((a === "" || start !== null) && (b === "" || end !== null) && (start !== null || end !== null)) return { start, end };
  }
  // "01.02.2023-31.12.2023", "1/2-23-30/6-24": try each hyphen as the divide.
  for (let i = s.indexOf("-"); i > 0; i = s.indexOf("-", i + 1)) {
    const start = parseDateText(s.slice(0, i));
    if (start === null) continue;
    const rest = s.slice(i + 1).trim();
    if (rest === "") return { start, end: null };
    const end = parseDateText(rest);
    if (end !== null) return { start, end };
  }
  return null;
}

// ---------------------------------------------------------------- CPR

const RE_MASKED_CPR = /^(\d{6})\s*[-\u2010-\u2015\s]?\s*([x*#?]{4}|[x*#?]{3}\d|\d[x*#?]{3})$/i;

/** "010190-XXXX", "010190-****": a CPR number masked on purpose (the birth date kept). */
export function isMaskedCpr(text: string): boolean {
  return RE_MASKED_CPR.test(text.trim());
}

/** The canonical masked form "DDMMYY-XXXX". */
export function maskedCprText(text: string): string {
  const m = RE_MASKED_CPR.exec(text.trim())!;
  return `${m[1]}-${m[2].toUpperCase()}`;
}

// ---------------------------------------------------------------- discharge reasons in words

type Reason = (typeof UDSKRIVNINGSAARSAGER)[number];

/** Word stems per reason, tested against the normalised words of the cell (æ ø å spelt out). */
const REASON_WORDS: readonly [Reason, readonly RegExp[]][] = [
  ["Død", [/\bdoed\b/, /\bdoede\b/, /\bafgaaet ved doeden\b/, /\bafdoed/, /\bdoedsfald/]],
  ["Praktik", [/praktik/]],
  [
    "Uddannelse",
    [
      /uddannelse/,
      /\budd\b/,
      /\bsosu\b/,
      /\bskole/,
      /\bstudie/,
      /\bstuderer/,
      /\bgymnasi/,
      /\bhf\b/,
      /\beud\b/,
      /\bfgu\b/,
      /\bstu\b/,
      /\bhoejskole/,
      /\blaerling/,
      /\belev\b/,
      /\bkursus/,
      /\bvuc\b/,
      /\bamu\b/,
    ],
  ],
  [
    "Beskæftigelse",
    [
      /\bjob/,
      /\barbejde/,
      /\bansat/,
      /\bansaettelse/,
      /\bfleksjob/,
      /\bfast stilling/,
      /\bloentilskud/,
      /\bordinaer beskaeftigelse/,
      /\bbeskaeftigelse/,
      /\bselvstaendig/,
    ],
  ],
  ["Udeblivelse", [/\budebl/, /\bfravaer/, /\bmoedte ikke/, /\bmoeder ikke/, /\bmoedt op\b.*\bikke\b/, /\bikke moedt/, /\bikke kommet/]],
  ["Flytning", [/\bflytte/, /\bflyttet/, /\bfraflyt/, /\bflytning/]],
  ["Sygdom", [/\bsyg/, /\bindlagt/, /\bindlaeggelse/, /\bhelbred/, /\bhospital/, /\bbehandling/]],
  [
    "Anden indsats",
    [
      /\bandet tilbud/,
      /\banden indsats/,
      /\bandet forloeb/,
      /\bnyt tilbud/,
      /\bovergaaet/,
      /\bvisiteret til/,
      /\bbotilbud/,
      /\bvidere til/,
      /\bskiftet til/,
      /\bandet vaerksted/,
      /\bdagtilbud/,
      /\bjobcenter/,
    ],
  ],
  [
    "Afbrudt (eget ønske)",
    [
      /\beget oenske/,
      /\boensker ikke/,
      /\boenskede/,
      /\bstoppede selv/,
      /\bstoppet selv/,
      /\bselv stoppet/,
      /\bville ikke/,
      /\bvil ikke/,
      /\bmotivation/,
      /\bumotiveret/,
      /\bikke motiveret/,
      /\bframeldt/,
      /\bafbrudt/,
      /\bsagt op/,
      /\bmeldt fra/,
    ],
  ],
];

export interface ReasonReading {
  value: Reason;
  /** 0..1: one reason named plainly is 0.85; a reason among words of another weighs less. */
  confidence: number;
}

const reasonMemo = new Map<string, ReasonReading | null>();

/**
 * A discharge reason written in words ("Fik job i Netto", "startet på SOSU-uddannelse") read as a value
 * of the closed list, with a confidence. Null when no reason is named or two are named equally.
 */
export function readDischargeReason(text: string): ReasonReading | null {
  let r = reasonMemo.get(text);
  if (r !== undefined) return r;
  const n = ` ${normaliseValue(text)} `;
  const hits: Reason[] = [];
  for (const [reason, words] of REASON_WORDS) if (words.some((w) => w.test(n))) hits.push(reason);
  if (hits.length === 0) r = null;
  else if (hits.length === 1) r = { value: hits[0], confidence: 0.85 };
  else if (hits.length === 2 && hits.includes("Praktik")) r = { value: "Praktik", confidence: 0.7 };
  else if (hits.length === 2 && hits.includes("Anden indsats")) r = { value: hits.find((h) => h !== "Anden indsats")!, confidence: 0.7 };
  else r = null;
  if (reasonMemo.size > 10_000) reasonMemo.clear();
  reasonMemo.set(text, r);
  return r;
}
