// Absence columns of `Sager`: planned, registered, absence and unlawful-absence days, their rates and
// the unregistered days, each beside its reference in src/domain/absence.ts (which states the rules).
import { caseAbsence, type AbsenceFigures } from "../../domain/absence";
import type { Case, StructuredData } from "../../domain/model";
import { DEFINED_NAMES, NUMFMT, TABLES, col, thisRow } from "../contract";
import type { ComputedColumn, ComputedValue } from "../computed";
import { HAS_ENROLMENT, WINDOW_FIRST, WINDOW_LAST } from "./sager-occupancy";
import { blockRange, SAGER_ATTENDANCE_BLOCK } from "./case-blocks";

const r = (c: string): string => thisRow(TABLES.sager, c);
/** A Fremmoede column cut to this case's block of rows (the whole table while it is not sorted by case). */
const f = (c: string): string => blockRange(TABLES.fremmoede, c, TABLES.sager, SAGER_ATTENDANCE_BLOCK);

/**
 * COUNTIFS over the Fremmoede rows that count for this case: its Sags-ID, dated within the enrolment
 * window in the period, on a planned working day (the computed Arbejdsdag flag), plus the given flags.
 * It runs over the case's block only; the Sags-ID criterion keeps it right on the whole table.
 */
function registrations(flags: string[] = [], last: string = WINDOW_LAST): string {
  const criteria = [
    `${f("Sags-ID")},${r("Sags-ID")}`,
    `${f("Dato")},">="&${WINDOW_FIRST}`,
    `${f("Dato")},"<="&${last}`,
    `${f("Arbejdsdag")},1`,
    ...flags.map((flag) => `${f(flag)},1`),
  ];
  return `COUNTIFS(${criteria.join(",")})`;
}

/** The window's last day, cut at the reference date. */
const SO_FAR = `MIN(${WINDOW_LAST},${DEFINED_NAMES.opgoerelsesdato})`;

/** Days over the base (Basisdage), empty when the base is 0 (the division's #DIV/0!), as docs/domain.md asks. */
function rate(days: string): string {
  return `IFERROR(${r(days)}/${r("Basisdage")},"")`;
}

/** Empty where the case has no enrolment date, as the reference's null. */
function whenEnrolled(expr: string): string {
  return `=IF(${HAS_ENROLMENT},${expr},"")`;
}

// The figures of one case are needed by seven columns: compute them once per data set and case.
const cache = new WeakMap<StructuredData, Map<Case, AbsenceFigures | null>>();
function figures(c: Case, data: StructuredData): AbsenceFigures | null {
  let perCase = cache.get(data);
  if (!perCase) {
    perCase = new Map();
    cache.set(data, perCase);
  }
  if (!perCase.has(c)) perCase.set(c, caseAbsence(c, data));
  return perCase.get(c) ?? null;
}

function ref(pick: (a: AbsenceFigures) => number | null): (c: Case, data: StructuredData) => ComputedValue {
  return (c, data) => {
    const a = figures(c, data);
    return a === null ? null : pick(a);
  };
}

export const SAGER_ABSENCE_COLUMNS: ComputedColumn<Case>[] = [
  {
    table: TABLES.sager,
    name: "Planlagte dage",
    // NETWORKDAYS counts backwards (negative) when the window is empty; MAX turns that into 0.
    formula: whenEnrolled(`MAX(0,NETWORKDAYS(${WINDOW_FIRST},${WINDOW_LAST},${col(TABLES.helligdage, "Dato")}))`),
    numFmt: NUMFMT.integer,
    reference: ref((a) => a.planlagteDage),
  },
  {
    table: TABLES.sager,
    name: "Registrerede dage",
    formula: whenEnrolled(registrations()),
    numFmt: NUMFMT.integer,
    reference: ref((a) => a.registreredeDage),
  },
  {
    table: TABLES.sager,
    name: "Fraværsdage",
    formula: whenEnrolled(registrations(["I basis", "Fravær"])),
    numFmt: NUMFMT.integer,
    reference: ref((a) => a.fravaersdage),
  },
  {
    table: TABLES.sager,
    name: "Udeblivelsesdage",
    formula: whenEnrolled(registrations(["I basis", "Ulovligt fravær"])),
    numFmt: NUMFMT.integer,
    reference: ref((a) => a.udeblivelsesdage),
  },
  {
    table: TABLES.sager,
    // The base of both rates: registered days whose status is in the base. Shown, so a rate can be read
    // with what it is a share of; and counted once for both rates.
    name: "Basisdage",
    formula: whenEnrolled(registrations(["I basis"])),
    numFmt: NUMFMT.integer,
    reference: ref((a) => a.basisDage),
  },
  {
    table: TABLES.sager,
    name: "Fraværsprocent",
    formula: whenEnrolled(rate("Fraværsdage")),
    numFmt: NUMFMT.percent,
    reference: ref((a) => a.fravaersprocent),
  },
  {
    table: TABLES.sager,
    name: "Udeblivelsesprocent",
    formula: whenEnrolled(rate("Udeblivelsesdage")),
    numFmt: NUMFMT.percent,
    reference: ref((a) => a.udeblivelsesprocent),
  },
  {
    table: TABLES.sager,
    name: "Uregistrerede dage",
    // Only up to the earlier of the window's end and Opgørelsesdato: days not yet come are not missing.
    // NETWORKDAYS of an empty window is negative or 0 and no registration counts there, so MAX gives 0.
    formula: whenEnrolled(`MAX(0,NETWORKDAYS(${WINDOW_FIRST},${SO_FAR},${col(TABLES.helligdage, "Dato")})-${registrations([], SO_FAR)})`),
    numFmt: NUMFMT.integer,
    reference: ref((a) => a.uregistreredeDage),
  },
];
