// Sample workbooks for the browser preview: a full structured workbook (every data sheet and the setup
// tables of Opsætning, built from generated fictitious data exactly as a conversion builds it) and a raw
// case list that has not been converted yet.
import ExcelJS from "exceljs";
import { applyPlan } from "./apply-plan";
import { gridsToWorkbook } from "./write-grids";
import { generateAttendanceRegister } from "../../sample/attendance-register";
import type { StructuredData } from "../../domain/model";
import { generateStructuredData } from "../../sample/structured-data";
import { generateValueShapes } from "../../sample/value-shapes";
import { reportHelperColumns } from "../../workbook/report/noegletal";
import { buildStructuredPlan } from "../../workbook/structured-plan";

/**
 * The seed and size of the sample. With these, one unit has more than 30 citizens enrolled on some
 * working days, enough for a realistic attendance list (a test guards that this stays true).
 */
export const SAMPLE_SEED = 5;
export const SAMPLE_CASES = 120;

/** The fictitious data of the structured sample: no real names or CPR numbers. */
export function sampleData(): StructuredData {
  return generateStructuredData(SAMPLE_SEED, { cases: SAMPLE_CASES, attendanceDensity: 0.15 });
}

/** A structured workbook: Sager, Visitationer, Statusmålinger, Mål, Fremmøde and Opsætning with their tables. */
export function structuredSample(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // With the report's helper columns, as a conversion writes them, so the Oversigt page works too.
  applyPlan(wb, buildStructuredPlan(sampleData(), { extraComputedColumns: reportHelperColumns() }));
  return wb;
}

/** A raw case list whose red rows mean discharged, some of them without an end date. */
export function colouredSample(): ExcelJS.Workbook {
  return gridsToWorkbook(generateValueShapes().find((s) => s.name === "roed-udfyldning")!.grids);
}

/** A raw case list as users keep it: a title row above the header, no tables. */
export function rawSample(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Ark1");
  ws.addRow(["Sagsliste 2024 – Kilen"]);
  ws.addRow(["Navn", "Cpr", "Indskr.", "Status"]);
  ws.addRow(["Anna Eksempel", null, "1/2-23", "aktiv"]);
  ws.addRow(["Bo Prøvesen", null, "15.09.2023", "aktiv"]);
  return wb;
}

/** A case list with a long-format attendance register beside it, one sheet per month (fictitious). */
export function registerSample(): ExcelJS.Workbook {
  return gridsToWorkbook(generateAttendanceRegister({ seed: 3 }).grids);
}

/** Two case lists with the same header on two sheets, as units often keep them (one sheet per unit). */
export function rawTwoSheetsSample(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const rows: Record<string, (string | null)[][]> = {
    Kilen: [
      ["Anna Eksempel", null, "1/2-23", "aktiv"],
      ["Bo Prøvesen", null, "15.09.2023", "aktiv"],
    ],
    Smedien: [
      ["Carla Testesen", null, "03-04-2023", "aktiv"],
      ["Dan Demo", null, "1/6-23", "aktiv"],
    ],
  };
  for (const [sheet, data] of Object.entries(rows)) {
    const ws = wb.addWorksheet(sheet);
    ws.addRow(["Navn", "Cpr", "Indskr.", "Status"]);
    for (const r of data) ws.addRow(r);
  }
  return wb;
}
