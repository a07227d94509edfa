// A seeded generator of realistic structured data (cases, units, attendance, measurements, goals,
// visitations) for the oracle tests, the demo and benchmarks. Deterministic: the same seed gives the
// same data, with no Math.random and no clock. Edge cases are planted on purpose (see generate).
import { sortedByCase } from "../domain/case-blocks";
import { addMonths, isoWeekday, serial, yearEnd, yearStart, ymd } from "../domain/dates";
import { BESLUTNINGER, FORSOERGELSESGRUNDLAG, HENVISERE, LOVGRUNDLAG, UDSKRIVNINGSAARSAGER } from "../domain/enums";
import { holidaysForYears, holidayYearSpan } from "../domain/holidays";
import { DEFAULT_INSTRUMENT, INSTRUMENT_PRESETS, SELVVURDERING } from "../domain/instruments";
import type { Attendance, Case, Goal, Holiday, InstrumentDimension, StatusMeasurement, StructuredData, Unit, Visitation } from "../domain/model";
import { defaultAttendanceStatuses, defaultParams } from "../domain/setup-defaults";
import { Rng, seededRandom } from "./random";

export { seededRandom };

export interface SampleOptions {
  /** Number of cases (at least 6, so that every planted edge case fits). Default 15. */
  cases?: number;
  /** Scales how often a citizen's working days are registered (0..1). Default 1. */
  attendanceDensity?: number;
}

const UNIT_POOL: { enhed: string; lovgrundlag: string }[] = [
  { enhed: "Kilen", lovgrundlag: "§103" },
  { enhed: "Smedien", lovgrundlag: "§103" },
  { enhed: "Café Æblet", lovgrundlag: "§104" },
  { enhed: "Cykelværkstedet", lovgrundlag: "§104" },
  { enhed: "Jobværkstedet", lovgrundlag: "LAB" },
  { enhed: "STU Horisonten", lovgrundlag: "STU" },
];
const UNKNOWN_UNIT = "Ukendt værksted";

const FIRST_NAMES = ["Mette", "Jens", "Ahmed", "Sofie", "Lars", "Fatima", "Mikkel", "Ida", "Søren", "Aase", "Niels", "Emma"];
const LAST_NAMES = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Ali", "Kristensen", "Larsen", "Sørensen", "Møller", "Østergaard"];
const CONTACTS = ["Birgitte", "Kasper", "Hanne", "Ole"];

/** Attendance statuses as registered, with how often they occur. */
const STATUS_MIX = {
  names: ["Mødt", "Delvist mødt", "Praktik / ekstern aktivitet", "Syg", "Udeblevet (ulovligt fravær)", "Ferie", "Aftalt fri", "Lukket"],
  codes: ["M", "D", "P", "S", "U", "F", "A", "L"],
  weights: [64, 4, 3, 11, 8, 6, 3, 1],
};

function cpr(rng: Rng): string {
  const year = rng.int(1958, 2005);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  // The 7th digit with YY gives the century: 0-3 mean 1900s, 4 with YY <= 36 the 2000s.
  const seventh = year >= 2000 ? 4 : rng.int(0, 3);
  const d2 = (n: number): string => String(n).padStart(2, "0");
  return `${d2(day)}${d2(month)}${d2(year % 100)}-${seventh}${String(rng.int(0, 999)).padStart(3, "0")}`;
}

function generateUnits(rng: Rng): Unit[] {
  const count = rng.int(3, 5);
  const pool = [...UNIT_POOL];
  const units: Unit[] = [];
  for (let i = 0; i < count; i++) {
    const { enhed, lovgrundlag } = pool.splice(rng.int(0, pool.length - 1), 1)[0];
    const regulated = lovgrundlag === "§103" || lovgrundlag === "§104";
    const stykpris = regulated ? rng.int(95, 150) * 1000 + rng.int(0, 9) * 100 : null;
    units.push({
      enhed,
      lovgrundlag,
      fuldtidspladser: regulated ? rng.int(4, 45) : rng.chance(0.5) ? rng.int(4, 12) : null,
      deltidspladser: regulated ? rng.int(0, 70) : null,
      // Some units leave the weight empty: the default 0.75 applies.
      deltidsvaegt: rng.weighted([0.75, 0.5, null], [5, 2, 3]),
      loft: rng.chance(0.7) ? rng.pick([10, 15, 20, 25]) : null,
      stykpris,
      reguleringspris: stykpris === null ? null : Math.round(stykpris * rng.int(75, 90)) / 100,
    });
  }
  return units;
}

/** The granted referral that led to a case: asked for its unit and place, decided on its visitation date. */
export function grantedVisitation(c: Case, visitationsId: string, henvendelsesdato: number): Visitation {
  return {
    visitationsId,
    sagsId: c.sagsId,
    henvendelsesdato,
    henviser: c.henviser,
    lovgrundlag: c.lovgrundlag,
    oensketEnhed: c.enhed,
    pladstype: c.pladstype,
    beslutning: "Bevilget",
    beslutningsdato: c.visitationsdato,
    begrundelse: null,
    klagevejledningGivet: null,
    forventetStart: c.indskrevet,
  };
}

