// Whole tables and single-cell defined names of the open workbook, for rebuilding the structured data
// (the tables are the truth). One Excel.run: a sync probes every table and name, one loads headers,
// sizes and the names' cells, then the bodies in blocks of at most `cellsPerSync` cells (one sync for
// an ordinary workbook).
import type { PortCell, TablesRead } from "../../taskpane/workbook-port";
import { withExcelErrors } from "./errors";
import { excelRun, type ExcelRun } from "./host";
import { toScalar } from "./read-layout";

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

      // Bodies in blocks, several tables per sync while they fit.
      let queued = 0;
      const blocks = found.map(() => [] as Excel.Range[]);
      for (let k = 0; k < found.length; k++) {
        const { body } = found[k];
        const width = Math.max(1, body.columnCount);
        const perBlock = Math.max(1, Math.floor(cellsPerSync / width));
        for (let top = 0; top < body.rowCount; top += perBlock) {
          const n = Math.min(perBlock, body.rowCount - top);
          if (queued > 0 && queued + n * width > cellsPerSync) {
            await context.sync();
            queued = 0;
          }
          blocks[k].push(body.getCell(top, 0).getResizedRange(n - 1, width - 1).load("values"));
          queued += n * width;
        }
      }
      if (queued > 0) await context.sync();

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
