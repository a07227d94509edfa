// One source workbook of a consolidated overview: its structured data, the result of the integrity check
// and the time of its latest import, read from the package's XML (package-tables.ts) without building an
// ExcelJS workbook, from the bytes of a file the leader picked in the task pane (read in the browser;
// nothing is uploaded). The command line reads files through consolidation-source-file.ts. Only the
// data is kept, so thirty sources need no more memory than their data.
import { checkIntegrity, INTEGRITY_CODES } from "../../workbook/integrity";
import { lastImportOf, type ConsolidationSource } from "../../workbook/consolidate";
import { TABLES } from "../../workbook/contract";
import { structuredFromTables } from "../../workbook/structured-from-tables";
import { packageFiles } from "./browser-package";
import { readPackageTables, type PackageTables, type PartText } from "./package-tables";
import { WorkbookFileError } from "./workbook-file-error";

const OVERWRITTEN: readonly string[] = [INTEGRITY_CODES.overwritten, INTEGRITY_CODES.otherFormula];

function unreadable(name: string, e: unknown): WorkbookFileError {
  return new WorkbookFileError(`${name} kan ikke læses som Excel-projektmappe; filen er måske beskadiget (${(e as Error).message}).`);
}

/** The source as read from a package's parts; `name` is the file's name as the leader knows it. */
export function consolidationSourceOfParts(text: PartText, name: string): ConsolidationSource {
  let tables: PackageTables;
  try {
    tables = readPackageTables(text);
  } catch (e) {
    throw e instanceof WorkbookFileError ? e : unreadable(name, e);
  }
  let read;
  try {
    read = structuredFromTables(tables.source);
  } catch (e) {
    throw new WorkbookFileError(`${name}: ${(e as Error).message} Saml kun projektmapper, der er konverteret med Sagsliste.`);
  }
  const check = checkIntegrity(tables.snapshot);
  return {
    file: name,
    data: read.data,
    integrityFindings: check.findings.length,
    overwrittenFormulas: check.findings.filter((f) => OVERWRITTEN.includes(String(f.code))).length,
    lastImport: lastImportOf(tables.source.table(TABLES.log)),
  };
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The source from a file's bytes, in the browser as in Node. */
export async function readConsolidationSourceBytes(bytes: ArrayBuffer, name: string): Promise<ConsolidationSource> {
  const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  if (!ZIP.every((b, i) => head[i] === b)) {
    throw new WorkbookFileError(`${name} er ikke en Excel-projektmappe (.xlsx). Vælg de konverterede projektmapper, gemt som .xlsx.`);
  }
  let files: Map<string, Uint8Array>;
  try {
    files = await packageFiles(bytes);
  } catch (e) {
    throw unreadable(name, e);
  }
  const decoder = new TextDecoder();
  return consolidationSourceOfParts((part) => {
    const b = files.get(part);
    return b === undefined ? undefined : decoder.decode(b);
  }, name);
}
