// applyPlan against the fake Excel: sync and request-size budget, no per-row calls, formulas once
// per computed column, text that looks like a formula kept as text, and every part of a Plan applied.
import { applyPlan, charsToPoints, DEFAULT_BUDGET_BYTES } from "../../src/adapters/officejs/apply-plan";
import { needsQuotePrefix, toOfficeValue } from "../../src/adapters/officejs/cell-text";
import { SagslisteExcelError } from "../../src/adapters/officejs/errors";
import type { Plan } from "../../src/workbook/plan";
import { FakeExcel, fakeRun } from "../support/fake-excel";
import { COMPUTED, samplePlan, sagerTable } from "./plan-fixture";

const MB4 = DEFAULT_BUDGET_BYTES;

function figures(label: string, fake: FakeExcel, chunks: number): string {
  const s = fake.stats;
  return `[officejs] ${label}: runs=${s.runs} syncs=${s.syncs} valueWrites=${chunks} largestSyncPayload=${fake.maxPayload} bytes totalPayload=${s.payloads.reduce((a, b) => a + b, 0)} bytes ops=${s.ops.length}`;
}

describe("applyPlan: 10,000 rows x 20 columns", () => {
  const plan = samplePlan(10_000);

  test.each([
    ["ExcelApi 1.13 (copyFrom fill)", "1.13"],
    ["ExcelApi 1.8 (2-D array fill)", "1.8"],
  ])("%s: one run, <= 3 syncs + 1 per 4 MB chunk, one formula write per computed column", async (label, version) => {
    const fake = new FakeExcel({ supported: { ExcelApi: version } });
    const t0 = Date.now();
    const report = await applyPlan(plan, fakeRun(fake), { host: fake });
    const ms = Date.now() - t0;
    console.log(figures(`10000x20 ${label}`, fake, report.chunks) + ` time=${ms}ms`);

    expect(fake.stats.runs).toBe(1);
    const total = fake.stats.payloads.reduce((a, b) => a + b, 0);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3 + Math.ceil(total / MB4));
    expect(fake.maxPayload).toBeLessThan(fake.payloadLimit);
    expect(report.syncs).toBe(fake.stats.syncs);
    // Two computed columns in Sager; Opsætning!B5 is a free formula cell.
    const formulaWrites = fake.stats.ops.filter((o) => o.member === "formulas" && o.kind === "set");
    expect(formulaWrites.length).toBe(3);
    expect(formulaWrites.map((o) => o.target).filter((t) => t === "Range(B5)")).toHaveLength(1);

    const sager = fake.sheet("Sager");
    for (const row of [2, 5000, 10001]) {
      expect(sager.cell(`P${row}`).formula).toBe(COMPUTED.dage);
      expect(sager.cell(`Q${row}`).formula).toBe(COMPUTED.aktiv);
      expect(sager.cell(`I${row}`).numberFormat).toBe("dd-mm-yyyy");
    }
    expect(sager.cell("P10002").formula).toBeUndefined();
    expect(fake.read("Sager", "A1:C1")).toEqual([["Sags-ID", "CPR", "Navn"]]);
    expect(fake.read("Sager", "A10001:D10001")).toEqual([["S-10000", expect.any(String), "Borger nummer 10000", "Butikken"]]);
    // Ids and CPR numbers are text, never numbers.
    expect(typeof sager.cell("B2").value).toBe("string");
    expect(sager.cell("B2").value).toBe(plan.sheets[0].tables[0].rows[0][1]);
  });

  test("the API calls do not depend on the row count (no per-row calls)", async () => {
    // ExcelApi 1.13: formulas by copyFrom (on 1.8 the 2-D arrays are cut by size, so more rows mean more requests).
    const small = new FakeExcel({ supported: { ExcelApi: "1.13" } });
    await applyPlan(samplePlan(100), fakeRun(small), { host: small });
    const large = new FakeExcel({ supported: { ExcelApi: "1.13" } });
    await applyPlan(samplePlan(10_000), fakeRun(large), { host: large });
    const shape = (f: FakeExcel) => f.stats.ops.map((o) => `${o.kind}:${o.member}`);
    expect(shape(large)).toEqual(shape(small));
    const rangeOps = large.stats.ops.filter((o) => /^(getRange|getRangeByIndexes|getCell|getRow|getColumn)$/.test(o.member));
    console.log(`[officejs] range operations for 10000 rows: ${rangeOps.length} (all ops ${large.stats.ops.length})`);
    expect(large.stats.ops.length).toBeLessThan(200);
  });

  test("number formats: one assignment per formatted column", async () => {
    const fake = new FakeExcel();
    await applyPlan(samplePlan(10_000), fakeRun(fake), { host: fake });
    const formatted = samplePlan(1).sheets[0].tables[0].columns.filter((c) => c.numFmt).length;
    const freeCellFormats = 3; // B2:B4 on Opsætning
    expect(fake.count("numberFormat", "set")).toBe(formatted + freeCellFormats);
  });

  test("calculation is suspended before the first bulk write", async () => {
    const fake = new FakeExcel();
    await applyPlan(samplePlan(50), fakeRun(fake), { host: fake });
    const members = fake.stats.ops.map((o) => o.member);
    expect(members.indexOf("suspendApiCalculationUntilNextSync")).toBeGreaterThanOrEqual(0);
    expect(members.indexOf("suspendApiCalculationUntilNextSync")).toBeLessThan(members.indexOf("values"));
  });
});

