// The oracle: generated workbooks recalculated in LibreOffice, every computed cell of every structured
// table compared with its reference in src/domain. ORACLE_RUNS (default 50) sets the number of seeds.
import type ExcelJS from "exceljs";
import { generateStructuredData } from "../../src/sample/structured-data";
import { allComputedColumns, buildStructuredPlan } from "../../src/workbook/structured-plan";
import type { ComputedValue } from "../../src/workbook/computed";
import type { StructuredData } from "../../src/domain/model";
import { dimensionKey } from "../../src/domain/instruments";
import { cellValue, readTable, recalcPlans } from "../support/recalc-helpers";
import { CASE_SORTED_TABLES } from "../../src/workbook/contract";
import { sortedFlagReference } from "../../src/workbook/formulas/case-blocks";
import type { Plan } from "../../src/workbook/plan";

const RUNS = Number(process.env.ORACLE_RUNS ?? 50);
// Small workbooks keep 50 recalculations near a minute: loading and saving dominate LibreOffice's time.
const CASES = 15;
const ATTENDANCE_DENSITY = 0.5;

interface Mismatch {
  seed: number;
  table: string;
  column: string;
  row: number;
  formula: string;
  expected: ComputedValue;
  actual: unknown;
}

/** "" and an empty cell are the same (a formula's "" is the reference's null). */
function normalise(v: unknown): unknown {
  return v === "" || v === undefined ? null : v;
}

function same(expected: ComputedValue, actual: unknown, compare: "number" | "exact"): boolean {
  const a = normalise(actual);
  if (expected === null || a === null) return expected === a;
  if (compare === "number" && typeof expected === "number" && typeof a === "number") return Math.abs(expected - a) <= 1e-9;
  return expected === a;
}

function compareWorkbook(seed: number, data: StructuredData, wb: ExcelJS.Workbook): { cells: number; mismatches: Mismatch[] } {
  const mismatches: Mismatch[] = [];
  let cells = 0;
  for (const t of allComputedColumns()) {
    const n = t.rowCount(data);
    const values = readTable(wb, t.table);
    const expected = t.expected(data);
    t.columns.forEach((c, j) => {
      const k = values.headers.indexOf(c.name);
      if (k < 0) throw new Error(`Kolonnen ${t.table}[${c.name}] mangler i seed ${seed}`);
      const actual = values.rows.map((r) => r[k]);
      for (let i = 0; i < n; i++) {
        cells++;
        if (!same(expected[j][i], actual[i], c.compare ?? "number")) {
          mismatches.push({ seed, table: t.table, column: c.name, row: i + 1, formula: c.formula, expected: expected[j][i], actual: actual[i] });
        }
      }
    });
  }
  return { cells, mismatches };
}

/**
 * Every other workbook keeps its attendance and measurements out of case order (as a user's own sorting
 * or typing leaves them), so the per-case formulas take their whole-table path there: the numbers must
 * not depend on the order.
 */
function outOfCaseOrder(data: StructuredData, seed: number): StructuredData {
  if (seed % 2 === 1) return data;
  return { ...data, attendance: [...data.attendance].reverse(), measurements: [...data.measurements].reverse() };
}

/**
 * The ids a case list holds besides its own clean ones, so that Sagsrække's binary search and its
 * search from the top both run: in every third workbook Sager is in reverse Sags-ID order; in every
 * fourth, one case takes the id of the case before it in other letter case (a duplicate, whose rows
 * belong to the first), and rows carry an id in lower case and an id no case has.
 */
function untidyIds(data: StructuredData, seed: number): StructuredData {
  let cases = data.cases;
  let attendance = data.attendance;
  let measurements = data.measurements;
  if (seed % 4 === 0) {
    const dup = 6;
    const id = cases[dup - 1].sagsId.toLowerCase();
    cases = cases.map((c, i) => (i === dup ? { ...c, sagsId: id } : c));
    const lower = (s: string, i: number): string => (i % 5 === 0 ? s.toLowerCase() : s);
    attendance = attendance.map((r, i) => ({ ...r, sagsId: i % 13 === 7 ? "S999-999" : lower(r.sagsId, i) }));
    measurements = measurements.map((r, i) => ({ ...r, sagsId: lower(r.sagsId, i) }));
  }
  if (seed % 3 === 0) cases = [...cases].reverse();
  return { ...data, cases, attendance, measurements };
}

/**
 * The statuses a register holds besides the defaults: in every fifth workbook the status table gains a
 * status of the user's own whose flags no default has (absent and unlawful, yet not in the base), and
 * rows take it by name and by code, or leave the status empty.
 */
