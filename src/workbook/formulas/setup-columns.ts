// Computed columns of the setup-driven tables: Normerede pladser on `Enheder`, the flag number on
// `Fremmoedestatus`, and on `Fremmoede` the status flags looked up there plus the working-day flag the
// Sager absence counts need.
import { isWorkingDay, statusFlagNumber, statusFlags, type StatusFlags } from "../../domain/absence";
import { DEFAULT_DELTIDSVAEGT } from "../../domain/enums";
import { holidayDates } from "../../domain/holidays";
import { normeredePladser } from "../../domain/occupancy";
import type { Attendance, AttendanceStatusRow, StructuredData, Unit } from "../../domain/model";
import { NUMFMT, TABLES, col, thisRow } from "../contract";
import type { ComputedColumn } from "../computed";

const u = (c: string): string => thisRow(TABLES.enheder, c);
const a = (c: string): string => thisRow(TABLES.fremmoede, c);
const fs = (c: string): string => col(TABLES.fremmoedestatus, c);
const st = (c: string): string => thisRow(TABLES.fremmoedestatus, c);

export const ENHEDER_COMPUTED_COLUMNS: ComputedColumn<Unit>[] = [
  {
    table: TABLES.enheder,
    name: "Normerede pladser",
    // N() reads an empty count as 0; an empty weight is the default, not 0.
    formula:
      `=IF(AND(${u("Fuldtidspladser")}="",${u("Deltidspladser")}=""),"",` +
      `N(${u("Fuldtidspladser")})+IF(${u("Deltidsvægt")}="",${DEFAULT_DELTIDSVAEGT},N(${u("Deltidsvægt")}))*N(${u("Deltidspladser")}))`,
    numFmt: NUMFMT.number,
    reference: (unit) => normeredePladser(unit),
  },
];

/**
 * A status's three flags as one number, 1 x I basis + 2 x Fravær + 4 x Ulovligt fravær, in the status
 * table. Each attendance row then finds its status once and takes its flags from that number: finding it
 * once per flag (three MATCHes and three Ja/Nej texts compared per row) cost LibreOffice 40 % more
 * instructions, four cells against three included (docs/performance.md).
 */
const FLAG_BITS = { "I basis": 1, Fravær: 2, "Ulovligt fravær": 4 } as const;
type Flag = keyof typeof FLAG_BITS;
/** The helper column, on both `Fremmoedestatus` and `Fremmoede`, holding a status's flags as one number. */
export const FLAG_NUMBER_COLUMN = "Flagtal";

export const FREMMOEDESTATUS_COMPUTED_COLUMNS: ComputedColumn<AttendanceStatusRow>[] = [
  {
    table: TABLES.fremmoedestatus,
    name: FLAG_NUMBER_COLUMN,
    formula:
      "=" +
      Object.entries(FLAG_BITS)
        .map(([flag, bit]) => `IF(${st(flag)}="Ja",${bit},0)`)
        .join("+"),
    numFmt: NUMFMT.integer,
    reference: (s) => statusFlagNumber(s),
  },
];

/**
 * The row's status as MATCH compares it literally: MATCH reads "?", "*" and "~" in the looked-up text as
 * wildcards, so an unknown code "?" from an imported grid would find the first one-letter status and count
 * as its absence. "~" escapes each of them, in Excel and LibreOffice alike.
 */
const literalStatus = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${a("Status")},"~","~~"),"*","~*"),"?","~?")`;

/**
 * The flag number of a registration's status: looked up by Status, else by Kode (so a register that
 * holds grid codes works too). Unknown status: 0. Empty status: empty.
 */
const flagNumberBy = (key: string): string => `INDEX(${fs(FLAG_NUMBER_COLUMN)},MATCH(${literalStatus},${fs(key)},0))`;
const FLAG_NUMBER: ComputedColumn<Attendance> = {
  table: TABLES.fremmoede,
  name: FLAG_NUMBER_COLUMN,
  formula: `=IF(${a("Status")}="","",IFERROR(${flagNumberBy("Status")},IFERROR(${flagNumberBy("Kode")},0)))`,
  numFmt: NUMFMT.integer,
  reference: (row, data) => {
    const f = statusFlags(row.status, data.attendanceStatuses);
    return f === null ? null : statusFlagNumber(f);
  },
};

/**
 * A status flag as 1/0, taken from the row's flag number; empty where the status is (MOD of the
 * empty text is #VALUE!, which IFERROR turns into ""). One reference to the number instead of two:
 * every reference is written out in full on each of the register's rows.
 */
function flagColumn(flag: Flag, pick: (f: StatusFlags) => 0 | 1): ComputedColumn<Attendance> {
  const n = a(FLAG_NUMBER_COLUMN);
  const bit = FLAG_BITS[flag];
  return {
    table: TABLES.fremmoede,
    name: flag,
    formula: `=IFERROR(MOD(${bit === 1 ? n : `INT(${n}/${bit})`},2),"")`,
    numFmt: NUMFMT.integer,
    reference: (row, data) => {
      const f = statusFlags(row.status, data.attendanceStatuses);
      return f === null ? null : pick(f);
    },
  };
}

const holidaySets = new WeakMap<StructuredData, Set<number>>();
function holidaysOf(data: StructuredData): Set<number> {
  let s = holidaySets.get(data);
  if (!s) {
    s = holidayDates(data.holidays);
    holidaySets.set(data, s);
  }
  return s;
}

export const FREMMOEDE_COMPUTED_COLUMNS: ComputedColumn<Attendance>[] = [
  flagColumn("I basis", (f) => f.iBasis),
  flagColumn("Fravær", (f) => f.fravaer),
  flagColumn("Ulovligt fravær", (f) => f.ulovligtFravaer),
  {
    table: TABLES.fremmoede,
    name: "Arbejdsdag",
    // A planned working day: Monday to Friday and not in Helligdage, the same rule as Planlagte dage.
    formula: `=IF(ISNUMBER(${a("Dato")}),NETWORKDAYS(${a("Dato")},${a("Dato")},${col(TABLES.helligdage, "Dato")}),"")`,
    numFmt: NUMFMT.integer,
    reference: (row, data) => (isWorkingDay(row.dato, holidaysOf(data)) ? 1 : 0),
  },
  FLAG_NUMBER,
];
