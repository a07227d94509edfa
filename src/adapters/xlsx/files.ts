// Reading and writing .xlsx files, with clear Danish errors for what is not an .xlsx workbook.
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { ownFormulas } from "./column-formulas";
import { installExcelJsPatches } from "./exceljs-patches";
import { keepNonRangeDefinedNames } from "./keep-defined-names";
import { zipWithNodeZlib } from "./native-zip";
import { writeTableBodiesAsXml } from "./table-body-xml";
import { WorkbookFileError } from "./workbook-file-error";

// Names over table columns (the drop-down sources) must survive a read and a save.
keepNonRangeDefinedNames();
installExcelJsPatches();
zipWithNodeZlib();
writeTableBodiesAsXml();

export { WorkbookFileError };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Buffer, sig: number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

/** Tell what a file really is before ExcelJS sees it, so the user gets a message that helps. */
export function sniffWorkbook(buf: Buffer, name: string): void {
  if (buf.length === 0) throw new WorkbookFileError(`${name} er tom (0 bytes). Vælg en gemt Excel-projektmappe (.xlsx).`);
  if (startsWith(buf, CFB)) {
    // Both the old .xls format and password-protected .xlsx files are compound (CFB) files.
    const isEncrypted = buf.includes(Buffer.from("EncryptionInfo", "utf16le"));
    if (isEncrypted) {
      throw new WorkbookFileError(
        `${name} er beskyttet med adgangskode. Åbn filen i Excel, fjern adgangskoden (Filer > Info > Beskyt projektmappe), gem og prøv igen.`
      );
    }
    throw new WorkbookFileError(
      `${name} er i det gamle .xls-format. Åbn den i Excel og gem den som Excel-projektmappe (.xlsx), og prøv igen.`
    );
  }
  if (startsWith(buf, ZIP_EMPTY)) throw new WorkbookFileError(`${name} er et tomt zip-arkiv, ikke en Excel-projektmappe.`);
  if (!startsWith(buf, ZIP)) {
    const head = buf.subarray(0, 512).toString("utf8");
    const looksLikeText = !buf.subarray(0, 512).includes(0);
    if (looksLikeText && /[;,\t]/.test(head)) {
      throw new WorkbookFileError(
        `${name} er en tekstfil (CSV), ikke en Excel-projektmappe. Åbn den i Excel og gem den som .xlsx, og prøv igen.`
      );
    }
    throw new WorkbookFileError(`${name} er ikke en Excel-projektmappe (.xlsx). Filen kan være beskadiget.`);
  }
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError(`Filen ${path} findes ikke.`);
    throw new WorkbookFileError(`Filen ${path} kan ikke læses: ${(e as Error).message}`);
  }
  return loadWorkbookBuffer(buf, path);
}

export async function loadWorkbookBuffer(buf: Buffer, name: string): Promise<ExcelJS.Workbook> {
  sniffWorkbook(buf, name);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookFileError(`${name} kan ikke læses som Excel-projektmappe; filen er måske beskadiget (${(e as Error).message}).`);
  }
  ownFormulas(wb);
  return wb;
}

/** Write atomically: a half-written file never replaces a good one. */
export async function saveWorkbook(wb: ExcelJS.Workbook, path: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await wb.xlsx.writeFile(tmp);
  await fs.rename(tmp, path);
}