describe("applyPlan: size-based chunks", () => {
  test("a small budget cuts the values into chunks, one sync each, and nothing is lost", async () => {
    // ExcelApi 1.13: the formulas go by copyFrom, so only the values are chunked.
    const fake = new FakeExcel({ supported: { ExcelApi: "1.13" } });
    const budget = 250_000;
    const report = await applyPlan(samplePlan(10_000), fakeRun(fake), { host: fake, budgetBytes: budget });
    console.log(figures(`10000x20 with a ${budget}-byte budget`, fake, report.chunks));
    expect(report.chunks).toBeGreaterThan(5);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3 + report.chunks);
    // Every sync stays under the budget plus the few small operations around a chunk.
    expect(fake.maxPayload).toBeLessThanOrEqual(budget + 2_000);
    const rows = samplePlan(10_000).sheets[0].tables[0].rows;
    expect(fake.read("Sager", "A2:A2")[0][0]).toBe(rows[0][0]);
    expect(fake.read("Sager", "C10001:C10001")[0][0]).toBe(rows[9999][2]);
    expect(fake.read("Sager", "T5000:T5000")[0][0]).toBe(rows[4998][19]);
    expect(fake.tables.find((t) => t.name === "Sager")?.bounds).toEqual({ r0: 0, c0: 0, r1: 10_000, c1: 19 });
  });

  test("ExcelApi 1.8: formula columns of several tables pack the requests, one write each", async () => {
    // Columns of 60 % and 40 % of the budget, the larger tables first: in table order three requests
    // would go out with one 60 % column each; packed, each 60 % column travels with a 40 % one.
    const formula = "=" + "1+".repeat(48) + "1";
    const table = (name: string, topLeft: string, rows: number) => ({
      name,
      topLeft,
      columns: [{ name: "Id" }, { name: `${name} a`, formula }, { name: `${name} b`, formula }],
      rows: Array.from({ length: rows }, (_, i) => [`${name}${i}`, null, null]),
    });
    const plan: Plan = {
      sheets: [{ name: "Ark", tables: [table("T1", "A1", 570), table("T2", "E1", 570), table("T3", "I1", 380), table("T4", "M1", 380)] }],
      names: [],
    };
    const budget = 100_000;
    const fake = new FakeExcel({ supported: { ExcelApi: "1.8" } });
    await applyPlan(plan, fakeRun(fake), { host: fake, budgetBytes: budget });
    const total = fake.stats.payloads.reduce((a, b) => a + b, 0);
    console.log(figures("four tables, 1.8, 100 KB budget", fake, 0));
    expect(fake.stats.ops.filter((o) => o.member === "formulas" && o.kind === "set")).toHaveLength(8);
    expect(fake.maxPayload).toBeLessThanOrEqual(budget);
    // The probe, then every request full but the last: one sync fewer than in table order.
    expect(fake.stats.syncs).toBe(1 + Math.ceil(total / budget));
    expect(fake.sheet("Ark").cell("C571").formula).toBe(formula);
    expect(fake.sheet("Ark").cell("O381").formula).toBe(formula);
  });

  test("a plan over Excel on the web's 5 MB limit is sent in chunks that each fit", async () => {
    const fake = new FakeExcel();
    const plan = samplePlan(40_000);
    const report = await applyPlan(plan, fakeRun(fake), { host: fake });
    const total = fake.stats.payloads.reduce((a, b) => a + b, 0);
    console.log(figures("40000x20", fake, report.chunks));
    expect(total).toBeGreaterThan(fake.payloadLimit);
    expect(report.chunks).toBeGreaterThan(1);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3 + Math.ceil(total / MB4));
    expect(fake.maxPayload).toBeLessThanOrEqual(MB4);
  });
});

