// The audit trail: form saves through the audited port append Log rows in the same save, with values
// only of columns that are not personal; imports, repairs and sorts by case have their own entries.
import ExcelJS from "exceljs";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { MemoryWorkbookPort } from "../../src/adapters/xlsx/memory-port";
import { generateStructuredData } from "../../src/sample/structured-data";
import { withAuditLog } from "../../src/taskpane/audit-port";
import { importLogEntries, isLoggableColumn, logRow, repairLogEntries, saveLogEntries, serialDateTime, sortLogEntries } from "../../src/workbook/audit-log";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";

const NOW = new Date(2024, 4, 2, 13, 45, 10);

test("a form save and its Log rows are one save; personal values never reach the Log", async () => {
  const data = generateStructuredData(12, { cases: 6 });
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, buildStructuredPlan(data));
  const memory = new MemoryWorkbookPort(wb);
  const port = withAuditLog(memory, () => NOW);
  const c = data.cases[1];
  const report = await port.saveRows([
    { table: "Sager", updates: [{ index: 1, values: { Udskrevet: 45_400, Udskrivningsårsag: "Beskæftigelse", Navn: "Nyt Navn", CPR: "111111-1111" } }] },
    { table: "Fremmoede", appends: [{ "Sags-ID": c.sagsId, Dato: 45_390, Status: "Syg" }] },
  ]);
  expect(report).toEqual({ updated: 1, appended: 1 });
  expect(memory.saves).toBe(1);
  const log = (await port.readTable("Log"))!;
  const rows = log.rows.map((r) => r.slice(1));
  expect(rows).toEqual([
    ["Formular", "Sager", c.sagsId, "Udskrevet", c.udskrevet === null ? "tom" : expect.stringMatching(/^\d\d-\d\d-\d{4}$/), "18-04-2024"],
    [
      "Formular",
      "Sager",
      c.sagsId,
      "Udskrivningsårsag",
      c.udskrivningsaarsag === null ? "tom" : "udfyldt",
      c.udskrivningsaarsag === null ? "udfyldt" : "ændret",
    ],
    ["Formular", "Sager", c.sagsId, "Navn", c.navn === null ? "tom" : "udfyldt", c.navn === null ? "udfyldt" : "ændret"],
    ["Formular", "Sager", c.sagsId, "CPR", c.cpr === null ? "tom" : "udfyldt", c.cpr === null ? "udfyldt" : "ændret"],
    ["Formular", "Fremmoede", `${c.sagsId} 08-04-2024`, null, null, "ny række"],
  ]);
  expect(log.rows[0][0]).toBeCloseTo(serialDateTime(NOW), 6);
  const text = JSON.stringify(log.rows);
  for (const secret of ["Nyt Navn", "111111-1111", "Syg", "Beskæftigelse", c.navn, c.cpr].filter((s): s is string => !!s)) expect(text).not.toContain(secret);
  process.stdout.write(`Log (udsnit):\n${log.rows.map((r) => r.map((v) => (v === null ? "" : String(v))).join(" | ")).join("\n")}\n`);
});

test("with the replaced values given, the audited save reads no table (a large Fremmoede or Log costs nothing)", async () => {
  const data = generateStructuredData(12, { cases: 6 });
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, buildStructuredPlan(data));
  const memory = new MemoryWorkbookPort(wb);
  const reads: string[] = [];
  const readTable = memory.readTable.bind(memory);
  memory.readTable = (name: string) => {
    reads.push(name);
    return readTable(name);
  };
  const port = withAuditLog(memory, () => NOW);
  const a = data.attendance[0];
  await port.saveRows([
    {
      table: "Fremmoede",
      updates: [{ index: 0, values: { Status: a.status === "Syg" ? "Mødt" : "Syg" }, previous: { "Sags-ID": a.sagsId, Dato: a.dato, Status: a.status } }],
    },
  ]);
  expect(reads).toEqual([]);
  const log = (await readTable("Log"))!;
  expect(log.rows.map((r) => r.slice(1, 5))).toEqual([["Formular", "Fremmoede", expect.stringContaining(a.sagsId), "Status"]]);
});

test("without a Log table (an older workbook) the save still goes ahead", async () => {
  const wb = new ExcelJS.Workbook();
  const plan = buildStructuredPlan(generateStructuredData(12, { cases: 6 }));
  applyPlan(wb, { ...plan, sheets: plan.sheets.filter((s) => s.name !== "Log") });
  const port = withAuditLog(new MemoryWorkbookPort(wb));
  await expect(port.saveRows([{ table: "Fremmoede", appends: [{ "Sags-ID": "S-1", Dato: 45_390, Status: "Mødt" }] }])).resolves.toEqual({
    updated: 0,
    appended: 1,
  });
});

test("import, repair, sort and column rules", () => {
  const t = serialDateTime(NOW);
  expect(importLogEntries(t, [{ table: "Sager", before: 0, after: 57, added: 57, updated: 0 }]).map(logRow)).toEqual([
    [t, "Import", "Sager", null, null, "0 rækker", "57 rækker (57 nye, 0 opdaterede)"],
  ]);
  expect(repairLogEntries(t, [{ table: "Sager", column: "Aktiv", key: "S-0007", was: "formel" }]).map(logRow)).toEqual([
    [t, "Reparation", "Sager", "S-0007", "Aktiv", "en anden formel", "kolonnens formel"],
  ]);
  expect(sortLogEntries(t, ["Fremmoede", "Statusmaalinger"]).map(logRow)).toEqual([
    [
      t,
      "Sorteret efter sag",
      "Fremmoede",
      null,
      "Sagsrække, Dato",
      "ikke sorteret efter sag",
      "sorteret efter Sagsrække og Dato (hele rækker flyttet, ingen værdi ændret)",
    ],
    [
      t,
      "Sorteret efter sag",
      "Statusmaalinger",
      null,
      "Sagsrække, Dato",
      "ikke sorteret efter sag",
      "sorteret efter Sagsrække og Dato (hele rækker flyttet, ingen værdi ændret)",
    ],
  ]);
  expect(["CPR", "Navn", "Bemærkninger", "Forsørgelsesgrundlag", "Lovgrundlag"].some((c) => isLoggableColumn("Sager", c))).toBe(false);
  expect(["Score", "Bemærkning", "Registreret af"].some((c) => isLoggableColumn("Statusmaalinger", c))).toBe(false);
  expect(["Sags-ID", "Indskrevet", "Enhed"].every((c) => isLoggableColumn("Sager", c))).toBe(true);
  expect(saveLogEntries(t, [{ table: "Log", appends: [{ Handling: "x" }] }], {})).toEqual([]);
});
