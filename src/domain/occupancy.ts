// Occupancy (belægning) per case and per unit (docs/domain.md): place weight, enrolment days in a period,
// place-days, normerede pladser, "active" on the reference date, average occupied places and the
// occupancy rate. The reference for the Sager and Enheder formulas; every function is total.
import { DEFAULT_DELTIDSVAEGT } from "./enums";
import type { Case, Unit } from "./model";

export { sameText } from "./text";
import { sameText } from "./text";

/** The first unit of that name (as MATCH finds it), or undefined. */
export function findUnit(units: readonly Unit[], name: string | null): Unit | undefined {
  if (name === null || name === "") return undefined;
  return units.find((u) => sameText(u.enhed, name));
}

/** The weight of a unit's part-time place: its Deltidsvægt, or the default 0.75 when empty. */
export function partTimeWeight(unit: Unit | undefined): number {
  return unit?.deltidsvaegt ?? DEFAULT_DELTIDSVAEGT;
}

/**
 * Place weight w_i: the unit's part-time weight for "Deltid" (0.75 when the unit is unknown or has no
 * weight), otherwise 1 (Fuldtid, and an empty place type, which the regulation counts as a full place).
 */
export function placeWeight(c: Pick<Case, "pladstype" | "enhed">, units: readonly Unit[]): number {
  if (!sameText(c.pladstype, "Deltid")) return 1;
  return partTimeWeight(findUnit(units, c.enhed));
}

/**
 * days_i(P) = max(0, min(e_i or P_end, P_end) - max(s_i, P_start) + 1) calendar days, both ends
 * inclusive. Null (an empty cell) when the case has no enrolment date: the input is missing.
 */
export function daysInPeriod(c: Pick<Case, "indskrevet" | "udskrevet">, start: number, end: number): number | null {
  if (c.indskrevet === null) return null;
  const last = Math.min(c.udskrevet ?? end, end);
  const first = Math.max(c.indskrevet, start);
  return Math.max(0, last - first + 1);
}

/** The first and last day of a case's enrolment within [start, end]; null without an enrolment date. */
export function enrolmentWindow(c: Pick<Case, "indskrevet" | "udskrevet">, start: number, end: number): { first: number; last: number } | null {
  if (c.indskrevet === null) return null;
  return { first: Math.max(c.indskrevet, start), last: Math.min(c.udskrevet ?? end, end) };
}

/** Place-days w_i x days_i(P); null without an enrolment date. */
export function placeDays(c: Case, units: readonly Unit[], start: number, end: number): number | null {
  const days = daysInPeriod(c, start, end);
  return days === null ? null : placeWeight(c, units) * days;
}

/**
 * Normerede pladser = full-time places + part-time weight x part-time places (42 + 0.75 x 70 = 94.5).
 * An empty count is 0; null when the unit states neither count.
 */
export function normeredePladser(unit: Unit): number | null {
  if (unit.fuldtidspladser === null && unit.deltidspladser === null) return null;
  return (unit.fuldtidspladser ?? 0) + partTimeWeight(unit) * (unit.deltidspladser ?? 0);
}

/**
 * Active on the reference date: enrolled on or before it and not discharged before it
 * (a discharge on the reference date still counts). Null without an enrolment date.
 */
export function isActive(c: Pick<Case, "indskrevet" | "udskrevet">, referenceDate: number): boolean | null {
  if (c.indskrevet === null) return null;
  return c.indskrevet <= referenceDate && (c.udskrevet === null || c.udskrevet >= referenceDate);
}

/** B_u(P) = sum over the unit's cases of w_i x days_i(P), divided by the days in P. */
export function averageOccupiedPlaces(cases: readonly Case[], units: readonly Unit[], unitName: string, start: number, end: number): number {
  let weighted = 0;
  for (const c of cases) {
    if (!sameText(c.enhed, unitName)) continue;
    weighted += placeDays(c, units, start, end) ?? 0;
  }
  return weighted / (end - start + 1);
}

/** Belægningsprocent = B_u(P) / normerede pladser; null when the unit has no places. */
export function occupancyRate(cases: readonly Case[], units: readonly Unit[], unitName: string, start: number, end: number): number | null {
  const unit = findUnit(units, unitName);
  const places = unit ? normeredePladser(unit) : null;
  if (places === null || places === 0) return null;
  return averageOccupiedPlaces(cases, units, unitName, start, end) / places;
}
