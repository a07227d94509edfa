// The open workbook's sheets with their tables, and the add-in's metadata from its hidden sheet: what
// the import needs to tell the source sheets from ours and to reuse the confirmed mapping.
// One Excel.run, two syncs: sheet names, then every sheet's tables and the metadata column at once.
import type { WorkbookLayout } from "../../import/workbook-conversion";
import { METADATA_SHEET, parseMetadata } from "../../workbook/metadata";
import type { Scalar } from "../../workbook/plan";
import { withExcelErrors } from "./errors";
import { excelRun, type ExcelRun } from "./host";

export async function readLayout(run: ExcelRun = excelRun): Promise<WorkbookLayout> {
  return withExcelErrors(() =>
    run(async (context) => {
      const worksheets = context.workbook.worksheets.load("items/name");
      await context.sync();

      const tables = worksheets.items.map((ws) => ws.tables.load("items/name"));
      const meta = worksheets.items.find((ws) => ws.name === METADATA_SHEET);
      const used = meta ? meta.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex") : null;
      await context.sync();

      // The metadata starts in A1; anything else is not ours to parse.
      const column: Scalar[] = used && !used.isNullObject && used.rowIndex === 0 && used.columnIndex === 0 ? used.values.map((r) => toScalar(r[0])) : [];
      return {
        sheets: worksheets.items.map((ws, i) => ({ name: ws.name, tables: tables[i].items.map((t) => t.name) })),
        metadata: parseMetadata(column),
      };
    })
  );
}

export function toScalar(v: unknown): Scalar {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}
