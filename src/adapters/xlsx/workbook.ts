// The workbook type of the xlsx adapter, for the shells (command line, browser preview) that hold one
// without reaching into ExcelJS themselves.
import ExcelJS from "exceljs";
import { installExcelJsFilePatches } from "./exceljs-patches/node";

export type XlsxWorkbook = ExcelJS.Workbook;

/** An empty workbook of the command line, with the file adapter's patches of ExcelJS installed. */
export function newWorkbook(): XlsxWorkbook {
  installExcelJsFilePatches();
  return new ExcelJS.Workbook();
}
