// Attendance grids whose columns are headed by day numbers ("1", "2", … or "ma 3", "tirsdag 4"):
// the month and year come from the sheet's title, else the sheet's name ("Marts 25", "mar-2025").
// Pure: reads text, says where it took the month from.
import { isoWeekday, serial, ymd } from "../domain/dates";
import type { RawCell } from "./grid";
import { normaliseValue } from "./normalise";

export interface GridMonth {
  year: number;
  month: number;
  /** Where the month was read, in Danish: "titlen 'Fremmøde marts 2025'" or "arknavnet 'Marts 25'". */
  source: string;
}

const MONTHS: readonly [string, number][] = [
  ["januar", 1],
  ["februar", 2],
  ["marts", 3],
  ["april", 4],
  ["maj", 5],
  ["juni", 6],
  ["juli", 7],
  ["august", 8],
  ["september", 9],
  ["oktober", 10],
  ["november", 11],
  ["december", 12],
  ["jan", 1],
  ["feb", 2],
  ["mar", 3],
  ["apr", 4],
  ["jun", 6],
  ["jul", 7],
  ["aug", 8],
  ["sep", 9],
  ["sept", 9],
  ["okt", 10],
  ["oct", 10],
  ["nov", 11],
  ["dec", 12],
];
const MONTH_BY_WORD = new Map(MONTHS);

function fullYear(y: string): number | null {
  const n = Number(y);
  if (y.length === 4) return n >= 1990 && n <= 2100 ? n : null;
  if (y.length === 2) return 2000 + n;
  return null;
}

/** A month and year written in text: "marts 2025", "Marts 25", "mar-2025", "03-2025", "2025-03". */
export function monthInText(text: string): { year: number; month: number } | null {
  const t = normaliseValue(text); // lower case, æøå spelt out, punctuation as spaces
  const words = t.split(" ").filter((w) => w !== "");
  for (let i = 0; i < words.length; i++) {
    const m = MONTH_BY_WORD.get(words[i]);
    if (m === undefined) continue;
    const next = words[i + 1];
    const y = next !== undefined && /^\d{2}(\d{2})?$/.test(next) ? fullYear(next) : null;
    if (y !== null) return { year: y, month: m };
  }
  const numeric = /(?:^|\D)(\d{1,2})[-/.](\d{4})(?:\D|$)|(?:^|\D)(\d{4})[-/.](\d{1,2})(?:\D|$)/.exec(text);
  if (numeric) {
    const month = Number(numeric[1] ?? numeric[4]);
    const year = fullYear(numeric[2] ?? numeric[3]);
    if (year !== null && month >= 1 && month <= 12) return { year, month };
  }
  return null;
}

const WEEKDAYS = ["ma", "ti", "on", "to", "fr", "lo", "so"];
const DAY_HEADER = /^(?:([a-zæøå]{2,7})\.?\s*)?(\d{1,2})\.?$/i;

/** The day of the month a header names ("7", 7, "ma 3", "tirsdag 4"), with its weekday if written (1 = Monday). */
export function dayInHeader(v: RawCell): { day: number; weekday: number | null } | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1 && v <= 31 ? { day: v, weekday: null } : null;
  if (typeof v !== "string") return null;
  const x = DAY_HEADER.exec(v.trim());
  if (!x) return null;
  const day = Number(x[2]);
  if (day < 1 || day > 31) return null;
  if (x[1] === undefined) return { day, weekday: null };
  const w = WEEKDAYS.indexOf(normaliseValue(x[1]).slice(0, 2));
  return w < 0 ? null : { day, weekday: w + 1 };
}

/** The month of a grid headed by day numbers: from its title rows, else its sheet name; null when neither says. */
export function gridMonth(titles: readonly string[], sheetName: string): GridMonth | null {
  for (const t of titles) {
    const m = monthInText(t);
    if (m) return { ...m, source: `titlen '${t.trim()}'` };
  }
  const m = monthInText(sheetName);
  return m ? { ...m, source: `arknavnet '${sheetName}'` } : null;
}

/**
 * Dates of the day-number headers of one row, when at least `min` of them read as days in increasing
 * order and any weekday written matches the date; null otherwise.
 */
export function dayColumns(row: readonly RawCell[], month: { year: number; month: number }, min: number): { index: number; date: number }[] | null {
  const out: { index: number; date: number }[] = [];
  let last = 0;
  for (let c = 0; c < row.length; c++) {
    const d = dayInHeader(row[c]);
    if (!d) continue;
    if (d.day <= last) return null;
    const date = serial(month.year, month.month, d.day);
    // A day past the month's end (31 in April) is no date of the month.
    if (ymd(date).month !== month.month) return null;
    if (d.weekday !== null && isoWeekday(date) !== d.weekday) return null;
    last = d.day;
    out.push({ index: c, date });
  }
  return out.length >= min ? out : null;
}
