// Attendance registers in long format (one row per citizen and day) and attendance grids read
// through the code book: every registration of a known citizen in, with its status read from a code,
// a word or a synonym; unknown citizens and unknown codes in Problemer, never dropped.
import { convert } from "../../src/import/convert";
import { planWorkbookConversion, savedCodesOf } from "../../src/import/workbook-conversion";
import { METADATA_SHEET, parseMetadata } from "../../src/workbook/metadata";
import { absenceFigures, caseAbsence } from "../../src/domain/absence";
import { defaultAttendanceStatuses, defaultParams } from "../../src/domain/setup-defaults";
import { proposeStatus } from "../../src/import/attendance-codes";
import { generateAttendanceRegister } from "../../src/sample/attendance-register";
import { danishDate, isoWeekday, serial, ymd } from "../../src/domain/dates";
import type { Case } from "../../src/domain/model";
import type { RawCell, SheetGrid, WorkbookGrids } from "../../src/import/grid";

const key = (a: { sagsId: string; dato: number; status: string | null }) => `${a.sagsId}|${a.dato}|${a.status}`;

describe("attendance register in long format", () => {
  const g = generateAttendanceRegister({ seed: 1 });
  const r = convert(g.grids);

  it("recognises one register sheet per month beside the case list", () => {
    expect(r.regions.map((x) => [x.kind, x.sheet])).toEqual([["sager", "Sagsliste"], ...g.truth.perSheet.map((s) => ["fremmoederegister", s.sheet])]);
    expect(r.attendanceSources).toEqual(g.truth.perSheet.map((s) => ({ sheet: s.sheet, registrations: s.known })));
  });

  it("imports every registration of a known citizen with the status it means", () => {
    const got = r.attendance.map(key).sort();
    expect(got).toEqual(g.truth.attendance.map(key).sort());
  });
});

describe("status proposals", () => {
  it("reads codes, words, synonyms, ticks, fractions and abbreviations with a confidence", () => {
    const p = (t: string) => [proposeStatus(t).status, proposeStatus(t).confidence];
    expect(p("M")).toEqual(["Mødt", 1]);
    expect(p("til stede")).toEqual(["Mødt", 0.9]);
    expect(p("x")).toEqual(["Mødt", 0.9]);
    expect(p("✓")).toEqual(["Mødt", 0.9]);
    expect(p("1")).toEqual(["Mødt", 0.9]);
    expect(p("½")).toEqual(["Delvist mødt", 0.8]);
    expect(p("0,5")).toEqual(["Delvist mødt", 0.8]);
    expect(p("sygdom")).toEqual(["Syg", 0.9]);
    expect(p("syg (barn)")).toEqual(["Syg", 0.7]);
    expect(p("ulovligt fravær")).toEqual(["Udeblevet (ulovligt fravær)", 0.9]);
    expect(p("afspadsering")).toEqual(["Aftalt fri", 0.9]);
    expect(p("afbud")).toEqual(["Aftalt fri", 0.6]);
    expect(p("Fe")).toEqual(["Ferie", 0.6]);
    expect(p("Q")).toEqual([null, 0]);
  });
});

/** A case list sheet and the grids, each a plain grid. */
function sheet(name: string, rows: RawCell[][]): SheetGrid {
  return { name, cells: rows, merges: [], hiddenRows: [], hiddenCols: [] };
}

const CASES: RawCell[][] = [
  ["Sags-ID", "Navn", "Enhed", "Indskrevet"],
  ["A-1", "Alma Holm", "Værkstedet", serial(2025, 1, 6)],
  ["A-2", "Bent Krogh", "Værkstedet", serial(2025, 1, 6)],
];

function convertGrid(grid: SheetGrid, overrides?: Record<string, string | null>) {
  const grids: WorkbookGrids = { sheets: [sheet("Sager", CASES), grid] };
  return convert(grids, overrides ? { attendanceCodes: overrides } : {});
}

