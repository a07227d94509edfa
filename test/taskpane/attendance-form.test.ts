// The attendance form's rules: who is listed on a day, the day's kind, one key per status, "alle mødt",
// and a save that appends new registrations and replaces (never duplicates) a case's earlier one.
import { serial } from "../../src/domain/dates";
import { holidaysForYears } from "../../src/domain/holidays";
import type { Case } from "../../src/domain/model";
import {
  dayKind,
  dayKindText,
  holidayRowsFor,
  markAllMet,
  metStatus,
  planAttendance,
  registrationsOn,
  statusForKey,
  statusName,
} from "../../src/taskpane/forms/attendance-form";
import { activeCasesOn, isActiveOn, searchCases, sameUnit } from "../../src/taskpane/forms/cases";
import { statusesFrom } from "../../src/taskpane/forms/setup";

const statuses = statusesFrom(null);
const day = serial(2024, 3, 12); // a Tuesday

function aCase(sagsId: string, navn: string, enhed: string, indskrevet: number | null, udskrevet: number | null = null): Case {
  return {
    sagsId,
    cpr: null,
    navn,
    enhed,
    lovgrundlag: null,
    pladstype: null,
    henviser: null,
    visitationsdato: null,
    indskrevet,
    udskrevet,
    udskrivningsaarsag: null,
    forsoergelsesgrundlag: null,
    jobcenterforloeb: null,
    kontaktperson: null,
    bemaerkninger: null,
  };
}

test("the day's list: enrolled that day (discharge day included), in the unit however its name is spelt", () => {
  const cases = [
    aCase("S-1", "Bo", "Kilen", day - 10),
    aCase("S-2", "Anna", "kilen ", day - 100, day),
    aCase("S-3", "Cy", "KILEN", day + 1),
    aCase("S-4", "Dan", "Kilen", day - 100, day - 1),
    aCase("S-5", "Eva", "Smedien", day - 10),
    aCase("S-6", "Finn", "Kilen", null),
    aCase("S-7", "Åse", "Cafe Æblet", day - 1),
  ];
  expect(activeCasesOn(cases, day, "Kilen").map((c) => c.sagsId)).toEqual(["S-2", "S-1"]);
  expect(sameUnit("Café Æblet", "cafe æblet")).toBe(true);
  expect(activeCasesOn(cases, day, "Café Æblet").map((c) => c.sagsId)).toEqual(["S-7"]);
  expect(isActiveOn(cases[5], day)).toBe(false);
  expect(searchCases(cases, "s-5").map((c) => c.navn)).toEqual(["Eva"]);
  expect(searchCases(cases, "an").map((c) => c.sagsId)).toEqual(["S-2", "S-4"]);
});

test("holidays, closure days and weekends are named", () => {
  const holidays = holidaysForYears(2024, 2024);
  expect(dayKind(serial(2024, 12, 25), holidays)).toEqual({ kind: "holiday", name: "Juledag", type: "Helligdag" });
  expect(dayKindText(dayKind(serial(2024, 12, 24), holidays))).toBe("Lukkedag: Juleaftensdag.");
  expect(dayKind(serial(2024, 3, 16), holidays)).toEqual({ kind: "weekend" });
  expect(dayKind(day, holidays)).toEqual({ kind: "workday" });
  expect(dayKindText({ kind: "workday" })).toBeNull();
});

test("the holidays of any year are flagged, and a save in a year Helligdage lacks brings that year's and the next", () => {
  // Helligdage holds 2023-2024 only: 25-12-2026 is still Juledag, 1 January 2025 still Nytårsdag.
  const holidays = holidaysForYears(2023, 2024);
  expect(dayKind(serial(2026, 12, 25), holidays)).toEqual({ kind: "holiday", name: "Juledag", type: "Helligdag" });
  expect(dayKind(serial(2025, 1, 1), holidays)).toEqual({ kind: "holiday", name: "Nytårsdag", type: "Helligdag" });
  // A year the table holds is read from the table alone: a closure day the user removed stays removed.
  expect(
    dayKind(
      serial(2024, 6, 5),
      holidays.filter((h) => h.navn !== "Grundlovsdag")
    )
  ).toEqual({ kind: "workday" });
  const add = holidayRowsFor(serial(2026, 12, 21), holidays)!;
  expect(add.table).toBe("Helligdage");
  expect(add.appends!.map((r) => r.Dato)).toEqual(holidaysForYears(2026, 2027).map((h) => h.dato));
  expect(holidayRowsFor(serial(2023, 5, 2), holidays)).toBeNull();
});

test("one key per status: the status's code, any letter case; other keys set nothing", () => {
  expect(["m", "D", "p", "S", "u", "F", "a", "L"].map((k) => statusForKey(k, statuses))).toEqual(statuses.map((s) => s.status));
  expect([statusForKey("x", statuses), statusForKey("Enter", statuses), statusForKey("1", statuses)]).toEqual([null, null, null]);
  // A status a user adds to Fremmoedestatus gets its key at once.
  expect(statusForKey("k", [...statuses, { status: "Kursus", kode: "K" }])).toBe("Kursus");
  expect(metStatus(statuses)).toBe("Mødt");
  expect(statusName("s", statuses)).toBe("Syg");
  expect(statusName("udeblevet (ulovligt fravær)", statuses)).toBe("Udeblevet (ulovligt fravær)");
});

test("'alle mødt' fills only the citizens without a status", () => {
  expect(markAllMet({ "S-1": "Syg" }, ["S-1", "S-2", "S-3"], "Mødt")).toEqual({ "S-1": "Syg", "S-2": "Mødt", "S-3": "Mødt" });
});

test("a save appends new registrations, replaces a changed one in place, and leaves an unchanged one alone", () => {
  const table = {
    headers: ["Sags-ID", "Dato", "Status", "Bemærkning", "Tæller som"],
    rows: [
      ["S-1", day, "M", "Ringede", null],
      ["S-2", day, "Syg", null, null],
      ["S-3", day - 1, "Mødt", null, null],
    ],
  };
  const existing = registrationsOn(table, day, statuses);
  expect([...existing.entries()]).toEqual([
    ["s-1", { index: 0, status: "Mødt" }],
    ["s-2", { index: 1, status: "Syg" }],
  ]);
  const plan = planAttendance({ "S-1": "Syg", "S-2": "Syg", "S-3": "Mødt", "S-4": "" }, day, existing, statuses);
  expect(plan.replaced).toEqual(["S-1"]);
  expect(plan.appended).toBe(1);
  // The replaced row keeps its note: only Sags-ID, Dato and Status are written.
  expect(plan.change).toEqual({
    table: "Fremmoede",
    updates: [{ index: 0, values: { "Sags-ID": "S-1", Dato: day, Status: "Syg" }, previous: { "Sags-ID": "S-1", Dato: day, Status: "Mødt" } }],
    appends: [{ "Sags-ID": "S-3", Dato: day, Status: "Mødt", Bemærkning: null }],
  });
});

test("an unknown status is refused with the shared schema, and nothing is planned for it", () => {
  const plan = planAttendance({ "S-1": "Kursus" }, day, new Map(), statuses);
  expect(plan.change).toBeNull();
  expect(plan.errors["S-1"]).toMatch(/^Vælg en fremmødestatus fra listen: Mødt, Delvist mødt/);
});
