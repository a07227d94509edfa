// The default contents of the setup sheet: the attendance statuses, the enumeration lists and the
// parameters a freshly converted workbook starts with (docs/domain.md, docs/workbook.md). Users extend them.
import {
  BESLUTNINGER,
  FORSOERGELSESGRUNDLAG,
  FREMMOEDESTATUSSER,
  HENVISERE,
  JA_NEJ,
  LOVGRUNDLAG,
  PLADSTYPER,
  UDSKRIVNINGSAARSAGER,
} from "./enums";
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
