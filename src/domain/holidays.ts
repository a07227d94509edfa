// Danish public holidays (helligdage) and the closure days most municipal day services keep
// (docs/domain.md): the default contents of the Helligdage table that planned days are counted against.
import { serial, ymd } from "./dates";
import type { Holiday } from "./model";

export const HELLIGDAG = "Helligdag";
export const LUKKEDAG = "Lukkedag";

/** Store bededag was abolished from 2024; 2023 is the last year it is a holiday. */
export const LAST_STORE_BEDEDAG_YEAR = 2023;

/** Easter Sunday of a Gregorian year as a serial (the anonymous Gregorian, "Meeus/Jones/Butcher", algorithm). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return serial(year, month, day);
}

/** The public holidays and closure days of one year, in date order. */
export function danishHolidays(year: number): Holiday[] {
  const e = easterSunday(year);
  const h = (dato: number, navn: string, type: string = HELLIGDAG): Holiday => ({ dato, navn, type });
  const days: Holiday[] = [
    h(serial(year, 1, 1), "Nytårsdag"),
    h(e - 3, "Skærtorsdag"),
    h(e - 2, "Langfredag"),
    h(e, "Påskedag"),
    h(e + 1, "2. påskedag"),
    ...(year <= LAST_STORE_BEDEDAG_YEAR ? [h(e + 26, "Store bededag")] : []),
    h(e + 39, "Kristi himmelfartsdag"),
    h(e + 49, "Pinsedag"),
    h(e + 50, "2. pinsedag"),
    h(serial(year, 6, 5), "Grundlovsdag", LUKKEDAG),
    h(serial(year, 12, 24), "Juleaftensdag", LUKKEDAG),
    h(serial(year, 12, 25), "Juledag"),
    h(serial(year, 12, 26), "2. juledag"),
    h(serial(year, 12, 31), "Nytårsaftensdag", LUKKEDAG),
  ];
  // Stable sort: when two fall on one date (2. pinsedag on Grundlovsdag, as in 2017) both rows stay,
  // since the table documents each day; every count treats the table as a set of dates.
  return days
    .map((d, i) => ({ d, i }))
    .sort((x, y) => x.d.dato - y.d.dato || x.i - y.i)
    .map((x) => x.d);
}

/** Holidays and closure days of the years from..to inclusive, in date order. */
export function holidaysForYears(from: number, to: number): Holiday[] {
  const out: Holiday[] = [];
  for (let y = from; y <= to; y++) out.push(...danishHolidays(y));
  return out;
}

/** Years before and after these are typing errors (1900, 2099), which must not fill Helligdage with a century. */
const PLAUSIBLE_YEARS = [1990, 2100] as const;

/**
 * The years a holiday table must cover for these dates: from the earliest date's year to the year
 * after the latest (so a registration made early next year finds its holidays); null without dates.
 */
export function holidayYearSpan(dates: Iterable<number | null | undefined>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of dates) {
    if (d === null || d === undefined || !Number.isFinite(d)) continue;
    const y = ymd(d).year;
    if (y < PLAUSIBLE_YEARS[0] || y > PLAUSIBLE_YEARS[1]) continue;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  return lo === Infinity ? null : [lo, hi + 1];
}

/** The holidays of the years in [from, to] that the table does not hold yet (a year counts as held when any row is in it). */
export function missingHolidays(held: readonly Pick<Holiday, "dato">[], from: number, to: number): Holiday[] {
  const years = new Set(held.map((h) => ymd(h.dato).year));
  const out: Holiday[] = [];
  for (let y = from; y <= to; y++) if (!years.has(y)) out.push(...danishHolidays(y));
  return out;
}

/** The dates of a holiday table as a set (duplicates and the table's order do not matter). */
export function holidayDates(holidays: readonly Pick<Holiday, "dato">[]): Set<number> {
  return new Set(holidays.map((h) => h.dato));
}
