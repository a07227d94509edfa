// One source workbook of a consolidated overview, read from its file: its structured data, the result of
// the integrity check and the time of its latest import. The file itself is closed again at once, so
// thirty workbooks need no more memory than their data.
import path from "path";
import { checkIntegrity, INTEGRITY_CODES } from "../../workbook/integrity";
import { lastImportOf, type ConsolidationSource } from "../../workbook/consolidate";
import { TABLES } from "../../workbook/contract";
import { loadWorkbook } from "./files";
import { structuredFromWorkbook, workbookSource } from "./structured-from-workbook";
import { readSnapshot } from "./workbook-snapshot";
import { WorkbookFileError } from "./workbook-file-error";

const OVERWRITTEN: readonly string[] = [INTEGRITY_CODES.overwritten, INTEGRITY_CODES.otherFormula];

export async function readConsolidationSource(file: string): Promise<ConsolidationSource> {
  const wb = await loadWorkbook(file);
  let read;
  try {
    read = structuredFromWorkbook(wb);
  } catch (e) {
    throw new WorkbookFileError(`${path.basename(file)}: ${(e as Error).message} Saml kun projektmapper, der er konverteret med sagsliste convert.`);
  }
  const check = checkIntegrity(readSnapshot(wb));
  const overwritten = check.findings.filter((f) => OVERWRITTEN.includes(String(f.code))).length;
  return {
    file: path.basename(file),
    data: read.data,
    integrityFindings: check.findings.length,
    overwrittenFormulas: overwritten,
    lastImport: lastImportOf(workbookSource(wb).table(TABLES.log)),
  };
}
