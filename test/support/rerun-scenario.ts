// A coordinator's re-run, as data: a clean source case list of generated cases, the corrections made in
// Sager after the first conversion, and the source edited meanwhile (some of the same cells with other
// values, some other cells, a new row inserted in the middle, the last row moved to the top). The file
// test (CLI) and the Office.js test (fake Excel) apply the same scenario and check the same outcome.
import { isModulus11 } from "../../src/domain/cpr";
import { danishDate } from "../../src/domain/dates";
import type { Case } from "../../src/domain/model";
import type { RawCell, SheetGrid } from "../../src/import/grid";
import { generateStructuredData } from "../../src/sample/structured-data";

export const SOURCE_SHEET = "Sagsliste";
export const DATE_FMT = "dd-mm-yyyy";
const COLUMNS = [
  "CPR",
  "Navn",
  "Enhed",
  "Lovgrundlag",
  "Pladstype",
  "Visitationsdato",
  "Indskrevet",
  "Udskrevet",
  "Udskrivningsårsag",
  "Kontaktperson",
] as const;
type Column = (typeof COLUMNS)[number];
const KEY: Record<Column, keyof Case> = {
  CPR: "cpr",
  Navn: "navn",
  Enhed: "enhed",
  Lovgrundlag: "lovgrundlag",
  Pladstype: "pladstype",
  Visitationsdato: "visitationsdato",
  Indskrevet: "indskrevet",
  Udskrevet: "udskrevet",
  Udskrivningsårsag: "udskrivningsaarsag",
  Kontaktperson: "kontaktperson",
};
const DATES: ReadonlySet<Column> = new Set(["Visitationsdato", "Indskrevet", "Udskrevet"]);

/** An edit of one cell of the case that was source row `i` at the first conversion (Sags-ID S-000i+1). */
export interface CellEdit {
  i: number;
  column: Column;
  value: string | number;
}

/** A CPR number that passes modulus 11, with the same birth date as `cpr`, other than every one in `taken`. */
function otherCpr(cpr: string, taken: Set<string>): string {
  const birth = cpr.slice(0, 6);
  for (let s = 1000; s < 10000; s++) {
    const candidate = `${birth}-${s}`;
    if (!taken.has(candidate) && isModulus11(birth + String(s))) {
      taken.add(candidate);
      return candidate;
    }
  }
  throw new Error(`Intet CPR-nummer ledigt for ${birth}`);
}

function rowOf(c: Case): RawCell[] {
  return COLUMNS.map((col) => (c[KEY[col]] ?? null) as RawCell);
}

function sheetOf(rows: RawCell[][]): SheetGrid {
  const numFmts = [COLUMNS.map(() => null), ...rows.map(() => COLUMNS.map((c) => (DATES.has(c) ? DATE_FMT : null)))];
  return { name: SOURCE_SHEET, cells: [[...COLUMNS], ...rows], numFmts, merges: [], hiddenRows: [], hiddenCols: [] };
}

export const sagsIdOf = (i: number) => `S-${String(i + 1).padStart(4, "0")}`;

export interface RerunScenario {
  cases: Case[];
  /** The source sheet at the first conversion. */
  source: SheetGrid;
  /** Corrections made in Sager after it. */
  sagerEdits: CellEdit[];
  /** The source sheet at the re-run (same columns, one row more). */
  edited: SheetGrid;
  sourceEdits: CellEdit[];
  /** The new source row. */
  added: Case;
  /** Cells edited in both places with different values: Sager's and the source's value, as Problemer shows them. */
  conflicts: { i: number; column: Column; sager: string; source: string }[];
  /** What Sager must hold after the re-run, per edited cell. */
  expected: CellEdit[];
}

