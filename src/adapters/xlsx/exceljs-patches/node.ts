// The file adapter's patches of ExcelJS's writer, for Node only (they use zlib, and the browser preview's
// ExcelJS is a bundle of its own): besides every patch of index.ts, the zip writer (zip-writer.ts) and
// the table bodies written from their values (table-body-writer.ts).
import { installExcelJsPatches } from "./index";
import { writeTableBodiesAsXml } from "./table-body-writer";
import { zipWithNodeZlib } from "./zip-writer";

let installed = false;

/** Install every patch of the file adapter, once per process. */
export function installExcelJsFilePatches(): void {
  installExcelJsPatches();
  if (installed) return;
  installed = true;
  zipWithNodeZlib();
  writeTableBodiesAsXml();
}
