// Excel's own sort of a table kept sorted by case (Fremmoede, Statusmaalinger) by Sagsrække, then Dato
// (decision 0006): after a form saves rows to it (save-rows.ts) and as the integrity check's repair.
// A sort moves whole rows; it changes no value.
import { caseSortFields } from "../../workbook/case-sort";
import { codeOf, SagslisteExcelError, withExcelErrors } from "./errors";
import type { ExcelRun } from "./host";

/** The texts of a loaded header row. */
export function headerTexts(header: Excel.Range): string[] {
  return (header.values[0] ?? []).map((h) => String(h).trim());
}

/**
 * Queue the sort of a table by case, given its name and header texts; false (nothing queued) when the
 * table is not kept sorted by case or lacks a sort column. The caller syncs.
 */
export function queueCaseSort(table: Excel.Table, name: string, headers: readonly string[]): boolean {
  const fields = caseSortFields(name, headers);
  if (!fields) return false;
  // matchCase false, as Data > Sort; the keys are numbers and dates anyway.
  table.sort.apply(fields, false);
  return true;
}

/** Sort one table by case in one Excel.run; false when it lacks the sort columns. */
export async function sortByCaseWithOffice(run: ExcelRun, table: string): Promise<boolean> {
  return withExcelErrors(() =>
    run(async (context) => {
      const t = context.workbook.tables.getItem(table);
      const header = t.getHeaderRowRange().load("values");
      try {
        await context.sync();
      } catch (e) {
        if (codeOf(e) === "ItemNotFound")
          throw new SagslisteExcelError(`Tabellen ${table} findes ikke i projektmappen.`, { retry: false, code: "ItemNotFound", cause: e });
        throw e;
      }
      if (!queueCaseSort(t, table, headerTexts(header))) return false;
      await context.sync();
      return true;
    })
  );
}
