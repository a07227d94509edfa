// The task pane's Importér on a case list with a long-format attendance register beside it, in Excel
// through the fake Office.js: the register's sheets are offered, every registration of a known
// citizen lands in Fremmoede, the unknown citizen in Problemer, and the summary says how many came
// from which sheet and which period was chosen. The same conversion core as the command line
// (workbook-conversion.ts), whose numbers test/cli/attendance-register.test.ts recalculates.
import { createOfficePlanPort } from "../../src/adapters/officejs/plan-port";
import { readTables } from "../../src/adapters/officejs/read-tables";
import { danishDate, serial } from "../../src/domain/dates";
import { buildOverview } from "../../src/taskpane/oversigt/overview-flow";
import { generateAttendanceRegister } from "../../src/sample/attendance-register";
import { importSummary, regionChoices } from "../../src/taskpane/import/import-model";
import { initialChoice, readImportSource, runImport, surveySource } from "../../src/taskpane/import/import-flow";
import { DEFINED_NAMES, TABLES } from "../../src/workbook/contract";
import { columnLetters } from "../../src/workbook/plan";
import { FakeExcel, fakeRun } from "../support/fake-excel";

test("Importér in Excel reads a long-format register: registrations in, the unknown citizen in Problemer", async () => {
  const g = generateAttendanceRegister({ seed: 3 });
  const fake = new FakeExcel();
  for (const s of g.grids.sheets) {
    const sheet = fake.addSheet(s.name);
    s.cells.forEach((row, r) => row.forEach((v, c) => v !== null && sheet.put(`${columnLetters(c)}${r + 1}`, v, s.numFmts?.[r]?.[c] ?? undefined)));
  }
  const port = createOfficePlanPort(fakeRun(fake), { host: fake });

  const survey = surveySource(await readImportSource(port));
  const labels = regionChoices(survey).map((c) => c.label);
  expect(labels.slice(1)).toEqual(g.truth.perSheet.map((s) => `${s.sheet}: fremmøderegistreringer, ${s.rows} rækker (én pr. borger og dag)`));
  // The codes are proposed before anything is written, with their confidence.
  expect(survey.attendanceCodes.find((c) => c.value === "afbud")).toMatchObject({ status: "Aftalt fri", confidence: 0.6 });

  const conversion = await runImport(port, initialChoice(survey), () => undefined, new Date(Date.UTC(2026, 11, 7)));
  const read = await readTables(
    [TABLES.fremmoede, TABLES.problemer],
    [DEFINED_NAMES.periodestart, DEFINED_NAMES.periodeslut, DEFINED_NAMES.opgoerelsesdato],
    fakeRun(fake)
  );
  const fremmoede = read.tables[TABLES.fremmoede];
  const at = (h: string) => fremmoede.headers.indexOf(h);
  const got = fremmoede.rows.map((r) => `${r[at("Sags-ID")]}|${r[at("Dato")]}|${r[at("Status")]}`).sort();
  expect(got).toEqual(g.truth.attendance.map((a) => `${a.sagsId}|${a.dato}|${a.status}`).sort());

  const problems = read.tables[TABLES.problemer];
  const code = problems.headers.indexOf("Kode");
  expect(problems.rows.filter((r) => r[code] === "FREMMOEDE_UKENDT_BORGER")).toHaveLength(g.truth.perSheet.length);

  const last = Math.max(...g.truth.attendance.map((a) => a.dato));
  expect(read.names[DEFINED_NAMES.opgoerelsesdato]).toBe(last);
  const lines = importSummary(conversion).lines;
  expect(lines).toContain(`Fremmøde: ${g.truth.perSheet.map((s) => `${s.known} fra '${s.sheet}'`).join(", ")}.`);
  expect(lines.some((l) => l.startsWith(`Periode 01-01-2023–31-12-2023, Opgørelsesdato ${danishDate(last)}`))).toBe(true);

  // The Oversigt page sets the period of the year it reports on.
  await buildOverview(port, 2022, () => undefined);
  const after = await readTables([], [DEFINED_NAMES.periodestart, DEFINED_NAMES.periodeslut, DEFINED_NAMES.opgoerelsesdato], fakeRun(fake));
  expect(after.names).toEqual({
    [DEFINED_NAMES.periodestart]: serial(2022, 1, 1),
    [DEFINED_NAMES.periodeslut]: serial(2022, 12, 31),
    [DEFINED_NAMES.opgoerelsesdato]: serial(2022, 12, 31),
  });
  await buildOverview(port, 2023, () => undefined);
  expect((await readTables([], [DEFINED_NAMES.opgoerelsesdato], fakeRun(fake))).names[DEFINED_NAMES.opgoerelsesdato]).toBe(last);
  console.log(`Importér i Excel: ${fremmoede.rows.length} registreringer i Fremmoede; ${lines.join(" | ")}`);
});
