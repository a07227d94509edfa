// The fake Excel held to the requirement sets a test declares: a member above them fails as on an older
// Excel (ApiNotFound at the sync that carries it), isSetSupported answers from the declaration, and the
// add-in's main flows (convert, a form's save, the overview and its published sheet) run on exactly the
// manifest's ExcelApi 1.8, taking their fallbacks there and the better path on a newer Excel.
import { applyPlan } from "../../src/adapters/officejs/apply-plan";
import { codeOf } from "../../src/adapters/officejs/errors";
import { officeHost } from "../../src/adapters/officejs/host";
import { inspectWorkbook } from "../../src/adapters/officejs/inspect";
import { createOfficePlanPort } from "../../src/adapters/officejs/plan-port";
import { createOfficePort } from "../../src/adapters/officejs/port";
import { generateMessyCaseList } from "../../src/sample/messy-case-list";
import { generateStructuredData } from "../../src/sample/structured-data";
import { runImport } from "../../src/taskpane/import/import-flow";
import { buildOverview, publishOverview } from "../../src/taskpane/oversigt/overview-flow";
import { SHEETS, TABLES } from "../../src/workbook/contract";
import { columnLetters } from "../../src/workbook/plan";
import { PUBLISHED_SHEET } from "../../src/workbook/report/report-plan";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { refusedMembers } from "../support/fake-api-guard";
import { FakeExcel, fakeRun } from "../support/fake-excel";
import { manifestMinimum } from "../support/office-api-sets";

const MINIMUM = manifestMinimum();
const NEWER = "1.13";
const noSteps = () => undefined;

/** What a batch threw, or null. */
async function failure(fake: FakeExcel, batch: (context: Excel.RequestContext) => Promise<void>): Promise<Error | null> {
  return fakeRun(fake)(batch).then(
    () => null,
    (e: unknown) => e as Error
  );
}

