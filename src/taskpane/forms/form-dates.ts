// The short ways a coordinator types a date into a form, beyond the forms the import reads from cells:
// six digits ddmmåå ("011221"), day and month alone ("1-12", "01/12", "1.12": this year), and the words
// "i dag" and "i går". Today is the user's own day (the task pane's time zone).
import { isValidDate, serial } from "../../domain/dates";
import { fullYear } from "../../import/parse";

/** Today as a serial day, in the user's own time zone. */
export function todaySerial(now: Date = new Date()): number {
  return serial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

const RE_DDMMYY = /^(\d{2})(\d{2})(\d{2})$/;
const RE_DAY_MONTH = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\.?$/;

/** A short form date -> serial day, or null when the text is none of the short forms. */
export function parseShortDate(input: string, today: number = todaySerial()): number | null {
  const s = input.trim().toLowerCase().replace(/\s+/g, " ");
  if (s === "i dag" || s === "idag") return today;
  if (s === "i går" || s === "igår" || s === "i gaar" || s === "igaar") return today - 1;
  let m = RE_DDMMYY.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), fullYear(Number(m[3]), 2)];
    return isValidDate(y, mo, d) ? serial(y, mo, d) : null;
  }
  m = RE_DAY_MONTH.exec(s);
  if (m) {
    const year = new Date(Date.UTC(1899, 11, 30) + today * 86_400_000).getUTCFullYear();
    const [d, mo] = [Number(m[1]), Number(m[2])];
    return isValidDate(year, mo, d) ? serial(year, mo, d) : null;
  }
  return null;
}
