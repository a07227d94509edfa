// Form field text -> model values, and zod issues -> one message per field. A field that cannot be read
// is reported by name instead of being passed on as empty, so nothing is written by mistake.
import { danishDate } from "../../domain/dates";
import { parseDateText } from "../../import/parse";
import { parseShortDate } from "./form-dates";

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export type Parsed<T> = { ok: true; value: T } | { ok: false };

/**
 * "" -> null; a date as Danish users type it ("01-02-2024", "1/2-24", "01022024", "2024-02-01"), read as
 * the import reads date cells, or in a short form ("011221", "1-12", "i dag", "i går") -> serial day;
 * anything else fails. (A text field, not a date input: the
 * browser's date input follows the system's language, not the user's Danish habits.)
 */
export function parseDateField(s: string): Parsed<number | null> {
  if (s.trim() === "") return { ok: true, value: null };
  const v = parseDateText(s.trim()) ?? parseShortDate(s);
  return v === null ? { ok: false } : { ok: true, value: v };
}

/** "" -> null; "7", "-1", "+2", "1,5" (Danish decimal comma) -> number; anything else fails. */
export function parseNumberField(s: string): Parsed<number | null> {
  const t = s.trim();
  if (t === "") return { ok: true, value: null };
  if (!/^[+-]?\d+([.,]\d+)?$/.test(t)) return { ok: false };
  return { ok: true, value: Number(t.replace(",", ".")) };
}

export function textOrNull(s: string): string | null {
  const t = s.trim();
  return t === "" ? null : t;
}

/** A serial day as a date field shows it: dd-mm-åååå. */
export function dateFieldValue(serial: number | null): string {
  return serial === null ? "" : danishDate(serial);
}

/** The serial day a date field holds, or null when it holds no valid date. */
export function dateFieldSerial(s: string): number | null {
  const p = parseDateField(s);
  return p.ok ? p.value : null;
}

/** The first message of each issue, keyed by the form field its path names (mapped when names differ). */
export function issuesByField<F extends string>(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fieldOf: (path: string) => F | null
): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  for (const issue of issues) {
    const field = fieldOf(String(issue.path[0] ?? ""));
    if (field !== null && out[field] === undefined) out[field] = issue.message;
  }
  return out;
}

export function hasErrors(errors: Partial<Record<string, string>>): boolean {
  return Object.values(errors).some((m) => m !== undefined);
}

/** Today in the user's own time zone, as a date field shows it (the forms' default date). */
export function todayFieldValue(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${pad(now.getDate())}-${pad(now.getMonth() + 1)}-${now.getFullYear()}`;
}
