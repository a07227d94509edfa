// Sager's helper columns that the rows of Fremmoede and Statusmaalinger read by their Sagsrække: the
// case's unit as Enheder spells it, and its enrolment as two plain dates. Worked out once per case
// here, 2,000 cells, instead of again in each of 100,000 attendance rows (each row made a MATCH into
// Enheder and read the case's dates four times with their checks; decision 0005).
import { sameText } from "../../domain/occupancy";
import type { Case, StructuredData } from "../../domain/model";
import { NUMFMT, TABLES, col, thisRow } from "../contract";
import type { ComputedColumn } from "../computed";

/** Excel's last date, 31-12-9999: the end of an enrolment with no (or no valid) end date. */
export const OPEN_END = 2958465;

export const CASE_UNIT_COLUMN = "Enhed i Enheder";
export const ENROLMENT_FROM_COLUMN = "Forløb fra";
export const ENROLMENT_TO_COLUMN = "Forløb til";

const s = (c: string): string => thisRow(TABLES.sager, c);

/** The case's unit as the unit list spells it; null when it is not on the list. */
export function caseUnitName(c: Case, data: StructuredData): string | null {
  return data.units.find((u) => sameText(u.enhed, c.enhed))?.enhed ?? null;
}

export const SAGER_LOOKUP_COLUMNS: ComputedColumn<Case>[] = [
  {
    table: TABLES.sager,
    name: CASE_UNIT_COLUMN,
    // "" when the case's unit is not on the unit list.
    formula: `=IFERROR(INDEX(${col("Enheder", "Enhed")},MATCH(${s("Enhed")},${col("Enheder", "Enhed")},0)),"")`,
    reference: caseUnitName,
    compare: "exact",
  },
  {
    table: TABLES.sager,
    name: ENROLMENT_FROM_COLUMN,
    // "" when Indskrevet is not a date: every date compares below a text, so no row falls inside.
    formula: `=IF(ISNUMBER(${s("Indskrevet")}),${s("Indskrevet")},"")`,
    numFmt: NUMFMT.date,
    reference: (c) => c.indskrevet,
  },
  {
    table: TABLES.sager,
    name: ENROLMENT_TO_COLUMN,
    // An empty or text Udskrevet reads as still enrolled, as the reference's null end.
    formula: `=IF(ISNUMBER(${s("Udskrevet")}),${s("Udskrevet")},${OPEN_END})`,
    numFmt: NUMFMT.date,
    reference: (c) => c.udskrevet ?? OPEN_END,
  },
];
