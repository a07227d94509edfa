// Drop stored values from the metadata sheet of a workbook about to be shared (pseudonymised or with
// CPR numbers masked): see forgetImportedValues in import/rerun-merge.ts.
import type ExcelJS from "exceljs";
import { forgetImportedValues } from "../../import/rerun-merge";
import { METADATA_SHEET, metadataSheet } from "../../workbook/metadata";
import { readMetadata } from "./convert-workbook";

/** Rewrite the metadata sheet without the stored values of these columns; false when there is none. */
export function forgetImportedValuesIn(wb: ExcelJS.Workbook, columns: readonly string[]): boolean {
  const ws = wb.getWorksheet(METADATA_SHEET);
  const metadata = readMetadata(wb);
  if (!ws || !metadata) return false;
  const cells = metadataSheet(forgetImportedValues(metadata, columns)).cells ?? [];
  for (let r = 1; r <= ws.rowCount; r++) ws.getCell(r, 1).value = null;
  for (const c of cells) ws.getCell(c.address).value = c.value;
  return true;
}
