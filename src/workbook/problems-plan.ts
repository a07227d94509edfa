// The `Problemer` sheet: one row per validation finding, and the conditional format that colours
// the flagged cells of the structured tables while the finding stands.
import { SHEETS, TABLES, PROBLEMER_INPUT, col, thisRow } from "./contract";
import { address, type ColumnPlan, type ConditionalFormatPlan, type Scalar, type SheetPlan } from "./plan";
import { problemTitle } from "./problem-titles";

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

/** The finding's title in Danish (problem-titles.ts); the code stays in its own narrow column. */
export const PROBLEM_TITLE_COLUMN = "Problem";
/** A link to the cell: where the value landed in a table, else the source cell. */
export const PROBLEM_LINK_COLUMN = "Gå til";

/** The link column's formula: to the cell in the table (`Sager!E12`), else to the source cell, else nothing. */
export function problemLinkFormula(): string {
  const r = (c: string): string => thisRow(TABLES.problemer, c);
  const target = r(PROBLEM_TARGET_COLUMN);
  // `#'Sheet'!A1`: the sheet's name quoted, a quote in it doubled.
  const toTarget = `HYPERLINK("#'"&SUBSTITUTE(SUBSTITUTE(${target},"'","''"),"!","'!"),${target})`;
  const toSource = `HYPERLINK("#'"&SUBSTITUTE(${r("Ark")},"'","''")&"'!"&${r("Celle")},${r("Ark")}&"!"&${r("Celle")})`;
  return `=IF(${target}<>"",${toTarget},IF(AND(${r("Ark")}<>"",${r("Celle")}<>""),${toSource},""))`;
}

/**
 * The Problemer sheet: errors first, then warnings (each in the order found); per row the title, the
 * message and a link to the cell up front, the code last in a narrow column for filtering.
 */
export function problemsSheet(problems: ProblemRow[], sheetName: string = SHEETS.problemer): SheetPlan {
  const widths: Record<string, number> = { Alvor: 10, Besked: 70, Ark: 16, Celle: 9, "Oprindelig værdi": 18, Kode: 12 };
  const order = ["Alvor", PROBLEM_TITLE_COLUMN, "Besked", PROBLEM_LINK_COLUMN, "Ark", "Celle", "Oprindelig værdi", PROBLEM_TARGET_COLUMN, "Kode"];
  const columns: ColumnPlan[] = order.map((name) => {
    if (name === PROBLEM_TITLE_COLUMN) return { name, width: 34 };
    if (name === PROBLEM_LINK_COLUMN) return { name, width: 18, formula: problemLinkFormula() };
    if (name === PROBLEM_TARGET_COLUMN) return { name, width: 16 };
    const def = PROBLEMER_INPUT.find((c) => c.name === name);
    if (!def) throw new Error(`Problemer: ukendt kolonne ${name}`);
    return { name, width: widths[name] };
  });
  const sorted = [...problems.filter((p) => p.severity === "fejl"), ...problems.filter((p) => p.severity !== "fejl")];
  const value = (p: ProblemRow, name: string): Scalar => {
    switch (name) {
      case "Alvor":
        return p.severity;
      case PROBLEM_TITLE_COLUMN:
        return problemTitle(p.code);
      case "Besked":
        return p.message;
      case "Ark":
        return p.sheet;
      case "Celle":
        return p.cell;
      case "Oprindelig værdi":
        return p.original;
      case PROBLEM_TARGET_COLUMN:
        return p.target ?? null;
      case "Kode":
        return p.code;
      default:
        return null;
    }
  };
  // Printed: what a reader acts on (Alvor to Oprindelig værdi), the header on every page.
  const printed = `A:${address(0, order.indexOf("Oprindelig værdi")).replace(/\d+$/, "")}`;
  return {
    name: sheetName,
    freezeRows: 1,
    print: { orientation: "landscape", paperSize: "A4", fitToWidth: true, columns: printed, titleRows: "1:1", footer: sheetName },
    tables: [
      {
        name: TABLES.problemer,
        topLeft: "A1",
        style: "TableStyleLight9",
        columns,
        rows: sorted.map((p) => order.map((name) => value(p, name))),
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
  const ranges = runs.length <= MAX_RUNS_PER_FINDING ? runs : [...byColumn].map(([letter, rows]) => `${letter}${rows[0]}:${letter}${rows[rows.length - 1]}`);
  const formula = `=COUNTIF(${PROBLEM_CELLS_NAME},"${target.replace(/"/g, '""')}")>0`;
  return ranges.map((range) => ({ range, formula, fill: "FFC7CE", fontColor: "9C0006" }));
}
