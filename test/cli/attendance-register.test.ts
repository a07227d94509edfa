// `sagsliste convert` on a case list with a long-format attendance register beside it (one sheet per
// month; codes, words, synonyms; names instead of ids; a citizen no case has): every registration of
// a known citizen in Fremmoede, the unknown citizen in Problemer, the summary saying how many came
// from which sheet and which period was chosen, and every case's absence and no-show rates after
// LibreOffice recalculates equal to the reference over the generated truth.
import { spawnSync } from "child_process";
import path from "path";
import ExcelJS from "exceljs";
import { recalculate } from "../../src/adapters/libreoffice/recalc";
import { findTable } from "../../src/adapters/xlsx/read-tables";
import { namedValue, structuredFromWorkbook } from "../../src/adapters/xlsx/structured-from-workbook";
import { gridsToWorkbook } from "../../src/adapters/xlsx/write-grids";
import { absenceFigures } from "../../src/domain/absence";
import { serial } from "../../src/domain/dates";
import { defaultAttendanceStatuses } from "../../src/domain/setup-defaults";
import { generateAttendanceRegister } from "../../src/sample/attendance-register";
import { DEFINED_NAMES, TABLES } from "../../src/workbook/contract";
import { tempDir } from "../support/recalc-helpers";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

const BIN = path.resolve(__dirname, "../../bin/sagsliste.js");

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const rows = (wb: ExcelJS.Workbook, name: string) => {
  const t = findTable(wb, name)!;
  return { headers: t.headers, rows: t.rows.filter((r) => r.some((v) => v !== null && v !== "")) };
};

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("sagsliste convert with an attendance register in long format", () => {
  const g = generateAttendanceRegister({ seed: 3 });
  let dir: string;
  let output: string;
  let stdout: string;

  beforeAll(async () => {
    dir = await tempDir("register-cli");
    const input = path.join(dir, "liste.xlsx");
    output = path.join(dir, "struktureret.xlsx");
    await gridsToWorkbook(g.grids).xlsx.writeFile(input);
    const r = spawnSync(process.execPath, [BIN, "convert", input, "-o", output], { encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    stdout = r.stdout;
  });

  it("says how many registrations came from which sheet, and which period it chose", () => {
    const perSheet = g.truth.perSheet.map((s) => `${s.known} fra '${s.sheet}'`).join(", ");
    expect(stdout).toContain(`Fremmøde: ${perSheet}.`);
    const last = Math.max(...g.truth.attendance.map((a) => a.dato));
    expect(last).toBe(serial(2023, 4, 28));
    expect(stdout).toContain("Periode 01-01-2023–31-12-2023, Opgørelsesdato 28-04-2023 (seneste år med fremmøderegistreringer");
    console.log(stdout);
  });

  it("imports every registration of a known citizen and keeps the unknown citizen in Problemer", async () => {
    const wb = await load(output);
    const { data } = structuredFromWorkbook(wb);
    const key = (a: { sagsId: string; dato: number; status: string | null }) => `${a.sagsId}|${a.dato}|${a.status}`;
    expect(data.attendance.map(key).sort()).toEqual(g.truth.attendance.map(key).sort());
    const problems = rows(wb, TABLES.problemer);
    const code = problems.headers.indexOf("Kode");
    const original = problems.headers.indexOf("Oprindelig værdi");
    const unknown = problems.rows.filter((r) => r[code] === "FREMMOEDE_UKENDT_BORGER");
    expect(unknown).toHaveLength(g.truth.perSheet.length);
    for (const r of unknown) expect(r[original]).toBe(g.truth.unknownCitizen.name);
    const uncertain = problems.rows.filter((r) => r[code] === "FREMMOEDEKODE_USIKKER").map((r) => r[original]);
    expect(uncertain.sort()).toEqual([...g.truth.uncertainValues].sort());
    console.log(
      `register: ${g.truth.perSheet.reduce((n, s) => n + s.rows, 0)} rækker, ${data.attendance.length} importeret, ` +
        `${g.truth.unknownCitizen.rows} rækker af en ukendt borger i ${unknown.length} fund`
    );
  });

  it("gives every case the reference's absence and no-show rates after LibreOffice recalculates", async () => {
    const [recalced] = await recalculate([output], path.join(dir, "recalc"));
    const wb = await load(recalced);
    const { data } = structuredFromWorkbook(wb);
    const sager = rows(wb, TABLES.sager);
    const col = (name: string) => sager.headers.indexOf(name);
    let compared = 0;
    for (const c of g.truth.cases) {
      const row = sager.rows.find((r) => r[col("Sags-ID")] === c.sagsId)!;
      const ref = absenceFigures(
        c,
        g.truth.attendance,
        defaultAttendanceStatuses(),
        data.holidays,
        data.params.periodestart,
        data.params.periodeslut,
        data.params.opgoerelsesdato
      )!;
      const cell = (name: string) => (row[col(name)] === "" ? null : row[col(name)]);
      expect(cell("Fraværsprocent") as number).toBeCloseTo(ref.fravaersprocent!, 12);
      expect(cell("Udeblivelsesprocent") as number).toBeCloseTo(ref.udeblivelsesprocent!, 12);
      expect(cell("Uregistrerede dage")).toBe(ref.uregistreredeDage);
      expect(cell("Basisdage")).toBe(ref.basisDage);
      compared++;
    }
    expect(compared).toBe(g.truth.cases.length);
  });

  it("report --year sets the period: the year, Opgørelsesdato its last registered day", async () => {
    const report = path.join(dir, "rapport.xlsx");
    const r = spawnSync(process.execPath, [BIN, "report", output, "--year", "2022", "-o", report], { encoding: "utf8", timeout: 120_000 });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Periode 01-01-2022–31-12-2022, Opgørelsesdato 31-12-2022.");
    const wb = await load(report);
    expect([namedValue(wb, DEFINED_NAMES.periodestart), namedValue(wb, DEFINED_NAMES.periodeslut), namedValue(wb, DEFINED_NAMES.opgoerelsesdato)]).toEqual([
      serial(2022, 1, 1),
      serial(2022, 12, 31),
      serial(2022, 12, 31),
    ]);
    const again = path.join(dir, "rapport-2023.xlsx");
    const r2 = spawnSync(process.execPath, [BIN, "report", report, "--year", "2023", "-o", again], { encoding: "utf8", timeout: 120_000 });
    expect(r2.stdout).toContain("Periode 01-01-2023–31-12-2023, Opgørelsesdato 28-04-2023.");
  });
});
