// One comparison of text, one identity of units and one date-format rule, shared by the import, the
// forms and the reports (see docs/glossary.md, "Enhed"). Pure; imports nothing.

/** The key of a text as Excel's "=", MATCH and COUNTIFS compare it: lower case, nothing trimmed. */
export function textKey(s: string | null | undefined): string {
  return (s ?? "").toLowerCase();
}

/** Text equality as Excel's "=", MATCH and COUNTIFS compare it: case-insensitive, no trimming. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return textKey(a) === textKey(b);
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WHITESPACE = /\s+/g;
/** Word boundaries inside a unit name: spaces, punctuation, and a small letter before a capital ("KilenSyd"). */
const CAMEL = /(\p{Ll})(\p{Lu})/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Lower case, æ as "ae", ø as "o", accents (and the ring of å) dropped, "aa" as å ("Aabo" is "Åbo"). */
function fold(s: string): string {
  return s.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "o").replace(/aa/g, "a").normalize("NFD").replace(COMBINING_MARKS, "");
}

const keyMemo = new Map<string, string>();

/**
 * The key of a text compared by case, spacing and accents only: "Kilen Syd", "KilenSyd" and
 * "kilen  syd" share one key, and so do "Café Ågården" and "Cafe Agården". Person names use it too.
 */
export function unitKey(s: string): string {
  let k = keyMemo.get(s);
  if (k === undefined) {
    k = fold(s).replace(WHITESPACE, "");
    // Unit and person names repeat; the bound keeps memory flat on huge lists.
    if (keyMemo.size > 100_000) keyMemo.clear();
    keyMemo.set(s, k);
  }
  return k;
}

/** The folded words of a unit name: "Værkstedet Nord" -> ["vaerkstedet", "nord"]; "KilenSyd" -> ["kilen", "syd"]. */
export function unitWords(s: string): string[] {
  return fold(s.replace(CAMEL, "$1 $2"))
    .split(SEPARATORS)
    .filter((w) => w !== "");
}

/** Danish definite endings (køkken-et, stue-n, hus-et, kantine-n), longest first. */
const DEFINITE_ENDINGS = ["et", "en", "t", "n"];
/** A stem shorter than this takes no ending: "Bo" and "Boen" stay apart. */
const MIN_STEM = 3;

/**
 * Whether `long` is `short` with a definite ending: "koekkenet"/"koekken", "gartneriet"/"gartneri",
 * "stuen"/"stue", "butikken"/"butik" (a doubled last consonant before -en/-et).
 */
export function isDefiniteOf(long: string, short: string): boolean {
  if (short.length < MIN_STEM || !long.startsWith(short)) return false;
  const rest = long.slice(short.length);
  if (DEFINITE_ENDINGS.includes(rest)) return true;
  const last = short.charAt(short.length - 1);
  return (rest === `${last}en` || rest === `${last}et`) && !/[aeiouy]/.test(last);
}

function sameWord(a: string, b: string): boolean {
  return a === b || isDefiniteOf(a, b) || isDefiniteOf(b, a);
}

function sameWords(wa: readonly string[], wb: readonly string[]): boolean {
  if (wa.length !== wb.length || wa.length === 0) return false;
  for (let i = 0; i < wa.length; i++) if (!sameWord(wa[i], wb[i])) return false;
  return true;
}

/**
 * One unit? Names that differ only by case, spacing, accents or a definite ending on a word are one
 * unit: "Køkken"/"Køkkenet", "Gartneri"/"gartneriet", "Værksted Nord"/"Værkstedet Nord",
 * "Kilen Syd"/"KilenSyd". "Kilen" is a name, not "Kil" with an ending: it merges only with a unit
 * spelt "Kil", "Kile" or "Kilenet", never with another name.
 */
export function sameUnit(a: string, b: string): boolean {
  if (unitKey(a) === unitKey(b)) return true;
  return sameWords(unitWords(a), unitWords(b));
}

/**
 * Groups unit spellings that are one unit: a group number per name (the first name of each group
 * gets the lowest). Cheap keys first, then the article rule over the distinct keys only.
 */
export function unitGroups(names: readonly string[]): number[] {
  const keys: string[] = [];
  const firstOfKey = new Map<string, number>();
  const keyIndex = names.map((n) => {
    const k = unitKey(n);
    let i = firstOfKey.get(k);
    if (i === undefined) {
      i = keys.length;
      firstOfKey.set(k, i);
      keys.push(n);
    }
    return i;
  });
  const words = keys.map(unitWords);
  const parent = keys.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < keys.length; i++)
    for (let j = i + 1; j < keys.length; j++) {
      if (find(i) !== find(j) && sameWords(words[i], words[j])) {
        const [lo, hi] = [find(i), find(j)].sort((x, y) => x - y);
        parent[hi] = lo;
      }
    }
  return keyIndex.map((i) => find(i));
}

/** The first spelling of each unit, in order: later spellings of a unit already listed are left out. */
export function distinctUnits(names: readonly string[]): string[] {
  const groups = unitGroups(names);
  const seen = new Set<number>();
  return names.filter((_, i) => !seen.has(groups[i]) && seen.add(groups[i]));
}

const dateFormatMemo = new Map<string, boolean>();
const FMT_LITERALS = /"[^"]*"|\[[^\]]*\]|\\./g;

/**
 * Whether an Excel number format shows a date: a d or y outside quotes, brackets and escapes, or a
 * month name ("mmm"). "dd-mm-yyyy", "d. mmm yyyy", "dd-mm" are dates; "[h]:mm", "0,0" and "@" are not.
 */
export function isDateFormat(numFmt: string | null | undefined): boolean {
  if (!numFmt || /^(general|standard)$/i.test(numFmt)) return false;
  let r = dateFormatMemo.get(numFmt);
  if (r === undefined) {
    const bare = numFmt.replace(FMT_LITERALS, "");
    r = /[dy]/i.test(bare) || /mmm/i.test(bare);
    dateFormatMemo.set(numFmt, r);
  }
  return r;
}
