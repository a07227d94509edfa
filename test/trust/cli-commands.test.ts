// `sagsliste check` and `sagsliste pseudonymise` on files: the check finds and repairs (formulas only),
// sorts a table out of case order (whole rows), logs each repair and fills Problemer; pseudonymisation leaves no CPR number or name in any cell and
// keeps the key apart; masking hides the serial number everywhere. Inputs are never changed.
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { loadWorkbook } from "../../src/adapters/xlsx/files";
import { findTable, readTable, tableRecords } from "../../src/adapters/xlsx/read-tables";
import { readLogEntries, readProblemRows, readSnapshot } from "../../src/adapters/xlsx/workbook-snapshot";
import { runCheck, EXIT_FINDINGS } from "../../src/cli/check-command";
import { runPseudonymise } from "../../src/cli/pseudonymise-command";
import { caseRows, sortedByCase } from "../../src/domain/case-blocks";
import { generateStructuredData } from "../../src/sample/structured-data";
import { checkIntegrity } from "../../src/workbook/integrity";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { FREMMOEDE_INPUT } from "../../src/workbook/contract";
import { tempDir } from "../support/recalc-helpers";

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
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

const data = generateStructuredData(11);
let dir: string;
let clean: string;
let damaged: string;

beforeAll(async () => {
  dir = await tempDir("trust-cli");
  const wb = new ExcelJS.Workbook();
  // An original sheet as users keep it: CPR with and without hyphen, one that lost its leading zero, names, notes.
  const raw = wb.addWorksheet("Sagsliste 2024");
  raw.addRow(["CPR-nr.", "Navn", "Bemærkning"]);
  data.cases.forEach((c, i) => {
    const cpr = c.cpr ?? "";
    const shown = i === 0 ? Number(cpr.replace("-", "")) : i === 1 ? cpr.replace("-", "") : cpr;
    raw.addRow([shown, c.navn, `Ring til ${c.navn} (${cpr}) om mødet`]);
  });
  raw.addRow(["", "", "Nabo 311299-1234 spurgte"]);
  applyPlan(wb, buildStructuredPlan(data));
  clean = path.join(dir, "ren.xlsx");
  await wb.xlsx.writeFile(clean);
  const sager = wb.getWorksheet("Sager")!;
  sager.getCell("P2").value = 0.5;
  sager.getCell("P3").value = 0.5;
  damaged = path.join(dir, "skadet.xlsx");
  await wb.xlsx.writeFile(damaged);
});

