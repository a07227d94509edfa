// WorkbookWriter over Office.js against the counting fake: a form's save is one Excel.run with two syncs
// and one rows.add per table, and one sync more to sort Fremmoede and Statusmaalinger by case where they
// have Sagsrække; computed columns fill themselves in new rows; text stays text; a missing table, column or
// row stops the save before anything is written.
import { applyPlan } from "../../src/adapters/officejs/apply-plan";
import { createOfficePort } from "../../src/adapters/officejs/port";
import { generateStructuredData } from "../../src/sample/structured-data";
import { caseSortFields } from "../../src/workbook/case-sort";
import { CASE_ROW_COLUMN, TABLES } from "../../src/workbook/contract";
import { columnLetters } from "../../src/workbook/plan";
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
  return Object.fromEntries(
    t.headers.map((h, j) => {
      const cell = t.sheet.get(r, t.bounds.c0 + j);
      return [h, cell?.formula ?? cell?.value ?? ""];
    })
  );
}

const dataRows = (fake: FakeExcel, name: string) => table(fake, name).bounds.r1 - table(fake, name).bounds.r0;

test("a form's save: one Excel.run, two syncs (three with a sort), one rows.add per table, calculated columns filled", async () => {
  const fake = await structuredFake();
  const port = createOfficePort(fakeRun(fake));
  const before = { v: dataRows(fake, TABLES.visitationer), s: dataRows(fake, TABLES.sager), f: dataRows(fake, TABLES.fremmoede) };
  const updatedBefore = row(fake, TABLES.fremmoede, 0);
  const report = await port.saveRows([
    {
      table: TABLES.visitationer,
      appends: [
        { "Visitations-ID": "V-0001", "Sags-ID": "S-0001", Henvendelsesdato: 45691, Beslutning: "Bevilget", Beslutningsdato: 45698, "Forventet start": 45719 },
      ],
    },
    { table: TABLES.sager, appends: [{ "Sags-ID": "S-0001", Navn: "=Karen Formular", CPR: "010190-1234", Enhed: "Kilen", Indskrevet: 45719 }] },
    {
      table: TABLES.maal,
      appends: [
        { "Sags-ID": "S-0001", Mål: "Møde til tiden", Vægt: 1 },
        { "Sags-ID": "S-0001", Mål: "Tage bussen", Vægt: 2 },
      ],
    },
    { table: TABLES.fremmoede, updates: [{ index: 0, values: { Status: "Syg" } }] },
  ]);
  expect(report).toEqual({ updated: 2, appended: 3 });
  expect(fake.stats.runs).toBe(1);
  // Fremmoede is sorted after the write in a sync of its own where it has Sagsrække (a new workbook).
  const sorted = table(fake, TABLES.fremmoede).headers.includes(CASE_ROW_COLUMN);
  expect(fake.stats.syncs).toBe(sorted ? 3 : 2);
  expect(fake.sorts.map((s) => s.table)).toEqual(sorted ? [TABLES.fremmoede] : []);
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
  // The update changed Status only: the row's other cells are as they were (the sort may have moved it:
  // the fake sorts the Sagsrække formulas as their text, so by Dato alone).
  const updated = Array.from({ length: before.f }, (_, i) => row(fake, TABLES.fremmoede, i)).find(
    (r) => r["Sags-ID"] === updatedBefore["Sags-ID"] && r.Dato === updatedBefore.Dato
  );
  expect(updatedBefore["Sags-ID"]).not.toBe("");
  expect(updated).toEqual({ ...updatedBefore, Status: "Syg" });
  // Every sync is small: header and first row loaded, then the writes, then the sort.
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
    message: expect.stringContaining("Tabellen Findesikke findes ikke i projektmappen"),
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

// ---------------------------------------------------------------- sorting by case after a save

const SAGSRAEKKE = "=IFERROR(MATCH([@[Sags-ID]],Sager[Sags-ID],0),0)";

interface TableSpec {
  name: string;
  headers: string[];
  rows: (string | number)[][];
}

/** A workbook of the given tables, each on a sheet of its name, built through the fake's own API. */
async function tablesFake(specs: TableSpec[]): Promise<FakeExcel> {
  const fake = new FakeExcel({ sheets: specs.map((t) => t.name) });
  await fakeRun(fake)(async (context) => {
    for (const t of specs) {
      const ws = context.workbook.worksheets.getItem(t.name);
      const address = `A1:${columnLetters(t.headers.length - 1)}${t.rows.length + 1}`;
      ws.getRange(address).values = [t.headers, ...t.rows];
      ws.tables.add(address, true).name = t.name;
    }
  });
  fake.resetStats();
  return fake;
}

/** Fremmoede as a new workbook has it (Sagsrække, a calculated column, last), or as an older one (none). */
function fremmoede(withCaseRow: boolean): TableSpec {
  const rows: (string | number)[][] = [
    ["S-2", 45_700, "Mødt", ""],
    ["S-1", 45_690, "Syg", ""],
  ];
  return {
    name: TABLES.fremmoede,
    headers: ["Sags-ID", "Dato", "Status", "Bemærkning", ...(withCaseRow ? [CASE_ROW_COLUMN] : [])],
    rows: withCaseRow ? rows.map((r) => [...r, SAGSRAEKKE]) : rows,
  };
}

const statusmaalinger: TableSpec = {
  name: TABLES.statusmaalinger,
  headers: ["Sags-ID", "Dato", "Instrument", "Dimension", "Score", CASE_ROW_COLUMN],
  rows: [
    ["S-1", 45_600, "Trin", "Mødestabilitet", 3, SAGSRAEKKE],
    ["S-1", 45_500, "Trin", "Mødestabilitet", 2, SAGSRAEKKE],
  ],
};

/** A Sager with a Sagsrække and even a Dato column: only the list of case-sorted tables keeps it unsorted. */
const sager: TableSpec = {
  name: TABLES.sager,
  headers: ["Sags-ID", "Navn", "Dato", CASE_ROW_COLUMN],
  rows: [
    ["S-2", "Bo", 45_300, SAGSRAEKKE],
    ["S-1", "Anna", 45_200, SAGSRAEKKE],
  ],
};

const attendance = [
  { "Sags-ID": "S-1", Dato: 45_680, Status: "Mødt" },
  { "Sags-ID": "S-2", Dato: 45_695, Status: "Mødt" },
];

test("caseSortFields: Fremmoede and Statusmaalinger by Sagsrække then Dato, where both columns are there", () => {
  const cases: [string, string[], ReturnType<typeof caseSortFields>][] = [
    [
      "Fremmoede",
      ["Sags-ID", "Dato", "Status", "Sagsrække"],
      [
        { key: 3, ascending: true },
        { key: 1, ascending: true },
      ],
    ],
    [
      "fremmoede",
      [" sagsrække ", "DATO"],
      [
        { key: 0, ascending: true },
        { key: 1, ascending: true },
      ],
    ],
    [
      "Statusmaalinger",
      ["Sags-ID", "Dato", "Score", "Serie", "Sagsrække"],
      [
        { key: 4, ascending: true },
        { key: 1, ascending: true },
      ],
    ],
    ["Fremmoede", ["Sags-ID", "Dato", "Status"], null],
    ["Fremmoede", ["Sags-ID", "Status", "Sagsrække"], null],
    ["Sager", ["Sags-ID", "Dato", "Sagsrække"], null],
    ["Maal", ["Sags-ID", "Mål"], null],
  ];
  for (const [tableName, headers, expected] of cases) expect([tableName, caseSortFields(tableName, headers)]).toEqual([tableName, expected]);
});

test("a save appending to Fremmoede with Sagsrække sorts it once, by Sagsrække then Dato, in one sync more", async () => {
  const older = await tablesFake([fremmoede(false)]);
  await createOfficePort(fakeRun(older)).saveRows([{ table: TABLES.fremmoede, appends: attendance }]);

  const fake = await tablesFake([fremmoede(true)]);
  const report = await createOfficePort(fakeRun(fake)).saveRows([{ table: TABLES.fremmoede, appends: attendance }]);
  expect(report).toEqual({ updated: 0, appended: 2 });
  expect(fake.stats).toMatchObject({ runs: 1, syncs: older.stats.syncs + 1 });
  expect(older.stats.syncs).toBe(2);
  // Sagsrække is column 4, Dato column 1; the sort ran after the write's sync, so with calculation running
  // and the new rows' Sagsrække computed.
  expect(fake.sorts).toEqual([
    {
      table: TABLES.fremmoede,
      fields: [
        { key: 4, ascending: true },
        { key: 1, ascending: true },
      ],
      matchCase: false,
      calculationSuspended: false,
    },
  ]);
  expect(fake.count("apply", "call")).toBe(1);
  const ops = fake.stats.ops.map((o) => o.member);
  expect(ops.indexOf("apply")).toBeGreaterThan(ops.indexOf("add"));
  // The rows moved whole. (The fake holds Sagsrække as formula text, equal in every row, so Dato orders.)
  expect(Array.from({ length: 4 }, (_, i) => row(fake, TABLES.fremmoede, i))).toEqual([
    { "Sags-ID": "S-1", Dato: 45_680, Status: "Mødt", Bemærkning: "", [CASE_ROW_COLUMN]: SAGSRAEKKE },
    { "Sags-ID": "S-1", Dato: 45_690, Status: "Syg", Bemærkning: "", [CASE_ROW_COLUMN]: SAGSRAEKKE },
    { "Sags-ID": "S-2", Dato: 45_695, Status: "Mødt", Bemærkning: "", [CASE_ROW_COLUMN]: SAGSRAEKKE },
    { "Sags-ID": "S-2", Dato: 45_700, Status: "Mødt", Bemærkning: "", [CASE_ROW_COLUMN]: SAGSRAEKKE },
  ]);
});

test("a save to Fremmoede and Statusmaalinger sorts both in the same one extra sync", async () => {
  const fake = await tablesFake([fremmoede(true), statusmaalinger]);
  await createOfficePort(fakeRun(fake)).saveRows([
    { table: TABLES.fremmoede, appends: attendance },
    { table: TABLES.statusmaalinger, updates: [{ index: 0, values: { Score: 4 } }] },
  ]);
  expect(fake.stats.syncs).toBe(3);
  expect(fake.sorts.map((s) => [s.table, s.fields.map((f) => f.key), s.calculationSuspended])).toEqual([
    [TABLES.fremmoede, [4, 1], false],
    [TABLES.statusmaalinger, [5, 1], false],
  ]);
  expect(fake.read(TABLES.statusmaalinger, "B2:E3")).toEqual([
    [45_500, "Trin", "Mødestabilitet", 2],
    [45_600, "Trin", "Mødestabilitet", 4],
  ]);
});

test("an older workbook's Fremmoede without Sagsrække: nothing sorted, the old two syncs, rows in the order written", async () => {
  const fake = await tablesFake([fremmoede(false)]);
  const report = await createOfficePort(fakeRun(fake)).saveRows([{ table: TABLES.fremmoede, appends: attendance }]);
  expect(report).toEqual({ updated: 0, appended: 2 });
  expect(fake.stats).toMatchObject({ runs: 1, syncs: 2 });
  expect(fake.sorts).toEqual([]);
  expect(fake.count("apply")).toBe(0);
  expect(fake.read(TABLES.fremmoede, "A2:B5")).toEqual([
    ["S-2", 45_700],
    ["S-1", 45_690],
    ["S-1", 45_680],
    ["S-2", 45_695],
  ]);
});

test("a save to Sager sorts nothing, even beside Fremmoede, which alone is sorted", async () => {
  const fake = await tablesFake([sager, fremmoede(true)]);
  const port = createOfficePort(fakeRun(fake));
  await port.saveRows([{ table: TABLES.sager, appends: [{ "Sags-ID": "S-3", Navn: "Cy", Dato: 45_100 }] }]);
  expect(fake.stats.syncs).toBe(2);
  expect(fake.sorts).toEqual([]);
  expect(fake.read(TABLES.sager, "A2:C4")).toEqual([
    ["S-2", "Bo", 45_300],
    ["S-1", "Anna", 45_200],
    ["S-3", "Cy", 45_100],
  ]);

  fake.resetStats();
  await port.saveRows([
    { table: TABLES.sager, appends: [{ "Sags-ID": "S-4", Navn: "Di", Dato: 45_000 }] },
    { table: TABLES.fremmoede, appends: attendance },
  ]);
  expect(fake.stats.syncs).toBe(3);
  expect(fake.sorts.map((s) => s.table)).toEqual([TABLES.fremmoede]);
  expect(fake.read(TABLES.sager, "A5:C5")).toEqual([["S-4", "Di", 45_000]]);
});

test("a sort Excel refuses does not fail the save: the rows are written and reported, and a retry would add them twice", async () => {
  const fake = await tablesFake([fremmoede(true)]);
  fake.failOnSync({ code: "AccessDenied", message: "The sheet is protected." }, 3);
  const report = await createOfficePort(fakeRun(fake)).saveRows([{ table: TABLES.fremmoede, appends: attendance }]);
  expect(report).toEqual({ updated: 0, appended: 2 });
  expect(fake.stats.syncs).toBe(3);
  expect(fake.sorts).toEqual([]);
  expect(fake.read(TABLES.fremmoede, "A2:B5")).toEqual([
    ["S-2", 45_700],
    ["S-1", 45_690],
    ["S-1", 45_680],
    ["S-2", 45_695],
  ]);
});
