// A WorkbookPort over an in-memory ExcelJS workbook: the browser preview's stand-in for Excel.
import type ExcelJS from "exceljs";
import { findTable, listTables } from "../adapters/xlsx/read-tables";
import { isStructured, type TableContents, type WorkbookDescription, type WorkbookPort } from "../taskpane/workbook-port";

export class MemoryWorkbookPort implements WorkbookPort {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  async describe(): Promise<WorkbookDescription> {
    const tables = listTables(this.workbook).map((t) => t.name);
    return {
      structured: isStructured(tables),
      tables,
      sheets: this.workbook.worksheets.map((ws) => ws.name),
    };
  }

  async readTable(name: string): Promise<TableContents | null> {
    const t = findTable(this.workbook, name);
    return t ? { headers: t.headers, rows: t.rows } : null;
  }
}
