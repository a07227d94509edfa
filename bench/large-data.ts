// The "large municipality" data set of the benchmarks: exact row counts (cases, attendance, status
// measurements, units, years) so that figures compare across runs; seeded, so the same every time.
import { sortedByCase } from "../src/domain/case-blocks";
import { addMonths, isoWeekday, yearEnd, yearStart } from "../src/domain/dates";
import { FORSOERGELSESGRUNDLAG, HENVISERE, UDSKRIVNINGSAARSAGER } from "../src/domain/enums";
import { holidaysForYears } from "../src/domain/holidays";
import { DEFAULT_INSTRUMENT, INSTRUMENT_PRESETS } from "../src/domain/instruments";
import type { Attendance, Case, Goal, StatusMeasurement, StructuredData, Unit, Visitation } from "../src/domain/model";
import { defaultAttendanceStatuses, defaultParams } from "../src/domain/setup-defaults";
import { grantedVisitation, seededRandom } from "../src/sample/structured-data";

export interface LargeOptions {
  cases: number;
  attendance: number;
  measurements: number;
  units: number;
  years: number;
  /** Last year of the data; the period is that year. */
  lastYear?: number;
  seed?: number;
}

export const LARGE: LargeOptions = { cases: 2_000, attendance: 100_000, measurements: 20_000, units: 10, years: 3 };

/** The large sizes scaled down (BENCH_SCALE < 1) for a quick run while developing; units and years stay. */
export function scaled(o: LargeOptions, scale: number): LargeOptions {
  const n = (x: number): number => Math.max(10, Math.round(x * scale));
  return { ...o, cases: n(o.cases), attendance: n(o.attendance), measurements: n(o.measurements) };
}

const STATUSES = ["Mødt", "Mødt", "Mødt", "Mødt", "Mødt", "Mødt", "Syg", "Udeblevet (ulovligt fravær)", "Ferie", "Delvist mødt"];
const LAW = ["§103", "§104", "§103", "§104", "LAB", "STU", "§103", "§104", "§103", "§104"];

export function generateLargeData(o: LargeOptions): StructuredData {
  const rnd = seededRandom(o.seed ?? 2026);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const lastYear = o.lastYear ?? 2025;
  const firstYear = lastYear - o.years + 1;
  const dataStart = yearStart(firstYear);
  const dataEnd = yearEnd(lastYear);
  const holidays = holidaysForYears(firstYear, lastYear);
  const closed = new Set(holidays.map((h) => h.dato));
  const params = { ...defaultParams(yearEnd(lastYear) - 30), periodestart: yearStart(lastYear), periodeslut: yearEnd(lastYear) };

  const units: Unit[] = Array.from({ length: o.units }, (_, i) => ({
    enhed: `Værksted ${String(i + 1).padStart(2, "0")}`,
    lovgrundlag: LAW[i % LAW.length],
    fuldtidspladser: int(20, 60),
    deltidspladser: int(10, 60),
    deltidsvaegt: 0.75,
    loft: 20,
    stykpris: int(95, 150) * 1000,
    reguleringspris: int(80, 120) * 1000,
  }));

  const cases: Case[] = [];
  for (let i = 0; i < o.cases; i++) {
    const unit = units[i % units.length];
    const indskrevet = int(dataStart - 120, dataEnd - 60);
    const udskrevet = rnd() < 0.4 ? Math.min(indskrevet + int(60, 800), dataEnd) : null;
    cases.push({
      sagsId: `S-${String(i + 1).padStart(5, "0")}`,
      cpr: `${String(int(1, 28)).padStart(2, "0")}${String(int(1, 12)).padStart(2, "0")}${String(int(60, 99))}-${int(1000, 3999)}`,
      navn: `Borger ${i + 1}`,
      enhed: unit.enhed,
      lovgrundlag: unit.lovgrundlag,
      pladstype: rnd() < 0.6 ? "Fuldtid" : "Deltid",
      henviser: pick(HENVISERE),
      visitationsdato: indskrevet - int(5, 60),
      indskrevet,
      udskrevet,
      udskrivningsaarsag: udskrevet === null ? null : pick(UDSKRIVNINGSAARSAGER),
      forsoergelsesgrundlag: pick(FORSOERGELSESGRUNDLAG),
      jobcenterforloeb: rnd() < 0.3 ? "Ja" : null,
      kontaktperson: pick(["Birgitte", "Kasper", "Hanne", "Ole"]),
      bemaerkninger: null,
    });
  }

  // Attendance: an equal share per case on consecutive working days from its enrolment, so that
  // doubling the rows with the cases fixed doubles every case's registrations.
  const attendance: Attendance[] = [];
  const perCase = Math.ceil(o.attendance / o.cases);
  for (const c of cases) {
    let d = Math.max(c.indskrevet ?? dataStart, dataStart);
    for (let k = 0; k < perCase && attendance.length < o.attendance; d++) {
      if (isoWeekday(d) > 5 || closed.has(d)) continue;
      attendance.push({ sagsId: c.sagsId, dato: d, status: pick(STATUSES), bemaerkning: null });
      k++;
    }
  }

  const dims = INSTRUMENT_PRESETS[DEFAULT_INSTRUMENT];
  const measurements: StatusMeasurement[] = [];
  const perCaseM = Math.ceil(o.measurements / o.cases);
  for (const c of cases) {
    let date = (c.indskrevet ?? dataStart) + int(7, 30);
    for (let k = 0; k < perCaseM && measurements.length < o.measurements; date = addMonths(date, 3)) {
      for (const d of dims) {
        if (k >= perCaseM || measurements.length >= o.measurements) break;
        measurements.push({
          sagsId: c.sagsId,
          dato: date,
          instrument: DEFAULT_INSTRUMENT,
          dimension: d.dimension,
          score: int(d.min, d.max),
          bemaerkning: null,
          registreretAf: c.kontaktperson,
        });
        k++;
      }
    }
  }

  const goals: Goal[] = cases.map((c) => ({ sagsId: c.sagsId, maal: "Møde til tiden", vaegt: 1, gasScore: int(-2, 2), dato: c.indskrevet }));
  const visitations: Visitation[] = cases.map((c, i) =>
    grantedVisitation(c, `V-${String(i + 1).padStart(5, "0")}`, (c.visitationsdato ?? dataStart) - int(3, 45))
  );

  // Sorted by case, as convert and the forms keep a workbook (decision 0006).
  return sortedByCase({
    params,
    cases,
    units,
    attendance,
    attendanceStatuses: defaultAttendanceStatuses(),
    holidays,
    instruments: Object.values(INSTRUMENT_PRESETS).flat(),
    measurements,
    goals,
    visitations,
  });
}

/**
 * The same data with Sager in another order than its Sags-IDs, sorted by unit and then name as many
 * case lists are: each row's Sagsrække then searches Sager from the top (decision 0006). Attendance and
 * measurements follow the new case order, as a conversion would write them.
 */
export function casesByUnitAndName(data: StructuredData): StructuredData {
  const key = (c: Case): string => `${c.enhed ?? ""}\u0000${c.navn ?? ""}`;
  const cases = [...data.cases].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return sortedByCase({ ...data, cases });
}
