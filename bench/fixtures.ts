// The files the benchmarks read: a messy case list (as a coordinator's file would be) and the large
// structured workbook, written once per run into bench-output/.
import { promises as fs } from "fs";
import path from "path";
import { applyPlan } from "../src/adapters/xlsx/apply-plan";
import { gridsToWorkbook } from "../src/adapters/xlsx/write-grids";
import { saveWorkbook } from "../src/adapters/xlsx/files";
import type { StructuredData } from "../src/domain/model";
import type { RawCell, SheetGrid } from "../src/import/grid";
import { SAGER_INPUT } from "../src/workbook/contract";
import { reportHelperColumns } from "../src/workbook/report/noegletal";
import { generateMessyCaseList } from "../src/sample/messy-case-list";
import { allComputedColumns, buildStructuredPlan } from "../src/workbook/structured-plan";

export const OUT = path.resolve(__dirname, "..", "..", "bench-output");

export async function writeMessyCaseList(rows: number, file: string): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const { grids } = generateMessyCaseList({ seed: 11, rows });
  await gridsToWorkbook(grids).xlsx.writeFile(file);
  return file;
}

/** The source sheet the cases came from, as a coordinator keeps it: one row per case, Danish headers. */
function caseListSheet(data: StructuredData): SheetGrid {
  const dateFmt = "dd-mm-yyyy";
  const header = SAGER_INPUT.map((c) => c.name);
  const rows: RawCell[][] = data.cases.map((c) => [
    c.sagsId,
    c.cpr,
    c.navn,
    c.enhed,
    c.lovgrundlag,
    c.pladstype,
    c.henviser,
    c.visitationsdato,
    c.indskrevet,
    c.udskrevet,
    c.udskrivningsaarsag,
    c.forsoergelsesgrundlag,
    c.jobcenterforloeb,
    c.kontaktperson,
    c.bemaerkninger,
  ]);
  const fmts = rows.map((r) => r.map((_, j) => (j >= 7 && j <= 9 ? dateFmt : null)));
  return { name: "Sagsliste", cells: [header, ...rows], numFmts: [header.map(() => null), ...fmts], merges: [], hiddenRows: [], hiddenCols: [] };
}

/**
 * The converted workbook of the data: the source case list beside the structured sheets, with the
 * report's helper columns, as `sagsliste convert` leaves it and `sagsliste report` expects it.
 */
export async function writeStructuredWorkbook(data: StructuredData, file: string): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const wb = gridsToWorkbook({ sheets: [caseListSheet(data)] });
  applyPlan(wb, buildStructuredPlan(data, { extraComputedColumns: reportHelperColumns() }));
  await saveWorkbook(wb, file);
  return file;
}

/**
 * What a computed cell holds in the comparison workbooks: its reference value (src/domain, the number the
 * formula must produce), or one trivial formula, the least a formula cell can cost.
 */
export type ComputedFill = "values" | "trivial-formula";

/** The one-reference formula of the "trivial-formula" workbook: nothing to compute, but a formula cell to load and save. */
const TRIVIAL_FORMULA = "=$A$1";

/**
 * The same workbook with every computed column filled as `fill` says instead of its formula. With values
 * only, loading and saving it costs what the file costs without any recalculation, and it needs no
 * LibreOffice run to exist.
 */
export async function writeComparisonWorkbook(data: StructuredData, file: string, fill: ComputedFill = "values"): Promise<{ file: string; formulas: number }> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const helpers = reportHelperColumns();
  const plan = buildStructuredPlan(data, { extraComputedColumns: helpers });
  const computed = [...allComputedColumns(), ...helpers];
  let formulas = 0;
  for (const table of plan.sheets.flatMap((sh) => sh.tables)) {
    for (const ct of computed.filter((c) => c.table === table.name)) {
      const expected = fill === "values" ? ct.expected(data) : [];
      ct.columns.forEach((col, k) => {
        const j = table.columns.findIndex((c) => c.name === col.name && c.formula !== undefined);
        if (j < 0) return;
        formulas += table.rows.length;
        if (fill === "trivial-formula") {
          table.columns[j].formula = TRIVIAL_FORMULA;
          return;
        }
        delete table.columns[j].formula;
        table.rows.forEach((row, i) => (row[j] = expected[k][i] ?? null));
      });
    }
  }
  const wb = gridsToWorkbook({ sheets: [caseListSheet(data)] });
  applyPlan(wb, plan);
  await saveWorkbook(wb, file);
  return { file, formulas };
}
