// Computed columns of the setup-driven tables: Normerede pladser on `Enheder`, and on `Fremmoede` the
// status flags looked up in `Fremmoedestatus` plus the working-day flag the Sager absence counts need.
import { isWorkingDay, statusFlags, type StatusFlags } from "../../domain/absence";
import { DEFAULT_DELTIDSVAEGT } from "../../domain/enums";
import { holidayDates } from "../../domain/holidays";
import { normeredePladser } from "../../domain/occupancy";
import type { Attendance, StructuredData, Unit } from "../../domain/model";
import { NUMFMT, TABLES, col, thisRow } from "../contract";
import type { ComputedColumn } from "../computed";

const u = (c: string): string => thisRow(TABLES.enheder, c);
const a = (c: string): string => thisRow(TABLES.fremmoede, c);
const fs = (c: string): string => col(TABLES.fremmoedestatus, c);

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
 * A status flag as 1/0: the Ja/Nej of the status table's column, found by Status, else by Kode (so a
 * register that holds grid codes works too). Unknown status: 0. Empty status: empty.
 */
function flagFormula(flag: string): string {
  const lookup = (key: string): string => `IF(INDEX(${fs(flag)},MATCH(${a("Status")},${fs(key)},0))="Ja",1,0)`;
  return `=IF(${a("Status")}="","",IFERROR(${lookup("Status")},IFERROR(${lookup("Kode")},0)))`;
}

function flagReference(pick: (f: StatusFlags) => 0 | 1): (row: Attendance, data: StructuredData) => number | null {
  return (row, data) => {
    const f = statusFlags(row.status, data.attendanceStatuses);
    return f === null ? null : pick(f);
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
  {
    table: TABLES.fremmoede,
    name: "I basis",
    formula: flagFormula("I basis"),
    numFmt: NUMFMT.integer,
    reference: flagReference((f) => f.iBasis),
  },
  {
    table: TABLES.fremmoede,
    name: "Fravær",
    formula: flagFormula("Fravær"),
    numFmt: NUMFMT.integer,
    reference: flagReference((f) => f.fravaer),
  },
  {
    table: TABLES.fremmoede,
    name: "Ulovligt fravær",
    formula: flagFormula("Ulovligt fravær"),
    numFmt: NUMFMT.integer,
    reference: flagReference((f) => f.ulovligtFravaer),
  },
  {
    table: TABLES.fremmoede,
    name: "Arbejdsdag",
    // A planned working day: Monday to Friday and not in Helligdage, the same rule as Planlagte dage.
    formula: `=IF(ISNUMBER(${a("Dato")}),NETWORKDAYS(${a("Dato")},${a("Dato")},${col(TABLES.helligdage, "Dato")}),"")`,
    numFmt: NUMFMT.integer,
    reference: (row, data) => (isWorkingDay(row.dato, holidaysOf(data)) ? 1 : 0),
  },
];
