// The Kontrol page's work through Office.js against the counting fake: a workbook applied from the plan
// checks clean; an overwritten formula is repaired and logged; a table out of case order is sorted by
// Excel and logged. And each Office.js fault the issue names
// (cell-edit mode, a payload too large, a missing requirement set, a protected workbook) gives its Danish
// message, with a retry where trying again can help.
import { applyPlan } from "../../src/adapters/officejs/apply-plan";
import { SagslisteExcelError, toSagslisteError } from "../../src/adapters/officejs/errors";
import { inspectWorkbook, setColumnFormulasWithOffice } from "../../src/adapters/officejs/inspect";
import { createOfficePort } from "../../src/adapters/officejs/port";
import { generateStructuredData } from "../../src/sample/structured-data";
import { checkWorkbook, isRetryable, repairWorkbook } from "../../src/taskpane/kontrol-actions";
import { CASE_ROW_COLUMN, TABLES } from "../../src/workbook/contract";
import { INTEGRITY_CODES } from "../../src/workbook/integrity";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { boundsAddress, FakeExcel, fakeRun } from "../support/fake-excel";

const EDIT_MODE = "Excel er i redigeringstilstand. Tryk Enter eller Esc i cellen, og prøv igen.";
const PAYLOAD = "Ændringen er for stor til, at Excel kan modtage den på én gang. Prøv i Excel på computeren, eller del sagslisten op i mindre dele.";
const PROTECTED =
  "Projektmappen eller arket er beskyttet, så tilføjelsesprogrammet må ikke ændre det. Fjern beskyttelsen (Gennemse > Fjern beskyttelse), og prøv igen.";
const REQUIREMENT =
  "Denne version af Excel kan ikke kontrollere projektmappen (kræver ExcelApi 1.8). Opdater Excel, eller brug Excel på nettet eller Microsoft 365.";

async function structuredFake(): Promise<FakeExcel> {
  const fake = new FakeExcel();
  await applyPlan(buildStructuredPlan(generateStructuredData(7, { cases: 8 })), fakeRun(fake), { host: fake });
  fake.resetStats();
  // The port checks requirement sets through the global Office object, as in Excel.
  Object.assign(globalThis, { Office: fake.office });
  return fake;
}

async function failure(p: Promise<unknown>): Promise<SagslisteExcelError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err
  );
  expect(e).toBeInstanceOf(SagslisteExcelError);
  return e as SagslisteExcelError;
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, "Office");
});

describe("the integrity check through Office.js", () => {
  test("a workbook the plan built checks clean, in one run", async () => {
    const fake = await structuredFake();
    const report = await checkWorkbook(createOfficePort(fakeRun(fake)));
    expect(report.findings).toEqual([]);
    expect(fake.stats.runs).toBe(1);
    expect(fake.stats.syncs).toBeLessThanOrEqual(4);
  });

  test("an overwritten formula is found, repaired and logged, and no data cell changes", async () => {
    const fake = await structuredFake();
    const sager = fake.sheet("Sager");
    sager.put("P3", 0.5);
    const dataBefore = fake.read("Sager", "A2:O9");
    const port = createOfficePort(fakeRun(fake));
    const report = await checkWorkbook(port);
    expect(report.findings.map((f) => `${f.code} ${f.cell}`)).toEqual([`${INTEGRITY_CODES.overwritten} P3`]);
    const outcome = await repairWorkbook(port, report, () => new Date(2024, 4, 2, 13, 45, 10));
    expect(outcome.cells).toBe(1);
    expect(outcome.remaining.findings).toEqual([]);
    expect(sager.cell("P3").formula).toBe(sager.cell("P2").formula);
    expect(fake.read("Sager", "A2:O9")).toEqual(dataBefore);
    const log = await port.readTable("Log");
    expect(log?.rows.map((r) => r.slice(1))).toEqual([
      ["Reparation", "Sager", expect.any(String), "Pladsvægt", "overskrevet med en værdi", "kolonnens formel"],
    ]);
  });
  test("a table out of case order: the repair sorts it once, by Sagsrække then Dato, and logs it", async () => {
    const fake = await structuredFake();
    const port = createOfficePort(fakeRun(fake));
    // The flag reads 0, as Excel computes it when Fremmøde is out of order (the fake computes no formula).
    const flag = (await port.inspect()).names.find((n) => n.name === "Fremmoede_sorteret")!;
    const [sheet, cell] = flag.refersTo.replace(/^=/, "").replace(/\$/g, "").split("!");
    fake.sheet(sheet.replace(/^'(.*)'$/, "$1")).put(cell, 0);
    const report = await checkWorkbook(port);
    expect(report.findings).toEqual([expect.objectContaining({ code: INTEGRITY_CODES.notSorted, severity: "advarsel", repairable: true })]);
    expect(report.sorts).toEqual([{ table: TABLES.fremmoede, sheet: "Fremmøde" }]);
    expect(report.repairs).toEqual([]);

    const { headers, bounds } = fake.findTable(TABLES.fremmoede)!;
    const body = boundsAddress({ ...bounds, r0: bounds.r0 + 1 });
    const before = fake.read("Fremmøde", body);
    fake.resetStats();
    const outcome = await repairWorkbook(port, report, () => new Date(2024, 4, 2, 13, 45, 10));
    expect(outcome.cells).toBe(0);
    expect(outcome.sorted).toEqual([{ table: TABLES.fremmoede, sheet: "Fremmøde" }]);
    expect(fake.sorts).toEqual([
      {
        table: TABLES.fremmoede,
        fields: [
          { key: headers.indexOf(CASE_ROW_COLUMN), ascending: true },
          { key: headers.indexOf("Dato"), ascending: true },
        ],
        matchCase: false,
        calculationSuspended: false,
      },
    ]);
    // Whole rows moved, nothing lost or changed: the same rows, in another order.
    const after = fake.read("Fremmøde", body);
    expect(after).not.toEqual(before);
    const rowText = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(rowText(after)).toEqual(rowText(before));
    const log = await port.readTable("Log");
    expect(log?.rows.map((r) => r.slice(1))).toEqual([
      ["Sorteret efter sag", TABLES.fremmoede, null, `${CASE_ROW_COLUMN}, Dato`, "ikke sorteret efter sag", expect.stringContaining("ingen værdi ændret")],
    ]);
  });
});

