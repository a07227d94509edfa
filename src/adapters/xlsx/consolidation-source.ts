// One source workbook of a consolidated overview: its structured data, the result of the integrity check
// and the time of its latest import, from an open workbook or from the bytes of a file the leader picked
// in the task pane (read in the browser; nothing is uploaded). The command line reads files through
// consolidation-source-file.ts. The workbook is let go at once, so thirty sources need no more memory
// than their data.
import ExcelJS from "exceljs";
import { checkIntegrity, INTEGRITY_CODES } from "../../workbook/integrity";
import { lastImportOf, type ConsolidationSource } from "../../workbook/consolidate";
import { TABLES } from "../../workbook/contract";
import { readablePackage } from "./browser-package";
import { ownFormulas } from "./column-formulas";
import { installExcelJsPatches } from "./exceljs-patches/index";
import { structuredFromWorkbook, workbookSource } from "./structured-from-workbook";
import { readSnapshot } from "./workbook-snapshot";
import { WorkbookFileError } from "./workbook-file-error";

const OVERWRITTEN: readonly string[] = [INTEGRITY_CODES.overwritten, INTEGRITY_CODES.otherFormula];

/** The source as read from an open workbook; `name` is the file's name as the leader knows it. */
export function consolidationSourceOf(wb: ExcelJS.Workbook, name: string): ConsolidationSource {
  let read;
  try {
    read = structuredFromWorkbook(wb);
  } catch (e) {
    throw new WorkbookFileError(`${name}: ${(e as Error).message} Saml kun projektmapper, der er konverteret med Sagsliste.`);
  }
  const check = checkIntegrity(readSnapshot(wb));
  return {
    file: name,
    data: read.data,
    integrityFindings: check.findings.length,
    overwrittenFormulas: check.findings.filter((f) => OVERWRITTEN.includes(String(f.code))).length,
    lastImport: lastImportOf(workbookSource(wb).table(TABLES.log)),
  };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The source from a file's bytes, in the browser as in Node. */
export async function readConsolidationSourceBytes(bytes: ArrayBuffer, name: string): Promise<ConsolidationSource> {
  const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  if (!ZIP.every((b, i) => head[i] === b)) {
    throw new WorkbookFileError(`${name} er ikke en Excel-projektmappe (.xlsx). Vælg de konverterede projektmapper, gemt som .xlsx.`);
  }
  installExcelJsPatches();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(await readablePackage(bytes));
  } catch (e) {
    throw new WorkbookFileError(`${name} kan ikke læses som Excel-projektmappe; filen er måske beskadiget (${(e as Error).message}).`);
  }
  ownFormulas(wb);
  return consolidationSourceOf(wb, name);
}
