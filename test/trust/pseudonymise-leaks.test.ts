// `sagsliste pseudonymise` reaches every place a citizen's name or CPR number hides in a workbook: one
// test per place, each with a name and a CPR number planted there. The scan (the one the command runs
// before it writes) sees the plant in the input and finds nothing in the copy. A CPR number the rewrite
// cannot reach (a number inside a formula) makes the command refuse and say where, writing nothing.
// A cell that merely equals a one-word name outside a name column is left alone.
import { existsSync, promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { loadWorkbook } from "../../src/adapters/xlsx/files";
import { scanPackage } from "../../src/adapters/xlsx/package-parts";
import { plainValue } from "../../src/adapters/xlsx/cell-values";
import { readTable, tableRecords } from "../../src/adapters/xlsx/read-tables";
import { runPseudonymise } from "../../src/cli/pseudonymise-command";
import { generateStructuredData } from "../../src/sample/structured-data";
import type { Citizen } from "../../src/workbook/privacy-scan";
import { problemsSheet } from "../../src/workbook/problems-plan";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { tempDir } from "../support/recalc-helpers";

const NAME = "Mette Kirstine Hansen";
const CPR = "010190-1234";
const CPR_EN_DASH = "010190\u20131234";
const CPR_9 = "101901234";

const base = generateStructuredData(31, { cases: 10 });
const data = {
  ...base,
  cases: base.cases.map((c, i) => (i === 0 ? { ...c, navn: NAME, cpr: CPR } : i === 1 ? { ...c, navn: "Birk" } : c)),
};
const ID = data.cases[0].sagsId;
const BIRK_ID = data.cases[1].sagsId;
const citizens: Citizen[] = data.cases.map((c) => ({ sagsId: c.sagsId, cpr: c.cpr, navn: c.navn }));

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

const text = (cell: ExcelJS.Cell): string => String(plainValue(cell.value) ?? "");

interface Leak {
  place: string;
  plant(wb: ExcelJS.Workbook): void;
  /** Where the scan of the input must see the plant: "part, location". */
  seen: RegExp;
  /** The place in the copy, read back. */
  check(wb: ExcelJS.Workbook): void;
}

const leaks: Leak[] = [
  {
    place: "a 9-digit CPR number in Problemer's original value",
    plant: () => undefined,
    seen: /^xl\/worksheets\/sheet\d+\.xml, celle [A-Z]+2$/,
    check: (wb) => {
      const rows = tableRecords(readTable(wb, "Problemer"));
      expect(rows[0]["Oprindelig værdi"]).toBe(ID);
      expect(rows[1]["Oprindelig værdi"]).toBe(`Navn: ${ID}`);
    },
  },
  {
    place: "formula results",
    plant: (wb) => {
      const ws = wb.addWorksheet("Opslag");
      ws.getCell("A1").value = { formula: "INDEX(Sager[Navn],1)", result: NAME };
      ws.getCell("A2").value = { formula: 'INDEX(Sager[CPR],1)&""', result: CPR };
    },
    seen: /celle A1$/,
    check: (wb) => {
      const ws = wb.getWorksheet("Opslag")!;
      expect([text(ws.getCell("A1")), text(ws.getCell("A2"))]).toEqual([ID, ID]);
      expect(ws.getCell("A1").formula).toBe("INDEX(Sager[Navn],1)");
    },
  },
  {
    place: "cell comments",
    plant: (wb) => {
      wb.getWorksheet("Sager")!.getCell("A2").note = `Ringede til ${NAME} (${CPR}) om mødet`;
    },
    seen: /^xl\/comments\d+\.xml/,
    check: (wb) => {
      expect(wb.getWorksheet("Sager")!.getCell("A2").note).toBe(`Ringede til ${ID} (${ID}) om mødet`);
    },
  },
  {
    place: "hyperlink texts and URLs",
    plant: (wb) => {
      wb.addWorksheet("Links").getCell("B3").value = {
        text: `Journal for ${NAME}`,
        hyperlink: `https://sager.kommune.dk/borger?cpr=${CPR.replace("-", "")}&navn=Mette%20Kirstine%20Hansen`,
      };
    },
    seen: /_rels\/sheet\d+\.xml\.rels, Relationship Target$/,
    check: (wb) => {
      const v = wb.getWorksheet("Links")!.getCell("B3").value as ExcelJS.CellHyperlinkValue;
      expect(v.text).toBe(`Journal for ${ID}`);
      expect(v.hyperlink).toBe(`https://sager.kommune.dk/borger?cpr=${ID}&navn=${ID}`);
    },
  },
  {
    place: "page headers and footers",
    plant: (wb) => {
      wb.getWorksheet("Sager")!.headerFooter = { oddHeader: `&L${NAME}&R${CPR}`, oddFooter: `&CSide &P, ${NAME}` };
    },
    seen: /oddHeader$/,
    check: (wb) => {
      expect(wb.getWorksheet("Sager")!.headerFooter).toMatchObject({ oddHeader: `&L${ID}&R${ID}`, oddFooter: `&CSide &P, ${ID}` });
    },
  },
  {
    place: "data-validation lists",
    plant: (wb) => {
      wb.addWorksheet("Aftaler").getCell("C2").dataValidation = { type: "list", allowBlank: true, formulae: [`"${NAME},${CPR},Ingen"`] };
    },
    seen: /formula1$/,
    check: (wb) => {
      expect(wb.getWorksheet("Aftaler")!.getCell("C2").dataValidation.formulae).toEqual([`"${ID},${ID},Ingen"`]);
    },
  },
  {
    place: "a sheet named after a citizen",
    plant: (wb) => {
      wb.addWorksheet(NAME).getCell("A1").value = "Handleplan";
      wb.addWorksheet("Forside").getCell("A1").value = { formula: `'${NAME}'!A1`, result: "Handleplan" };
    },
    seen: /^xl\/workbook\.xml, sheet name$/,
    check: (wb) => {
      expect(wb.worksheets.map((w) => w.name)).toContain(ID);
      expect(wb.getWorksheet("Forside")!.getCell("A1").formula).toBe(`'${ID}'!A1`);
    },
  },
  {
    place: "document properties",
    plant: (wb) => {
      wb.creator = NAME;
      wb.lastModifiedBy = NAME;
      wb.title = `Sag ${CPR}`;
      wb.subject = `Handleplan for ${NAME}`;
      wb.keywords = CPR_EN_DASH;
      wb.description = `${NAME}, ${CPR}`;
    },
    seen: /^docProps\/core\.xml, creator$/,
    check: (wb) => {
      expect([wb.creator, wb.lastModifiedBy, wb.title, wb.subject, wb.keywords, wb.description]).toEqual([
        ID,
        ID,
        `Sag ${ID}`,
        `Handleplan for ${ID}`,
        ID,
        `${ID}, ${ID}`,
      ]);
    },
  },
  {
    place: "separate Fornavn/Efternavn columns",
    plant: (wb) => {
      const ws = wb.addWorksheet("Kontaktliste");
      ws.addRow(["Fornavn", "Efternavn", "Telefon"]);
      ws.addRow(["Mette Kirstine", "Hansen", "20 30 40 50"]);
      ws.addRow(["Birk", "Nielsen", "20 30 40 51"]);
    },
    seen: /, række 2$/,
    check: (wb) => {
      const ws = wb.getWorksheet("Kontaktliste")!;
      expect(ws.getRow(2).values).toEqual([undefined, ID, ID, "20 30 40 50"]);
      // Not a citizen's name (only the first name is one, the whole name is not).
      expect(ws.getRow(3).values).toEqual([undefined, "Birk", "Nielsen", "20 30 40 51"]);
    },
  },
  {
    place: "a CPR number with an en dash",
    plant: (wb) => {
      const ws = wb.addWorksheet("Noter");
      ws.getCell("A1").value = CPR_EN_DASH;
      ws.getCell("A2").value = `Borger ${CPR_EN_DASH} mødte ikke op`;
    },
    seen: /, celle A2$/,
    check: (wb) => {
      const ws = wb.getWorksheet("Noter")!;
      expect([text(ws.getCell("A1")), text(ws.getCell("A2"))]).toEqual([ID, `Borger ${ID} mødte ikke op`]);
    },
  },
  {
    place: "the original sheets",
    plant: (wb) => {
      const ws = wb.addWorksheet("Sagsliste 2024");
      ws.addRow(["CPR-nr.", "Navn", "Bemærkning"]);
      ws.addRow([Number(CPR_9), NAME, `Ring til ${NAME} (${CPR}) om mødet`]);
      ws.addRow([CPR.replace("-", ""), "Birk", "Startede i Træværkstedet"]);
      ws.state = "hidden";
    },
    seen: /, celle A2$/,
    check: (wb) => {
      const ws = wb.getWorksheet("Sagsliste 2024")!;
      expect([2, 3].map((r) => [1, 2, 3].map((c) => text(ws.getRow(r).getCell(c))))).toEqual([
        [ID, ID, `Ring til ${ID} (${ID}) om mødet`],
        [ID, BIRK_ID, "Startede i Træværkstedet"],
      ]);
    },
  },
];

let dir: string;
beforeAll(async () => {
  dir = await tempDir("pseudonymise-leaks");
});

async function workbookWith(name: string, plant: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const plan = buildStructuredPlan(data);
  const problems = problemsSheet([
    {
      sheet: "Sagsliste 2024",
      cell: "A2",
      severity: "advarsel",
      code: "CPR_NUL_GENDANNET",
      message: "CPR-nummeret manglede sit foranstillede nul.",
      original: CPR_9,
      target: "Sager!B2",
    },
    { sheet: "Sagsliste 2024", cell: "B2", severity: "advarsel", code: "TEKST", message: "Teksten er bevaret.", original: `Navn: ${NAME}`, target: null },
  ]);
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, { ...plan, sheets: [...plan.sheets, problems] });
  plant(wb);
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("pseudonymise reaches every place", () => {
  it.each(leaks.map((l, i) => [l.place, i] as const))("%s", async (_place, i) => {
    const leak = leaks[i];
    const input = await workbookWith(`plant-${i}`, leak.plant);
    const seen = (await scanPackage(await fs.readFile(input), citizens)).map((f) => `${f.part}, ${f.location}`);
    expect(seen.filter((s) => leak.seen.test(s)).length).toBeGreaterThan(0);

    const out = path.join(dir, `copy-${i}.xlsx`);
    const key = path.join(dir, `key-${i}.csv`);
    const r = await capture(() => runPseudonymise([input, "-o", out, "--key", key]));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(await scanPackage(await fs.readFile(out), citizens)).toEqual([]);
    leak.check(await loadWorkbook(out));
  });

  it("every place at once: the copy's scan finds nothing, and --mask-cpr leaves no full CPR number in any of them", async () => {
    const input = await workbookWith("all", (wb) => leaks.forEach((l) => l.plant(wb)));
    expect((await scanPackage(await fs.readFile(input), citizens)).length).toBeGreaterThan(leaks.length);
    const out = path.join(dir, "all-copy.xlsx");
    const r = await capture(() => runPseudonymise([input, "-o", out, "--key", path.join(dir, "all-key.csv")]));
    expect(r.err).toBe("");
    expect(await scanPackage(await fs.readFile(out), citizens)).toEqual([]);
    for (const l of leaks) l.check(await loadWorkbook(out));

    const masked = path.join(dir, "all-masked.xlsx");
    const m = await capture(() => runPseudonymise([input, "--mask-cpr", "-o", masked]));
    expect(m.err).toBe("");
    expect(m.code).toBe(0);
    const cprsOnly = citizens.map((c) => ({ ...c, navn: null }));
    expect(await scanPackage(await fs.readFile(masked), cprsOnly)).toEqual([]);
    const wb = await loadWorkbook(masked);
    expect(wb.getWorksheet("Sager")!.headerFooter.oddHeader).toBe(`&L${NAME}&R010190-XXXX`);
    expect(wb.keywords).toBe("010190-XXXX");
    expect(text(wb.getWorksheet("Noter")!.getCell("A2"))).toBe("Borger 010190-XXXX mødte ikke op");
    expect(tableRecords(readTable(wb, "Problemer"))[0]["Oprindelig værdi"]).toBe("010190-XXXX");
  });

  it("leaves a cell that equals a one-word name alone outside a name column", async () => {
    const input = await workbookWith("birk", (wb) => {
      const ws = wb.addWorksheet("Materialer");
      ws.addRow(["Træsort", "Mængde", "Værksted"]);
      ws.addRow(["Birk", 12, "Træværkstedet"]);
      ws.addRow(["Eg", 4, "Træværkstedet"]);
    });
    const out = path.join(dir, "birk-copy.xlsx");
    const r = await capture(() => runPseudonymise([input, "-o", out, "--key", path.join(dir, "birk-key.csv")]));
    expect(r.code).toBe(0);
    const wb = await loadWorkbook(out);
    expect(text(wb.getWorksheet("Materialer")!.getCell("A2"))).toBe("Birk");
    // The citizen named Birk is still replaced where the column says it is a name.
    const sager = tableRecords(readTable(wb, "Sager"));
    expect(sager.find((s) => s["Sags-ID"] === BIRK_ID)!.Navn).toBe(BIRK_ID);
  });

  it("refuses, writes nothing and says where when a CPR number is beyond its reach", async () => {
    const input = await workbookWith("formula-cpr", (wb) => {
      wb.addWorksheet("Beregning").getCell("A1").value = { formula: `TEXT(${CPR_9},"000000-0000")`, result: CPR };
    });
    const out = path.join(dir, "formula-cpr-copy.xlsx");
    const key = path.join(dir, "formula-cpr-key.csv");
    const r = await capture(() => runPseudonymise([input, "-o", out, "--key", key]));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${out} er ikke skrevet`);
    expect(r.err).toMatch(new RegExp(`xl/worksheets/sheet\\d+\\.xml, celle A1: CPR-nummeret på sag ${ID}`));
    expect(r.err).not.toContain(CPR_9);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(key)).toBe(false);
  });
});
