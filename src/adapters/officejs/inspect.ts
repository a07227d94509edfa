// The integrity check through Office.js: every table with its formulas and every defined name in one
// Excel.run (the Kontrol page's snapshot), and writing computed columns' formulas back (never data).
import type { NameSnapshot, TableSnapshot, WorkbookSnapshot } from "../../workbook/integrity";
import { toOfficeFormula } from "../../workbook/formula-text";
import type { CellInput } from "../../workbook/plan";
import { SagslisteExcelError, missingRequirement, toSagslisteError, withExcelErrors } from "./errors";
import { BASE_API, excelRun, officeHost, type ExcelRun, type OfficeHost } from "./host";
import { loadBodiesInBlocks } from "./load-bodies";

export interface InspectOptions {
  host?: OfficeHost;
  /** Cells loaded per sync (Excel on the web limits response size). */
  cellsPerSync?: number;
}

/** "'Opsætning'!A1:C1" -> sheet and the first cell. */
function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf("!");
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return {
    sheet,
    cell: address
      .slice(bang + 1)
      .split(":")[0]
      .replace(/\$/g, ""),
  };
}

function toCell(v: unknown): CellInput {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string") return v.startsWith("=") ? { formula: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

const SINGLE_CELL = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)$/;

export async function inspectWorkbook(run: ExcelRun = excelRun, options: InspectOptions = {}): Promise<WorkbookSnapshot> {
  const host = options.host ?? officeHost;
  if (!host.isSetSupported("ExcelApi", BASE_API)) throw missingRequirement("ExcelApi", BASE_API, "kontrollere projektmappen");
  const cellsPerSync = options.cellsPerSync ?? 100_000;
  return withExcelErrors(() =>
    run(async (context) => {
      const wb = context.workbook;
      const sheets = wb.worksheets.load("items/name");
      const tables = wb.tables.load("items/name");
      const names = wb.names.load("items/name,items/formula");
      await context.sync();
      const sheetNames = sheets.items.map((s) => s.name);
      const parts = tables.items.map((t) => ({
        name: t.name,
        header: t.getHeaderRowRange().load("values,address"),
        body: t.getDataBodyRange().load("rowCount,columnCount"),
      }));
      // Only names over one cell of an existing sheet have a value to check (a missing sheet would fail the batch).
      const valueProbes = names.items.map((n) => {
        const m = SINGLE_CELL.exec(n.formula ?? "");
        if (!m) return null;
        const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
        if (!sheetNames.some((s) => s.toLowerCase() === sheet.toLowerCase())) return null;
        return wb.worksheets.getItem(sheet).getRange(`${m[3]}${m[4]}`).load("values");
      });
      await context.sync();

      const blocks = await loadBodiesInBlocks(
        context,
        parts.map((p) => p.body),
        "formulas",
        cellsPerSync
      );

      const snapshotTables: TableSnapshot[] = parts.map((p, i) => {
        const { sheet, cell } = splitAddress(p.header.address);
        return {
          name: p.name,
          sheet,
          topLeft: cell,
          headers: (p.header.values[0] ?? []).map((h) => String(h).trim()),
          rows: blocks[i].flatMap((b) => b.formulas.map((r) => r.map(toCell))),
        };
      });
      const snapshotNames: NameSnapshot[] = names.items.map((n, i) => {
        const probe = valueProbes[i];
        const v = probe ? toCell(probe.values[0]?.[0]) : undefined;
        return { name: n.name, refersTo: n.formula ?? "", value: v === undefined || (v !== null && typeof v === "object") ? undefined : v };
      });
      return { sheets: sheetNames, tables: snapshotTables, names: snapshotNames };
    })
  );
}

export interface RepairOptions {
  host?: OfficeHost;
  /** Rows of one formula column written per request; halved when Excel says the request is too large. */
  rowsPerWrite?: number;
}

/**
 * Give a table's computed columns their formula on every data row, in one Excel.run. When Excel on the
 * web rejects a request as too large, the repair is tried again in pieces a quarter of the size (up to four times).
 */
export async function setColumnFormulasWithOffice(
  run: ExcelRun,
  table: string,
  columns: { column: string; formula: string }[],
  options: RepairOptions = {}
): Promise<number> {
  const host = options.host ?? officeHost;
  if (!host.isSetSupported("ExcelApi", BASE_API)) throw missingRequirement("ExcelApi", BASE_API, "reparere formler");
  const piece = { rows: options.rowsPerWrite ?? 20_000, largest: 0 };
  for (let attempt = 0; ; attempt++) {
    try {
      return await writeFormulas(run, table, columns, piece);
    } catch (e) {
      const err = toSagslisteError(e);
      if (err.code !== "RequestPayloadSizeLimitExceeded" || attempt >= 4 || piece.largest <= 1) throw err;
      piece.rows = Math.max(1, Math.floor(piece.largest / 4));
      piece.largest = 0;
    }
  }
}

async function writeFormulas(
  run: ExcelRun,
  table: string,
  columns: { column: string; formula: string }[],
  piece: { rows: number; largest: number }
): Promise<number> {
  const rowsPerWrite = piece.rows;
  return run(async (context) => {
    const t = context.workbook.tables.getItemOrNullObject(table);
    await context.sync();
    if (t.isNullObject) throw new SagslisteExcelError(`Tabellen ${table} findes ikke i projektmappen.`, { retry: false, code: "ItemNotFound" });
    const bodies = columns.map((c) => t.columns.getItem(c.column).getDataBodyRange().load("rowCount"));
    await context.sync();
    let written = 0;
    for (let k = 0; k < columns.length; k++) {
      const formula = toOfficeFormula(columns[k].formula);
      const rows = bodies[k].rowCount;
      for (let top = 0; top < rows; top += rowsPerWrite) {
        const n = Math.min(rowsPerWrite, rows - top);
        piece.largest = Math.max(piece.largest, n);
        bodies[k].getCell(top, 0).getResizedRange(n - 1, 0).formulas = new Array<string[]>(n).fill([formula]);
        // One request per piece, so that a piece is the unit Excel on the web measures.
        await context.sync();
        written += n;
      }
    }
    return written;
  });
}
