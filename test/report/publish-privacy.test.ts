// Published overviews carry no free text: a discharge reason written as free text with a citizen's name
// and CPR number is counted under "Andet" and never becomes a label, in the file or in its --json; the
// publish step scans what it is about to write and refuses, saying where, when a name is still there
// (a unit named after a citizen). The same in the task pane's Oversigt.
import { existsSync, promises as fs } from "fs";
import path from "path";
import { createOfficePlanPort } from "../../src/adapters/officejs/plan-port";
import { scanPackage } from "../../src/adapters/xlsx/package-parts";
import { runReport } from "../../src/cli/report-command";
import { UDSKRIVNINGSAARSAGER } from "../../src/domain/enums";
import { computeKeyFigures, I_ALT, periodsOfYear, reasonFigure } from "../../src/domain/keyfigures";
import type { StructuredData } from "../../src/domain/model";
import { generateStructuredData } from "../../src/sample/structured-data";
import { publishOverview } from "../../src/taskpane/oversigt/overview-flow";
import { planTexts, scanTexts, type Citizen } from "../../src/workbook/privacy-scan";
import { buildPublishedPlan, publishedFigures } from "../../src/workbook/report/publish";
import { PUBLISHED_SHEET } from "../../src/workbook/report/report-plan";
import { FakeExcel, fakeRun } from "../support/fake-excel";
import { tempDir, writePlan } from "../support/recalc-helpers";
import { reportYear, structuredPlanWith } from "./support";

const NAME = "Mette Kirstine Hansen";
const CPR = "010190-1234";
const REASON = `${NAME} (${CPR}) flyttede til sin søster i Aarhus`;

/** Generated data in which one case discharged in the report year has the free-text reason. */
function planted(): { data: StructuredData; year: number; sagsId: string; base: StructuredData } {
  const base = generateStructuredData(21, { cases: 40 });
  const year = reportYear(base);
  const [yearPeriod] = periodsOfYear(year);
  const i = base.cases.findIndex((c) => c.udskrevet !== null && c.udskrevet >= yearPeriod.start && c.udskrevet <= yearPeriod.end);
  expect(i).toBeGreaterThanOrEqual(0);
  const cases = base.cases.map((c, j) => (j === i ? { ...c, navn: NAME, cpr: CPR, udskrivningsaarsag: REASON } : c));
  // The same case with a listed reason "Andet", to compare counts with.
  const reference = base.cases.map((c, j) => (j === i ? { ...c, udskrivningsaarsag: "Andet" } : c));
  return { data: { ...base, cases }, year, sagsId: cases[i].sagsId, base: { ...base, cases: reference } };
}

const citizensOf = (data: StructuredData): Citizen[] => data.cases.map((c) => ({ sagsId: c.sagsId, cpr: c.cpr, navn: c.navn }));

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

let dir: string;
beforeAll(async () => {
  dir = await tempDir("publish-privacy");
});

