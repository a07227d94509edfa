// Small sample workbooks for the browser preview: one already structured (sheet and table `Sager`
// with a few fictitious cases) and one raw case list that has not been converted yet.
import ExcelJS from "exceljs";
import { SAGER_INPUT, SHEETS, TABLES } from "../workbook/contract";

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** Fictitious cases: no real names or CPR numbers. */
const CASES: Record<string, string | Date | null>[] = [
  { "Sags-ID": "S-0001", Navn: "Anna Eksempel", Enhed: "Kilen", Lovgrundlag: "§103", Pladstype: "Fuldtid", Henviser: "Myndighed (socialafdeling)", Indskrevet: utc(2023, 2, 1) },
  { "Sags-ID": "S-0002", Navn: "Bo Prøvesen", Enhed: "Kilen", Lovgrundlag: "§104", Pladstype: "Deltid", Henviser: "Jobcenter", Indskrevet: utc(2023, 9, 15) },
  { "Sags-ID": "S-0003", Navn: "Cecilie Testrup", Enhed: "Værkstedet", Lovgrundlag: "LAB", Pladstype: "Fuldtid", Henviser: "Jobcenter", Indskrevet: utc(2024, 1, 8), Udskrevet: utc(2024, 6, 28), Udskrivningsårsag: "Praktik" },
  { "Sags-ID": "S-0004", Navn: "Dennis Demo", Enhed: "Værkstedet", Lovgrundlag: "STU", Pladstype: "Fuldtid", Henviser: "Anden kommune", Indskrevet: utc(2024, 8, 12) },
];

/** A structured workbook: the `Sager` sheet with the `Sager` table in the contract's input columns. */
export function structuredSample(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEETS.sager);
  ws.addTable({
    name: TABLES.sager,
    displayName: TABLES.sager,
    ref: "A1",
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: SAGER_INPUT.map((c) => ({ name: c.name, filterButton: true })),
    rows: CASES.map((c) => SAGER_INPUT.map((col) => c[col.name] ?? null)),
  });
  return wb;
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
