// Pseudonymisation and CPR masking as pure text rules. A pseudonymised copy replaces every CPR number
// and citizen name by the case id (the key to undo it is kept apart); masking keeps the birth date and
// hides the serial number (DDMMYY-XXXX). Both reach every cell, not only Sager: the original sheets,
// Problemer's "Oprindelig værdi" and free-text notes hold the same numbers and names. Names are matched
// as names: a name of two words or more wherever it stands, a one-word name only in a name column.
import { parseCpr } from "../domain/cpr";
import { CPR_SEPARATOR, cprDigits, NameFinder, nameKey } from "./privacy-scan";

export interface PseudonymKeyRow {
  sagsId: string;
  cpr: string | null;
  navn: string | null;
}

/** A CPR number in running text: six digits, an optional hyphen, dash or space, four digits. */
const CPR_IN_TEXT = new RegExp(`(?<!\\d)(?<!\\d[.,])(\\d{6})${CPR_SEPARATOR}?(\\d{4})(?!\\d|\\.\\d)`, "g");
/** Nine digits in running text: a CPR number that lost its leading zero (replaced when it is known). */
const NINE_DIGITS = /(?<!\d)(?<!\d[.,])\d{9}(?!\d|\.\d)/g;

const digitsOf = cprDigits;

export interface Pseudonymiser {
  /** The text's new value: case ids for known CPR numbers and names, other CPR-like numbers hidden. */
  text(value: string): string;
  /** A cell of a name column (Navn, Fornavn, Efternavn): a known name, also of one word, becomes the case id. */
  nameCell(value: string): string;
  /** The case id of a known name, or undefined. */
  caseOfName(name: string): string | undefined;
  /** A number cell that is a known CPR without its leading zero becomes the case id. */
  number(value: number): string | number;
  /** Cells changed so far. */
  changed: number;
}

const UNKNOWN_CPR = "XXXXXX-XXXX";

export function pseudonymiser(key: readonly PseudonymKeyRow[]): Pseudonymiser {
  const byCpr = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const k of key) {
    const d = k.cpr ? digitsOf(k.cpr) : null;
    if (d) byCpr.set(d, k.sagsId);
    if (k.navn && nameKey(k.navn) !== "") byName.set(nameKey(k.navn), k.sagsId);
  }
  const names = new NameFinder(byName.keys());
  const rewrite = (value: string): string => {
    // Ten digits whose first six are no date are no CPR number (a printer resolution, an id): left alone.
    let out = value.replace(CPR_IN_TEXT, (m: string, a: string, b: string) => byCpr.get(a + b) ?? (parseCpr(a + b).ok ? UNKNOWN_CPR : m));
    out = out.replace(NINE_DIGITS, (m) => byCpr.get("0" + m) ?? m);
    out = names.replace(out, (key) => byName.get(key)!);
    return out;
  };

  const self: Pseudonymiser = {
    changed: 0,
    text(value) {
      const out = rewrite(value);
      if (out !== value) self.changed++;
      return out;
    },
    nameCell(value) {
      const out = byName.get(nameKey(value)) ?? rewrite(value);
      if (out !== value) self.changed++;
      return out;
    },
    caseOfName(name) {
      return byName.get(nameKey(name));
    },
    number(value) {
      if (!Number.isInteger(value) || value < 1e8 || value >= 1e10) return value;
      const id = byCpr.get(String(value).padStart(10, "0"));
      if (id === undefined) return value;
      self.changed++;
      return id;
    },
  };
  return self;
}

/** DDMMYY-SSSS -> DDMMYY-XXXX (also without the hyphen, and for numbers that lost their leading zero). */
export function maskCpr(cpr: string): string {
  const d = digitsOf(cpr);
  return d ? `${d.slice(0, 6)}-XXXX` : cpr;
}

export interface Masker {
  text(value: string): string;
  number(value: number): string | number;
  changed: number;
}

/** Masks CPR numbers wherever they stand; known ones (from Sager) also when stored as numbers. */
export function cprMasker(knownCprs: readonly string[]): Masker {
  const known = new Set(knownCprs.map(digitsOf).filter((d): d is string => d !== null));
  const self: Masker = {
    changed: 0,
    text(value) {
      const out = value
        .replace(CPR_IN_TEXT, (m: string, a: string, b: string) => (known.has(a + b) || parseCpr(a + b).ok ? `${a}-XXXX` : m))
        .replace(NINE_DIGITS, (m) => (known.has("0" + m) ? `0${m.slice(0, 5)}-XXXX` : m));
      if (out !== value) self.changed++;
      return out;
    },
    number(value) {
      if (!Number.isInteger(value) || value < 1e8 || value >= 1e10) return value;
      const d = String(value).padStart(10, "0");
      if (!known.has(d)) return value;
      self.changed++;
      return `${d.slice(0, 6)}-XXXX`;
    },
  };
  return self;
}

/** A CSV field that a spreadsheet opens as text (no formula injection) and that survives ; and quotes. */
export function csvField(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? "'" + value : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The key file: UTF-8 with BOM and semicolons, as Danish Excel opens CSV. */
export function keyCsv(key: readonly PseudonymKeyRow[]): string {
  const lines = ["Sags-ID;CPR;Navn", ...key.map((k) => [k.sagsId, k.cpr, k.navn].map(csvField).join(";"))];
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
