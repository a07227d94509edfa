// Danish public holidays and closure days: Easter by the anonymous Gregorian algorithm, Store bededag
// only up to and including 2023.
import { danishHolidays, easterSunday, holidaysForYears, holidayYearSpan, missingHolidays } from "../../src/domain/holidays";
import { isoDate, isoWeekday, serial, ymd } from "../../src/domain/dates";
import { generateStructuredData } from "../../src/sample/structured-data";

describe("easterSunday", () => {
  it.each([
    [1818, "1818-03-22"], // earliest possible
    [1943, "1943-04-25"], // latest possible
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2017, "2017-04-16"],
    [2019, "2019-04-21"],
    [2020, "2020-04-12"],
    [2021, "2021-04-04"],
    [2022, "2022-04-17"],
    [2023, "2023-04-09"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
  ])("%i: %s", (year, iso) => {
    expect(isoDate(easterSunday(year))).toBe(iso);
  });

  it("is always a Sunday between 22 March and 25 April", () => {
    for (let y = 1900; y <= 2100; y++) {
      const e = easterSunday(y);
      expect(isoWeekday(e)).toBe(7);
      const md = isoDate(e).slice(5);
      expect(md >= "03-22" && md <= "04-25").toBe(true);
    }
  });
});

const table = (year: number): [string, string, string][] => danishHolidays(year).map((h) => [isoDate(h.dato), h.navn, h.type]);

describe("danishHolidays", () => {
  it("2023, the last year with Store bededag (5 May)", () => {
    expect(table(2023)).toEqual([
      ["2023-01-01", "Nytårsdag", "Helligdag"],
      ["2023-04-06", "Skærtorsdag", "Helligdag"],
      ["2023-04-07", "Langfredag", "Helligdag"],
      ["2023-04-09", "Påskedag", "Helligdag"],
      ["2023-04-10", "2. påskedag", "Helligdag"],
      ["2023-05-05", "Store bededag", "Helligdag"],
      ["2023-05-18", "Kristi himmelfartsdag", "Helligdag"],
      ["2023-05-28", "Pinsedag", "Helligdag"],
      ["2023-05-29", "2. pinsedag", "Helligdag"],
      ["2023-06-05", "Grundlovsdag", "Lukkedag"],
      ["2023-12-24", "Juleaftensdag", "Lukkedag"],
      ["2023-12-25", "Juledag", "Helligdag"],
      ["2023-12-26", "2. juledag", "Helligdag"],
      ["2023-12-31", "Nytårsaftensdag", "Lukkedag"],
    ]);
  });

  it("2024, without Store bededag", () => {
    expect(table(2024)).toEqual([
      ["2024-01-01", "Nytårsdag", "Helligdag"],
      ["2024-03-28", "Skærtorsdag", "Helligdag"],
      ["2024-03-29", "Langfredag", "Helligdag"],
      ["2024-03-31", "Påskedag", "Helligdag"],
      ["2024-04-01", "2. påskedag", "Helligdag"],
      ["2024-05-09", "Kristi himmelfartsdag", "Helligdag"],
      ["2024-05-19", "Pinsedag", "Helligdag"],
      ["2024-05-20", "2. pinsedag", "Helligdag"],
      ["2024-06-05", "Grundlovsdag", "Lukkedag"],
      ["2024-12-24", "Juleaftensdag", "Lukkedag"],
      ["2024-12-25", "Juledag", "Helligdag"],
      ["2024-12-26", "2. juledag", "Helligdag"],
      ["2024-12-31", "Nytårsaftensdag", "Lukkedag"],
    ]);
  });

  it("2025", () => {
    expect(table(2025)).toEqual([
      ["2025-01-01", "Nytårsdag", "Helligdag"],
      ["2025-04-17", "Skærtorsdag", "Helligdag"],
      ["2025-04-18", "Langfredag", "Helligdag"],
      ["2025-04-20", "Påskedag", "Helligdag"],
      ["2025-04-21", "2. påskedag", "Helligdag"],
      ["2025-05-29", "Kristi himmelfartsdag", "Helligdag"],
      ["2025-06-05", "Grundlovsdag", "Lukkedag"],
      ["2025-06-08", "Pinsedag", "Helligdag"],
      ["2025-06-09", "2. pinsedag", "Helligdag"],
      ["2025-12-24", "Juleaftensdag", "Lukkedag"],
      ["2025-12-25", "Juledag", "Helligdag"],
      ["2025-12-26", "2. juledag", "Helligdag"],
      ["2025-12-31", "Nytårsaftensdag", "Lukkedag"],
    ]);
  });

  it("Store bededag is the fourth Friday after Easter up to 2023 and never after", () => {
    for (let y = 2000; y <= 2040; y++) {
      const bededag = danishHolidays(y).filter((h) => h.navn === "Store bededag");
      if (y <= 2023) {
        expect(bededag).toHaveLength(1);
        expect(bededag[0].dato - easterSunday(y)).toBe(26);
        expect(isoWeekday(bededag[0].dato)).toBe(5);
      } else {
        expect(bededag).toHaveLength(0);
      }
    }
  });

  it("keeps both rows when 2. pinsedag falls on Grundlovsdag (2017)", () => {
    const june5 = table(2017).filter(([d]) => d === "2017-06-05");
    expect(june5).toEqual([
      ["2017-06-05", "2. pinsedag", "Helligdag"],
      ["2017-06-05", "Grundlovsdag", "Lukkedag"],
    ]);
  });
});

