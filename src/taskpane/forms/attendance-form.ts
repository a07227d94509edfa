// The attendance form's logic, apart from React: the day's kind (weekend, holiday, closure day), the
// registrations already made, one key per status, "alle mødt", validation with the shared schema, and the
// rows a save writes to Fremmoede: new rows appended, a case's earlier registration of the day replaced.
import { isoWeekday, ymd } from "../../domain/dates";
import { danishHolidays, LUKKEDAG, missingHolidays } from "../../domain/holidays";
import { sameText } from "../../domain/instruments";
import type { Holiday } from "../../domain/model";
import { attendanceSchema } from "../../domain/schemas";
import { TABLES } from "../../workbook/contract";
import { messages } from "../messages";
import type { PortCell, TableChange, TableContents } from "../../ports/workbook-port";
import { attendanceRecord } from "./rows";
import type { StatusOption } from "./setup";
import { serialDate, tableRows, text } from "./table-rows";

export type DayKind = { kind: "workday" } | { kind: "weekend" } | { kind: "holiday" | "closure"; name: string; type: string };

/** Whether the unit normally opens on the day, and why not (holidays and closure days from Helligdage). */
export function dayKind(day: number, holidays: readonly Holiday[]): DayKind {
  const h = holidaysOfYear(day, holidays).find((x) => x.dato === day);
  if (h) return { kind: sameText(h.type, LUKKEDAG) ? "closure" : "holiday", name: h.navn, type: h.type };
  return isoWeekday(day) >= 6 ? { kind: "weekend" } : { kind: "workday" };
}

/**
 * The holidays of the day's year: the table's rows of that year, or, when the table holds none of that
 * year yet, the year's Danish holidays and closure days (the save adds them to Helligdage).
 */
export function holidaysOfYear(day: number, holidays: readonly Holiday[]): readonly Holiday[] {
  const { year } = ymd(day);
  const held = holidays.filter((h) => ymd(h.dato).year === year);
  return held.length > 0 ? held : danishHolidays(year);
}

/**
 * The Helligdage rows a registration on the day needs: the holidays of its year and the next, for the
 * years the table does not hold yet (null when it holds both).
 */
export function holidayRowsFor(day: number, holidays: readonly Holiday[]): TableChange | null {
  const { year } = ymd(day);
  const rows = missingHolidays(holidays, year, year + 1);
  return rows.length === 0 ? null : { table: TABLES.helligdage, appends: rows.map((h) => ({ Dato: h.dato, Navn: h.navn, Type: h.type })) };
}

export function dayKindText(k: DayKind): string | null {
  if (k.kind === "weekend") return messages.attendanceForm.weekend;
  if (k.kind === "holiday" || k.kind === "closure") return messages.attendanceForm.holiday(k.name, k.type);
  return null;
}

/** A status as written in the sheet (its name or its code, any letter case) -> the setup's status name. */
export function statusName(value: string | null, statuses: readonly StatusOption[]): string | null {
  if (value === null) return null;
  const v = value.trim();
  const s = statuses.find((x) => sameText(x.status, v)) ?? statuses.find((x) => x.kode !== "" && sameText(x.kode, v));
  return s ? s.status : null;
}

/** The status a key press sets: the status whose one-letter code is that key (ignoring case). */
export function statusForKey(key: string, statuses: readonly StatusOption[]): string | null {
  if (key.length !== 1) return null;
  return statuses.find((s) => s.kode !== "" && sameText(s.kode, key))?.status ?? null;
}

/** The status "alle mødt" sets: the one with code M (or named Mødt). */
export function metStatus(statuses: readonly StatusOption[]): string | null {
  return (statuses.find((s) => sameText(s.kode, "M")) ?? statuses.find((s) => sameText(s.status, "Mødt")))?.status ?? null;
}

export interface Registration {
  index: number;
  status: string | null;
}

/** Registrations of the day by Sags-ID (lower case); the first row counts where a case has several. */
export function registrationsOn(t: TableContents | null, day: number, statuses: readonly StatusOption[]): Map<string, Registration> {
  const out = new Map<string, Registration>();
  for (const r of tableRows(t)) {
    const sagsId = text(r.get("Sags-ID"));
    if (!sagsId || serialDate(r.get("Dato")) !== day) continue;
    const key = sagsId.toLowerCase();
    if (!out.has(key)) out.set(key, { index: r.index, status: statusName(text(r.get("Status")), statuses) ?? text(r.get("Status")) });
  }
  return out;
}

/** Every case without a status gets "Mødt"; statuses already set stay. */
export function markAllMet(entries: Readonly<Record<string, string>>, sagsIds: readonly string[], met: string): Record<string, string> {
  const out = { ...entries };
  for (const id of sagsIds) if (!out[id]) out[id] = met;
  return out;
}

export interface AttendancePlan {
  change: TableChange | null;
  appended: number;
  /** Cases whose earlier registration of the day gets another status (the user confirms these). */
  replaced: string[];
  errors: Record<string, string>;
}

/**
 * What saving the entries writes. A case with no registration that day is appended; one with a
 * different status is replaced in place (its note is left alone); an unchanged one is not written.
 */
export function planAttendance(
  entries: Readonly<Record<string, string>>,
  day: number,
  existing: ReadonlyMap<string, Registration>,
  statuses: readonly StatusOption[]
): AttendancePlan {
  const schema = attendanceSchema(statuses.map((s) => s.status));
  const errors: Record<string, string> = {};
  const appends: Record<string, PortCell>[] = [];
  const updates: NonNullable<TableChange["updates"]> = [];
  const replaced: string[] = [];
  for (const [sagsId, status] of Object.entries(entries)) {
    if (!status) continue;
    const row = { sagsId, dato: day, status, bemaerkning: null };
    const check = schema.safeParse(row);
    if (!check.success) {
      errors[sagsId] = check.error.issues[0]?.message ?? messages.attendanceForm.unknownStatus;
      continue;
    }
    const before = existing.get(sagsId.toLowerCase());
    if (!before) {
      appends.push(attendanceRecord(row));
    } else if (before.status !== status) {
      const values = attendanceRecord(row);
      delete values["Bemærkning"];
      updates.push({ index: before.index, values, previous: { ...values, Status: before.status } });
      replaced.push(sagsId);
    }
  }
  const change: TableChange | null =
    appends.length + updates.length === 0 ? null : { table: TABLES.fremmoede, ...(updates.length ? { updates } : {}), ...(appends.length ? { appends } : {}) };
  return { change, appended: appends.length, replaced, errors };
}
