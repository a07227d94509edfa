// WorkbookWriter over Office.js against the counting fake: a form's save is one Excel.run with at most two
// syncs and one rows.add per table; computed columns fill themselves in new rows; text stays text; a
// missing table, column or row stops the save before anything is written.
import { applyPlan } from "../../src/adapters/officejs/apply-plan";
import { createOfficePort } from "../../src/adapters/officejs/port";
import { generateStructuredData } from "../../src/sample/structured-data";
import { TABLES } from "../../src/workbook/contract";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { FakeExcel, fakeRun, parseRangeAddress, type TableState } from "../support/fake-excel";

async function structuredFake(): Promise<FakeExcel> {
  const fake = new FakeExcel({ sheets: ["Ark1"] });
  const data = generateStructuredData(3, { cases: 12, attendanceDensity: 0.2 });
  // Mål starts empty: an empty table keeps one placeholder row, which the first new goal takes over.
  await applyPlan(buildStructuredPlan({ ...data, goals: [] }), fakeRun(fake), { host: fake });
  fake.resetStats();
  return fake;
}

function table(fake: FakeExcel, name: string): TableState {
  const t = fake.findTable(name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** A data row of a table as values by header (formulas shown as their text). */
function row(fake: FakeExcel, name: string, index: number): Record<string, unknown> {
  const t = table(fake, name);
  const r = t.bounds.r0 + 1 + index;
  return Object.fromEntries(t.headers.map((h, j) => {
    const cell = t.sheet.get(r, t.bounds.c0 + j);
    return [h, cell?.formula ?? cell?.value ?? ""];
  }));
}

const dataRows = (fake: FakeExcel, name: string) => table(fake, name).bounds.r1 - table(fake, name).bounds.r0;

test("a form's save: one Excel.run, two syncs, one rows.add per table, calculated columns filled", async () => {
  const fake = await structuredFake();
  const port = createOfficePort(fakeRun(fake));
  const before = { v: dataRows(fake, TABLES.visitationer), s: dataRows(fake, TABLES.sager), f: dataRows(fake, TABLES.fremmoede) };
  const report = await port.saveRows([
    {
      table: TABLES.visitationer,
      appends: [{ "Visitations-ID": "V-0001", "Sags-ID": "S-0001", Henvendelsesdato: 45691, Beslutning: "Bevilget", Beslutningsdato: 45698, "Forventet start": 45719 }],
    },
    { table: TABLES.sager, appends: [{ "Sags-ID": "S-0001", Navn: "=Karen Formular", CPR: "010190-1234", Enhed: "Kilen", Indskrevet: 45719 }] },
    { table: TABLES.maal, appends: [{ "Sags-ID": "S-0001", Mål: "Møde til tiden", Vægt: 1 }, { "Sags-ID": "S-0001", Mål: "Tage bussen", Vægt: 2 }] },
    { table: TABLES.fremmoede, updates: [{ index: 0, values: { Status: "Syg" } }] },
  ]);
  expect(report).toEqual({ updated: 2, appended: 3 });
  expect(fake.stats.runs).toBe(1);
  expect(fake.stats.syncs).toBeLessThanOrEqual(2);
  // Appends go in one call per table, never row by row (Mål's first goal takes the placeholder row,
  // its second comes through rows.add).
  expect(fake.count("add", "call")).toBe(3);
  expect(fake.calculationSuspensions).toBe(0);

  expect(dataRows(fake, TABLES.visitationer)).toBe(before.v + 1);
  expect(dataRows(fake, TABLES.sager)).toBe(before.s + 1);
  expect(dataRows(fake, TABLES.maal)).toBe(2);
  expect(dataRows(fake, TABLES.fremmoede)).toBe(before.f);

  const visitation = row(fake, TABLES.visitationer, before.v);
  expect(visitation).toMatchObject({ "Visitations-ID": "V-0001", Henvendelsesdato: 45691, Beslutning: "Bevilget", Begrundelse: "" });
  // The computed columns hold their formulas in the new row, as Excel's calculated columns do.
  expect(String(visitation.Sagsbehandlingstid)).toMatch(/^=/);
  expect(String(visitation.Ventetid)).toMatch(/^=/);
  const sag = row(fake, TABLES.sager, before.s);
  expect(sag).toMatchObject({ "Sags-ID": "S-0001", CPR: "010190-1234", Navn: "=Karen Formular", Enhed: "Kilen", Indskrevet: 45719 });
  expect(String(sag.Aktiv)).toMatch(/^=/);
  // Text that looks like a formula went in with Excel's quote prefix, not as a formula.
  const sagerTable = table(fake, TABLES.sager);
  const navn = sagerTable.sheet.get(sagerTable.bounds.r1, sagerTable.bounds.c0 + sagerTable.headers.indexOf("Navn"));
  expect(navn).toMatchObject({ value: "=Karen Formular", quotePrefix: true });
  expect(navn?.formula).toBeUndefined();
  expect([row(fake, TABLES.maal, 0).Mål, row(fake, TABLES.maal, 1).Mål]).toEqual(["Møde til tiden", "Tage bussen"]);
  // The update changed Status only: the row's other cells are as they were.
  expect(row(fake, TABLES.fremmoede, 0).Status).toBe("Syg");
  expect(row(fake, TABLES.fremmoede, 0)["Sags-ID"]).not.toBe("");
  // Both syncs are small: header and first row loaded, then the writes.
  expect(fake.maxPayload).toBeLessThan(5_000);
});

test("a missing column, table or row: a Danish reason, one sync, and nothing written", async () => {
  const fake = await structuredFake();
  const port = createOfficePort(fakeRun(fake));
  const snapshot = () => JSON.stringify(fake.tables.map((t) => [t.name, t.bounds]));
  const before = snapshot();
  const cells = fake.sheets.reduce((n, s) => n + s.cells.size, 0);

  await expect(
    port.saveRows([
      { table: TABLES.fremmoede, appends: [{ "Sags-ID": "S-1", Dato: 45000, Status: "Mødt" }] },
      { table: TABLES.statusmaalinger, appends: [{ "Sags-ID": "S-1", Humør: 3 }] },
    ])
  ).rejects.toMatchObject({ message: 'Tabellen Statusmaalinger mangler kolonnen "Humør". Intet er gemt.', retry: false });
  await expect(port.saveRows([{ table: "Findesikke", appends: [{ A: 1 }] }])).rejects.toMatchObject({
    message: expect.stringContaining("Tabellen Findesikke findes ikke i arbejdsbogen"),
  });
  await expect(port.saveRows([{ table: TABLES.sager, updates: [{ index: 10_000, values: { Navn: "X" } }] }])).rejects.toMatchObject({
    message: expect.stringContaining("Række 10001 findes ikke i tabellen Sager"),
  });
  expect(fake.stats).toMatchObject({ runs: 3, syncs: 3 });
  expect(snapshot()).toBe(before);
  expect(fake.sheets.reduce((n, s) => n + s.cells.size, 0)).toBe(cells);
  expect(fake.count("values", "set")).toBe(0);
});

test("selectCell activates the sheet and selects the cell in one run", async () => {
  const fake = await structuredFake();
  await createOfficePort(fakeRun(fake)).selectCell("Sager", "E12");
  expect(fake.stats).toMatchObject({ runs: 1, syncs: 1 });
  expect(fake.activeSheet).toBe("Sager");
  expect(fake.selection).toEqual({ sheet: "Sager", address: "E12" });
  expect(parseRangeAddress("E12").r0).toBe(11);
});