describe("sagsliste check", () => {
  test("a clean workbook: exit 0 and says so", async () => {
    const r = await capture(() => runCheck([clean]));
    expect(r.code).toBe(0);
    expect(r.out).toContain("Ingen fund");
  });

  test("finds overwritten formulas without writing anything", async () => {
    const before = await fs.readFile(damaged);
    const r = await capture(() => runCheck([damaged, "--json"]));
    expect(r.code).toBe(EXIT_FINDINGS);
    const json = JSON.parse(r.out) as { findings: { code: string; cell: string }[]; output: string | null };
    expect(json.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(["INTEGRITET_FORMEL_OVERSKREVET P2", "INTEGRITET_FORMEL_OVERSKREVET P3"]);
    expect(json.output).toBeNull();
    expect(await fs.readFile(damaged)).toEqual(before);
  });

  test("--repair writes a repaired copy, logs every repair and leaves data alone", async () => {
    const out = path.join(dir, "repareret.xlsx");
    const r = await capture(() => runCheck([damaged, "--repair", "-o", out]));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Reparerede 2 celler i 1 kolonner; 0 fund står tilbage.");
    const wb = await loadWorkbook(out);
    expect(checkIntegrity(readSnapshot(wb)).findings).toEqual([]);
    const log = readLogEntries(wb);
    expect(log.map((e) => [e.action, e.table, e.key, e.column, e.from, e.to])).toEqual([
      ["Reparation", "Sager", data.cases[0].sagsId, "Pladsvægt", "overskrevet med en værdi", "kolonnens formel"],
      ["Reparation", "Sager", data.cases[1].sagsId, "Pladsvægt", "overskrevet med en værdi", "kolonnens formel"],
    ]);
    expect(readProblemRows(wb)).toEqual([]);
    // Data untouched: every input column of Sager reads as in the clean workbook; the drop-down names survive.
    const a = tableRecords(readTable(await loadWorkbook(clean), "Sager"));
    const b = tableRecords(readTable(wb, "Sager"));
    expect(b.map((x) => [x["Sags-ID"], x.CPR, x.Navn, x.Indskrevet])).toEqual(a.map((x) => [x["Sags-ID"], x.CPR, x.Navn, x.Indskrevet]));
    const names = readSnapshot(wb).names.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(["Liste_Lovgrundlag", "Liste_Enheder", "Opgoerelsesdato"]));
  });

  test("-o without --repair puts the findings in Problemer", async () => {
    const out = path.join(dir, "med-fund.xlsx");
    const r = await capture(() => runCheck([damaged, "-o", out]));
    expect(r.code).toBe(EXIT_FINDINGS);
    const rows = readProblemRows(await loadWorkbook(out));
    expect(rows.map((p) => [p.sheet, p.cell, p.code, p.original, p.target])).toEqual([
      ["Sager", "P2", "INTEGRITET_FORMEL_OVERSKREVET", "0.5", "Sager!P2"],
      ["Sager", "P3", "INTEGRITET_FORMEL_OVERSKREVET", "0.5", "Sager!P3"],
    ]);
  });

  test("--repair sorts a Fremmøde out of case order: rows in case order afterwards, none lost, the sort logged", async () => {
    const reversed = { ...data, attendance: [...data.attendance].reverse() };
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, buildStructuredPlan(reversed));
    // As Excel saves it: the flag's last computed value is 0 (ExcelJS computes nothing).
    const setup = wb.getWorksheet("Opsætning")!;
    const flag = readSnapshot(wb).names.find((n) => n.name === "Fremmoede_sorteret")!;
    const cell = setup.getCell(flag.refersTo.split("!")[1].replace(/\$/g, ""));
    cell.value = { formula: cell.formula, result: 0, date1904: false };
    const unsorted = path.join(dir, "usorteret.xlsx");
    await wb.xlsx.writeFile(unsorted);
    const out = path.join(dir, "sorteret.xlsx");

    const r = await capture(() => runCheck([unsorted, "--repair", "-o", out, "--json"]));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { findings: { code: string; repairable: boolean }[]; sorted: unknown[]; remaining: unknown[] };
    expect(json.findings).toEqual([expect.objectContaining({ code: "INTEGRITET_IKKE_SORTERET", repairable: true })]);
    expect(json.sorted).toEqual([{ table: "Fremmoede", sheet: "Fremmøde" }]);
    expect(json.remaining).toEqual([]);

    const repaired = await loadWorkbook(out);
    const before = readTable(await loadWorkbook(unsorted), "Fremmoede");
    const after = readTable(repaired, "Fremmoede");
    const at = (h: string) => after.headers.indexOf(h);
    expect(after.rows.map((x) => [x[at("Sags-ID")], x[at("Dato")], x[at("Status")]])).toEqual(
      sortedByCase(reversed).attendance.map((a) => [a.sagsId, a.dato, a.status])
    );
    const keys = caseRows(
      after.rows.map((x) => ({ sagsId: String(x[at("Sags-ID")]) })),
      data.cases
    );
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    // Nothing lost or duplicated: the same rows, each whole (the input columns: the repair drops the
    // formulas' cached results, which the order it changed may no longer match).
    const rows = (t: typeof after) => t.rows.map((x) => JSON.stringify(x.slice(0, FREMMOEDE_INPUT.length))).sort();
    expect(rows(after)).toEqual(rows(before));
    expect(checkIntegrity(readSnapshot(repaired)).findings).toEqual([]);
    expect(readLogEntries(repaired).map((e) => [e.action, e.table, e.column, e.from])).toEqual([
      ["Sorteret efter sag", "Fremmoede", "Sagsrække, Dato", "ikke sorteret efter sag"],
    ]);
    expect(readProblemRows(repaired)).toEqual([]);

    const text = await capture(() => runCheck([unsorted, "--repair", "-o", out]));
    expect(text.out).toContain("Sorterede Fremmøde efter Sagsrække og Dato: hele rækker har flyttet plads, ingen værdi er ændret.");
    expect(text.out).toContain(
      "og derefter Dato (Data > Sortér).\nSorterede Fremmøde efter Sagsrække og Dato: hele rækker har flyttet plads, ingen værdi er ændret.\n0 fund står tilbage.\n"
    );
  });

  test("usage errors and unusable files give Danish messages and exit codes 2 and 1", async () => {
    expect((await capture(() => runCheck([]))).code).toBe(2);
    expect((await capture(() => runCheck([damaged, "--repair", "-o", damaged]))).err).toContain("oven i projektmappen");
    const missing = await capture(() => runCheck([path.join(dir, "findes-ikke.xlsx")]));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("findes ikke");
  });
});

