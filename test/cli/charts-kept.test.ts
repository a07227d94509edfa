// The overview's charts outlive `check --repair` and `pseudonymise`, which load and save the workbook
// through ExcelJS (which drops charts): the output still has its chart parts, its drawing's
// relationships resolve, the package self-check finds nothing, and a name and a CPR number planted in a
// chart are rewritten by the pseudonymiser like every other text, so that the privacy scan passes.
import { promises as fs } from "fs";
import path from "path";
import { loadWorkbook, saveWorkbook } from "../../src/adapters/xlsx/files";
import { zipPackage } from "../../src/adapters/xlsx/native-zip";
import { relsPartOf, sheetPartsByName } from "../../src/adapters/xlsx/keep-drawings";
import { checkPackage } from "../../src/adapters/xlsx/package-check";
import { scanPackage } from "../../src/adapters/xlsx/package-parts";
import { zipParts } from "../../src/adapters/xlsx/zip-parts";
import { runCheck } from "../../src/cli/check-command";
import { runPseudonymise } from "../../src/cli/pseudonymise-command";
import { runReport } from "../../src/cli/report-command";
import { generateStructuredData } from "../../src/sample/structured-data";
import { SHEETS, TABLES } from "../../src/workbook/contract";
import type { Citizen } from "../../src/workbook/privacy-scan";
import { tempDir, writePlan } from "../support/recalc-helpers";
import { reportYear, structuredPlanWith } from "../report/support";

const NAME = "Mette Kirstine Hansen";
const CPR = "010190-1234";

async function quietly(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    return { code: await fn(), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

/** The chart parts of a package and whether the overview's drawing reaches each of them. */
function chartsOf(bytes: Buffer): { charts: string[]; reached: string[]; dangling: string[] } {
  const parts = zipParts(bytes);
  const charts = [...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();
  const sheet = sheetPartsByName(parts).get(SHEETS.kvartalsoversigt)!;
  const resolve = (from: string, target: string) => path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
  const targets = (part: string) =>
    [...(parts.get(relsPartOf(part))?.toString("utf8") ?? "").matchAll(/<Relationship\b[^>]*Target="([^"]+)"/g)].map((m) => resolve(part, m[1]));
  const rid = /<drawing r:id="([^"]+)"/.exec(parts.get(sheet)!.toString("utf8"))?.[1];
  const rel = [...(parts.get(relsPartOf(sheet))?.toString("utf8") ?? "").matchAll(/<Relationship\b[^>]*>/g)].find((m) => m[0].includes(`Id="${rid}"`));
  const drawing = rel && resolve(sheet, /Target="([^"]+)"/.exec(rel[0])![1]);
  const reached = drawing ? targets(drawing) : [];
  const all = [drawing ?? "(ingen tegning)", ...reached];
  const types = parts.get("[Content_Types].xml")!.toString("utf8");
  const dangling = all.filter((p) => !parts.has(p) || !types.includes(`PartName="/${p}"`));
  return { charts, reached: reached.sort(), dangling };
}

