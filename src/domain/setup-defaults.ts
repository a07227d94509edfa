// The default contents of the setup sheet: the attendance statuses, the enumeration lists and the
// parameters a freshly converted workbook starts with (docs/domain.md, docs/workbook.md). Users extend them.
import { BESLUTNINGER, FORSOERGELSESGRUNDLAG, FREMMOEDESTATUSSER, HENVISERE, JA_NEJ, LOVGRUNDLAG, PLADSTYPER, UDSKRIVNINGSAARSAGER } from "./enums";
import { ymd, yearEnd, yearStart } from "./dates";
import type { AttendanceStatusRow, Params } from "./model";

/** The Fremmoedestatus rows: one per attendance status, with its code and flags. */
export function defaultAttendanceStatuses(): AttendanceStatusRow[] {
  return FREMMOEDESTATUSSER.map((s) => ({
    status: s.status,
    kode: s.code,
    taellerSom: s.countsAs,
    iBasis: s.inBase,
    fravaer: s.countsAs === "lovligt fravær" || s.countsAs === "ulovligt fravær",
    ulovligtFravaer: s.countsAs === "ulovligt fravær",
  }));
}

/**
 * The columns of the Lister table by list name (the names match the workbook contract's LISTS):
 * every enumeration of enums.ts, plus Ja/Nej.
 */
export const DEFAULT_LISTS: Readonly<Record<string, readonly string[]>> = {
  Lovgrundlag: LOVGRUNDLAG,
  Pladstype: PLADSTYPER,
  Udskrivningsårsag: UDSKRIVNINGSAARSAGER,
  Forsørgelsesgrundlag: FORSOERGELSESGRUNDLAG,
  Henviser: HENVISERE,
  Beslutning: BESLUTNINGER,
  JaNej: JA_NEJ,
};

export const DEFAULT_BAAND_NEDRE = 0.95;
export const DEFAULT_BAAND_OEVRE = 1.05;
export const DEFAULT_DISKRETIONSGRAENSE = 5;
export const DEFAULT_STATUSINTERVAL_MDR = 3;

/** Default parameters: the reference date is the conversion date, the period that date's calendar year. */
export function defaultParams(conversionDate: number): Params {
  const { year } = ymd(conversionDate);
  return {
    opgoerelsesdato: conversionDate,
    periodestart: yearStart(year),
    periodeslut: yearEnd(year),
    baandNedre: DEFAULT_BAAND_NEDRE,
    baandOevre: DEFAULT_BAAND_OEVRE,
    reguleringsmodel: "Hele afvigelsen",
    diskretionsgraense: DEFAULT_DISKRETIONSGRAENSE,
    statusintervalMdr: DEFAULT_STATUSINTERVAL_MDR,
  };
}

/** Where the period of `paramsFromData` came from. */
export type PeriodSource = "fremmøde" | "indskrivninger" | "konverteringsdato";

/**
 * Default parameters read off the data: the period is the latest calendar year with attendance
 * registrations, else the latest year in which a case is enrolled (an open case up to the conversion
 * date), else the conversion date's year. Opgørelsesdato is the last registered day of that year;
 * without registrations, the conversion date when it lies in that year, else the year's last day.
 * Dates outside 1990–2100 are typing errors and are passed over.
 */
export function paramsFromData(
  enrolments: Iterable<{ indskrevet: number | null; udskrevet: number | null }>,
  registrations: Iterable<number>,
  conversionDate: number
): Params & { periodSource: PeriodSource } {
  const plausible = (d: number | null): d is number => d !== null && Number.isFinite(d) && ymd(d).year >= 1990 && ymd(d).year <= 2100;
  let lastRegistration = -Infinity;
  for (const d of registrations) if (plausible(d) && d > lastRegistration) lastRegistration = d;
  let lastEnrolled = -Infinity;
  for (const c of enrolments) {
    if (!plausible(c.indskrevet)) continue;
    const until = plausible(c.udskrevet) ? c.udskrevet : Math.max(c.indskrevet, conversionDate);
    if (until > lastEnrolled) lastEnrolled = until;
  }
  const source: PeriodSource = lastRegistration > -Infinity ? "fremmøde" : lastEnrolled > -Infinity ? "indskrivninger" : "konverteringsdato";
  const anchor = source === "fremmøde" ? lastRegistration : source === "indskrivninger" ? lastEnrolled : conversionDate;
  const { year } = ymd(anchor);
  const start = yearStart(year);
  const end = yearEnd(year);
  const reference = source === "fremmøde" ? lastRegistration : conversionDate >= start && conversionDate <= end ? conversionDate : end;
  return { ...defaultParams(reference), periodestart: start, periodeslut: end, opgoerelsesdato: reference, periodSource: source };
}

/**
 * The period of a report for a year: that calendar year, and Opgørelsesdato its last registered day
 * (else the year's last day, or the given date when it lies inside the year).
 */
export function periodOfYear(year: number, registrations: Iterable<number>, today?: number): Pick<Params, "periodestart" | "periodeslut" | "opgoerelsesdato"> {
  const start = yearStart(year);
  const end = yearEnd(year);
  let last = -Infinity;
  for (const d of registrations) if (d >= start && d <= end && d > last) last = d;
  const reference = last > -Infinity ? last : today !== undefined && today >= start && today <= end ? today : end;
  return { periodestart: start, periodeslut: end, opgoerelsesdato: reference };
}