describe("a member above the declared requirement sets", () => {
  test("the default declaration is the manifest's minimum, and isSetSupported answers from the declaration", () => {
    expect(MINIMUM).toBe("1.8");
    const fake = new FakeExcel();
    expect(fake.supported).toEqual({ ExcelApi: MINIMUM });
    const saved = (globalThis as { Office?: unknown }).Office;
    try {
      (globalThis as { Office?: unknown }).Office = fake.office;
      expect([
        officeHost.isSetSupported("ExcelApi", "1.8"),
        officeHost.isSetSupported("ExcelApi", "1.9"),
        officeHost.isSetSupported("ExcelApiOnline", "1.1"),
      ]).toEqual([true, false, false]);
      (globalThis as { Office?: unknown }).Office = new FakeExcel({ supported: { ExcelApi: NEWER } }).office;
      expect([
        officeHost.isSetSupported("ExcelApi", "1.9"),
        officeHost.isSetSupported("ExcelApi", "1.13"),
        officeHost.isSetSupported("ExcelApi", "1.14"),
      ]).toEqual([true, true, false]);
    } finally {
      (globalThis as { Office?: unknown }).Office = saved;
    }
  });

  test("Range.copyFrom (ExcelApi 1.9) on 1.8: the sync fails with ApiNotFound; what came before it is done, what follows is not", async () => {
    const fake = new FakeExcel({ sheets: ["Ark"] });
    fake.sheet("Ark").put("A1", "=1+1");
    const error = await failure(fake, async (context) => {
      const ws = context.workbook.worksheets.getItem("Ark");
      ws.getRange("B1").values = [["før"]];
      ws.getRange("A2").copyFrom(ws.getRange("A1"), "Formulas");
      ws.getRange("C1").values = [["efter"]];
      await context.sync();
    });
    expect(codeOf(error)).toBe("ApiNotFound");
    expect(error?.message).toContain("could not be found. It may be available in a newer version of Excel");
    expect(error?.message).toContain("Range.copyFrom needs ExcelApi 1.9; this host has ExcelApi 1.8");
    expect(fake.read("Ark", "B1:C1")).toEqual([["før", ""]]);
    expect(fake.sheet("Ark").cell("A2").formula).toBeUndefined();
  });

  test("the same batch on ExcelApi 1.9 copies", async () => {
    const fake = new FakeExcel({ sheets: ["Ark"], supported: { ExcelApi: "1.9" } });
    fake.sheet("Ark").put("A1", "=1+1");
    const error = await failure(fake, async (context) => {
      const ws = context.workbook.worksheets.getItem("Ark");
      ws.getRange("A2").copyFrom(ws.getRange("A1"), "Formulas");
      await context.sync();
    });
    expect(error).toBeNull();
    expect(fake.sheet("Ark").cell("A2").formula).toBe("=1+1");
  });

  test("a navigation property (Worksheet.pageLayout, 1.9) fails with what is done to it", async () => {
    const fake = new FakeExcel({ sheets: ["Ark"] });
    const error = await failure(fake, async (context) => {
      context.workbook.worksheets.getItem("Ark").pageLayout.orientation = "Landscape";
      await context.sync();
    });
    expect(codeOf(error)).toBe("ApiNotFound");
    expect(error?.message).toContain("Worksheet.pageLayout needs ExcelApi 1.9");
    expect(fake.sheet("Ark").pageLayout).toEqual({});
  });

  test("a load of a property above the set fails, on the object and through a collection's items", async () => {
    const fake = new FakeExcel({ sheets: ["Ark"] });
    const range = await failure(fake, async (context) => {
      context.workbook.worksheets.getItem("Ark").getRange("A1").load("values, height");
      await context.sync();
    });
    expect(range?.message).toContain("Range.height needs ExcelApi 1.10");
    const items = await failure(fake, async (context) => {
      context.workbook.worksheets.load("items/name, items/tabId");
      await context.sync();
    });
    expect(items?.message).toContain("Worksheet.tabId needs ExcelApi 1.14");
    // Members within the set load as before.
    const fine = await failure(fake, async (context) => {
      const r = context.workbook.worksheets.getItem("Ark").getRange("A1").load("values, address");
      await context.sync();
      expect(r.address).toBe("Ark!A1");
    });
    expect(fine).toBeNull();
  });

  test("every member the fake models above 1.8 is refused on 1.8, by Microsoft's record rather than by hand", () => {
    const host = new FakeExcel();
    const refused = (cls: string) => refusedMembers(cls, host).map((m) => `${m.member} ${m.set.version}`);
    expect(refused("Range")).toEqual(
      expect.arrayContaining([
        "copyFrom 1.9",
        "getCellProperties 1.9",
        "getSpecialCellsOrNullObject 1.9",
        "getMergedAreasOrNullObject 1.13",
        "group 1.10",
        "hideGroupDetails 1.10",
      ])
    );
    expect(refused("Worksheet")).toContain("pageLayout 1.9");
    expect(refused("PageLayout")).toEqual(expect.arrayContaining(["orientation 1.9", "headersFooters 1.9", "setPrintArea 1.9"]));
    expect(refused("RangeAreas")).toContain("address 1.9");
    for (const member of ["values", "formulas", "numberFormat", "getRange", "getRangeByIndexes", "getResizedRange", "dataValidation", "conditionalFormats"]) {
      expect(refused("Range").map((m) => m.split(" ")[0])).not.toContain(member);
    }
    expect(refusedMembers("Range", new FakeExcel({ supported: { ExcelApi: "1.18" } })).map((m) => m.member)).not.toContain("copyFrom");
  });
});

/** The cells of every sheet as text: values and formulas, for comparing two workbooks. */
function contents(fake: FakeExcel): Record<string, string[]> {
  return Object.fromEntries(
    fake.sheets.map((s) => [
      s.name,
      [...s.cells.entries()]
        .filter(([, c]) => c.value !== "" || c.formula !== undefined)
        .sort(([a], [b]) => a - b)
        .map(([k, c]) => `${k}:${c.formula ?? JSON.stringify(c.value)}`),
    ])
  );
}

