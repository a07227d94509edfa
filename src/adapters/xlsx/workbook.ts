// The workbook type of the xlsx adapter, for the shells (command line, browser preview) that hold one
// without reaching into ExcelJS themselves.
import ExcelJS from "exceljs";
import { installExcelJsPatches } from "./exceljs-patches";

export type XlsxWorkbook = ExcelJS.Workbook;

/** An empty workbook, with the adapter's extensions of ExcelJS installed. */
export function newWorkbook(): XlsxWorkbook {
  installExcelJsPatches();
  return new ExcelJS.Workbook();
}