/**
 * Generate a data set. Planted on purpose, whatever the seed: a case without an enrolment date, a case
 * discharged before the period, a part-time case in a unit missing from Enheder, a case with no
 * registrations (empty rates), a case discharged on the reference date; and among the registrations
 * some by code, some in another letter case, some on weekends and holidays, some outside the enrolment.
 */
export function generateStructuredData(seed: number, options: SampleOptions = {}): StructuredData {
  const rng = new Rng(seededRandom(seed * 7919 + 17));
  const nCases = Math.max(6, options.cases ?? 15);
  const density = options.attendanceDensity ?? 1;

  const firstYear = rng.int(2021, 2024);
  const lastYear = firstYear + rng.int(0, 2);
  const dataStart = yearStart(firstYear);
  const dataEnd = yearEnd(lastYear);
  const periodYear = rng.int(firstYear, lastYear);
  let periodestart = yearStart(periodYear);
  let periodeslut = yearEnd(periodYear);
  if (rng.chance(0.3)) {
    const q = rng.int(0, 3);
    periodestart = serial(periodYear, q * 3 + 1, 1);
    periodeslut = addMonths(periodestart, 3) - 1;
  }
  const opgoerelsesdato = rng.int(periodestart, periodeslut);
  const params = { ...defaultParams(opgoerelsesdato), periodestart, periodeslut };

  // Every year a date of the data can fall in; cut to the data's own span once it is drawn.
  let holidays: Holiday[] = holidaysForYears(firstYear - 2, lastYear + 2);
  // Closure days are the user's to remove: some workbooks keep Grundlovsdag open.
  if (rng.chance(0.3)) holidays = holidays.filter((h) => h.navn !== "Grundlovsdag");
  const holidaySet = new Set(holidays.map((h) => h.dato));

  const units = generateUnits(rng);
  const instruments: InstrumentDimension[] = Object.values(INSTRUMENT_PRESETS).flat();
  const presetNames = Object.keys(INSTRUMENT_PRESETS);

  const cases: Case[] = [];
  for (let i = 0; i < nCases; i++) {
    const unit = rng.pick(units);
    let enhed = unit.enhed;
    if (rng.chance(0.1)) enhed = enhed.toLowerCase(); // "kilen" is Kilen, as Excel compares names
    let pladstype: string | null = rng.weighted(["Fuldtid", "Deltid", null], [60, 35, 5]);
    const drawn = rng.int(dataStart - 200, dataEnd - 20);
    let indskrevet: number | null = drawn;
    let udskrevet: number | null = rng.chance(0.45) ? Math.min(drawn + rng.int(10, 700), dataEnd + 30) : null;
    if (i === 0) indskrevet = null;
    if (i === 1) {
      indskrevet = periodestart - rng.int(200, 500);
      udskrevet = periodestart - rng.int(1, 60);
    }
    if (i === 2) {
      enhed = UNKNOWN_UNIT;
      pladstype = "Deltid";
    }
    if (i === 4) {
      indskrevet = Math.min(drawn, opgoerelsesdato - 30);
      udskrevet = opgoerelsesdato;
    }
    const first = rng.pick(FIRST_NAMES);
    cases.push({
      sagsId: `S${String(seed).padStart(3, "0")}-${String(i + 1).padStart(3, "0")}`,
      cpr: cpr(rng),
      navn: `${first} ${rng.pick(LAST_NAMES)}`,
      enhed,
      lovgrundlag: rng.chance(0.9) ? unit.lovgrundlag : rng.pick(LOVGRUNDLAG),
      pladstype,
      henviser: rng.pick(HENVISERE),
      visitationsdato: indskrevet === null ? null : indskrevet - rng.int(5, 60),
      indskrevet,
      udskrevet,
      udskrivningsaarsag: udskrevet === null ? null : rng.pick(UDSKRIVNINGSAARSAGER),
      forsoergelsesgrundlag: rng.chance(0.9) ? rng.pick(FORSOERGELSESGRUNDLAG) : null,
      jobcenterforloeb: rng.weighted([null, "Ja", "Nej"], [6, 2, 2]),
      kontaktperson: rng.pick(CONTACTS),
      bemaerkninger: rng.chance(0.2) ? "Aftale om nedsat tid" : null,
    });
  }

  const attendance: Attendance[] = [];
  cases.forEach((c, i) => {
    if (c.indskrevet === null || i === 3) return; // case 3: no registrations at all
    const rate = rng.pick([0.15, 0.4, 0.8]) * density;
    const byCode = rng.chance(0.2);
    // Registrations run two weeks past the period on both sides and may stray outside the enrolment.
    const from = Math.max(c.indskrevet - (rng.chance(0.2) ? 5 : 0), periodestart - 14);
    const to = Math.min(c.udskrevet === null ? periodeslut + 14 : c.udskrevet + (rng.chance(0.2) ? 5 : 0), periodeslut + 14);
    for (let d = from; d <= to; d++) {
      const working = isoWeekday(d) <= 5 && !holidaySet.has(d);
      if (!(working ? rng.chance(rate) : rng.chance(0.01))) continue;
      const k = rng.weighted(
        STATUS_MIX.names.map((_, j) => j),
        STATUS_MIX.weights
      );
      let status = byCode || rng.chance(0.05) ? STATUS_MIX.codes[k] : STATUS_MIX.names[k];
      if (rng.chance(0.02)) status = status.toLowerCase();
      if (rng.chance(0.005)) status = "Ukendt";
      attendance.push({ sagsId: c.sagsId, dato: d, status, bemaerkning: rng.chance(0.03) ? "Ringede" : null });
    }
  });

  // Helligdage covers the data: from the earliest date's year to the year after the latest.
  const span = holidayYearSpan([...cases.flatMap((c) => [c.visitationsdato, c.indskrevet, c.udskrevet]), ...attendance.map((a) => a.dato), opgoerelsesdato])!;
  holidays = holidays.filter((h) => ymd(h.dato).year >= span[0] && ymd(h.dato).year <= span[1]);

  const measurements: StatusMeasurement[] = [];
  const goals: Goal[] = [];
  for (const c of cases) {
    if (c.indskrevet === null) continue;
    const instrument = rng.chance(0.6) ? DEFAULT_INSTRUMENT : rng.pick(presetNames);
    // Many services ask the self-assessment questions beside their main instrument.
    const withSelf = instrument !== SELVVURDERING && rng.chance(0.4);
    const dims = instruments.filter((d) => d.instrument === instrument || (withSelf && d.instrument === SELVVURDERING));
    const end = Math.min(c.udskrevet ?? dataEnd, dataEnd);
    let date = c.indskrevet + rng.int(7, 30);
    const start: Record<string, number> = {};
    for (let n = 0; n < 4 && date <= end; n++) {
      for (const d of dims) {
        if (rng.chance(0.1)) continue; // not every dimension every time
        const prev = start[d.dimension] ?? rng.int(d.min, d.max);
        const score = Math.max(d.min, Math.min(d.max, prev + rng.int(-1, 2) * (d.retning === "Lavere er bedre" ? -1 : 1)));
        start[d.dimension] = score;
        const notRelevant = d.ikkeRelevant !== null && rng.chance(0.1);
        measurements.push({
          sagsId: c.sagsId,
          dato: date,
          instrument: d.instrument,
          dimension: d.dimension,
          score: notRelevant ? d.ikkeRelevant : rng.chance(0.03) ? null : score,
          bemaerkning: notRelevant ? "Ikke relevant" : null,
          registreretAf: c.kontaktperson,
        });
      }
      date = addMonths(date, 3) + rng.int(-10, 20);
    }
    const nGoals = rng.int(0, 3);
    for (let g = 0; g < nGoals; g++) {
      goals.push({
        sagsId: c.sagsId,
        maal: rng.pick(["Møde til tiden", "Tage bussen alene", "Deltage i frokost", "Søge praktikplads", "Passe egen økonomi"]),
        vaegt: rng.chance(0.3) ? null : rng.int(1, 3),
        gasScore: rng.chance(0.1) ? null : rng.int(-2, 2),
        dato: rng.chance(0.8) ? Math.min(c.indskrevet + rng.int(30, 200), end) : null,
      });
    }
  }

  const visitations: Visitation[] = [];
  let v = 0;
  const visitationId = (): string => `V${String(seed).padStart(3, "0")}-${String(++v).padStart(3, "0")}`;
  for (const c of cases) {
    if (c.visitationsdato === null || c.indskrevet === null || !rng.chance(0.6)) continue;
    visitations.push(grantedVisitation(c, visitationId(), c.visitationsdato - rng.int(3, 45)));
  }
  for (const beslutning of BESLUTNINGER.filter((b) => b !== "Bevilget")) {
    const henvendelse = rng.int(dataStart, dataEnd - 30);
    const decided = beslutning !== "Under udredning";
    visitations.push({
      visitationsId: visitationId(),
      sagsId: null,
      henvendelsesdato: henvendelse,
      henviser: rng.pick(HENVISERE),
      lovgrundlag: rng.pick(LOVGRUNDLAG),
      oensketEnhed: rng.pick(units).enhed,
      pladstype: rng.pick(["Fuldtid", "Deltid"]),
      beslutning,
      beslutningsdato: decided ? henvendelse + rng.int(2, 40) : null,
      begrundelse: beslutning === "Afslag" ? "Målgruppen er ikke opfyldt" : null,
      klagevejledningGivet: beslutning === "Afslag" ? "Ja" : null,
      forventetStart: beslutning === "Venteliste" ? henvendelse + rng.int(30, 120) : null,
    });
  }

  // In the order the workbook keeps them: by case, so the per-case formulas take the fast path.
  return sortedByCase({
    params,
    cases,
    units,
    attendance,
    attendanceStatuses: defaultAttendanceStatuses(),
    holidays,
    instruments,
    measurements,
    goals,
    visitations,
  });
}
