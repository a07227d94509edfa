// The `Problemer` sheet: one row per validation finding, and the conditional format that colours
// the flagged cells of the structured tables while the finding stands.
import { SHEETS, TABLES, PROBLEMER_INPUT, col } from "./contract";
import type { ConditionalFormatPlan, SheetPlan } from "./plan";

export interface ProblemRow {
  /** Sheet of the source cell, or of the structured cell for form and integrity findings. */
  sheet: string;
  /** A1 address of that cell. */
  cell: string;
  severity: "fejl" | "advarsel" | "info";
  code: string;
  message: string;
  original: string | null;
  /** Where the value landed in the structured workbook ("Sager!E12"), when it did. */
  target?: string | null;
}

export const PROBLEM_TARGET_COLUMN = "Celle i tabel";
/** Defined name over the target column: conditional formats cannot use structured references. */
export const PROBLEM_CELLS_NAME = "Problemceller";

export function problemsSheet(problems: ProblemRow[], sheetName: string = SHEETS.problemer): SheetPlan {
  const columns = [...PROBLEMER_INPUT.map((c) => ({ name: c.name, width: c.name === "Besked" ? 70 : 16 })), { name: PROBLEM_TARGET_COLUMN, width: 16 }];
  return {
    name: sheetName,
    freezeRows: 1,
    tables: [
      {
        name: TABLES.problemer,
        topLeft: "A1",
        style: "TableStyleLight9",
        columns,
        rows: problems.map((p) => [p.sheet, p.cell, p.severity, p.code, p.message, p.original, p.target ?? null]),
      },
    ],
  };
}

export function problemCellsName(): { name: string; refersTo: string } {
  return { name: PROBLEM_CELLS_NAME, refersTo: "=" + col(TABLES.problemer, PROBLEM_TARGET_COLUMN) };
}

/**
 * Colour a table's data cells that a finding points at. Live: when the finding row is deleted the
 * colour goes. ROW/COLUMN/ADDRESS are not volatile.
 */
export function flaggedCellsFormat(sheet: string, dataRange: string): ConditionalFormatPlan {
  return {
    range: dataRange,
    formula: `=COUNTIF(${PROBLEM_CELLS_NAME},"${sheet}!"&ADDRESS(ROW(),COLUMN(),4))>0`,
    fill: "FFC7CE",
    fontColor: "9C0006",
  };
}

/** At most this many formats per finding told once; beyond it the column's span between first and last cell is marked. */
export const MAX_RUNS_PER_FINDING = 40;

/**
 * The cells of a finding told once for many rows, still marked while that one finding stands: one
 * format per run of adjacent cells in a column, each testing that the finding's first cell is listed.
 */
export function repeatedCellsFormats(sheet: string, target: string, cells: readonly (string | null)[]): ConditionalFormatPlan[] {
  const byColumn = new Map<string, number[]>();
  for (const c of cells) {
    if (c === null) continue;
    const m = /^([A-Z]+)(\d+)$/.exec(c);
    if (!m) continue;
    const l = byColumn.get(m[1]);
    if (l) l.push(Number(m[2]));
    else byColumn.set(m[1], [Number(m[2])]);
  }
  const runs: string[] = [];
  for (const [letter, rows] of byColumn) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    for (const r of [...rows.slice(1), Infinity]) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      runs.push(start === prev ? `${letter}${start}` : `${letter}${start}:${letter}${prev}`);
      start = prev = r;
    }
  }
  const ranges =
    runs.length <= MAX_RUNS_PER_FINDING
      ? runs
      : [...byColumn].map(([letter, rows]) => `${letter}${rows[0]}:${letter}${rows[rows.length - 1]}`);
  const formula = `=COUNTIF(${PROBLEM_CELLS_NAME},"${target.replace(/"/g, '""')}")>0`;
  return ranges.map((range) => ({ range, formula, fill: "FFC7CE", fontColor: "9C0006" }));
}
