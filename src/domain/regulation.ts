// Place regulation (pladsregulering) of §103/§104 units and jobcenter course income (docs/domain.md):
// the reference the Pladsregulering sheet's formulas are tested against.
import { yearEnd, yearStart } from "./dates";
import type { Reguleringsmodel, StructuredData, Unit } from "./model";
import { averageOccupiedPlaces, daysInPeriod, normeredePladser, placeWeight, sameText } from "./occupancy";

/** Legal bases whose units are regulated once a year. */
export const REGULATED_LOVGRUNDLAG = ["§103", "§104"] as const;

/** Default weeks per year of a jobcenter course when the user has not set them. */
export const DEFAULT_UGER = 52;

/**
 * Round to øre, half away from zero, after cutting binary noise at 6 decimals (as the formulas do
 * with ROUND(ROUND(x,6),2)): (89 - 94.5 x 0.95) x 105,465 is -81,735.37499999 in floating point.
 */
export function roundKr(x: number): number {
  const micro = Math.round(Math.abs(x) * 1e6) / 1e6;
  return (Math.sign(x) * Math.round(micro * 100)) / 100 || 0;
}

/** Normerede pladser as the Enheder column reads in a sum: a unit without places counts 0. */
export function placesOf(unit: Unit): number {
  return normeredePladser(unit) ?? 0;
}

/** Sum of days_i(P) (weighted by the place weight, or not) over a unit's cases. */
export function enrolmentDaysSum(data: StructuredData, unit: string, start: number, end: number, weighted: boolean): number {
  let days = 0;
  for (const c of data.cases) {
    if (!sameText(c.enhed, unit)) continue;
    days += (weighted ? placeWeight(c, data.units) : 1) * (daysInPeriod(c, start, end) ?? 0);
  }
  return days;
}

/** Average citizens enrolled (unweighted): sum of days_i over the year / days in the year. */
export function averageCitizens(data: StructuredData, unit: string, year: number): number {
  const start = yearStart(year);
  const end = yearEnd(year);
  return enrolmentDaysSum(data, unit, start, end, false) / (end - start + 1);
}

export interface RegulationInput {
  /** Normerede pladser. */
  n: number;
  /** Gennemsnitligt besatte pladser. */
  b: number;
  /** Reguleringspris per place per year (kr.); null when the unit has none. */
  reguleringspris: number | null;
  baandNedre: number;
  baandOevre: number;
  model: Reguleringsmodel;
}

export interface RegulationResult {
  /** B / N; null when N is 0. */
  belaegningsprocent: number | null;
  /** Inside [lower, upper], bounds inclusive; null when the occupancy is unknown. */
  indenForBaandet: boolean | null;
  /**
   * The places regulated: 0 inside the band; outside, "Hele afvigelsen" B - N, "Ud over båndet" B - N x bound,
   * bound being the edge crossed. Null when the occupancy is unknown.
   */
  reguleretAfvigelse: number | null;
  /**
   * 0 inside the band. Outside: "Hele afvigelsen" (B - N) x pris; "Ud over båndet" (B - N x bound) x pris,
   * bound being the edge crossed. Rounded to øre. Null when the occupancy or the price is unknown.
   */
  reguleringsbeloeb: number | null;
}

export function regulate(input: RegulationInput): RegulationResult {
  const { n, b, reguleringspris, baandNedre, baandOevre, model } = input;
  if (!(n > 0)) return { belaegningsprocent: null, indenForBaandet: null, reguleretAfvigelse: null, reguleringsbeloeb: null };
  const rate = b / n;
  const places = regulatedDeviation(n, b, baandNedre, baandOevre, model);
  if (rate >= baandNedre && rate <= baandOevre) return { belaegningsprocent: rate, indenForBaandet: true, reguleretAfvigelse: 0, reguleringsbeloeb: 0 };
  return {
    belaegningsprocent: rate,
    indenForBaandet: false,
    reguleretAfvigelse: places,
    reguleringsbeloeb: reguleringspris === null ? null : roundKr(places * reguleringspris),
  };
}