function allText(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) => row.eachCell((c) => out.push(typeof c.value === "object" && c.value && "formula" in c.value ? "" : String(c.value))))
  );
  return out;
}

describe("sagsliste pseudonymise", () => {
  test("replaces every CPR and name by the case id in every sheet, and writes the key apart", async () => {
    const out = path.join(dir, "pseudonymiseret.xlsx");
    const key = path.join(dir, "noegle.csv");
    const before = await fs.readFile(clean);
    const r = await capture(() => runPseudonymise([clean, "-o", out, "--key", key]));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(await fs.readFile(clean)).toEqual(before);
    const wb = await loadWorkbook(out);
    const cells = allText(wb).join("\n");
    for (const c of data.cases) {
      if (c.cpr) {
        expect(cells).not.toContain(c.cpr);
        expect(cells).not.toContain(c.cpr.replace("-", ""));
        expect(cells).not.toContain(String(Number(c.cpr.replace("-", ""))));
      }
      if (c.navn) expect(cells).not.toContain(c.navn);
    }
    expect(cells).not.toContain("311299-1234");
    expect(cells).toContain("Nabo XXXXXX-XXXX spurgte");
    const sager = tableRecords(readTable(wb, "Sager"));
    sager.forEach((s) => {
      const c = data.cases.find((x) => x.sagsId === s["Sags-ID"])!;
      if (c.cpr) expect(s.CPR).toBe(c.sagsId);
      if (c.navn) expect(s.Navn).toBe(c.sagsId);
    });
    const csv = await fs.readFile(key, "utf8");
    expect(csv.startsWith("\uFEFFSags-ID;CPR;Navn\r\n")).toBe(true);
    for (const c of data.cases) expect(csv).toContain(`${c.sagsId};${c.cpr ?? ""};`);
    const log = readLogEntries(wb);
    expect(log.at(-1)).toMatchObject({ action: "Pseudonymisering", table: "Sager" });
    expect(findTable(wb, "Log")).not.toBeNull();
  });

  test("--mask-cpr masks every CPR as DDMMYY-XXXX and keeps names", async () => {
    const out = path.join(dir, "maskeret.xlsx");
    const r = await capture(() => runPseudonymise([clean, "--mask-cpr", "-o", out]));
    expect(r.code).toBe(0);
    const wb = await loadWorkbook(out);
    const cells = allText(wb).join("\n");
    for (const c of data.cases) {
      if (!c.cpr) continue;
      expect(cells).not.toContain(c.cpr);
      expect(cells).toContain(`${c.cpr.slice(0, 6)}-XXXX`);
    }
    const sager = tableRecords(readTable(wb, "Sager"));
    expect(sager.every((s) => s.CPR === null || /^\d{6}-XXXX$/.test(String(s.CPR)))).toBe(true);
    expect(sager.map((s) => s.Navn)).toEqual(data.cases.map((c) => c.navn));
  });

  test("refuses to pseudonymise without a key file or over the input", async () => {
    expect((await capture(() => runPseudonymise([clean, "-o", path.join(dir, "x.xlsx")]))).err).toContain("--key");
    expect((await capture(() => runPseudonymise([clean, "-o", clean, "--key", path.join(dir, "k.csv")]))).code).toBe(2);
  });
});
