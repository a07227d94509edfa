// The leader's overview across units: three units' workbooks (generated, written as files) combined by
// `sagsliste report A B C`. Every figure of a unit equals the figure of its own workbook's report; the
// totals, recalculated in LibreOffice, equal the reference over the union; conflicts are on Kilder.
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { computeKeyFigures, I_ALT, type KeyFigureRow } from "../../src/domain/keyfigures";
import type { StructuredData } from "../../src/domain/model";
import { regulationRows } from "../../src/domain/regulation";
import { recalculate } from "../../src/adapters/libreoffice/recalc";
import { loadWorkbook } from "../../src/adapters/xlsx/files";
import { packageParts, scanPackage } from "../../src/adapters/xlsx/package-parts";
import { readConsolidationSource } from "../../src/adapters/xlsx/consolidation-source-file";
import { cellPlain, findTable, tableRecords } from "../../src/adapters/xlsx/read-tables";
import { runReport } from "../../src/cli/report-command";
import { generateStructuredData } from "../../src/sample/structured-data";
import { splitByUnits } from "../../src/sample/unit-workbooks";
import { consolidate, forReportYear, type Consolidation } from "../../src/workbook/consolidate";
import { buildNoegletalSheet } from "../../src/workbook/report/noegletal";
import { tempDir, writePlan } from "../support/recalc-helpers";
import { reportYear, structuredPlanWith } from "./support";

