// Absence (fravær) per case in a period (docs/domain.md): planned days, registered days, absence and
// unlawful-absence days, their rates and the unregistered days. The reference for the Sager and
// Fremmoede formulas, so both follow exactly these rules:
//
// - Planned days: Monday to Friday within the case's enrolment and the period, minus every date of
//   the holiday table (public holidays and closure days alike).
// - A registration (a Fremmoede row) counts for a case when its Sags-ID is the case's (compared as
//   text, case-insensitively, as COUNTIFS does), its date lies within the enrolment and the period,
//   and that date is a planned working day. So a registration on a weekend, a holiday or outside the
//   enrolment is ignored, and registered days can only exceed planned days through duplicate rows.
// - A status is looked up in the status table by its name, else by its one-letter code (both
//   case-insensitive); an unknown status has no flags (not in the base, no absence).
// - Base = counting registrations whose status is "I basis"; absence days = those also "Fravær"
//   (lawful and unlawful); unlawful days = those also "Ulovligt fravær". A rate over a base of 0 is
//   empty (null), never 0 % and never an error.
// - Uregistrerede dage = max(0, planned - registered), both counted only up to the earlier of the
//   period's end and the reference date (Opgørelsesdato): days not yet come are not missing.
// A case without an enrolment date has none of these figures (null: the input is missing).
import { rowsOfCase } from "./rows-of-case";
import { isoWeekday } from "./dates";
import { holidayDates } from "./holidays";
import type { Attendance, AttendanceStatusRow, Case, Holiday, StructuredData } from "./model";
import { enrolmentWindow, sameText } from "./occupancy";

/** The status row a registration's status names: by Status first, else by Kode. */
export function findStatus(status: string | null, statuses: readonly AttendanceStatusRow[]): AttendanceStatusRow | undefined {
  if (status === null || status === "") return undefined;
  return statuses.find((s) => sameText(s.status, status)) ?? statuses.find((s) => sameText(s.kode, status));
}

export interface StatusFlags {
  iBasis: 0 | 1;
  fravaer: 0 | 1;
  ulovligtFravaer: 0 | 1;
}

/** The 1/0 flags of a registration's status; null when the status is empty; all 0 when unknown. */
export function statusFlags(status: string | null, statuses: readonly AttendanceStatusRow[]): StatusFlags | null {
  if (status === null || status === "") return null;
  const s = findStatus(status, statuses);
  return {
    iBasis: s?.iBasis ? 1 : 0,
    fravaer: s?.fravaer ? 1 : 0,
    ulovligtFravaer: s?.ulovligtFravaer ? 1 : 0,
  };
}

/** A status's flags as one number: 1 if I basis, plus 2 if Fravær, plus 4 if Ulovligt fravær. */
export function statusFlagNumber(s: Record<keyof StatusFlags, boolean | 0 | 1>): number {
  return (s.iBasis ? 1 : 0) + (s.fravaer ? 2 : 0) + (s.ulovligtFravaer ? 4 : 0);
}

/** A planned working day: Monday to Friday and not in the holiday table. */
export function isWorkingDay(date: number, holidays: ReadonlySet<number>): boolean {
  return isoWeekday(date) <= 5 && !holidays.has(date);
}

/** Working days in [first, last] inclusive (0 when first > last), as NETWORKDAYS counts them. */
export function workingDaysBetween(first: number, last: number, holidays: ReadonlySet<number>): number {
  let n = 0;
  for (let d = first; d <= last; d++) if (isWorkingDay(d, holidays)) n++;
  return n;
}

/** Planned days of a case in [start, end]; null without an enrolment date. */
export function plannedDays(c: Pick<Case, "indskrevet" | "udskrevet">, start: number, end: number, holidays: ReadonlySet<number>): number | null {
  const w = enrolmentWindow(c, start, end);
  return w === null ? null : workingDaysBetween(w.first, w.last, holidays);
}

/** The registrations that count for a case in [start, end] (see the module comment). */
export function countingRegistrations(
  c: Pick<Case, "sagsId" | "indskrevet" | "udskrevet">,
  attendance: readonly Attendance[],
  start: number,
  end: number,
  holidays: ReadonlySet<number>
): Attendance[] {
  const w = enrolmentWindow(c, start, end);
  if (w === null) return [];
  return rowsOfCase(attendance, c.sagsId).filter((a) => a.dato >= w.first && a.dato <= w.last && isWorkingDay(a.dato, holidays));
}

export interface AbsenceFigures {
  planlagteDage: number;
  registreredeDage: number;
  /** Counting registrations whose status is in the base of the rates. */
  basisDage: number;
  fravaersdage: number;
  udeblivelsesdage: number;
  /** Null when the base is 0. */
  fravaersprocent: number | null;
  udeblivelsesprocent: number | null;
  uregistreredeDage: number;
}

/** Every absence figure of a case in [start, end]; null without an enrolment date. */
export function absenceFigures(
  c: Pick<Case, "sagsId" | "indskrevet" | "udskrevet">,
  attendance: readonly Attendance[],
  statuses: readonly AttendanceStatusRow[],
  holidays: readonly Holiday[] | ReadonlySet<number>,
  start: number,
  end: number,
  /** The reference date: Uregistrerede dage counts up to the earlier of it and `end` (default `end`). */
  asOf: number = end
): AbsenceFigures | null {
  const dates = holidays instanceof Set ? holidays : holidayDates(holidays as readonly Holiday[]);
  const planned = plannedDays(c, start, end, dates);
  if (planned === null) return null;
  const regs = countingRegistrations(c, attendance, start, end, dates);
  let base = 0;
  let absent = 0;
  let unlawful = 0;
  for (const r of regs) {
    const f = statusFlags(r.status, statuses);
    if (!f || f.iBasis === 0) continue;
    base++;
    absent += f.fravaer;
    unlawful += f.ulovligtFravaer;
  }
  return {
    planlagteDage: planned,
    registreredeDage: regs.length,
    basisDage: base,
    fravaersdage: absent,
    udeblivelsesdage: unlawful,
    fravaersprocent: base === 0 ? null : absent / base,
    udeblivelsesprocent: base === 0 ? null : unlawful / base,
    uregistreredeDage: unregisteredDays(c, attendance, start, Math.min(end, asOf), dates, planned, regs.length, end),
  };
}

/** max(0, planned - registered) over [start, last]; the figures over [start, end] are reused when last = end. */
function unregisteredDays(
  c: Pick<Case, "sagsId" | "indskrevet" | "udskrevet">,
  attendance: readonly Attendance[],
  start: number,
  last: number,
  holidays: ReadonlySet<number>,
  planned: number,
  registered: number,
  end: number
): number {
  if (last >= end) return Math.max(0, planned - registered);
  const p = plannedDays(c, start, last, holidays) ?? 0;
  return Math.max(0, p - countingRegistrations(c, attendance, start, last, holidays).length);
}

/** absenceFigures over the workbook's own period (Periodestart..Periodeslut) and tables. */
export function caseAbsence(c: Case, data: StructuredData): AbsenceFigures | null {
  return absenceFigures(
    c,
    data.attendance,
    data.attendanceStatuses,
    data.holidays,
    data.params.periodestart,
    data.params.periodeslut,
    data.params.opgoerelsesdato
  );
}
