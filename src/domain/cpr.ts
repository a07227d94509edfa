// CPR numbers (docs/domain.md "Personal data"): 10 digits DDMMYY-SSSS, the first six a valid date, the
// century read from the 7th digit. Modulus 11 is reported, never required (numbers since 2007 may fail it).

export interface CprOk {
  ok: true;
  /** Canonical text form "DDMMYY-SSSS". */
  cpr: string;
  /** True when a leading zero had been lost (the value came as a number or 9 digits) and was restored. */
  restored: boolean;
  /** Whether the modulus-11 check holds; false is at most a warning. */
  modulus11: boolean;
  birthYear: number;
  birthMonth: number;
  birthDay: number;
}

export interface CprFail {
  ok: false;
  /** "format": not 10 digits; "dato": the first six digits are no date. */
  reason: "format" | "dato";
}

export type CprResult = CprOk | CprFail;

const WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
// Any dash: "010190–1234" with an en dash (word processors turn "-" into one) is the same number.
const TEN_DIGITS = /^(\d{6})\s*[-\s./\u2010-\u2015\u2212]?\s*(\d{4})$/;
const NINE_DIGITS = /^(\d{5})\s*[-\s./\u2010-\u2015\u2212]?\s*(\d{4})$/;

/** Full birth year from the two-digit year and the 7th digit (the CPR office's century table). */
export function cprBirthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

export function isModulus11(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (digits.charCodeAt(i) - 48) * WEIGHTS[i];
  return sum % 11 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Arithmetic rather than Date objects: this runs once per CPR cell of large lists.
function isValidBirthDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  return day <= MONTH_DAYS[month - 1] + (leap ? 1 : 0);
}

function fromDigits(digits: string, restored: boolean): CprResult {
  const d = (i: number) => digits.charCodeAt(i) - 48;
  const day = d(0) * 10 + d(1);
  const month = d(2) * 10 + d(3);
  const yy = d(4) * 10 + d(5);
  const year = cprBirthYear(yy, digits.charCodeAt(6) - 48);
  if (!isValidBirthDate(year, month, day)) return { ok: false, reason: "dato" };
  return {
    ok: true,
    cpr: `${digits.slice(0, 6)}-${digits.slice(6)}`,
    restored,
    modulus11: isModulus11(digits),
    birthYear: year,
    birthMonth: month,
    birthDay: day,
  };
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Read a CPR number from a cell value: text with or without a dash (or space), or a number. A number
 * or 9-digit text has lost its leading zero (days 01-09) and is restored to 10 digits.
 */
export function parseCpr(value: string | number): CprResult {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || value < 100_000_000 || value >= 10_000_000_000) return { ok: false, reason: "format" };
    const s = String(value);
    return s.length === 10 ? fromDigits(s, false) : fromDigits("0" + s, true);
  }
  // Fast path for the canonical form, the commonest spelling: no regex, no new string.
  if (value.length === 11 && value.charCodeAt(6) === 45 && allDigits(value, 0, 6) && allDigits(value, 7, 11)) {
    const r = fromDigits(value.slice(0, 6) + value.slice(7), false);
    return r.ok ? { ...r, cpr: value } : r;
  }
  const t = value.trim();
  const m10 = TEN_DIGITS.exec(t);
  if (m10) return fromDigits(m10[1] + m10[2], false);
  const m9 = NINE_DIGITS.exec(t);
  if (m9) return fromDigits("0" + m9[1] + m9[2], true);
  return { ok: false, reason: "format" };
}

/** True for the canonical stored form "DDMMYY-SSSS" with a valid birth date. */
export function isCanonicalCpr(text: string): boolean {
  if (text.length !== 11 || text[6] !== "-") return false;
  const r = parseCpr(text);
  return r.ok && r.cpr === text;
}
