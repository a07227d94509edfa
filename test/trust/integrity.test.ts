// The integrity check: a workbook straight from the plan is clean (also after LibreOffice saved it);
// overwritten formulas, a renamed column, a lost table, broken names, setup values out of range and a table
// out of case order are each found; a repair writes formulas back and leaves every data cell as it was.
import path from "path";
import ExcelJS from "exceljs";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { recalculate } from "../../src/adapters/libreoffice/recalc";
import { loadWorkbook } from "../../src/adapters/xlsx/files";
import { readSnapshot, setColumnFormulas } from "../../src/adapters/xlsx/workbook-snapshot";
import { generateStructuredData } from "../../src/sample/structured-data";
import { CASE_ROW_COLUMN, CASE_SORTED_TABLES, TABLES } from "../../src/workbook/contract";
import { SAGER_ATTENDANCE_BLOCK, SAGER_STATUS_BLOCK, STATUS_OWN_BLOCK } from "../../src/workbook/formulas/case-blocks";
import { CASE_UNIT_COLUMN, ENROLMENT_FROM_COLUMN, ENROLMENT_TO_COLUMN } from "../../src/workbook/formulas/case-lookups";
import { reportHelperColumns } from "../../src/workbook/report/noegletal";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { checkIntegrity, comparableFormula, INTEGRITY_CODES, sameFormula, type WorkbookSnapshot } from "../../src/workbook/integrity";
import { isFormula } from "../../src/workbook/plan";
import { tempDir } from "../support/recalc-helpers";