/**
 * Reguleret afvigelse (pladser): the deviation that is regulated. 0 when B / N lies in the band (bounds
 * inclusive); outside, "Hele afvigelsen" B - N, "Ud over båndet" B - N x bound, bound being the edge crossed.
 */
export function regulatedDeviation(n: number, b: number, baandNedre: number, baandOevre: number, model: Reguleringsmodel): number {
  const rate = b / n;
  if (rate >= baandNedre && rate <= baandOevre) return 0;
  const bound = rate < baandNedre ? baandNedre : baandOevre;
  return model === "Ud over båndet" ? b - n * bound : b - n;
}

/** Budget frame = N x stykpris, rounded to øre; null without a price. */
export function budgetramme(n: number, stykpris: number | null): number | null {
  return stykpris === null ? null : roundKr(n * stykpris);
}

/** Jobcenter course income = average citizens x weeks x price per week, rounded to øre. */
export function jobcenterIncome(averageCitizens: number, weeks: number, pricePerWeek: number): number {
  return roundKr(averageCitizens * weeks * pricePerWeek);
}

export interface RegulationRow {
  enhed: string;
  aar: number;
  normeredePladser: number;
  /** Pladsdage: the year's enrolment days of the unit's cases, each weighted by its place weight. */
  pladsdage: number;
  /** Pladsdage / the year's days. */
  gennemsnitligtBesattePladser: number;
  belaegningsprocent: number | null;
  indenForBaandet: boolean | null;
  reguleretAfvigelse: number | null;
  reguleringsbeloeb: number | null;
  budgetramme: number | null;
}

export function isRegulatedUnit(unit: Unit): boolean {
  return REGULATED_LOVGRUNDLAG.some((l) => sameText(unit.lovgrundlag, l));
}

/** The Pladsregulering table: one row per §103/§104 unit for the year. */
export function regulationRows(data: StructuredData, year: number): RegulationRow[] {
  const start = yearStart(year);
  const end = yearEnd(year);
  return data.units
    .filter((u) => u.enhed.trim() !== "" && isRegulatedUnit(u))
    .map((u) => {
      const n = placesOf(u);
      const pladsdage = enrolmentDaysSum(data, u.enhed, start, end, true);
      const b = averageOccupiedPlaces(data.cases, data.units, u.enhed, start, end);
      const r = regulate({
        n,
        b,
        reguleringspris: u.reguleringspris,
        baandNedre: data.params.baandNedre,
        baandOevre: data.params.baandOevre,
        model: data.params.reguleringsmodel,
      });
      return {
        enhed: u.enhed,
        aar: year,
        normeredePladser: n,
        pladsdage,
        gennemsnitligtBesattePladser: b,
        ...r,
        budgetramme: budgetramme(n, u.stykpris),
      };
    });
}

/** Budget inputs of one jobcenter course type (entered by the user on the Pladsregulering sheet). */
export interface CourseBudget {
  forloebstype: string;
  budgetteredeBorgere: number | null;
  uger: number | null;
  prisPrUge: number | null;
}

export interface CourseIncomeRow extends CourseBudget {
  aar: number;
  budgetteretIndtaegt: number | null;
  faktiskeBorgere: number;
  faktiskIndtaegt: number | null;
}

/** Units that are jobcenter courses (legal basis LAB): the course types of the income table. */
export function courseTypes(data: StructuredData): string[] {
  return data.units.filter((u) => u.enhed.trim() !== "" && sameText(u.lovgrundlag, "LAB")).map((u) => u.enhed);
}

/** Budgeted and actual income per course type; actual citizens come from enrolment days. */
export function courseIncomeRows(data: StructuredData, year: number, budgets: readonly CourseBudget[]): CourseIncomeRow[] {
  return budgets.map((b) => {
    const actual = averageCitizens(data, b.forloebstype, year);
    const known = b.uger !== null && b.prisPrUge !== null;
    return {
      ...b,
      aar: year,
      budgetteretIndtaegt: known && b.budgetteredeBorgere !== null ? jobcenterIncome(b.budgetteredeBorgere, b.uger!, b.prisPrUge!) : null,
      faktiskeBorgere: actual,
      faktiskIndtaegt: known ? jobcenterIncome(actual, b.uger!, b.prisPrUge!) : null,
    };
  });
}
