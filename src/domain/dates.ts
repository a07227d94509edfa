// Dates as Excel serial day numbers (days since 1899-12-30), the form both Excel and LibreOffice
// compute with. Pure integer arithmetic in UTC: no time zones, no hidden state.

const MS_PER_DAY = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** Serial day number of a calendar date (month 1-12). */
export function serial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - EPOCH_MS) / MS_PER_DAY);
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

export function ymd(s: number): Ymd {
  const d = new Date(EPOCH_MS + Math.floor(s) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO 8601 date text, e.g. "2024-02-01". */
export function isoDate(s: number): string {
  const { year, month, day } = ymd(s);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Danish display form, e.g. "01-02-2024" (matches the number format dd-mm-yyyy). */
export function danishDate(s: number): string {
  const { year, month, day } = ymd(s);
  return `${String(day).padStart(2, "0")}-${String(month).padStart(2, "0")}-${year}`;
}

export function serialFromIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? serial(y, mo, d) : null;
}

/** Day of week, ISO numbering: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(s: number): number {
  // Serial 2 (1900-01-01 in this epoch) was a Monday.
  return ((((Math.floor(s) - 2) % 7) + 7) % 7) + 1;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Serial of a JS Date's UTC calendar day (ExcelJS hands dates over as UTC midnights). */
export function serialFromJsDate(d: Date): number {
  return Math.floor((d.getTime() - EPOCH_MS) / MS_PER_DAY);
}

export function jsDateFromSerial(s: number): Date {
  return new Date(EPOCH_MS + s * MS_PER_DAY);
}

/** Add calendar months, clamping the day to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(s: number, months: number): number {
  const { year, month, day } = ymd(s);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return serial(y, m, Math.min(day, daysInMonth(y, m)));
}

export function yearStart(year: number): number {
  return serial(year, 1, 1);
}

export function yearEnd(year: number): number {
  return serial(year, 12, 31);
}
