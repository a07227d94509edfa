// `sagsliste convert` and `demo` end to end on real .xlsx files: the original sheets untouched, every
// row once in Sager, findings in Problemer pointing into Sager, a re-run that updates without
// duplicates, live formulas without error values after LibreOffice recalculates, and bad input that
// fails with a Danish message and writes nothing.
import { spawnSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { recalculate } from "../../src/adapters/libreoffice/recalc";
import { readGrids } from "../../src/adapters/xlsx/read-grids";
import { findTable } from "../../src/adapters/xlsx/read-tables";
import { gridsToWorkbook } from "../../src/adapters/xlsx/write-grids";
import { generateMessyCaseList } from "../../src/sample/messy-case-list";
import { SAGER_COMPUTED, TABLES } from "../../src/workbook/contract";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import { tempDir } from "../support/recalc-helpers";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

const BIN = path.resolve(__dirname, "../../bin/sagsliste.js");

function cli(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function table(wb: ExcelJS.Workbook, name: string) {
  const t = findTable(wb, name);
  if (!t) throw new Error(`Tabellen ${name} mangler`);
  return { ...t, rows: t.rows.filter((r) => r.some((v) => v !== null && v !== "")) };
}

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("sagsliste convert", () => {
  let dir: string;
  let input: string;
  let output: string;
  const messy = generateMessyCaseList({ seed: 41, rows: 120, sheets: 2, withAttendanceGrid: true });
  const sourceRows = messy.truth.sheets.reduce((n, s) => n + s.dataRows.length, 0);

  beforeAll(async () => {
    dir = await tempDir("convert-cli");
    input = path.join(dir, "liste.xlsx");
    output = path.join(dir, "struktureret.xlsx");
    await gridsToWorkbook(messy.grids).xlsx.writeFile(input);
  });

  it("converts with --json: regions, mapping with confidences, row counts and findings", async () => {
    const r = cli(["convert", input, "-o", output, "--json", "--ref-date", "2024-06-30"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.rows.in).toBe(sourceRows);
    expect(json.rows.out).toBe(sourceRows);
    expect(json.regions.filter((x: { kind: string }) => x.kind === "sager")).toHaveLength(2);
    expect(json.mapping.length).toBeGreaterThan(5);
    for (const m of json.mapping) expect(m.confidence).toBeGreaterThanOrEqual(0);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.rows.attendance).toBeGreaterThan(0);

    const wb = await load(output);
    const sager = table(wb, TABLES.sager);
    expect(sager.rows).toHaveLength(sourceRows);
    expect(new Set(sager.rows.map((r) => r[0])).size).toBe(sourceRows);
    // Unmapped source columns are kept to the right of the computed columns.
    const lastComputed = sager.headers.indexOf(SAGER_COMPUTED[SAGER_COMPUTED.length - 1]);
    expect(sager.headers.length).toBeGreaterThan(lastComputed + 1);
    expect(sager.headers).toContain("Kildeark");

    const problems = table(wb, TABLES.problemer);
    expect(problems.rows).toHaveLength(json.findings.length);
    const targets = problems.rows.map((r) => r[problems.headers.indexOf("Celle i tabel")]).filter((t) => typeof t === "string");
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(t).toMatch(/^Sager!\$?[A-Z]+\$?\d+$/);

    expect(table(wb, TABLES.enheder).rows.length).toBeGreaterThan(0);
    expect(wb.getWorksheet(METADATA_SHEET)?.state).toBe("hidden");
  });

  it("leaves the original sheets untouched, cell for cell", async () => {
    const before = readGrids(await load(input));
    const after = readGrids(await load(output), { sheets: before.sheets.map((s) => s.name) });
    expect(after).toEqual(before);
  });

  it("recalculates in LibreOffice without an error value in any computed cell", async () => {
    const [recalced] = await recalculate([output], path.join(dir, "recalc"));
    const wb = await load(recalced);
    for (const name of [TABLES.sager, TABLES.fremmoede, TABLES.enheder]) {
      const t = table(wb, name);
      for (const row of t.rows) for (const v of row) expect(typeof v === "string" && /^#[A-Z/0!?]+[!?]?$/.test(v) ? `${name}: ${v}` : "ok").toBe("ok");
    }
  });

  it("updates in place on a re-run: new source rows added, nothing duplicated, added cases kept", async () => {
    const wb = await load(output);
    // A case registered in the workbook itself (as a form would) must survive the re-run.
    const sager = findTable(wb, TABLES.sager)!;
    const ws = wb.getWorksheet(sager.sheet)!;
    const sagerBefore = table(wb, TABLES.sager).rows.length;
    // Write the row below the table and grow the table over it, as Excel does when a form appends.
    const at = sager.firstRow + sagerBefore;
    sager.headers.forEach((h, i) => {
      const v = h === "Sags-ID" ? "F-9001" : h === "Enhed" ? "Kilen" : h === "Navn" ? "Formular Person" : null;
      if (v !== null) ws.getCell(at, sager.firstCol + i).value = v;
    });
    const model = (ws.getTable(TABLES.sager) as unknown as { table: { ref?: string; tableRef?: string } }).table;
    const grown = (model.tableRef ?? model.ref ?? "").replace(/\d+$/, String(at));
    model.ref = grown;
    model.tableRef = grown;
    // And a new row in the first source sheet, below its last case.
    const first = messy.truth.sheets[0];
    const src = wb.getWorksheet(first.name)!;
    const lastRow = first.dataRows[first.dataRows.length - 1] + 1;
    src.spliceRows(lastRow + 1, 0, src.getRow(lastRow).values as ExcelJS.CellValue[]);
    const rerunIn = path.join(dir, "igen-ind.xlsx");
    await wb.xlsx.writeFile(rerunIn);

    const rerunOut = path.join(dir, "igen.xlsx");
    const r = cli(["convert", rerunIn, "-o", rerunOut, "--json", "--ref-date", "2024-06-30"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.rerun).toBe(true);
    expect(json.rows.updated).toBe(sourceRows);
    expect(json.rows.added).toBe(1);
    const after = table(await load(rerunOut), TABLES.sager);
    expect(after.rows).toHaveLength(sagerBefore + 2);
    // The computed columns, helpers included, are rebuilt, never kept a second time as the user's own.
    expect(after.headers).toEqual(table(wb, TABLES.sager).headers);
    expect(after.headers.filter((h) => / \(\d+\)$/.test(h))).toEqual([]);
    expect(after.rows.some((row) => row[0] === "F-9001")).toBe(true);
    // The audit trail keeps the first import's rows and adds this one's.
    const firstLog = table(await load(output), TABLES.log);
    expect(firstLog.rows.map((r) => [r[1], r[2]])).toContainEqual(["Import", "Sager"]);
    const log = table(await load(rerunOut), TABLES.log);
    expect(log.rows.slice(0, firstLog.rows.length)).toEqual(firstLog.rows);
    expect(log.rows.length).toBeGreaterThan(firstLog.rows.length);
    const sagerEntries = log.rows.filter((r) => r[1] === "Import" && r[2] === "Sager");
    expect(sagerEntries[sagerEntries.length - 1][5]).toBe(`${sagerBefore + 1} rækker`);
    expect(new Set(after.rows.map((row) => row[0])).size).toBe(after.rows.length);
    // Once more on its own output: a fixed point.
    const third = path.join(dir, "tredje.xlsx");
    const r3 = cli(["convert", rerunOut, "-o", third, "--json", "--ref-date", "2024-06-30"]);
    expect(r3.code).toBe(0);
    expect(JSON.parse(r3.stdout).rows.added).toBe(0);
    expect(table(await load(third), TABLES.sager).rows).toHaveLength(after.rows.length);
  });

  it("stores the confirmed mapping and reuses it on a re-run", async () => {
    const first = messy.truth.sheets[0];
    const kept = first.columns.find((c) => c.target === "Kontaktperson") ?? first.columns.find((c) => c.target === "Bemærkninger");
    expect(kept).toBeDefined();
    const mapped = path.join(dir, "tilknyttet.xlsx");
    const r = cli(["convert", input, "-o", mapped, "--json", "--map", `${kept!.header}=-`]);
    expect(r.code).toBe(0);
    const col = (json: { mapping: { sheet: string; header: string; target: string | null }[] }) =>
      json.mapping.find((m) => m.sheet === first.name && m.header === kept!.header)?.target;
    expect(col(JSON.parse(r.stdout))).toBeNull();
    const again = cli(["convert", mapped, "-o", path.join(dir, "tilknyttet-igen.xlsx"), "--json"]);
    expect(again.code).toBe(0);
    expect(col(JSON.parse(again.stdout))).toBeNull();
  });
});

describe("sagsliste convert on bad input", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir("convert-bad");
  });

  async function expectFailure(name: string, content: Buffer | ExcelJS.Workbook, message: RegExp) {
    const file = path.join(dir, name);
    if (Buffer.isBuffer(content)) await fs.writeFile(file, content);
    else await content.xlsx.writeFile(file);
    const out = path.join(dir, `ud-${name}`);
    const r = cli(["convert", file, "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }

  it("rejects a corrupt file", () => expectFailure("korrupt.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), /beskadiget/));
  it("rejects an old .xls named .xlsx", () =>
    expectFailure("gammel.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), /\.xls-format/));
  it("rejects a password-protected workbook", () =>
    expectFailure(
      "kode.xlsx",
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(100),
        Buffer.from("EncryptionInfo", "utf16le"),
        Buffer.alloc(100),
      ]),
      /adgangskode/
    ));
  it("rejects a CSV named .xlsx", () => expectFailure("tekst.xlsx", Buffer.from("Navn;CPR;Enhed\nAnna;010203-1234;Kilen\n"), /CSV/));
  it("rejects an empty file", () => expectFailure("tom.xlsx", Buffer.alloc(0), /tom/));
  it("rejects a workbook with only empty sheets", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ark1");
    return expectFailure("blank.xlsx", wb, /tom|ingen/i);
  });
  it("rejects a workbook without a recognisable header", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Indkøb");
    ws.addRow(["Kaffe", 3]);
    ws.addRow(["Te", 5]);
    return expectFailure("uden-overskrift.xlsx", wb, /overskrift/i);
  });
  it("refuses to write over its input", async () => {
    const file = path.join(dir, "selv.xlsx");
    await gridsToWorkbook(generateMessyCaseList({ seed: 3, rows: 5 }).grids).xlsx.writeFile(file);
    const before = await fs.readFile(file);
    const r = cli(["convert", file, "-o", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/originalen bevares/);
    expect(await fs.readFile(file)).toEqual(before);
  });
});

describe("sagsliste demo", () => {
  it("writes the messy list, the converted list and the overview", async () => {
    const dir = await tempDir("demo");
    const r = cli(["demo", "--out", dir, "--rows", "60", "--seed", "7"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    for (const f of ["sagsliste-eksempel.xlsx", "sagsliste-eksempel-struktureret.xlsx", "sagsliste-eksempel-oversigt.xlsx"]) {
      expect(existsSync(path.join(dir, f))).toBe(true);
    }
    const converted = await load(path.join(dir, "sagsliste-eksempel-struktureret.xlsx"));
    expect(table(converted, TABLES.sager).rows).toHaveLength(60);
    const overview = await load(path.join(dir, "sagsliste-eksempel-oversigt.xlsx"));
    expect(findTable(overview, TABLES.noegletal)).not.toBeNull();
    expect(findTable(overview, TABLES.pladsregulering)).not.toBeNull();
  });
});
