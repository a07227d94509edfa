// Occupancy columns of `Sager`: place weight, enrolment days in the period, place-days and "active"
// on the reference date, each beside its reference in src/domain/occupancy.ts.
import { DEFAULT_DELTIDSVAEGT } from "../../domain/enums";
import { daysInPeriod, isActive, placeDays, placeWeight } from "../../domain/occupancy";
import type { Case } from "../../domain/model";
import { DEFINED_NAMES, NUMFMT, TABLES, col, thisRow } from "../contract";
import type { ComputedColumn } from "../computed";

const r = (c: string): string => thisRow(TABLES.sager, c);
const S = r("Indskrevet");
const E = r("Udskrevet");
const { periodestart: PS, periodeslut: PE, opgoerelsesdato: REF } = DEFINED_NAMES;

/*
 * Dates are tested with ISNUMBER rather than ="" so that a date left as text by the import (and
 * flagged in Problemer) gives an empty cell, never #VALUE!. The enrolment window in the period is
 * [MAX(Indskrevet, Periodestart), MIN(Udskrevet or Periodeslut, Periodeslut)]; the absence columns
 * use the same expressions.
 */
export const WINDOW_FIRST = `MAX(${S},${PS})`;
export const WINDOW_LAST = `MIN(IF(ISNUMBER(${E}),${E},${PE}),${PE})`;
export const HAS_ENROLMENT = `ISNUMBER(${S})`;

/** The unit's part-time weight by MATCH on Enheder (first match, case-insensitive like the reference). */
const unitMatch = `MATCH(${r("Enhed")},${col(TABLES.enheder, "Enhed")},0)`;
const unitWeight = `INDEX(${col(TABLES.enheder, "Deltidsvægt")},${unitMatch})`;

export const SAGER_OCCUPANCY_COLUMNS: ComputedColumn<Case>[] = [
  {
    table: TABLES.sager,
    name: "Pladsvægt",
    // An empty Deltidsvægt reads as 0 through INDEX, hence the explicit test for "".
    formula: `=IF(${r("Pladstype")}="Deltid",` + `IFERROR(IF(${unitWeight}="",${DEFAULT_DELTIDSVAEGT},${unitWeight}),${DEFAULT_DELTIDSVAEGT}),1)`,
    numFmt: NUMFMT.number,
    reference: (c, data) => placeWeight(c, data.units),
  },
  {
    table: TABLES.sager,
    name: "Dage i perioden",
    formula: `=IF(${HAS_ENROLMENT},MAX(0,${WINDOW_LAST}-${WINDOW_FIRST}+1),"")`,
    numFmt: NUMFMT.integer,
    reference: (c, data) => daysInPeriod(c, data.params.periodestart, data.params.periodeslut),
  },
  {
    table: TABLES.sager,
    name: "Pladsdage",
    formula: `=IF(${HAS_ENROLMENT},${r("Pladsvægt")}*${r("Dage i perioden")},"")`,
    numFmt: NUMFMT.number,
    reference: (c, data) => placeDays(c, data.units, data.params.periodestart, data.params.periodeslut),
  },
  {
    table: TABLES.sager,
    name: "Aktiv",
    formula: `=IF(${HAS_ENROLMENT},IF(AND(${S}<=${REF},IF(ISNUMBER(${E}),${E}>=${REF},TRUE)),"Ja","Nej"),"")`,
    reference: (c, data) => {
      const a = isActive(c, data.params.opgoerelsesdato);
      return a === null ? null : a ? "Ja" : "Nej";
    },
    compare: "exact",
  },
];