export function rerunScenario(n = 250): RerunScenario {
  const data = generateStructuredData(3, { cases: n });
  const cases = data.cases.slice(0, n);
  const taken = new Set(cases.map((c) => c.cpr ?? ""));
  // Each unit in the spelling most cases use (the import folds the others into it).
  const spellings = new Map<string, Map<string, number>>();
  for (const c of cases) {
    const m = spellings.get(c.enhed.toLowerCase()) ?? new Map<string, number>();
    spellings.set(c.enhed.toLowerCase(), m.set(c.enhed, (m.get(c.enhed) ?? 0) + 1));
  }
  const units = [...spellings.values()].map((m) => [...m].sort((a, b) => b[1] - a[1])[0][0]);
  // Cases with a CPR and an open enrolment, so discharge dates can be set after it.
  const pick = cases.map((c, i) => ({ c, i })).filter(({ c }) => c.cpr && c.indskrevet !== null && c.udskrevet === null && c.navn);
  if (pick.length < 13) throw new Error("For få åbne sager i datasættet");
  const at = (k: number) => pick[k];
  const otherUnit = (c: Case, skip = 0) => units.filter((u) => u.toLowerCase() !== c.enhed.toLowerCase())[skip];
  const cprA = (k: number) => otherCpr(at(k).c.cpr!, taken);
  const day = (k: number, plus: number) => at(k).c.indskrevet! + plus;

  const sagerEdits: CellEdit[] = [
    { i: at(0).i, column: "CPR", value: cprA(0) },
    { i: at(1).i, column: "Enhed", value: otherUnit(at(1).c) },
    { i: at(2).i, column: "Indskrevet", value: day(2, 7) },
    { i: at(3).i, column: "Udskrevet", value: day(3, 200) },
    { i: at(4).i, column: "CPR", value: cprA(4) },
    { i: at(5).i, column: "Indskrevet", value: day(5, -3) },
    { i: at(6).i, column: "Udskrevet", value: day(6, 150) },
    { i: at(7).i, column: "Enhed", value: otherUnit(at(7).c, 0) },
  ];
  const sourceEdits: CellEdit[] = [
    // The same cells with other values: conflicts.
    { i: at(0).i, column: "CPR", value: cprA(0) },
    { i: at(2).i, column: "Indskrevet", value: day(2, 14) },
    { i: at(3).i, column: "Udskrevet", value: day(3, 250) },
    { i: at(7).i, column: "Enhed", value: otherUnit(at(7).c, 1) },
    // The same cell with the same value: no conflict.
    { i: at(6).i, column: "Udskrevet", value: day(6, 150) },
    // Other cells: plain source updates, also of cases corrected in Sager.
    { i: at(1).i, column: "Navn", value: `${at(1).c.navn} Juhl` },
    { i: at(5).i, column: "Udskrevet", value: day(5, 300) },
    { i: at(8).i, column: "Udskrevet", value: day(8, 120) },
    { i: at(9).i, column: "Enhed", value: otherUnit(at(9).c) },
    { i: at(10).i, column: "Indskrevet", value: day(10, 10) },
    { i: at(11).i, column: "CPR", value: cprA(11) },
  ];
  const source = sheetOf(cases.map(rowOf));
  const rows = cases.map(rowOf);
  for (const e of sourceEdits) rows[e.i][COLUMNS.indexOf(e.column)] = e.value;
  const template = at(12).c;
  const added: Case = { ...template, sagsId: "", cpr: otherCpr(template.cpr!, taken), navn: "Ny Borger Testesen", udskrevet: null };
  const moved = rows.pop()!;
  rows.splice(20, 0, rowOf(added));
  rows.unshift(moved);
  const edited = sheetOf(rows);

  const show = (col: Column, v: string | number) => (typeof v === "number" && DATES.has(col) ? danishDate(v) : String(v));
  const conflicts = sourceEdits
    .filter((s) => sagerEdits.some((t) => t.i === s.i && t.column === s.column && t.value !== s.value))
    .map((s) => ({
      i: s.i,
      column: s.column,
      sager: show(s.column, sagerEdits.find((t) => t.i === s.i && t.column === s.column)!.value),
      source: show(s.column, s.value),
    }));
  const expected: CellEdit[] = [...sagerEdits, ...sourceEdits.filter((s) => !sagerEdits.some((t) => t.i === s.i && t.column === s.column))];
  return { cases, source, sagerEdits, edited, sourceEdits, added, conflicts, expected };
}

export interface Table {
  headers: string[];
  rows: (string | number | boolean | null)[][];
}

const filled = (t: Table): Table => ({ ...t, rows: t.rows.filter((r) => r.some((v) => v !== null && v !== "")) });

function records(t: Table): Record<string, string | number | boolean | null>[] {
  return filled(t).rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i] ?? null])));
}

/**
 * The outcome of the re-run, checked against the scenario: no case duplicated, Sager's corrections kept,
 * the source's own changes applied, each conflict in Problemer with both values, and a Log that says
 * what changed without a CPR number or a name. Returns the re-run's Log lines, as text.
 */
export function checkRerun(
  sc: RerunScenario,
  t: { sager: Table; problemer: Table; log: Table },
  logBefore: number,
  conflictCode = "KONFLIKT_KILDE_SAGER"
): string[] {
  const sager = records(t.sager);
  expect(sager).toHaveLength(sc.cases.length + 1);
  expect(new Set(sager.map((r) => r["Sags-ID"])).size).toBe(sager.length);
  const byId = new Map(sager.map((r) => [r["Sags-ID"], r]));
  for (const e of sc.expected) expect(`${sagsIdOf(e.i)} ${e.column}: ${byId.get(sagsIdOf(e.i))?.[e.column]}`).toBe(`${sagsIdOf(e.i)} ${e.column}: ${e.value}`);
  const added = sager.filter((r) => r.Navn === sc.added.navn);
  expect(added.map((r) => [r["Sags-ID"], r.CPR])).toEqual([[sagsIdOf(sc.cases.length), sc.added.cpr]]);

  const problems = records(t.problemer).filter((p) => p.Kode === conflictCode);
  expect(problems).toHaveLength(sc.conflicts.length);
  for (const c of sc.conflicts) {
    const p = problems.find((x) => String(x.Besked).includes(`${c.column} i Sager: '${c.sager}'`));
    expect(p?.Besked).toContain(`I kildearket: '${c.source}'`);
    expect(p?.["Oprindelig værdi"]).toBe(c.source);
    expect(String(p?.["Celle i tabel"])).toMatch(/^Sager!\$?[A-Z]+\$?\d+$/);
  }

  const log = filled(t.log).rows.slice(logBefore);
  const lines = log.map((r) =>
    r
      .slice(1)
      .map((v) => (v === null ? "" : String(v)))
      .join(" | ")
  );
  const secret = [...sc.cases, sc.added]
    .flatMap((c) => [c.cpr, c.navn])
    .concat(
      sc.sourceEdits
        .concat(sc.sagerEdits)
        .filter((e) => e.column === "CPR" || e.column === "Navn")
        .map((e) => String(e.value))
    );
  for (const line of lines) for (const v of secret) if (v) expect(line.includes(v) ? `${line} holds ${v}` : "clean").toBe("clean");
  return lines;
}