describe("charts kept by check --repair and pseudonymise", () => {
  const base = generateStructuredData(11, { cases: 20 });
  const data = { ...base, cases: base.cases.map((c, i) => (i === 0 ? { ...c, navn: NAME, cpr: CPR } : c)) };
  const citizens: Citizen[] = data.cases.map((c) => ({ sagsId: c.sagsId, cpr: c.cpr, navn: c.navn }));
  const year = reportYear(data);
  let dir: string;
  let report: string;
  let reportCharts: ReturnType<typeof chartsOf>;

  beforeAll(async () => {
    dir = await tempDir("charts-kept");
    const input = path.join(dir, "sagsliste.xlsx");
    await writePlan(structuredPlanWith(data), input);
    // A computed cell overwritten, so that check --repair has something to repair.
    const wb = await loadWorkbook(input);
    const sager = wb.worksheets.find((w) => w.getTables().some((t) => (t as unknown as { name: string }).name === TABLES.sager))!;
    let overwritten = false;
    sager.getRow(2).eachCell((c) => {
      if (!overwritten && c.formula) {
        c.value = 0;
        overwritten = true;
      }
    });
    expect(overwritten).toBe(true);
    await saveWorkbook(wb, input);
    const withReport = path.join(dir, "rapport.xlsx");
    expect(await quietly(() => runReport([input, "--year", String(year), "-o", withReport]))).toMatchObject({ code: 0 });
    // A citizen's name in a chart's title and a CPR number in a series name, as a user might type them.
    const parts = zipParts(await fs.readFile(withReport));
    const chart = [...parts.keys()].find((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))!;
    const planted = parts
      .get(chart)!
      .toString("utf8")
      .replace(/(<c:title>[\s\S]*?<a:t>)/, `$1${NAME}: `)
      .replace(/(<c:ser>[\s\S]*?<c:tx><c:v>)/, `$1${CPR} `);
    parts.set(chart, Buffer.from(planted, "utf8"));
    report = path.join(dir, "rapport-med-navn.xlsx");
    await fs.writeFile(report, zipPackage(parts));
    reportCharts = chartsOf(await fs.readFile(report));
  }, 180_000);

  it("the report has three charts on Kvartalsoversigt, and the scan sees the planted name and CPR number", async () => {
    expect(reportCharts.charts.length).toBe(3);
    expect(reportCharts.reached).toEqual(reportCharts.charts);
    expect(reportCharts.dangling).toEqual([]);
    const seen = scanPackage(await fs.readFile(report), citizens).filter((f) => f.part.startsWith("xl/charts/"));
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it("check --repair repairs the formula and keeps the charts as they were", async () => {
    const out = path.join(dir, "kontrolleret.xlsx");
    const r = await quietly(() => runCheck([report, "--repair", "-o", out, "--json"]));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).repaired.length).toBeGreaterThan(0);
    const bytes = await fs.readFile(out);
    const kept = chartsOf(bytes);
    expect(kept.charts.length).toBe(3);
    expect(kept.reached).toEqual(kept.charts);
    expect(kept.dangling).toEqual([]);
    expect(checkPackage(bytes)).toEqual([]);
    // Byte for byte: the same chart XML, under the names it had.
    const [before, after] = [zipParts(await fs.readFile(report)), zipParts(bytes)];
    for (const c of kept.charts) expect(after.get(c)!.equals(before.get(c)!)).toBe(true);
  }, 120_000);

  it("pseudonymise keeps the charts, rewrites the planted name and CPR number in them, and passes the scan", async () => {
    const out = path.join(dir, "pseudonymiseret.xlsx");
    const r = await quietly(() => runPseudonymise([report, "-o", out, "--key", path.join(dir, "noegle.csv")]));
    expect([r.code, r.err]).toEqual([0, ""]);
    const bytes = await fs.readFile(out);
    const kept = chartsOf(bytes);
    expect(kept.charts.length).toBe(3);
    expect(kept.dangling).toEqual([]);
    expect(checkPackage(bytes)).toEqual([]);
    expect(scanPackage(bytes, citizens)).toEqual([]);
    const chartText = kept.charts.map((c) => zipParts(bytes).get(c)!.toString("utf8")).join("");
    expect(chartText).toContain(`${data.cases[0].sagsId}: `);
    expect(chartText).not.toContain("Mette");
  }, 120_000);

  it("pseudonymise --mask-cpr keeps the charts and masks the CPR number in them", async () => {
    const out = path.join(dir, "maskeret.xlsx");
    const r = await quietly(() => runPseudonymise([report, "--mask-cpr", "-o", out]));
    expect([r.code, r.err]).toEqual([0, ""]);
    const bytes = await fs.readFile(out);
    const kept = chartsOf(bytes);
    expect(kept.charts.length).toBe(3);
    expect(kept.dangling).toEqual([]);
    expect(checkPackage(bytes)).toEqual([]);
    expect(
      scanPackage(
        bytes,
        citizens.map((c) => ({ ...c, navn: null }))
      )
    ).toEqual([]);
    const chartText = kept.charts.map((c) => zipParts(bytes).get(c)!.toString("utf8")).join("");
    expect(chartText).toContain("010190-XXXX");
    expect(chartText).not.toContain(CPR);
  }, 120_000);
});
