// Absence per case: planned and registered days, absence and unlawful days, rates and unregistered days.
import fc from "fast-check";
import { isoWeekday, serial } from "../../src/domain/dates";
import { absenceFigures, findStatus, plannedDays, statusFlags, workingDaysBetween } from "../../src/domain/absence";
import { holidayDates, holidaysForYears } from "../../src/domain/holidays";
import type { Attendance } from "../../src/domain/model";
import { defaultAttendanceStatuses } from "../../src/domain/setup-defaults";

const statuses = defaultAttendanceStatuses();
const holidays2024 = holidayDates(holidaysForYears(2024, 2024));
const none = new Set<number>();

describe("status lookup", () => {
  it.each([
    ["Mødt", { iBasis: 1, fravaer: 0, ulovligtFravaer: 0 }],
    ["M", { iBasis: 1, fravaer: 0, ulovligtFravaer: 0 }],
    ["Syg", { iBasis: 1, fravaer: 1, ulovligtFravaer: 0 }],
    ["s", { iBasis: 1, fravaer: 1, ulovligtFravaer: 0 }],
    ["Udeblevet (ulovligt fravær)", { iBasis: 1, fravaer: 1, ulovligtFravaer: 1 }],
    ["U", { iBasis: 1, fravaer: 1, ulovligtFravaer: 1 }],
    ["Ferie", { iBasis: 0, fravaer: 0, ulovligtFravaer: 0 }],
    ["Lukket", { iBasis: 0, fravaer: 0, ulovligtFravaer: 0 }],
    ["Ukendt", { iBasis: 0, fravaer: 0, ulovligtFravaer: 0 }],
  ])("%s", (status, flags) => {
    expect(statusFlags(status, statuses)).toEqual(flags);
  });

  it("an empty status has no flags", () => {
    expect(statusFlags("", statuses)).toBeNull();
    expect(statusFlags(null, statuses)).toBeNull();
  });

  it("a name wins over a code", () => {
    const custom = [...statuses, { status: "M", kode: "Z", taellerSom: "ingen", iBasis: false, fravaer: false, ulovligtFravaer: false }];
    expect(findStatus("M", custom)?.kode).toBe("Z");
    expect(findStatus("Z", custom)?.status).toBe("M");
    expect(findStatus("M", statuses)?.status).toBe("Mødt");
  });
});

describe("planned days", () => {
  it.each([
    ["January 2024 (1 Jan is Nytårsdag)", serial(2024, 1, 1), serial(2024, 1, 31), 22],
    ["Easter week 2024", serial(2024, 3, 25), serial(2024, 4, 1), 3],
    ["Christmas 2024 (24, 25, 26, 31 Dec off)", serial(2024, 12, 23), serial(2024, 12, 31), 3],
    ["a weekend", serial(2024, 6, 8), serial(2024, 6, 9), 0],
    ["Grundlovsdag 2024 (a Wednesday)", serial(2024, 6, 5), serial(2024, 6, 5), 0],
    ["empty window", serial(2024, 6, 10), serial(2024, 6, 9), 0],
  ])("%s", (_label, first, last, expected) => {
    expect(workingDaysBetween(first, last, holidays2024)).toBe(expected);
  });

  // Weekday holidays and closure days of 2024: 1/1, 28/3, 29/3, 1/4, 9/5, 20/5, 5/6, 24/12, 25/12, 26/12, 31/12.
  it("2024 has 262 weekdays and 251 planned days after 11 weekday holidays and closure days", () => {
    expect(workingDaysBetween(serial(2024, 1, 1), serial(2024, 12, 31), none)).toBe(262);
    expect(plannedDays({ indskrevet: serial(2020, 1, 1), udskrevet: null }, serial(2024, 1, 1), serial(2024, 12, 31), holidays2024)).toBe(251);
  });

  it("clips to the enrolment and the period; empty without an enrolment date", () => {
    const P = [serial(2024, 1, 1), serial(2024, 12, 31)] as const;
    expect(plannedDays({ indskrevet: serial(2024, 12, 30), udskrevet: null }, ...P, holidays2024)).toBe(1);
    expect(plannedDays({ indskrevet: serial(2023, 1, 1), udskrevet: serial(2023, 12, 1) }, ...P, holidays2024)).toBe(0);
    expect(plannedDays({ indskrevet: null, udskrevet: null }, ...P, holidays2024)).toBeNull();
  });

  it("counts the weekdays not in the holiday set (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 45000, max: 46000 }),
        fc.integer({ min: -5, max: 120 }),
        fc.uniqueArray(fc.integer({ min: 45000, max: 46200 }), { maxLength: 20 }),
        (first, len, hs) => {
          const set = new Set(hs);
          let n = 0;
          for (let d = first; d <= first + len; d++) if (isoWeekday(d) < 6 && !set.has(d)) n++;
          expect(workingDaysBetween(first, first + len, set)).toBe(n);
        }
      )
    );
  });
});