describe("attendance grids as units keep them", () => {
  const march = Array.from({ length: 31 }, (_, i) => serial(2025, 3, i + 1)).filter((d) => isoWeekday(d) <= 5);

  it("reads ticks as present, so 2 sick days of 12 are 16,7 %, not 100 %, and the month from the title", () => {
    const days = march.slice(0, 12);
    const header: RawCell[] = ["Navn", ...days.map((d) => ymd(d).day)];
    const alma: RawCell[] = ["Alma Holm", ...days.map((_, i) => (i < 10 ? "x" : "S"))];
    const bent: RawCell[] = ["Bent Krogh", ...days.map((_, i) => (i < 6 ? "✓" : i < 8 ? "½" : i < 11 ? "sy" : "Q"))];
    const r = convertGrid(sheet("Fremmøde", [["Fremmøde Marts 2025"], [], header, alma, bent]));
    expect(r.regions.map((x) => x.kind)).toEqual(["sager", "fremmoede"]);
    // Every cell kept: 24 registrations, the unknown "Q" verbatim.
    expect(r.attendance).toHaveLength(24);
    expect(r.attendance.filter((a) => a.sagsId === "A-1").map((a) => a.dato)).toEqual(days);
    const month = r.findings.find((f) => f.code === "FREMMOEDE_MAANED_UDLEDT")!;
    expect(month.message).toContain("marts 2025 fra titlen 'Fremmøde Marts 2025'");
    // One finding per distinct unknown or uncertain code, never one per cell.
    expect(r.findings.filter((f) => f.code === "FREMMOEDE_UKENDT_KODE").map((f) => f.original)).toEqual(["Q"]);
    expect(r.findings.filter((f) => f.code === "FREMMOEDEKODE_USIKKER").map((f) => f.original)).toEqual(["sy"]);
    const alma1 = r.cases.find((c) => c.sagsId === "A-1")! as Case;
    const f = absenceFigures(alma1, r.attendance, defaultAttendanceStatuses(), [], serial(2025, 1, 1), serial(2025, 12, 31))!;
    expect(f.fravaersprocent).toBeCloseTo(2 / 12, 12);
    const bent1 = r.cases.find((c) => c.sagsId === "A-2")! as Case;
    const b = absenceFigures(bent1, r.attendance, defaultAttendanceStatuses(), [], serial(2025, 1, 1), serial(2025, 12, 31))!;
    // 6 present, 2 part days, 3 sick ("sy"), 1 unknown (not in the base): 3 / 11.
    expect(b.fravaersprocent).toBeCloseTo(3 / 11, 12);
    console.log(`gitter: Alma ${(f.fravaersprocent! * 100).toFixed(1)} % fravær (10 x, 2 S); Bent ${(b.fravaersprocent! * 100).toFixed(1)} %`);
  });

  it("takes the month from the sheet's name when columns are headed by weekday and day", () => {
    const days = march.slice(0, 8);
    const wd = ["ma", "ti", "on", "to", "fr"];
    const header: RawCell[] = ["Navn", ...days.map((d) => `${wd[isoWeekday(d) - 1]} ${ymd(d).day}`)];
    const r = convertGrid(sheet("mar-2025", [header, ["Alma Holm", ...days.map(() => "M")]]));
    expect(r.attendance.map((a) => a.dato)).toEqual(days);
    expect(r.findings.find((f) => f.code === "FREMMOEDE_MAANED_UDLEDT")!.message).toContain("marts 2025 fra arknavnet 'mar-2025'");
    const named = convertGrid(sheet("Marts 25", [header, ["Alma Holm", ...days.map(() => "M")]]));
    expect(named.attendance).toHaveLength(8);
  });

  it("reads a code the user confirmed as they chose it", () => {
    const days = march.slice(0, 6);
    const header: RawCell[] = ["Navn", ...days];
    const r = convertGrid(sheet("Fremmøde", [header, ["Alma Holm", ...days.map(() => "Q")]]), { Q: "Syg" });
    expect(r.attendance.every((a) => a.status === "Syg")).toBe(true);
    expect(r.attendanceCodes).toEqual([expect.objectContaining({ value: "Q", status: "Syg", confidence: 1, count: 6 })]);
    expect(r.findings.filter((f) => f.code.startsWith("FREMMOEDE"))).toEqual([]);
  });
});

describe("citizens and sheets the import cannot place", () => {
  it("keeps an ambiguous name in Problemer and says a sheet is neither case list nor attendance", () => {
    const cases: RawCell[][] = [...CASES, ["A-3", "Alma Holm", "Caféen", serial(2025, 1, 6)]];
    cases[1] = ["A-1", "Alma Holm", "Værkstedet", serial(2025, 1, 6)];
    const register: RawCell[][] = [
      ["Navn", "Dato", "Status"],
      ["Alma Holm", serial(2025, 3, 3), "mødt"],
      ["Bent Krogh", serial(2025, 3, 3), "syg"],
    ];
    const grids: WorkbookGrids = {
      sheets: [sheet("Sager", cases), sheet("Fremmøde", register), sheet("Noter", [["Husk at ringe til Bent"], ["Mødet er flyttet"]])],
    };
    // Two citizens named Alma Holm (no CPR tells them apart): which one is meant cannot be told.
    const r = convert(grids);
    expect(r.attendance).toEqual([{ sagsId: "A-2", dato: serial(2025, 3, 3), status: "Syg", bemaerkning: null }]);
    expect(r.findings.find((f) => f.code === "FREMMOEDE_TVETYDIG_BORGER")).toMatchObject({ sheet: "Fremmøde", cell: "A2", original: "Alma Holm" });
    expect(r.findings.find((f) => f.sheet === "Noter")!.message).toMatch(/hverken genkendt som sagsliste eller som fremmøde/);
  });
});