describe("the add-in's flows on exactly ExcelApi 1.8, and on a newer Excel", () => {
  const plan = buildStructuredPlan(generateStructuredData(5, { cases: 30 }));

  test("convert: 1.8 writes each computed column as an array, 1.13 copies one cell down; the same workbook either way", async () => {
    const old = new FakeExcel({ supported: { ExcelApi: MINIMUM } });
    const oldReport = await applyPlan(plan, fakeRun(old), { host: old });
    const newer = new FakeExcel({ supported: { ExcelApi: NEWER } });
    const newReport = await applyPlan(plan, fakeRun(newer), { host: newer });

    const computed = plan.sheets.flatMap((s) => s.tables.flatMap((t) => t.columns.filter((c) => c.formula))).length;
    expect(old.count("copyFrom")).toBe(0);
    expect(newer.count("copyFrom")).toBeGreaterThanOrEqual(computed);
    expect(old.count("formulas", "set")).toBe(newer.count("formulas", "set"));
    expect(oldReport.warnings).toEqual(newReport.warnings);

    expect(contents(old)).toEqual(contents(newer));
    // The integrity check reads the workbook back on 1.8 too.
    const snapshot = await inspectWorkbook(fakeRun(old), { host: old });
    expect(snapshot.tables.map((t) => t.name)).toEqual(expect.arrayContaining([TABLES.sager, TABLES.fremmoede]));
  });

  test.each([MINIMUM, NEWER])("a form's save on ExcelApi %s: rows appended and updated, Fremmoede sorted", async (version) => {
    const fake = new FakeExcel({ sheets: ["Ark1"], supported: { ExcelApi: version } });
    await applyPlan(buildStructuredPlan({ ...generateStructuredData(3, { cases: 12, attendanceDensity: 0.2 }), goals: [] }), fakeRun(fake), { host: fake });
    fake.resetStats();
    const report = await createOfficePort(fakeRun(fake)).saveRows([
      { table: TABLES.sager, appends: [{ "Sags-ID": "S-0001", Navn: "Karen", CPR: "010190-1234", Enhed: "Kilen", Indskrevet: 45719 }] },
      {
        table: TABLES.maal,
        appends: [
          { "Sags-ID": "S-0001", Mål: "Møde til tiden", Vægt: 1 },
          { "Sags-ID": "S-0001", Mål: "Tage bussen", Vægt: 2 },
        ],
      },
      { table: TABLES.fremmoede, updates: [{ index: 0, values: { Status: "Syg" } }] },
    ]);
    // Mål's first goal takes its empty table's placeholder row (an update), the second is appended.
    expect(report).toEqual({ updated: 2, appended: 2 });
    expect(fake.stats.ops.map((o) => o.member)).not.toContain("copyFrom");
    expect(fake.sorts.map((s) => s.table)).toEqual([TABLES.fremmoede]);
  });

  test.each([
    [MINIMUM, false],
    [NEWER, true],
  ])("an import, the overview and its published sheet on ExcelApi %s (newer paths: %s)", async (version, newer) => {
    const { grids } = generateMessyCaseList({ seed: 7, rows: 60 });
    const fake = new FakeExcel({ supported: { ExcelApi: version } });
    for (const g of grids.sheets) {
      const sheet = fake.addSheet(g.name);
      g.cells.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) sheet.put(`${columnLetters(c)}${r + 1}`, typeof v === "string" && v.startsWith("=") ? `'${v}` : v, g.numFmts?.[r]?.[c] ?? undefined);
        })
      );
    }
    const port = createOfficePlanPort(fakeRun(fake), { host: fake });
    await runImport(port, { sheets: [grids.sheets[0].name], merge: true, overrides: {}, presets: ["Værkstedsmål"] }, noSteps);
    // Reading the source: merged areas (1.13) and rows' fills (1.9) only on a newer Excel.
    expect(fake.count("getMergedAreasOrNullObject") > 0).toBe(newer);
    expect(fake.count("getCellProperties") > 0).toBe(newer);

    const built = await buildOverview(port, 2024, noSteps);
    expect(built.sheets).toEqual([SHEETS.noegletal, SHEETS.pladsregulering, SHEETS.kvartalsoversigt]);
    // Charts need ExcelApi 1.7, within the minimum: drawn either way.
    expect(built.charts).toBeGreaterThanOrEqual(3);
    expect(fake.sheet(SHEETS.kvartalsoversigt).charts).toHaveLength(built.charts);
    // The print setup (1.9) is set on a newer Excel and skipped, with a warning, on 1.8.
    expect(fake.sheet(SHEETS.kvartalsoversigt).pageLayout).toEqual(newer ? expect.objectContaining({ orientation: "Landscape", paperSize: "A4" }) : {});
    expect(fake.stats.ops.filter((o) => o.target === "PageLayout").length > 0).toBe(newer);
    expect(built.warnings.some((w) => w.startsWith("Udskriftsopsætningen blev sprunget over"))).toBe(!newer);

    const published = await publishOverview(port, 2024, noSteps);
    expect(published.sheet).toBe(PUBLISHED_SHEET);
    expect([...fake.sheet(PUBLISHED_SHEET).cells.values()].some((c) => c.formula !== undefined)).toBe(false);
    expect(fake.count("copyFrom") > 0).toBe(newer);
  });
});
