// Whole tables and single-cell defined names of the open workbook, for rebuilding the structured data
// (the tables are the truth). One Excel.run: a sync probes every table and name, one loads headers,
// sizes and the names' cells, then the bodies in blocks of at most `cellsPerSync` cells (one sync for
// an ordinary workbook).
import type { PortCell, TablesRead } from "../../ports/workbook-port";
import { withExcelErrors } from "./errors";
import { excelRun, type ExcelRun } from "./host";
import { toScalar } from "./read-layout";
import { loadBodiesInBlocks } from "./load-bodies";

export interface ReadTablesOptions {
  /** Cells loaded per sync (Excel on the web limits the response size too). */
  cellsPerSync?: number;
}

export async function readTables(
  tables: readonly string[],
  names: readonly string[],
  run: ExcelRun = excelRun,
  options: ReadTablesOptions = {}
): Promise<TablesRead> {
  const cellsPerSync = options.cellsPerSync ?? 100_000;
  return withExcelErrors(() =>
    run(async (context) => {
      const wb = context.workbook;
      const tableProbes = tables.map((t) => wb.tables.getItemOrNullObject(t));
      const nameProbes = names.map((n) => wb.names.getItemOrNullObject(n));
      await context.sync();

      const found = tables.flatMap((name, i) => {
        const t = tableProbes[i];
        if (t.isNullObject) return [];
        return [{ name, header: t.getHeaderRowRange().load("values"), body: t.getDataBodyRange().load("rowCount,columnCount") }];
      });
      const nameCells = names.flatMap((name, i) =>
        nameProbes[i].isNullObject ? [] : [{ name, range: nameProbes[i].getRangeOrNullObject().load("values,rowCount,columnCount") }]
      );
      await context.sync();

      const blocks = await loadBodiesInBlocks(
        context,
        found.map((f) => f.body),
        "values",
        cellsPerSync
      );

      const out: TablesRead = { tables: {}, names: {} };
      found.forEach((f, k) => {
        const rows: PortCell[][] = blocks[k].flatMap((b) => b.values.map((r) => r.map(toScalar)));
        out.tables[f.name] = {
          headers: (f.header.values[0] ?? []).map((h) => String(h).trim()),
          // A table with no data keeps one empty row in every engine: it means no rows.
          rows: rows.length === 1 && rows[0].every((v) => v === null) ? [] : rows,
        };
      });
      for (const { name, range } of nameCells) {
        if (!range.isNullObject && range.rowCount === 1 && range.columnCount === 1) out.names[name] = toScalar(range.values[0][0]);
      }
      return out;
    })
  );
}