describe("text that looks like a formula is written as text", () => {
  const tricky = [
    "=1+1",
    "+4512345678",
    "-5",
    "@SUM(A1:A2)",
    "\t=cmd|' /C calc'!A0",
    '\r=HYPERLINK("x")',
    "'citeret",
    "007",
    "1-2",
    "TRUE",
    "Jan 2024",
    "#N/A",
    " mellemrum",
  ];

  test("through the table values and free cells", async () => {
    const fake = new FakeExcel();
    const plan: Plan = {
      sheets: [
        {
          name: "Problemer",
          tables: [{ name: "Problemer", topLeft: "A1", columns: [{ name: "Oprindelig værdi" }, { name: "Navn" }], rows: tricky.map((v) => [v, "Anna"]) }],
          cells: [{ address: "D1", value: '=IMPORTXML("x")' }],
        },
      ],
      names: [],
    };
    await applyPlan(plan, fakeRun(fake), { host: fake });
    const sheet = fake.sheet("Problemer");
    tricky.forEach((v, i) => {
      const cell = sheet.cell(`A${i + 2}`);
      expect({ v, formula: cell.formula, value: cell.value }).toEqual({ v, formula: undefined, value: v });
      expect(sheet.cell(`B${i + 2}`)).toMatchObject({ value: "Anna", quotePrefix: false });
    });
    expect(sheet.cell("D1")).toMatchObject({ value: '=IMPORTXML("x")', quotePrefix: true });
    expect(sheet.cell("D1").formula).toBeUndefined();
  });

  test("the quote-prefix rule", () => {
    for (const s of ["=1", "+1", "-1", "@a", "\t=1", "\r=1", "'a", "1", "S-001", "TRUE", "falsk", "#REF!", " a", "Jan 24"])
      expect([s, needsQuotePrefix(s)]).toEqual([s, true]);
    for (const s of ["Anna", "Værkstedet", "§ 103 er ikke her", "Ja", "Nej", "Fuldtid", ""]) expect([s, needsQuotePrefix(s)]).toEqual([s, s.startsWith("§")]);
    expect(toOfficeValue(null)).toBe("");
    expect(toOfficeValue(3.5)).toBe(3.5);
    expect(toOfficeValue(false)).toBe(false);
    expect(toOfficeValue(Number.NaN)).toBe("'NaN");
  });
});

