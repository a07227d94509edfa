// The `Problemer` sheet: one row per validation finding, and the conditional format that colours
// the flagged cells of the structured tables while the finding stands.
import { SHEETS, TABLES, PROBLEMER_INPUT, col } from "./contract";
import type { ConditionalFormatPlan, SheetPlan } from "./plan";

export interface ProblemRow {
  /** Sheet of the source cell, or of the structured cell for form and integrity findings. */
  sheet: string;
  /** A1 address of that cell. */
  cell: string;
  severity: "fejl" | "advarsel";
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
