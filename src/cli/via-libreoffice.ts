// `--via-libreoffice`: an .xls or .ods input saved as .xlsx by headless LibreOffice first, in a private
// temporary folder that is removed afterwards; the input itself is only read.
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { convertWithLibreOffice, findSoffice } from "../adapters/libreoffice/recalc";
import { ForeignWorkbookError, readWorkbookFile } from "../adapters/xlsx/files";
import { WorkbookFileError } from "../adapters/xlsx/workbook-file-error";

/** The message for an .xls or .ods input, with the offer of --via-libreoffice where LibreOffice is installed. */
export function withLibreOfficeHint(e: ForeignWorkbookError): WorkbookFileError {
  if (!findSoffice()) return e;
  return new WorkbookFileError(`${e.message}\nLibreOffice er installeret: kør kommandoen igen med --via-libreoffice, så gemmer sagsliste en .xlsx-kopi først.`);
}

export async function viaLibreOffice(input: string): Promise<Buffer> {
  if (!findSoffice()) {
    throw new WorkbookFileError("--via-libreoffice kræver LibreOffice, som ikke er installeret. Gem filen som .xlsx i Excel eller LibreOffice Calc i stedet.");
  }
  await readWorkbookFile(input); // a missing or unreadable input gets its own message
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "sagsliste-via-lo-"));
  const cleanup = () => fs.rm(dir, { recursive: true, force: true });
  try {
    // LibreOffice names its output after the input; a copy under a plain name keeps odd names out of its command line.
    const copy = path.join(dir, "in", "kilde" + path.extname(input).toLowerCase());
    await fs.mkdir(path.dirname(copy), { mode: 0o700 });
    await fs.copyFile(input, copy);
    let outputs: string[];
    try {
      outputs = await convertWithLibreOffice([copy], { filter: "xlsx:Calc MS Excel 2007 XML", outDir: path.join(dir, "out"), timeoutMs: 5 * 60_000 });
    } catch {
      throw new WorkbookFileError(
        `LibreOffice kunne ikke gemme ${input} som .xlsx (filen kan være beskyttet med adgangskode eller beskadiget). Åbn den i LibreOffice Calc eller Excel, og gem den som .xlsx.`
      );
    }
    return await fs.readFile(outputs[0]);
  } finally {
    await cleanup();
  }
}