describe("holidaysForYears", () => {
  it("joins the years in date order", () => {
    const all = holidaysForYears(2023, 2025);
    expect(all).toHaveLength(14 + 13 + 13);
    const dates = all.map((h) => h.dato);
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);
    expect(isoDate(all[0].dato)).toBe("2023-01-01");
    expect(isoDate(all[all.length - 1].dato)).toBe("2025-12-31");
  });

  it("is empty for an empty range", () => {
    expect(holidaysForYears(2025, 2024)).toEqual([]);
  });
});

describe("the years Helligdage covers", () => {
  it("runs from the earliest date's year to the year after the latest, passing over typing errors", () => {
    expect(holidayYearSpan([serial(2023, 3, 1), null, serial(2024, 12, 30)])).toEqual([2023, 2025]);
    expect(holidayYearSpan([serial(1900, 1, 1), serial(2024, 1, 5), serial(2099 + 10, 1, 1)])).toEqual([2024, 2025]);
    expect(holidayYearSpan([])).toBeNull();
  });

  it("adds only the years the table does not hold", () => {
    const held = holidaysForYears(2023, 2023);
    expect(missingHolidays(held, 2023, 2025).map((h) => h.dato)).toEqual(holidaysForYears(2024, 2025).map((h) => h.dato));
  });

  it("covers every date of the demo's overview: no registration in a year without holidays", () => {
    const data = generateStructuredData(2024, { cases: 120 });
    const years = new Set(data.holidays.map((h) => ymd(h.dato).year));
    const dates = [...data.attendance.map((a) => a.dato), ...data.cases.flatMap((c) => [c.indskrevet, c.udskrevet, c.visitationsdato])].filter(
      (d): d is number => d !== null
    );
    const outside = data.attendance.filter((a) => !years.has(ymd(a.dato).year));
    expect(outside).toHaveLength(0);
    const latest = Math.max(...dates.map((d) => ymd(d).year));
    expect(years.has(latest + 1)).toBe(true);
    // A registration on 1 January of a following year falls on a holiday, not a working day.
    const newYears = data.attendance.filter((a) => ymd(a.dato).month === 1 && ymd(a.dato).day === 1);
    for (const a of newYears) expect(data.holidays.some((h) => h.dato === a.dato)).toBe(true);
    console.log(
      `demo: Helligdage ${[...years].sort().join(", ")}; ${data.attendance.length} registreringer, 0 uden for årene; ${newYears.length} på 1. januar, alle helligdage`
    );
  });
});