describe("applyPlan: every part of the plan", () => {
  let fake: FakeExcel;
  beforeAll(async () => {
    fake = new FakeExcel({ supported: { ExcelApi: "1.13" } }); // print setup needs ExcelApi 1.9
    await applyPlan(samplePlan(20), fakeRun(fake), { host: fake });
  });

  test("tables with names, styles and bold headers", () => {
    expect(fake.tables.map((t) => [t.name, t.sheet.name, t.style, t.bounds])).toEqual([
      ["Sager", "Sager", "TableStyleMedium2", { r0: 0, c0: 0, r1: 20, c1: 19 }],
      ["Lister", "Opsætning", "TableStyleMedium2", { r0: 0, c0: 3, r1: 3, c1: 5 }],
    ]);
    expect(fake.sheet("Sager").cell("A1").bold).toBe(true);
    expect(fake.tables[0].headers).toEqual(sagerTable(1).columns.map((c) => c.name));
  });

  test("defined names in English formula form", () => {
    expect(Object.fromEntries(fake.names)).toEqual({
      Opgoerelsesdato: "='Opsætning'!$B$2",
      Periodestart: "='Opsætning'!$B$3",
      Periodeslut: "='Opsætning'!$B$4",
      Liste_Lovgrundlag: "=Lister[Lovgrundlag]",
      Liste_Pladstype: "=Lister[Pladstype]",
      Liste_JaNej: "=Lister[JaNej]",
    });
  });

  test("list validation on the data body, values outside the list allowed", () => {
    expect(fake.sheet("Sager").validations).toEqual([
      { address: "E2:E21", rule: { list: { inCellDropDown: true, source: "=Liste_Lovgrundlag" } }, errorAlert: expect.objectContaining({ showAlert: false }) },
      { address: "F2:F21", rule: { list: { inCellDropDown: true, source: "=Liste_Pladstype" } }, errorAlert: expect.objectContaining({ showAlert: false }) },
      { address: "M2:M21", rule: { list: { inCellDropDown: true, source: "=Liste_JaNej" } }, errorAlert: expect.objectContaining({ showAlert: false }) },
    ]);
  });

  test("conditional formats, free cells, widths, frozen rows, print setup", () => {
    expect(fake.sheet("Sager").conditionalFormats).toEqual([
      { address: "Q2:Q21", type: "Custom", formula: '=$Q2="Nej"', fill: "#FFC7CE", fontColor: "#9C0006" },
    ]);
    const ops = fake.sheet("Opsætning");
    expect(ops.cell("A1")).toMatchObject({ value: "Opsætning", bold: true, fontSize: 14 });
    expect(ops.cell("B2")).toMatchObject({ value: 45657, numberFormat: "dd-mm-yyyy" });
    expect(ops.cell("B5").formula).toBe("=SUM(Sager[Dage i perioden])");
    expect(ops.columnWidths.get(0)).toBe(charsToPoints(22));
    expect(fake.sheet("Sager").columnWidths.get(2)).toBe(charsToPoints(24));
    expect(fake.sheet("Sager").columnWidths.get(3)).toBe(charsToPoints(10));
    expect(fake.sheet("Sager").frozenRows).toBe(1);
    expect(ops.pageLayout).toEqual({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
  });

  test("an empty table keeps one empty row", async () => {
    const f = new FakeExcel();
    await applyPlan(
      { sheets: [{ name: "Mål", tables: [{ name: "Maal", topLeft: "A1", columns: [{ name: "Sags-ID" }, { name: "Mål" }], rows: [] }] }], names: [] },
      fakeRun(f),
      { host: f }
    );
    expect(f.tables[0].bounds).toEqual({ r0: 0, c0: 0, r1: 1, c1: 1 });
  });
});

describe("applyPlan: existing sheets, tables and names", () => {
  test("an existing empty sheet is reused (one extra sync to check it is empty)", async () => {
    const fake = new FakeExcel({ sheets: ["Sager"] });
    await applyPlan(samplePlan(10), fakeRun(fake), { host: fake });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sager", "Opsætning"]);
    expect(fake.stats.syncs).toBe(3);
  });

  test("a sheet with content is never written over", async () => {
    const fake = new FakeExcel({ sheets: ["Sager"] });
    fake.sheet("Sager").put("A1", "Brugerens data");
    const err = await applyPlan(samplePlan(10), fakeRun(fake), { host: fake }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SagslisteExcelError);
    expect((err as SagslisteExcelError).message).toBe('Arket "Sager" findes allerede og er ikke tomt. Omdøb eller slet arket, og prøv igen.');
    expect(fake.sheet("Sager").cell("A1").value).toBe("Brugerens data");
    expect(fake.tables).toHaveLength(0);
  });

  test("a table name already in use stops before anything is written", async () => {
    const fake = new FakeExcel({ sheets: ["Andet"] });
    fake.tables.push({ name: "Lister", sheet: fake.sheet("Andet"), bounds: { r0: 0, c0: 0, r1: 1, c1: 0 }, headers: ["X"] });
    const err = (await applyPlan(samplePlan(10), fakeRun(fake), { host: fake }).catch((e: unknown) => e)) as SagslisteExcelError;
    expect(err.code).toBe("ItemAlreadyExists");
    expect(err.retry).toBe(false);
    expect(err.message).toContain('"Lister"');
    expect(fake.sheets.map((s) => s.name)).toEqual(["Andet"]);
  });

  test("an existing defined name is replaced by the plan's", async () => {
    const fake = new FakeExcel();
    fake.names.set("Opgoerelsesdato", "=Ark1!$A$1");
    await applyPlan(samplePlan(5), fakeRun(fake), { host: fake });
    expect(fake.names.get("Opgoerelsesdato")).toBe("='Opsætning'!$B$2");
  });

  test("a host below the manifest's ExcelApi 1.8 gets a Danish message and no run", async () => {
    const fake = new FakeExcel({ supported: { ExcelApi: "1.7" } });
    const err = (await applyPlan(samplePlan(5), fakeRun(fake), { host: fake }).catch((e: unknown) => e)) as SagslisteExcelError;
    expect(err).toBeInstanceOf(SagslisteExcelError);
    expect(err.code).toBe("RequirementSetMissing");
    expect(err.message).toContain("ExcelApi 1.8");
    expect(fake.stats.runs).toBe(0);
  });

  test("without ExcelApi 1.9 the print setup is left out with a warning", async () => {
    const fake = new FakeExcel({ supported: { ExcelApi: "1.8" } });
    const report = await applyPlan(samplePlan(5), fakeRun(fake), { host: fake });
    expect(report.warnings).toEqual([expect.stringContaining("Udskriftsopsætningen")]);
    expect(fake.sheet("Opsætning").pageLayout).toEqual({});
  });

  test("the default host is the global Office object", async () => {
    const fake = new FakeExcel();
    (globalThis as { Office?: unknown }).Office = fake.office;
    try {
      await applyPlan(samplePlan(3), fakeRun(fake));
      expect(fake.tables).toHaveLength(2);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});
