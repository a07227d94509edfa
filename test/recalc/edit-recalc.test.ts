// A user's edit in the written workbook flows through the live formulas: change a discharge date
// with ExcelJS (as a user would type it), recalculate, and the period figures follow.
import path from "path";
import ExcelJS from "exceljs";
import { recalculate } from "../../src/adapters/libreoffice/recalc";
import { plainValue, type Plain } from "../../src/adapters/xlsx/cell-values";
import { jsDateFromSerial, serial } from "../../src/domain/dates";
import { holidaysForYears } from "../../src/domain/holidays";
import type { Case, StructuredData } from "../../src/domain/model";
import { daysInPeriod } from "../../src/domain/occupancy";
import { plannedDays } from "../../src/domain/absence";
import { defaultAttendanceStatuses, defaultParams } from "../../src/domain/setup-defaults";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { tempDir, writePlan } from "../support/recalc-helpers";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

const kase = (sagsId: string, indskrevet: number): Case => ({
  sagsId,
  cpr: null,
  navn: null,
  enhed: "Kilen",
  lovgrundlag: "§103",
  pladstype: "Deltid",
  henviser: null,
  visitationsdato: null,
  indskrevet,
  udskrevet: null,
  udskrivningsaarsag: null,
  forsoergelsesgrundlag: null,
  jobcenterforloeb: null,
  kontaktperson: null,
  bemaerkninger: null,
});

const data: StructuredData = {
  params: defaultParams(serial(2024, 6, 15)),
  units: [
    { enhed: "Kilen", lovgrundlag: "§103", fuldtidspladser: 10, deltidspladser: 10, deltidsvaegt: 0.5, loft: null, stykpris: null, reguleringspris: null },
  ],
  cases: [kase("S-1", serial(2023, 1, 1)), kase("S-2", serial(2024, 2, 1))],
  attendance: [],
  attendanceStatuses: defaultAttendanceStatuses(),
  holidays: holidaysForYears(2024, 2024),
  instruments: [],
  measurements: [],
  goals: [],
  visitations: [],
};

const WATCHED = ["Udskrevet", "Dage i perioden", "Pladsdage", "Planlagte dage", "Aktiv"] as const;

/** The watched columns of Sager's first data row. */
function firstCase(wb: ExcelJS.Workbook): Record<string, Plain> {
  const ws = wb.getWorksheet("Sager")!;
  const headers = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => plainValue(v ?? null));
  const out: Record<string, Plain> = {};
  for (const name of WATCHED) {
    out[name] = plainValue(ws.getRow(2).getCell(headers.indexOf(name)).value);
  }
  return out;
}

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("editing the written workbook", () => {
  it("a new discharge date changes Dage i perioden, Pladsdage, Planlagte dage and Aktiv", async () => {
    const dir = await tempDir("edit");
    const original = path.join(dir, "original.xlsx");
    const edited = path.join(dir, "edited.xlsx");
    await writePlan(buildStructuredPlan(data), original);

    // The user types a discharge date, 31 March 2024, into the first case's Udskrevet cell.
    const discharge = serial(2024, 3, 31);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(original);
    const ws = wb.getWorksheet("Sager")!;
    const col = (ws.getRow(1).values as ExcelJS.CellValue[]).indexOf("Udskrevet");
    const cell = ws.getRow(2).getCell(col);
    cell.value = jsDateFromSerial(discharge);
    cell.numFmt = "dd-mm-yyyy";
    await wb.xlsx.writeFile(edited);

    const [before, after] = await Promise.all(
      (await recalculate([original, edited], path.join(dir, "out"))).map(async (f) => {
        const w = new ExcelJS.Workbook();
        await w.xlsx.readFile(f);
        return firstCase(w);
      })
    );

    const P = [data.params.periodestart, data.params.periodeslut] as const;
    const holidays = new Set(data.holidays.map((h) => h.dato));
    const enrolled = data.cases[0].indskrevet;
    expect(before).toEqual({ Udskrevet: null, "Dage i perioden": 366, Pladsdage: 183, "Planlagte dage": 251, Aktiv: "Ja" });
    // 1 January to 31 March 2024: 91 days; 65 weekdays minus Nytårsdag, Skærtorsdag and Langfredag.
    expect(after).toEqual({ Udskrevet: discharge, "Dage i perioden": 91, Pladsdage: 45.5, "Planlagte dage": 62, Aktiv: "Nej" });
    // The domain agrees with both.
    expect(daysInPeriod({ indskrevet: enrolled, udskrevet: discharge }, ...P)).toBe(91);
    expect(plannedDays({ indskrevet: enrolled, udskrevet: discharge }, ...P, holidays)).toBe(62);
    expect(plannedDays({ indskrevet: enrolled, udskrevet: null }, ...P, holidays)).toBe(251);
  }, 120_000);
});
