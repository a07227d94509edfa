// Text normalisation and similarity for matching what people type against what we know:
// headers, list values and unit names. Pure, allocation-light, no per-call regex compilation.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;
const WHITESPACE = /\s+/g;

function foldDanish(s: string): string {
  return s.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa");
}

/**
 * Header and list-value key: lower case, æ/ø/å spelt out, accents dropped, punctuation as single
 * spaces. "§" becomes the word "paragraf" so that a header "§" survives; see normaliseValue for values.
 */
export function normaliseHeader(s: string): string {
  return foldDanish(s.replace(/§/g, " paragraf ")).normalize("NFD").replace(COMBINING_MARKS, "").replace(NON_ALNUM, " ").trim();
}

/** List-value key: as normaliseHeader, but "§ 103" and "103" agree. */
export function normaliseValue(s: string): string {
  return foldDanish(s).normalize("NFD").replace(COMBINING_MARKS, "").replace(NON_ALNUM, " ").trim();
}

export function compact(normalised: string): string {
  return normalised.replace(/ /g, "");
}

/** Unit-name key (case, spacing and accents); the unit identity itself is sameUnit in domain/text.ts. */
export { unitKey } from "../domain/text";

/** Trim and collapse inner runs of whitespace (names, units). */
export function tidy(s: string): string {
  return s.replace(WHITESPACE, " ").trim();
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein edit distance; two reused rows, so no allocation for short strings. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const sub = prev[j - 1] + cost;
      cur[j] = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}

/** 1 for equal strings, 0 for nothing in common (edit distance over the longer length). */
export function similarity(a: string, b: string): number {
  const max = Math.max(a.length, b.length);
  return max === 0 ? 1 : 1 - levenshtein(a, b) / max;
}
