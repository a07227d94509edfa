// A computed column holds one formula in every data row. In a file it is written as Excel writes a
// filled-down formula: the first cell holds the text, the cells below share it (<f t="shared"/>). The file
// is then a fraction of the size, and LibreOffice compiles the formula once per column instead of once
// per cell, which halves the large workbook's recalculation (decision 0007).
//
// In memory every cell keeps a formula of its own: ExcelJS ties a sharing cell to the first cell, so
// overwriting that one (a repair, a sort, a user's edit in a test) would lose the others' formulas or
// stop the write. Sharing is therefore done only while a sheet is written, undone when it is written,
// and a file's shared formulas are given back to their cells when it is read.
import type ExcelJS from "exceljs";
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { slideFormula } = require("exceljs/lib/utils/shared-formula.js") as { slideFormula: (formula: string, from: string, to: string) => string };

const FORMULA = 6; // ExcelJS's ValueType.Formula

/**
 * Whether a formula reads the same in every cell, so cells may share it: a shared formula's cells move
 * its relative A1 references by their offset (as ExcelJS does when it reads one back), and this-row
 * structured references and absolute references do not move.
 */
export function sameInEveryCell(formula: string): boolean {
  return slideFormula(formula, "A1", "B2") === formula;
}

/** The test above, once per text: a large workbook has a million formula cells and a few hundred texts. */
export function invarianceCache(): (formula: string) => boolean {
  const known = new Map<string, boolean>();
  return (formula) => {
    let same = known.get(formula);
    if (same === undefined) {
      if (known.size > 10_000) known.clear();
      same = sameInEveryCell(formula);
      known.set(formula, same);
    }
    return same;
  };
}

export interface CellModel {
  address: string;
  type: number;
  formula?: string;
  sharedFormula?: string;
  shareType?: string;
  ref?: string;
  si?: number;
  range?: unknown;
  result?: unknown;
}

interface RowModel {
  number: number;
  cells: CellModel[];
}

/**
 * Before a sheet is written: each run of cells down a column holding the same formula, one that reads the
 * same in every cell, becomes the first cell's formula shared by the rest. The cells' own models are
 * changed (copying a million of them cost more than the write gained), so the returned function puts
 * each cell back as it was, with what ExcelJS's writer adds to a run's first cell, once the sheet is written.
 */
export function shareRepeatedFormulas(rows: RowModel[], sameEverywhere: (formula: string) => boolean): () => void {
  const runs = new Map<string, { text: string; row: number; master: string }>();
  const masters: CellModel[] = [];
  const shared: { cell: CellModel; text: string }[] = [];
  for (const row of rows) {
    if (!row) continue;
    for (const cell of row.cells) {
      // Any other cell ends a column's run without a word: the next formula's row no longer follows it.
      const text = cell.type === FORMULA && !cell.sharedFormula && !cell.shareType ? cell.formula : undefined;
      if (!text) continue;
      const column = /^[A-Z]+/.exec(cell.address)?.[0] ?? "";
      const run = runs.get(column);
      if (run && run.text === text && run.row === row.number - 1 && sameEverywhere(text)) {
        run.row = row.number;
        shared.push({ cell, text });
        cell.formula = undefined;
        cell.sharedFormula = run.master;
        continue;
      }
      masters.push(cell);
      runs.set(column, { text, row: row.number, master: cell.address });
    }
  }
  return () => {
    for (const { cell, text } of shared) {
      cell.formula = text;
      cell.sharedFormula = undefined;
      delete cell.si;
    }
    for (const cell of masters) {
      cell.shareType = undefined;
      delete cell.si;
      delete cell.range;
    }
  };
}

/**
 * After a file is read: every cell of a shared formula holds the formula as its own text, with its cached
 * result; the first cell no longer marks a run (the next write finds the runs again).
 */
export function ownFormulas(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const settled: { cell: ExcelJS.Cell; value: ExcelJS.CellFormulaValue }[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== FORMULA) return;
        const v = cell.value as ExcelJS.CellFormulaValue & ExcelJS.CellSharedFormulaValue & { shareType?: string };
        if (!v.sharedFormula && v.shareType !== "shared") return;
        const value: ExcelJS.CellFormulaValue = { formula: cell.formula, date1904: false };
        if (v.result !== undefined && v.result !== null) value.result = v.result;
        settled.push({ cell, value });
      })
    );
    // Every text is read before any cell changes: a shared cell reads its text through the first one.
    for (const { cell, value } of settled) cell.value = value;
  }
}