async function structuredFile(dir: string, seed = 3): Promise<string> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, buildStructuredPlan(generateStructuredData(seed)));
  const file = path.join(dir, `struktureret-${seed}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

function tableOf(s: WorkbookSnapshot, name: string) {
  const t = s.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

describe("comparableFormula", () => {
  test.each([
    ["Sager[[#This Row],[Indskrevet]]+1", "=[@Indskrevet] + 1"],
    ["Sager[[#This Row],[Dage i perioden]]*2", "=Sager[@[Dage i perioden]]*2"],
    ["_xlfn.MAXIFS(Fremmoede[Dato],Fremmoede[Sags-ID],Sager[[#This Row],[Sags-ID]])", "=MAXIFS(Fremmoede[Dato], Fremmoede[Sags-ID], [@[Sags-ID]])"],
  ])("%s equals %s", (a, b) => {
    expect(sameFormula(a, b)).toBe(true);
  });

  test("text inside strings keeps its case and spaces", () => {
    expect(comparableFormula('IF(A1="Ja ",1,0)')).toBe('IF(A1="Ja ",1,0)');
    expect(sameFormula('IF(A1="Ja",1,0)', 'IF(A1="ja",1,0)')).toBe(false);
  });
});

describe("a workbook straight from the plan", () => {
  test("has no findings, as written by ExcelJS and after LibreOffice recalculated and saved it", async () => {
    const dir = await tempDir("integritet-ren");
    const file = await structuredFile(dir);
    const direct = checkIntegrity(readSnapshot(await loadWorkbook(file)));
    expect(direct.findings).toEqual([]);
    const [recalculated] = await recalculate([file], path.join(dir, "ud"));
    const report = checkIntegrity(readSnapshot(await loadWorkbook(recalculated)));
    expect(report.findings).toEqual([]);
  });
});

describe("a tampered workbook", () => {
  let snapshot: WorkbookSnapshot;
  let file: string;

  beforeAll(async () => {
    const dir = await tempDir("integritet-fejl");
    file = await structuredFile(dir, 5);
    const wb = await loadWorkbook(file);
    const sager = wb.getWorksheet("Sager")!;
    const headers = (sager.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const col = (h: string) => headers.indexOf(h);
    sager.getCell(2, col("Pladsvægt")).value = 1; // pasted a value over a formula
    sager.getCell(3, col("Aktiv")).value = { formula: '"Ja"', date1904: false } as ExcelJS.CellFormulaValue; // another formula
    const setup = wb.getWorksheet("Opsætning")!;
    setup.getCell("B6").value = 2; // Baand_nedre at 200 %
    setup.getCell("B9").value = 0; // Diskretionsgraense 0
    // Rename the Enheder column Loft to "Max brugere", in the cell and in the table's model.
    for (const t of setup.getTables()) {
      const model = (t as unknown as { table: { name: string; ref?: string; tableRef?: string; columns: { name: string }[] } }).table;
      if (model.name !== TABLES.enheder) continue;
      const j = model.columns.findIndex((c) => c.name === "Loft");
      model.columns[j].name = "Max brugere";
      const tl = setup.getCell((model.tableRef ?? model.ref!).split(":")[0]);
      setup.getCell(Number(tl.row), Number(tl.col) + j).value = "Max brugere";
    }
    const out = path.join(dir, "manipuleret.xlsx");
    await wb.xlsx.writeFile(out);
    const reread = await loadWorkbook(out);
    snapshot = readSnapshot(reread);
    // Break a name as Excel does when its target goes: #REF!.
    snapshot = { ...snapshot, names: snapshot.names.map((n) => (n.name === "Liste_Enheder" ? { ...n, refersTo: "#REF!" } : n)) };
  });

  test("each kind of damage is found, in Danish, with the cell it is in", () => {
    const report = checkIntegrity(snapshot);
    const codes = report.findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        `${INTEGRITY_CODES.overwritten} Sager!P2`,
        expect.stringMatching(new RegExp(`^${INTEGRITY_CODES.otherFormula} Sager!`)),
        `${INTEGRITY_CODES.columnMissing} Opsætning!A15`,
        `${INTEGRITY_CODES.nameBroken} Opsætning!A1`,
        `${INTEGRITY_CODES.setupRange} Opsætning!B6`,
        `${INTEGRITY_CODES.setupRange} Opsætning!B9`,
      ])
    );
    const renamed = report.findings.find((f) => f.code === INTEGRITY_CODES.columnMissing)!;
    expect(renamed.message).toContain('mangler kolonnen "Loft"');
    expect(renamed.message).toContain('"Max brugere"');
    const overwritten = report.findings.find((f) => f.code === INTEGRITY_CODES.overwritten)!;
    expect(overwritten.original).toBe("1");
    expect(overwritten.repairable).toBe(true);
    expect(report.repairs.map((r) => `${r.table}[${r.column}]`).sort()).toEqual(["Sager[Aktiv]", "Sager[Pladsvægt]"]);
  });

  test("no repair writes a formula that uses a missing column (a workbook converted before the column existed)", () => {
    const sm = tableOf(snapshot, TABLES.statusmaalinger);
    const j = sm.headers.indexOf("Serie");
    const k = sm.headers.indexOf("Første dato");
    const before =
      '=IF(Statusmaalinger[[#This Row],[Gyldig]]=1,MINIFS(Statusmaalinger[Dato],Statusmaalinger[Sags-ID],Statusmaalinger[[#This Row],[Sags-ID]]),"")';
    const old = {
      ...sm,
      headers: sm.headers.filter((_, c) => c !== j),
      rows: sm.rows.map((r) => r.map((v, c) => (c === k ? { formula: before } : v)).filter((_, c) => c !== j)),
    };
    const report = checkIntegrity({ ...snapshot, tables: snapshot.tables.map((t) => (t === sm ? old : t)) });
    const missing = report.findings.filter((f) => f.code === INTEGRITY_CODES.columnMissing && f.sheet === sm.sheet);
    expect(missing.map((f) => f.message)).toEqual([expect.stringContaining('mangler kolonnen "Serie"')]);
    expect(report.repairs.filter((r) => r.table === TABLES.statusmaalinger)).toEqual([]);
    expect(report.findings.filter((f) => f.sheet === sm.sheet && f.repairable)).toEqual([]);
  });

  test("no repair writes a formula that uses a column missing from another table (Sager's lookup helpers)", () => {
    // A workbook with the report's helper columns, which read Sager's lookup helpers.
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, buildStructuredPlan(generateStructuredData(5), { extraComputedColumns: reportHelperColumns() }));
    const full = readSnapshot(wb);
    const lookups = [CASE_UNIT_COLUMN, ENROLMENT_FROM_COLUMN, ENROLMENT_TO_COLUMN];
    const sager = tableOf(full, TABLES.sager);
    const keep = sager.headers.map((h) => !lookups.includes(h));
    const oldSager = { ...sager, headers: sager.headers.filter((_, c) => keep[c]), rows: sager.rows.map((r) => r.filter((_, c) => keep[c])) };
    // The attendance rows still hold the formula written before the helpers existed.
    const fr = tableOf(full, TABLES.fremmoede);
    const k = fr.headers.indexOf("I forløb");
    expect(k).toBeGreaterThan(0);
    const before = "=IFERROR(IF(AND(ISNUMBER(Fremmoede[[#This Row],[Dato]]),ISNUMBER(INDEX(Sager[Indskrevet],Fremmoede[[#This Row],[Sagsrække]]))),1,0),0)";
    const oldFr = { ...fr, rows: fr.rows.map((r) => r.map((v, c) => (c === k ? { formula: before } : v))) };
    const report = checkIntegrity({ ...full, tables: full.tables.map((t) => (t === sager ? oldSager : t === fr ? oldFr : t)) });
    const missing = report.findings.filter((f) => f.code === INTEGRITY_CODES.columnMissing).map((f) => f.message);
    expect(missing).toEqual(lookups.map((c) => expect.stringContaining(`mangler kolonnen "${c}"`)));
    expect(report.repairs.filter((r) => r.table === TABLES.fremmoede || r.table === TABLES.statusmaalinger)).toEqual([]);
    expect(report.findings.filter((f) => f.sheet === fr.sheet && f.repairable)).toEqual([]);
    // With the helpers in place, the old formula is found and the column's own is put back.
    const current = checkIntegrity({ ...full, tables: full.tables.map((t) => (t === fr ? oldFr : t)) });
    expect(current.repairs.map((r) => `${r.table}[${r.column}]`)).toEqual(["Fremmoede[I forløb]"]);
  });

  test("a workbook converted before Sagsrække: its missing columns are reported, no repair uses them, no name is asked for", () => {
    const helpers = [CASE_ROW_COLUMN, ...Object.values(SAGER_ATTENDANCE_BLOCK), ...Object.values(SAGER_STATUS_BLOCK), ...Object.values(STATUS_OWN_BLOCK)];
    const withoutHelpers = (t: (typeof snapshot.tables)[number]) => {
      const keep = t.headers.map((h) => !helpers.includes(h));
      return { ...t, headers: t.headers.filter((_, c) => keep[c]), rows: t.rows.map((r) => r.filter((_, c) => keep[c])) };
    };
    const flags: string[] = CASE_SORTED_TABLES.map((t) => t.sortedName);
    const old: WorkbookSnapshot = {
      ...snapshot,
      tables: snapshot.tables.map((t) => (([TABLES.sager, TABLES.fremmoede, TABLES.statusmaalinger] as string[]).includes(t.name) ? withoutHelpers(t) : t)),
      names: snapshot.names.filter((n) => !flags.includes(n.name)),
    };
    const report = checkIntegrity(old);
    const missing = report.findings.filter((f) => f.code === INTEGRITY_CODES.columnMissing).map((f) => f.message);
    expect(missing).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`mangler kolonnen "${CASE_ROW_COLUMN}"`),
        expect.stringContaining('mangler kolonnen "Fremmøderækker fra"'),
      ])
    );
    expect(report.findings.filter((f) => f.code === INTEGRITY_CODES.nameMissing)).toEqual([]);
    // Formulas that read the block columns are not written back while those columns are missing: only the
    // tampered cells above, whose formulas use none of them, are repaired.
    expect(report.repairs.map((r) => `${r.table}[${r.column}]`).sort()).toEqual(["Sager[Aktiv]", "Sager[Pladsvægt]"]);
    // A workbook with the columns but without a flag's name is still told.
    const noFlag = checkIntegrity({ ...snapshot, names: snapshot.names.filter((n) => n.name !== flags[0]) });
    expect(noFlag.findings.filter((f) => f.code === INTEGRITY_CODES.nameMissing).map((f) => f.message)).toEqual([expect.stringContaining(flags[0])]);
  });

  test("a table out of case order is a repairable warning and a sort to make; in order, or without Sagsrække, nothing", () => {
    const flag = CASE_SORTED_TABLES[0].sortedName;
    const withFlag = (value: number, s: WorkbookSnapshot = snapshot) => ({ ...s, names: s.names.map((n) => (n.name === flag ? { ...n, value } : n)) });
    const unsorted = checkIntegrity(withFlag(0));
    const warned = unsorted.findings.filter((f) => f.code === INTEGRITY_CODES.notSorted);
    expect(warned).toEqual([expect.objectContaining({ severity: "advarsel", sheet: "Opsætning", repairable: true })]);
    // The repair sorts it, moving whole rows; users without the add-in are told how to sort by hand.
    expect(warned[0].message).toContain("Fremmøde");
    expect(warned[0].message).toContain("Reparér for at sortere tabellen efter Sagsrække og derefter Dato");
    expect(warned[0].message).toContain("hele rækker flytter plads, og ingen værdi ændres");
    expect(warned[0].message).toContain("Data > Sortér");
    expect(unsorted.sorts).toEqual([{ table: TABLES.fremmoede, sheet: "Fremmøde" }]);

    const sorted = checkIntegrity(withFlag(1));
    expect(sorted.findings.filter((f) => f.code === INTEGRITY_CODES.notSorted)).toEqual([]);
    expect(sorted.sorts).toEqual([]);

    // Fremmoede without Sagsrække cannot be sorted by case: no finding of the order, no sort (the missing
    // column is reported on its own).
    const without = (t: (typeof snapshot.tables)[number]) => {
      if (t.name !== TABLES.fremmoede) return t;
      const j = t.headers.indexOf(CASE_ROW_COLUMN);
      return { ...t, headers: t.headers.filter((_, c) => c !== j), rows: t.rows.map((r) => r.filter((_, c) => c !== j)) };
    };
    const old = checkIntegrity(withFlag(0, { ...snapshot, tables: snapshot.tables.map(without) }));
    expect(old.findings.filter((f) => f.code === INTEGRITY_CODES.notSorted)).toEqual([]);
    expect(old.findings.map((f) => f.message)).toContainEqual(expect.stringContaining(`Tabellen Fremmoede mangler kolonnen "${CASE_ROW_COLUMN}"`));
    expect(old.sorts).toEqual([]);
  });

  test("a missing table and a missing name are found", () => {
    const without: WorkbookSnapshot = {
      ...snapshot,
      tables: snapshot.tables.filter((t) => t.name !== TABLES.maal),
      names: snapshot.names.filter((n) => n.name !== "Opgoerelsesdato"),
    };
    const codes = checkIntegrity(without).findings.map((f) => f.code);
    expect(codes).toContain(INTEGRITY_CODES.tableMissing);
    expect(codes).toContain(INTEGRITY_CODES.nameMissing);
  });

  test("the repair writes formulas only: every other cell stays as it was", async () => {
    const wb = await loadWorkbook(file);
    const sager = wb.getWorksheet("Sager")!;
    sager.getCell("P2").value = 1;
    const before = readSnapshot(wb);
    const report = checkIntegrity(before);
    for (const r of report.repairs) setColumnFormulas(wb, r.table, [{ column: r.column, formula: r.formula }]);
    const after = readSnapshot(wb);
    expect(checkIntegrity(after).findings).toEqual([]);
    const repaired = new Set(report.repairs.map((r) => `${r.table}\u0000${r.column}`));
    for (const t of before.tables) {
      const t2 = tableOf(after, t.name);
      expect(t2.headers).toEqual(t.headers);
      t.rows.forEach((row, i) =>
        row.forEach((v, j) => {
          if (repaired.has(`${t.name}\u0000${t.headers[j]}`)) expect(isFormula(t2.rows[i][j])).toBe(true);
          else expect(t2.rows[i][j]).toEqual(v);
        })
      );
    }
  });
});