describe("the period from the data", () => {
  const layout = { sheets: [] as { name: string; tables: string[] }[], metadata: null };
  const plan = (grids: WorkbookGrids, referenceDate?: number) =>
    planWorkbookConversion({ ...layout, sheets: grids.sheets.map((s) => ({ name: s.name, tables: [] })) }, grids, null, {
      conversionDate: serial(2026, 12, 7),
      referenceDate,
    });

  it("is the latest year with registrations, Opgørelsesdato its last registered day: 2022's rates are not empty in 2026", () => {
    const g = generateAttendanceRegister({ seed: 5, year: 2022, firstMonth: 9, months: 3 });
    const conv = plan(g.grids);
    const last = Math.max(...g.truth.attendance.map((a) => a.dato));
    expect(conv.output.period).toEqual({ start: serial(2022, 1, 1), end: serial(2022, 12, 31), reference: last, source: "fremmøde" });
    const data = conv.output.data;
    const rates = data.cases.map((c) => caseAbsence(c, data)?.fravaersprocent ?? null);
    expect(rates.filter((x) => x !== null).length).toBe(data.cases.length);
    // The old default, the conversion date's year, found no registration at all.
    const old = { ...data, params: defaultParams(serial(2026, 12, 7)) };
    expect(data.cases.every((c) => caseAbsence(c, old)!.basisDage === 0)).toBe(true);
    console.log(`periode fra data: ${danishDate(last)}; fraværsprocenter ${rates.map((x) => (x! * 100).toFixed(1)).join(", ")}`);
  });

  it("is the latest year a case is enrolled without registrations, and the chosen date's year when one is given", () => {
    const list: RawCell[][] = [
      ["Sags-ID", "Navn", "Enhed", "Indskrevet", "Udskrevet"],
      ["A-1", "Alma Holm", "Værkstedet", serial(2020, 5, 1), serial(2021, 3, 31)],
      ["A-2", "Bent Krogh", "Værkstedet", serial(2021, 2, 1), serial(2021, 10, 15)],
    ];
    const grids: WorkbookGrids = { sheets: [sheet("Sager", list)] };
    expect(plan(grids).output.period).toEqual({
      start: serial(2021, 1, 1),
      end: serial(2021, 12, 31),
      reference: serial(2021, 12, 31),
      source: "indskrivninger",
    });
    // An open case is enrolled up to the conversion: its year is the period.
    const open: WorkbookGrids = { sheets: [sheet("Sager", [...list, ["A-3", "Carla Dahl", "Værkstedet", serial(2021, 6, 1), null]])] };
    expect(plan(open).output.period).toMatchObject({ start: serial(2026, 1, 1), reference: serial(2026, 12, 7), source: "indskrivninger" });
    expect(plan(grids, serial(2024, 6, 30)).output.period).toEqual({
      start: serial(2024, 1, 1),
      end: serial(2024, 12, 31),
      reference: serial(2024, 6, 30),
      source: "valgt",
    });
  });
});

describe("confirmed attendance codes on a re-run", () => {
  it("are kept in the metadata and hold on the next run unless confirmed anew", () => {
    const g = generateAttendanceRegister({ seed: 1 });
    const layout = { sheets: g.grids.sheets.map((s) => ({ name: s.name, tables: [] })), metadata: null };
    const first = planWorkbookConversion(layout, g.grids, null, { conversionDate: serial(2026, 12, 7), attendanceCodes: { afbud: "Syg" } });
    const meta = first.plan.sheets.find((s) => s.name === METADATA_SHEET)!;
    const saved = parseMetadata(meta.cells!.map((c) => c.value as string));
    expect(savedCodesOf(saved)).toEqual({ afbud: "Syg" });
    const again = planWorkbookConversion({ ...layout, metadata: saved }, g.grids, null, { conversionDate: serial(2026, 12, 7) });
    expect(again.result.attendanceCodes.find((c) => c.value === "afbud")).toMatchObject({ status: "Syg", confidence: 1 });
    const fresh = planWorkbookConversion({ ...layout, metadata: saved }, g.grids, null, { conversionDate: serial(2026, 12, 7), ignoreSavedMapping: true });
    expect(fresh.result.attendanceCodes.find((c) => c.value === "afbud")).toMatchObject({ status: "Aftalt fri", confidence: 0.6 });
  });
});
