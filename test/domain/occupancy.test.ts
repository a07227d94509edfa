// Occupancy per case and unit: place weight, days in a period, place-days, normerede pladser, active.
import fc from "fast-check";
import { serial } from "../../src/domain/dates";
import type { Case, Unit } from "../../src/domain/model";
import { averageOccupiedPlaces, daysInPeriod, isActive, normeredePladser, occupancyRate, placeDays, placeWeight } from "../../src/domain/occupancy";

const unit = (u: Partial<Unit> & { enhed: string }): Unit => ({
  lovgrundlag: "§103",
  fuldtidspladser: null,
  deltidspladser: null,
  deltidsvaegt: null,
  loft: null,
  stykpris: null,
  reguleringspris: null,
  ...u,
});

const kase = (c: Partial<Case>): Case => ({
  sagsId: "S1",
  cpr: null,
  navn: null,
  enhed: "Kilen",
  lovgrundlag: null,
  pladstype: "Fuldtid",
  henviser: null,
  visitationsdato: null,
  indskrevet: serial(2024, 1, 1),
  udskrevet: null,
  udskrivningsaarsag: null,
  forsoergelsesgrundlag: null,
  jobcenterforloeb: null,
  kontaktperson: null,
  bemaerkninger: null,
  ...c,
});

describe("normeredePladser", () => {
  it("42 full-time and 70 part-time places at 0.75 give 94.5 (docs/domain.md)", () => {
    expect(normeredePladser(unit({ enhed: "Kilen", fuldtidspladser: 42, deltidspladser: 70, deltidsvaegt: 0.75 }))).toBe(94.5);
  });

  it.each([
    ["empty weight means 0.75", { fuldtidspladser: 42, deltidspladser: 70 }, 94.5],
    ["another weight", { fuldtidspladser: 10, deltidspladser: 10, deltidsvaegt: 0.5 }, 15],
    ["only full-time", { fuldtidspladser: 12 }, 12],
    ["only part-time", { deltidspladser: 8 }, 6],
    ["zero places", { fuldtidspladser: 0, deltidspladser: 0 }, 0],
    ["no counts at all", {}, null],
  ])("%s", (_label, fields, expected) => {
    expect(normeredePladser(unit({ enhed: "X", ...fields }))).toBe(expected);
  });
});

describe("placeWeight", () => {
  const units = [unit({ enhed: "Kilen", deltidsvaegt: 0.5 }), unit({ enhed: "Smedien" })];
  it.each([
    ["Fuldtid", "Kilen", 1],
    ["Deltid", "Kilen", 0.5],
    ["deltid", "KILEN", 0.5], // names compare as Excel does: ignoring case
    ["Deltid", "Smedien", 0.75], // the unit has no weight
    ["Deltid", "Ukendt", 0.75], // the unit is not in Enheder
    [null, "Kilen", 1],
  ])("%s in %s: %d", (pladstype, enhed, expected) => {
    expect(placeWeight({ pladstype, enhed }, units)).toBe(expected);
  });
});

describe("daysInPeriod", () => {
  const P = { start: serial(2024, 1, 1), end: serial(2024, 12, 31) };
  it.each([
    ["enrolled all year", serial(2023, 5, 1), null, 366],
    ["enrolled on the period's last day", serial(2024, 12, 31), null, 1],
    ["enrolled after the period", serial(2025, 1, 1), null, 0],
    ["discharged before the period", serial(2022, 1, 1), serial(2023, 12, 31), 0],
    ["discharged on the period's first day", serial(2022, 1, 1), serial(2024, 1, 1), 1],
    ["enrolled and discharged the same day", serial(2024, 3, 1), serial(2024, 3, 1), 1],
    ["February of a leap year", serial(2024, 2, 1), serial(2024, 2, 29), 29],
    ["discharged after the period", serial(2024, 7, 1), serial(2025, 3, 1), 184],
    ["discharge before enrolment (bad data)", serial(2024, 5, 1), serial(2024, 4, 1), 0],
  ])("%s", (_label, indskrevet, udskrevet, expected) => {
    expect(daysInPeriod({ indskrevet, udskrevet }, P.start, P.end)).toBe(expected);
  });

  it("is empty without an enrolment date", () => {
    expect(daysInPeriod({ indskrevet: null, udskrevet: serial(2024, 5, 1) }, P.start, P.end)).toBeNull();
  });

  it("splits over adjacent periods: the quarters add up to the year", () => {
    fc.assert(
      fc.property(fc.integer({ min: serial(2023, 6, 1), max: serial(2025, 6, 1) }), fc.option(fc.integer({ min: 0, max: 800 })), (s, len) => {
        const c = { indskrevet: s, udskrevet: len === null ? null : s + len };
        const q = [serial(2024, 1, 1), serial(2024, 4, 1), serial(2024, 7, 1), serial(2024, 10, 1), serial(2025, 1, 1)];
        const sum = [0, 1, 2, 3].reduce((acc, i) => acc + (daysInPeriod(c, q[i], q[i + 1] - 1) ?? 0), 0);
        expect(sum).toBe(daysInPeriod(c, q[0], q[4] - 1));
      })
    );
  });
});

describe("placeDays, average occupied places and occupancy", () => {
  const units = [unit({ enhed: "Kilen", fuldtidspladser: 2, deltidspladser: 0 })];
  const P = { start: serial(2024, 1, 1), end: serial(2024, 1, 10) };
  const cases = [
    kase({ sagsId: "A", indskrevet: serial(2023, 1, 1) }),
    kase({ sagsId: "B", pladstype: "Deltid", indskrevet: serial(2024, 1, 6) }),
    kase({ sagsId: "C", enhed: "Smedien", indskrevet: serial(2023, 1, 1) }),
    kase({ sagsId: "D", indskrevet: null }),
  ];

  it("weights the days", () => {
    expect(placeDays(cases[1], units, P.start, P.end)).toBeCloseTo(0.75 * 5, 12);
    expect(placeDays(cases[3], units, P.start, P.end)).toBeNull();
  });

  it("B_u(P) = sum of weighted days / days in P; occupancy = B / normerede pladser", () => {
    const b = averageOccupiedPlaces(cases, units, "kilen", P.start, P.end);
    expect(b).toBeCloseTo((10 + 3.75) / 10, 12);
    expect(occupancyRate(cases, units, "Kilen", P.start, P.end)).toBeCloseTo(1.375 / 2, 12);
    expect(occupancyRate(cases, units, "Smedien", P.start, P.end)).toBeNull();
  });
});

describe("isActive", () => {
  const ref = serial(2024, 6, 15);
  it.each([
    ["enrolled before, not discharged", serial(2024, 1, 1), null, true],
    ["enrolled on the reference date", ref, null, true],
    ["enrolled after", ref + 1, null, false],
    ["discharged on the reference date", serial(2024, 1, 1), ref, true],
    ["discharged the day before", serial(2024, 1, 1), ref - 1, false],
    ["discharged later", serial(2024, 1, 1), ref + 30, true],
    ["no enrolment date", null, null, null],
  ])("%s", (_label, indskrevet, udskrevet, expected) => {
    expect(isActive({ indskrevet, udskrevet }, ref)).toBe(expected);
  });
});
