// The domain's worked examples through the workbook itself: normerede pladser 94.5 computed by the
// Enheder formula, and the Helligdage table of 2023-2025 exactly as the workbook holds it.
import type ExcelJS from "exceljs";
import { isoDate, serial } from "../../src/domain/dates";
import { holidaysForYears } from "../../src/domain/holidays";
import type { Case, StructuredData, Unit } from "../../src/domain/model";
import { defaultAttendanceStatuses, defaultParams } from "../../src/domain/setup-defaults";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { column, readTable, recalcPlans } from "../support/recalc-helpers";

const unit = (enhed: string, f: number | null, d: number | null, w: number | null): Unit => ({
  enhed,
  lovgrundlag: "§103",
  fuldtidspladser: f,
  deltidspladser: d,
  deltidsvaegt: w,
  loft: 20,
  stykpris: 129441,
  reguleringspris: 105465,
});

const kase = (sagsId: string, enhed: string, pladstype: string): Case => ({
  sagsId,
  cpr: null,
  navn: null,
  enhed,
  lovgrundlag: "§103",
  pladstype,
  henviser: null,
  visitationsdato: null,
  indskrevet: serial(2023, 8, 1),
  udskrevet: null,
  udskrivningsaarsag: null,
  forsoergelsesgrundlag: null,
  jobcenterforloeb: null,
  kontaktperson: null,
  bemaerkninger: null,
});

const data: StructuredData = {
  params: defaultParams(serial(2024, 6, 15)),
  units: [unit("Kilen", 42, 70, 0.75), unit("Smedien", 42, 70, null), unit("Cykelværkstedet", 10, null, 0.5)],
  cases: [kase("S-1", "Kilen", "Deltid"), kase("S-2", "Smedien", "Deltid"), kase("S-3", "Kilen", "Fuldtid")],
  attendance: [],
  attendanceStatuses: defaultAttendanceStatuses(),
  holidays: holidaysForYears(2023, 2025),
  instruments: [],
  measurements: [],
  goals: [],
  visitations: [],
};

let wb: ExcelJS.Workbook;
beforeAll(async () => {
  [wb] = await recalcPlans([buildStructuredPlan(data)], "worked");
}, 120_000);

describe("worked examples in the recalculated workbook", () => {
  it("42 full-time and 70 part-time places at 0.75 are 94.5 normerede pladser (empty weight: 0.75)", () => {
    const enheder = readTable(wb, "Enheder");
    expect(column(enheder, "Enhed")).toEqual(["Kilen", "Smedien", "Cykelværkstedet"]);
    expect(column(enheder, "Normerede pladser")).toEqual([94.5, 94.5, 10]);
  });

  it("a part-time place weighs the unit's Deltidsvægt; a full year 2024 is 366 days and 251 planned days", () => {
    const sager = readTable(wb, "Sager");
    expect(column(sager, "Pladsvægt")).toEqual([0.75, 0.75, 1]);
    expect(column(sager, "Dage i perioden")).toEqual([366, 366, 366]);
    expect(column(sager, "Pladsdage")).toEqual([274.5, 274.5, 366]);
    expect(column(sager, "Planlagte dage")).toEqual([251, 251, 251]);
    // Only up to Opgørelsesdato (15-06-2024): 113 working days from 1 January, none registered.
    expect(column(sager, "Uregistrerede dage")).toEqual([113, 113, 113]);
    // No registrations: the rates are empty, never 0 % and never an error.
    expect(column(sager, "Fraværsprocent")).toEqual([null, null, null]);
    expect(column(sager, "Aktiv")).toEqual(["Ja", "Ja", "Ja"]);
  });

  it("holds the Danish holidays and closure days of 2023-2025 (Store bededag only in 2023)", () => {
    const t = readTable(wb, "Helligdage");
    const rows = t.rows.map((r) => [isoDate(r[0] as number), r[1], r[2]]);
    const expected: [string, string, string][] = [
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
    ];
    expect(rows).toEqual(expected);
  });

  it("keeps the parameters behind their defined names", () => {
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    const byName = new Map(names.map((n) => [n.name, n.ranges.join(",")]));
    expect(byName.get("Opgoerelsesdato")).toMatch(/Opsætning'?!\$B\$3$/);
    expect(byName.get("Periodestart")).toMatch(/Opsætning'?!\$B\$4$/);
    expect(wb.getWorksheet("Opsætning")!.getCell("B3").value).toEqual(new Date(Date.UTC(2024, 5, 15)));
  });
});