describe("absenceFigures", () => {
  const P = [serial(2024, 1, 1), serial(2024, 1, 31)] as const;
  const kase = { sagsId: "S-1", indskrevet: serial(2023, 6, 1), udskrevet: serial(2024, 1, 19) };
  const reg = (day: number, status: string, sagsId = "S-1"): Attendance => ({ sagsId, dato: serial(2024, 1, day), status, bemaerkning: null });
  const holidays = holidaysForYears(2024, 2024);

  it("counts only registrations of the case on planned days within enrolment and period", () => {
    const attendance = [
      reg(1, "Mødt"), // Nytårsdag: not a planned day
      reg(2, "Mødt"),
      reg(3, "M"),
      reg(4, "Syg"),
      reg(5, "U"),
      reg(6, "Mødt"), // Saturday
      reg(8, "Ferie"), // registered, not in the base
      reg(9, "Ukendt"), // registered, unknown status: not in the base
      reg(10, "Mødt", "s-1"), // the same case: Sags-ID compares case-insensitively
      reg(11, "Mødt", "S-2"), // another case
      reg(22, "Mødt"), // after discharge
      { sagsId: "S-1", dato: serial(2023, 12, 29), status: "Mødt", bemaerkning: null }, // before the period
    ];
    expect(absenceFigures(kase, attendance, statuses, holidays, ...P)).toEqual({
      planlagteDage: 14, // 2..19 January: 14 weekdays
      registreredeDage: 7,
      basisDage: 5,
      fravaersdage: 2,
      udeblivelsesdage: 1,
      fravaersprocent: 2 / 5,
      udeblivelsesprocent: 1 / 5,
      uregistreredeDage: 7,
    });
  });

  it("leaves the rates empty over a base of 0", () => {
    const f = absenceFigures(kase, [reg(8, "Ferie"), reg(9, "A")], statuses, holidays, ...P);
    expect(f).toMatchObject({ registreredeDage: 2, basisDage: 0, fravaersprocent: null, udeblivelsesprocent: null, uregistreredeDage: 12 });
    const empty = absenceFigures(kase, [], statuses, holidays, ...P);
    expect(empty).toMatchObject({ registreredeDage: 0, fravaersdage: 0, fravaersprocent: null, uregistreredeDage: 14 });
  });

  it("never has negative unregistered days (duplicates registered twice)", () => {
    const short = { sagsId: "S-1", indskrevet: serial(2024, 1, 2), udskrevet: serial(2024, 1, 2) };
    const f = absenceFigures(short, [reg(2, "Mødt"), reg(2, "Syg")], statuses, holidays, ...P);
    expect(f).toMatchObject({ planlagteDage: 1, registreredeDage: 2, uregistreredeDage: 0, fravaersprocent: 0.5 });
  });

  it("has no figures without an enrolment date", () => {
    expect(absenceFigures({ ...kase, indskrevet: null }, [reg(2, "Mødt")], statuses, holidays, ...P)).toBeNull();
  });

  it("rates lie in [0, 1] and unregistered = planned - registered without duplicates (property)", () => {
    const codes = ["M", "S", "U", "F", "A", "L", "D", "P", "Ukendt"];
    fc.assert(
      fc.property(
        fc.integer({ min: serial(2023, 12, 1), max: serial(2024, 1, 31) }),
        fc.option(fc.integer({ min: 0, max: 60 })),
        fc.uniqueArray(fc.record({ day: fc.integer({ min: 1, max: 31 }), code: fc.constantFrom(...codes) }), { selector: (r) => r.day }),
        (s, len, regs) => {
          const c = { sagsId: "S-1", indskrevet: s, udskrevet: len === null ? null : s + len };
          const f = absenceFigures(
            c,
            regs.map((r) => reg(r.day, r.code)),
            statuses,
            holidays,
            ...P
          )!;
          expect(f.registreredeDage).toBeLessThanOrEqual(f.planlagteDage);
          expect(f.uregistreredeDage).toBe(f.planlagteDage - f.registreredeDage);
          expect(f.udeblivelsesdage).toBeLessThanOrEqual(f.fravaersdage);
          if (f.basisDage === 0) expect(f.fravaersprocent).toBeNull();
          else expect(f.fravaersprocent!).toBeGreaterThanOrEqual(0);
          if (f.fravaersprocent !== null) expect(f.fravaersprocent).toBeLessThanOrEqual(1);
        }
      )
    );
  });
});

describe("Uregistrerede dage so far", () => {
  it("counts only up to the earlier of Periodeslut and Opgørelsesdato: 30 on 15-03-2024, not 227", () => {
    const holidays = holidaysForYears(2024, 2024);
    const c = { sagsId: "S-1", indskrevet: serial(2024, 1, 2), udskrevet: null };
    // 24 registrations in January 2024, the first 24 working days.
    const days: number[] = [];
    for (let d = serial(2024, 1, 2); days.length < 24; d++) if (isoWeekday(d) <= 5 && d !== serial(2024, 1, 1)) days.push(d);
    const regs = days.map((dato) => ({ sagsId: "S-1", dato, status: "Mødt", bemaerkning: null }));
    const year = [serial(2024, 1, 1), serial(2024, 12, 31)] as const;
    const whole = absenceFigures(c, regs, defaultAttendanceStatuses(), holidays, ...year)!;
    expect(whole.uregistreredeDage).toBe(227); // the whole year's 251 planned days - 24
    const soFar = absenceFigures(c, regs, defaultAttendanceStatuses(), holidays, ...year, serial(2024, 3, 15))!;
    expect(soFar.uregistreredeDage).toBe(30); // 54 working days 2 January - 15 March - 24
    // The other figures stay the period's.
    expect(soFar.planlagteDage).toBe(251);
    expect(soFar.registreredeDage).toBe(24);
    // A reference date after Periodeslut counts the whole period; one before the enrolment, nothing.
    expect(absenceFigures(c, regs, defaultAttendanceStatuses(), holidays, ...year, serial(2025, 2, 1))!.uregistreredeDage).toBe(227);
    expect(absenceFigures(c, regs, defaultAttendanceStatuses(), holidays, ...year, serial(2023, 12, 1))!.uregistreredeDage).toBe(0);
  });
});