const GROUPS = [["Kilen", "Smedien"], ["Café Æblet", "Cykelværkstedet"], ["Jobværkstedet"]];

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  try {
    return { code: await runReport(argv), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function writeUnits(dir: string, datas: StructuredData[]): Promise<string[]> {
  const files = datas.map((_, i) => path.join(dir, `enhed-${i + 1}.xlsx`));
  await Promise.all(datas.map((d, i) => writePlan(structuredPlanWith(d), files[i])));
  return files;
}

/** The consolidation exactly as the command makes it, for the reference. */
async function asTheCommandDoes(files: string[], year: number): Promise<Consolidation> {
  return forReportYear(consolidate(await Promise.all(files.map(readConsolidationSource))), year);
}

const figureKey = (r: KeyFigureRow) => `${r.enhed}|${r.periode}|${r.noegletal}`;

function same(actual: unknown, expected: number | string | boolean | null): boolean {
  if (expected === null) return actual === null || actual === "";
  if (typeof expected === "boolean") return actual === (expected ? "Ja" : "Nej");
  if (typeof expected === "string") return actual === expected;
  return typeof actual === "number" && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

describe("sagsliste report over three units' workbooks", () => {
  const data = generateStructuredData(21, { cases: 60 });
  const year = reportYear(data);
  const units = splitByUnits(data, GROUPS);
  let dir: string;
  let files: string[];

  beforeAll(async () => {
    dir = await tempDir("consolidate");
    files = await writeUnits(dir, units);
  });

  it("gives every unit the figures of its own workbook's report", async () => {
    const c = await asTheCommandDoes(files, year);
    const combined = new Map(computeKeyFigures(c.data, year).map((r) => [figureKey(r), r]));
    let compared = 0;
    units.forEach((u, i) => {
      const own = computeKeyFigures(u, year).filter((r) => r.enhed !== I_ALT);
      expect(own.length).toBeGreaterThan(0);
      for (const r of own) {
        const theirs = combined.get(figureKey(r));
        expect({ source: i + 1, key: figureKey(r), vaerdi: theirs?.vaerdi, n: theirs?.n, sidsteAar: theirs?.sidsteAar }).toEqual({
          source: i + 1,
          key: figureKey(r),
          vaerdi: r.vaerdi,
          n: r.n,
          sidsteAar: r.sidsteAar,
        });
        compared++;
      }
      const reg = new Map(regulationRows(c.data, year).map((x) => [x.enhed, x]));
      for (const x of regulationRows(u, year)) expect(reg.get(x.enhed)).toEqual(x);
    });
    expect(compared).toBeGreaterThan(200);
    expect(c.conflicts).toEqual([]);
  });

  it("writes live formulas whose totals, recalculated in LibreOffice, equal the reference over the union", async () => {
    const out = path.join(dir, "samlet.xlsx");
    const r = await run([...files, "--year", String(year), "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`over 3 projektmapper`);

    const c = await asTheCommandDoes(files, year);
    const ref = computeKeyFigures(c.data, year);
    const { layout } = buildNoegletalSheet(c.data, year);
    const [recalculated] = await recalculate([out], path.join(dir, "lo"));
    const wb = await load(recalculated);
    const ws = wb.getWorksheet("Nøgletal")!;
    const mismatches: string[] = [];
    let totals = 0;
    ref.forEach((x, k) => {
      const row = layout.firstRow + k;
      expect(cellPlain(ws.getCell(`${layout.columns["Nøgletal"]}${row}`))).toBe(x.noegletal);
      for (const [column, expected] of [
        ["Værdi", x.vaerdi],
        ["n", x.n],
        ["Sidste år", x.sidsteAar],
      ] as const) {
        const actual = cellPlain(ws.getCell(`${layout.columns[column]}${row}`));
        if (!same(actual, expected)) mismatches.push(`${figureKey(x)} ${column}: ${actual} != ${expected}`);
      }
      if (x.enhed === I_ALT && x.vaerdi !== null) totals++;
    });
    expect(mismatches).toEqual([]);
    expect(totals).toBeGreaterThan(20);

    const kilder = tableRecords(findTable(wb, "Kilder")!);
    expect(kilder.map((k) => [k.Kilde, k.Fil, k.Kontrol])).toEqual([
      ["K1", "enhed-1.xlsx", "I orden"],
      ["K2", "enhed-2.xlsx", "I orden"],
      ["K3", "enhed-3.xlsx", "I orden"],
    ]);
    const sager = tableRecords(findTable(wb, "Sager")!);
    expect(sager.length).toBe(units.reduce((n, u) => n + u.cases.length, 0));
    expect(new Set(sager.map((s) => s.Kilde))).toEqual(new Set(["K1", "K2", "K3"]));
    expect(sager.every((s) => String(s["Sags-ID"]).startsWith(`${s.Kilde}-`))).toBe(true);
  }, 300_000);

  it("shows a citizen in two workbooks at once and a unit agreed differently on Kilder", async () => {
    const [a, b, c] = units.map((u) => structuredClone(u));
    const twin = a.cases.find((x) => x.cpr !== null && x.indskrevet !== null && x.udskrevet === null)!;
    b.cases.push({ ...twin, sagsId: "S-9001", enhed: b.units[0].enhed, navn: twin.navn });
    c.units.push({ ...a.units[0], stykpris: (a.units[0].stykpris ?? 0) + 1000 });
    const conflictDir = await tempDir("consolidate-conflicts");
    const conflictFiles = await writeUnits(conflictDir, [a, b, c]);
    const out = path.join(conflictDir, "samlet.xlsx");
    const r = await run([...conflictFiles, "--year", String(year), "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("2 konflikter, se arket Kilder");

    const wb = await load(out);
    const conflicts = tableRecords(findTable(wb, "Konflikter")!);
    expect(conflicts.map((x) => [x.Konflikt, x.Kilder])).toEqual([
      ["Forskellig aftale for enheden", "K1, K3"],
      ["Samme borger i to kilder", "K1, K2"],
    ]);
    expect(String(conflicts[1].Beskrivelse)).toContain(`K1-${twin.sagsId}`);
    expect(String(conflicts[1].Beskrivelse)).toContain("K2-S-9001");
    // The conflict names cases by id, never by CPR number or name.
    for (const x of conflicts) {
      expect(String(x.Beskrivelse)).not.toContain(twin.cpr!);
      expect(String(x.Beskrivelse)).not.toContain(twin.navn!);
    }
    expect(String(conflicts[0].Beskrivelse)).toContain("stykpris");
    const kilder = tableRecords(findTable(wb, "Kilder")!);
    expect(kilder.map((k) => k.Konflikter)).toEqual([2, 1, 1]);
  });

  it("flags a source whose computed formulas were overwritten", async () => {
    const wb = await loadWorkbook(files[0]);
    const sager = wb.getWorksheet("Sager")!;
    const header = sager.getRow(1).values as unknown[];
    const col = header.indexOf("Fraværsprocent");
    sager.getCell(2, col).value = 0.5;
    const broken = path.join(dir, "overskrevet.xlsx");
    await wb.xlsx.writeFile(broken);
    const out = path.join(dir, "samlet-overskrevet.xlsx");
    const r = await run([broken, files[1], "--year", String(year), "-o", out]);
    expect(r.code).toBe(0);
    const kilder = tableRecords(findTable(await load(out), "Kilder")!);
    expect(String(kilder[0].Kontrol)).toMatch(/1 overskrevne formler/);
    expect(r.stderr).toContain("Overskrevne formler");
  });

  it("publishes the combined overview suppressed across units and the total, with no CPR number or name in it", async () => {
    const out = path.join(dir, "samlet-offentlig.xlsx");
    const r = await run([...files, "--year", String(year), "--publish", "--json", "-o", out]);
    expect(r.code).toBe(0);
    const bytes = await fs.readFile(out);
    const citizens = units.flatMap((u) => u.cases.map((c) => ({ sagsId: c.sagsId, cpr: c.cpr, navn: c.navn })));
    const jsonLines = r.stdout.split("\n").map((text, i) => ({ part: "--json", location: `linje ${i + 1}`, text }));
    expect(scanPackage(bytes, citizens, jsonLines)).toEqual([]);
    const json = JSON.parse(r.stdout) as { keyFigures: { enhed: string; vaerdi: unknown }[]; sources: { kilde: string }[] };
    expect(json.sources.map((s) => s.kilde)).toEqual(["K1", "K2", "K3"]);
    // Units of every source and the total in one suppression: some small counts are hidden.
    expect(json.keyFigures.some((k) => k.vaerdi === "*")).toBe(true);
    expect(new Set(json.keyFigures.map((k) => k.enhed))).toEqual(new Set([I_ALT, ...units.flatMap((u) => u.units.map((x) => x.enhed))]));
  });

  it("draws Kvartalsoversigt's charts into the combined workbook", async () => {
    const out = path.join(dir, "samlet-diagrammer.xlsx");
    expect((await run([...files, "--year", String(year), "-o", out])).code).toBe(0);
    const charts = packageParts(await fs.readFile(out)).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p.name));
    expect(charts.length).toBeGreaterThan(0);
  });

  it("refuses a file given twice and an output over a source", async () => {
    expect((await run([files[0], files[0], "-o", path.join(dir, "x.xlsx")])).stderr).toContain("er angivet to gange");
    expect((await run([files[0], files[1], "-o", files[1]])).stderr).toContain("oven i en af projektmapperne");
  });
});