describe("Office.js faults: a Danish message each, and a retry where it helps", () => {
  test("cell-edit mode: the message, a retry offered, and the retry succeeds", async () => {
    const fake = await structuredFake();
    fake.failOnSync({ code: "InvalidOperationInCellEditMode", message: "The operation is not allowed in cell edit mode." });
    const port = createOfficePort(fakeRun(fake));
    const err = await failure(checkWorkbook(port));
    expect(err.message).toBe(EDIT_MODE);
    expect(err.retry).toBe(true);
    expect(isRetryable(err)).toBe(true);
    expect((await checkWorkbook(port)).findings).toEqual([]);
  });

  test("cell-edit mode reported only in the message of a generic error is recognised", () => {
    const err = toSagslisteError({ code: "GeneralException", message: "This operation is not allowed while Excel is in cell edit mode." });
    expect(err.message).toBe(EDIT_MODE);
    expect(err.code).toBe("InvalidOperationInCellEditMode");
  });

  test("payload too large: the repair is retried in smaller pieces by itself", async () => {
    const fake = await structuredFake();
    fake.sheet("Sager").put("P2", 1);
    const payloads: number[] = [];
    fake.payloadLimit = 1_500;
    const written = await setColumnFormulasWithOffice(
      fakeRun(fake),
      "Sager",
      [
        {
          column: "Pladsvægt",
          formula: buildStructuredPlan(generateStructuredData(7, { cases: 8 })).sheets[0].tables[0].columns.find((c) => c.name === "Pladsvægt")!.formula!,
        },
      ],
      { host: fake }
    );
    payloads.push(...fake.stats.payloads);
    expect(written).toBe(8);
    expect(Math.max(...payloads.filter((p) => p <= fake.payloadLimit))).toBeLessThanOrEqual(1_500);
    expect(fake.sheet("Sager").cell("P2").formula).toMatch(/^=IF\(/);
  });

  test("payload too large even in the smallest piece: the Danish message, no retry offered", async () => {
    const fake = await structuredFake();
    fake.payloadLimit = 50;
    const err = await failure(setColumnFormulasWithOffice(fakeRun(fake), "Sager", [{ column: "Pladsvægt", formula: "=1" + "+1".repeat(100) }], { host: fake }));
    expect(err.message).toBe(PAYLOAD);
    expect(err.retry).toBe(false);
    expect(isRetryable(err)).toBe(false);
  });

  test("a missing requirement set: the Danish message, no retry", async () => {
    const fake = await structuredFake();
    fake.supported = { ExcelApi: "1.7" };
    const err = await failure(inspectWorkbook(fakeRun(fake), { host: fake }));
    expect(err.message).toBe(REQUIREMENT);
    expect(err.retry).toBe(false);
    expect(fake.stats.runs).toBe(0);
  });

  test("a protected workbook: the Danish message, a retry, which succeeds once protection is off", async () => {
    const fake = await structuredFake();
    const sager = fake.sheet("Sager");
    sager.put("P2", 1);
    sager.protected = true;
    const port = createOfficePort(fakeRun(fake));
    const report = await checkWorkbook(port);
    const err = await failure(repairWorkbook(port, report));
    expect(err.message).toBe(PROTECTED);
    expect(err.retry).toBe(true);
    sager.protected = false;
    const outcome = await repairWorkbook(port, report);
    expect(outcome.remaining.findings).toEqual([]);
  });

  test("protection reported only in a generic error's message is recognised", () => {
    const err = toSagslisteError({ code: "InvalidOperation", message: "The cell or chart you're trying to change is on a protected sheet." });
    expect(err.message).toBe(PROTECTED);
  });
});