describe("a free-text discharge reason in a published overview", () => {
  it("is counted under Andet and is no label of the plan", () => {
    const { data, year, sagsId, base } = planted();
    const plan = buildPublishedPlan(data, year);
    expect(scanTexts(planTexts(plan), citizensOf(data))).toEqual([]);
    const labels = plan.sheets.flatMap((s) => [...(s.cells ?? []).map((c) => c.value), ...s.tables.flatMap((t) => t.rows.map((r) => r[2]))]);
    expect(labels.filter((v) => typeof v === "string" && v.includes("flyttede"))).toEqual([]);
    const reasons = new Set(labels.filter((v): v is string => typeof v === "string" && v.startsWith("Udskrivninger: ")));
    expect([...reasons].sort()).toEqual([...UDSKRIVNINGSAARSAGER, "Uoplyst"].map(reasonFigure).sort());
    // The count under Andet is the count the case has with the listed reason "Andet".
    const andet = (rows: { enhed: string; periode: string; noegletal: string; vaerdi: number | null }[]) =>
      rows.find((r) => r.enhed === I_ALT && r.periode === String(year) && r.noegletal === reasonFigure("Andet"))!.vaerdi;
    expect(andet(publishedFigures(data, year).rows)).toBe(andet(computeKeyFigures(base, year)));
    expect(andet(computeKeyFigures(base, year))).toBeGreaterThan(0);
    expect(sagsId).not.toBe("");
  });

  it("sagsliste report --publish --json: the scan finds nothing in the file nor in the JSON", async () => {
    const { data, year } = planted();
    const input = path.join(dir, "fritekst.xlsx");
    await writePlan(structuredPlanWith(data), input);
    const out = path.join(dir, "fritekst-offentlig.xlsx");
    const r = await run([input, "--publish", "--json", "--year", String(year), "-o", out]);
    expect(r.stderr).not.toContain("ikke skrevet");
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("flyttede");
    const json = JSON.parse(r.stdout) as { keyFigures: { noegletal: string }[] };
    expect(json.keyFigures.some((k) => k.noegletal === reasonFigure("Andet"))).toBe(true);
    const jsonLines = r.stdout.split("\n").map((text, i) => ({ part: "--json", location: `linje ${i + 1}`, text }));
    expect(await scanPackage(await fs.readFile(out), citizensOf(data), jsonLines)).toEqual([]);
    // The scan does see the planted name and number where they are: in the source's Sager.
    const inSource = await scanPackage(await fs.readFile(input), citizensOf(data));
    expect(inSource.filter((f) => f.sagsId !== null && f.part.startsWith("xl/")).length).toBeGreaterThan(0);
  });
});

describe("the publish step refuses a name it would write", () => {
  /** A unit named after a citizen (a closed list can hold one): its name is a row label. */
  function unitNamedAfterCitizen(): { data: StructuredData; year: number } {
    const { data, year } = planted();
    const old = data.units[0].enhed;
    const citizen = data.cases.find((c) => c.navn === NAME)!;
    const named = `Hold ${citizen.navn}`;
    return {
      data: {
        ...data,
        units: data.units.map((u, i) => (i === 0 ? { ...u, enhed: named } : u)),
        cases: data.cases.map((c) => (c.enhed === old ? { ...c, enhed: named } : c)),
      },
      year,
    };
  }

  it("sagsliste report --publish writes nothing, prints no JSON and says where", async () => {
    const { data, year } = unitNamedAfterCitizen();
    const input = path.join(dir, "enhed-med-navn.xlsx");
    await writePlan(structuredPlanWith(data), input);
    const out = path.join(dir, "enhed-med-navn-offentlig.xlsx");
    const r = await run([input, "--publish", "--json", "--year", String(year), "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toContain(`${out} er ikke skrevet`);
    expect(r.stderr).toMatch(/xl\/worksheets\/sheet\d\.xml, celle [A-Z]+\d+: navnet på borgeren i sag /);
    expect(r.stderr).toMatch(/--json, linje \d+: navnet på borgeren i sag /);
    expect(r.stderr).not.toContain(NAME);
  });

  it("the Oversigt page's publish writes no sheet and says where", async () => {
    const fake = new FakeExcel();
    const port = createOfficePlanPort(fakeRun(fake), { host: fake });
    const clean = planted();
    await port.applyPlan(structuredPlanWith(clean.data), { removeSheets: [] });
    // The free-text reason is published as Andet.
    await publishOverview(port, clean.year, () => undefined);
    const shown = [...fake.sheet(PUBLISHED_SHEET).cells.values()].map((c) => String(c.value ?? ""));
    expect(shown.some((v) => v.includes(NAME) || v.includes("flyttede"))).toBe(false);

    const leaky = unitNamedAfterCitizen();
    const fake2 = new FakeExcel();
    const port2 = createOfficePlanPort(fakeRun(fake2), { host: fake2 });
    await port2.applyPlan(structuredPlanWith(leaky.data), { removeSheets: [] });
    await expect(publishOverview(port2, leaky.year, () => undefined)).rejects.toThrow(
      /Offentliggørelsesudgaven er ikke skrevet, .*: ark .*: \d+ steder \(celle [A-Z]+\d+, .*, sag S/
    );
    expect(fake2.sheets.map((s) => s.name)).not.toContain(PUBLISHED_SHEET);
  });
});