function untidyStatuses(data: StructuredData, seed: number): StructuredData {
  if (seed % 5 !== 0) return data;
  const own = { status: "Jobtræning", kode: "J", taellerSom: "ingen", iBasis: false, fravaer: true, ulovligtFravaer: true };
  const status = (s: string, i: number): string => (i % 17 === 3 ? "" : i % 11 === 4 ? "Jobtræning" : i % 11 === 5 ? "j" : s);
  return {
    ...data,
    attendanceStatuses: [...data.attendanceStatuses, own],
    attendance: data.attendance.map((r, i) => ({ ...r, status: status(r.status, i) })),
  };
}

/**
 * Scales a user leaves half filled in: in every sixth workbook one measured dimension has no Max and
 * another no Min in Instrumenter, so none of their rows is valid (Gyldig must test the scale, not
 * only compare with it).
 */
function untidyScales(data: StructuredData, seed: number): StructuredData {
  if (seed % 6 !== 1) return data;
  const keys = [...new Set(data.measurements.map((m) => dimensionKey(m.instrument, m.dimension)))];
  const [noMax, noMin] = keys;
  const blank = null as unknown as number; // an empty cell, as a user leaves it; the model types it as a number
  return {
    ...data,
    instruments: data.instruments.map((d) => {
      const key = dimensionKey(d.instrument, d.dimension);
      return key === noMax ? { ...d, max: blank } : key === noMin ? { ...d, min: blank } : d;
    }),
  };
}

/** The sortedness flags on Opsætning, as recalculated, against their reference. */
function flagMismatches(seed: number, data: StructuredData, plan: Plan, wb: ExcelJS.Workbook): Mismatch[] {
  return CASE_SORTED_TABLES.flatMap((t) => {
    const ref = plan.names.find((n) => n.name === t.sortedName)?.refersTo ?? "";
    const m = /^='?(.+?)'?!\$([A-Z]+)\$(\d+)$/.exec(ref);
    if (!m) throw new Error(`Navnet ${t.sortedName} peger ikke på én celle: ${ref}`);
    const actual = cellValue(wb, m[1], `${m[2]}${m[3]}`);
    const expected = sortedFlagReference(t.table, data);
    return actual === expected ? [] : [{ seed, table: "Opsætning", column: t.sortedName, row: 0, formula: ref, expected, actual }];
  });
}

describe("oracle: structured workbook formulas = domain references", () => {
  it(`agree in every computed cell over ${RUNS} generated workbooks`, async () => {
    const seeds = Array.from({ length: RUNS }, (_, i) => i + 1);
    const datasets = seeds.map((s) =>
      untidyScales(untidyStatuses(untidyIds(outOfCaseOrder(generateStructuredData(s, { cases: CASES, attendanceDensity: ATTENDANCE_DENSITY }), s), s), s), s)
    );
    const plans = datasets.map((d) => buildStructuredPlan(d));
    const workbooks = await recalcPlans(plans, "oracle");

    let cells = 0;
    const mismatches: Mismatch[] = [];
    // Per column: how many expected values are not empty, so a column that is always empty fails.
    const perColumn = new Map<string, number>();
    seeds.forEach((seed, k) => {
      const r = compareWorkbook(seed, datasets[k], workbooks[k]);
      cells += r.cells;
      mismatches.push(...r.mismatches);
      mismatches.push(...flagMismatches(seed, datasets[k], plans[k], workbooks[k]));
    });
    for (const t of allComputedColumns()) {
      const expected = datasets.map((d) => t.expected(d));
      t.columns.forEach((c, j) => {
        perColumn.set(
          `${t.table}[${c.name}]`,
          expected.reduce((s, e) => s + e[j].filter((v) => v !== null).length, 0)
        );
      });
    }

    if (mismatches.length > 0) {
      const shown = mismatches
        .slice(0, 25)
        .map(
          (m) =>
            `seed ${m.seed} ${m.table}[${m.column}] række ${m.row}: forventet ${JSON.stringify(m.expected)}, ` +
            `fik ${JSON.stringify(m.actual)}\n  formel: ${m.formula}`
        );
      throw new Error(`${mismatches.length} af ${cells} celler afviger:\n${shown.join("\n")}`);
    }
    // Every computed column was exercised with real values, not only on empty tables or empty results.
    for (const [name, filled] of perColumn) expect({ name, filled: filled > 0 }).toEqual({ name, filled: true });
    expect(cells).toBeGreaterThan(RUNS * CASES * 16);
    // Both paths ran: workbooks sorted by case (blocks) and workbooks out of order (whole tables).
    for (const t of CASE_SORTED_TABLES) {
      const flags = datasets.map((d) => sortedFlagReference(t.table, d));
      expect({ table: t.table, sorted: flags.filter((f) => f === 1).length > 0, unsorted: flags.filter((f) => f === 0).length > 0 }).toEqual({
        table: t.table,
        sorted: true,
        unsorted: true,
      });
    }
    process.stdout.write(`structured oracle: ${RUNS} workbooks, ${cells} computed cells compared, 0 mismatches\n`);
  }, 600_000);
});
