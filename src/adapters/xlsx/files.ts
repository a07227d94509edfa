// Reading and writing .xlsx files, with clear Danish errors for what is not an .xlsx workbook.
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { repairWholeColumnPrintAreas } from "./print-areas";
import { fileErrorMessage, writeFileAtomic } from "./atomic-write";
import { ownFormulas } from "./column-formulas";
import { installExcelJsFilePatches } from "./exceljs-patches/node";
import { zipParts } from "./native-zip";
import { mergePackages, PackageMergeUnsupported } from "./package-merge";
import { WorkbookFileError } from "./workbook-file-error";
import { checkPackageSizes } from "./zip-package";

export { WorkbookFileError };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** How to get an .xlsx from another format: by hand in Excel or LibreOffice, or with --via-libreoffice. */
export const SAVE_AS_XLSX = "Åbn den i Excel (eller LibreOffice Calc), vælg Filer > Gem som > Excel-projektmappe (.xlsx), og prøv igen med den nye fil.";

/** What kind of file an input that is not an .xlsx workbook is, when it is one sagsliste can have converted. */
export type ForeignFormat = "xls" | "ods";

function startsWith(buf: Buffer, sig: number[]): boolean {
  return sig.every((b, i) => buf[i] === b);
}

/** An input in a format LibreOffice can turn into .xlsx (the message says how to do it by hand). */
export class ForeignWorkbookError extends WorkbookFileError {
  constructor(
    message: string,
    readonly format: ForeignFormat
  ) {
    super(message);
  }
}

/** A compound (CFB) file holding an encrypted package: a password-protected .xlsx, or an .xls with a password. */
function isEncryptedCfb(buf: Buffer): boolean {
  if (buf.includes(Buffer.from("EncryptionInfo", "utf16le")) || buf.includes(Buffer.from("EncryptedPackage", "utf16le"))) return true;
  // An encrypted .xls carries a FILEPASS record (0x002F) right after its first BOF in the Workbook stream.
  // The BIFF8 workbook-globals BOF: record 0x0809, 16 bytes, version 0x0600, type 0x0005.
  const book = buf.indexOf(Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]));
  return book >= 0 && book + 22 <= buf.length && buf.readUInt16LE(book + 20) === 0x002f;
}

/** An OpenDocument package starts with its stored `mimetype` part. */
function isOpenDocument(buf: Buffer): boolean {
  return buf.subarray(30, 38).toString("latin1") === "mimetype" && buf.subarray(38, 120).toString("latin1").includes("application/vnd.oasis.opendocument");
}

/** Tell what a file really is before ExcelJS sees it, so the user gets a message that helps. */
export function sniffWorkbook(buf: Buffer, name: string): void {
  if (buf.length === 0) throw new WorkbookFileError(`${name} er tom (0 bytes). Vælg en gemt Excel-projektmappe (.xlsx).`);
  if (startsWith(buf, CFB)) {
    // Both the old .xls format and password-protected .xlsx files are compound (CFB) files.
    if (isEncryptedCfb(buf)) {
      throw new WorkbookFileError(
        `${name} er beskyttet med adgangskode. Åbn filen i Excel, fjern adgangskoden (Filer > Info > Beskyt projektmappe > Krypter med adgangskode, slet adgangskoden), gem som .xlsx og prøv igen.`
      );
    }
    throw new ForeignWorkbookError(`${name} er i det gamle .xls-format. ${SAVE_AS_XLSX}`, "xls");
  }
  if (startsWith(buf, ZIP) && isOpenDocument(buf)) {
    if (buf.includes(Buffer.from("manifest:encryption-data"))) {
      throw new WorkbookFileError(
        `${name} er et OpenDocument-regneark (.ods), beskyttet med adgangskode. Åbn det i LibreOffice Calc, fjern adgangskoden (Filer > Egenskaber > Sikkerhed), gem som Excel-projektmappe (.xlsx) og prøv igen.`
      );
    }
    throw new ForeignWorkbookError(`${name} er et OpenDocument-regneark (.ods), ikke en Excel-projektmappe. ${SAVE_AS_XLSX}`, "ods");
  }
  if (startsWith(buf, ZIP_EMPTY)) throw new WorkbookFileError(`${name} er et tomt zip-arkiv, ikke en Excel-projektmappe.`);
  if (!startsWith(buf, ZIP)) {
    const head = buf.subarray(0, 512).toString("utf8");
    const looksLikeText = !buf.subarray(0, 512).includes(0);
    if (looksLikeText && /[;,\t]/.test(head)) {
      throw new WorkbookFileError(`${name} er en tekstfil (CSV), ikke en Excel-projektmappe. Åbn den i Excel og gem den som .xlsx, og prøv igen.`);
    }
    throw new WorkbookFileError(`${name} er ikke en Excel-projektmappe (.xlsx). Filen kan være beskadiget.`);
  }
}

/** A file's bytes, or a Danish message that says why they cannot be read. */
export async function readWorkbookFile(path: string): Promise<Buffer> {
  try {
    return await fs.readFile(path);
  } catch (e) {
    throw new WorkbookFileError(fileErrorMessage(e, path, "læse"));
  }
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  return loadWorkbookBuffer(await readWorkbookFile(path), path);
}

export async function loadWorkbookBuffer(buf: Buffer, name: string): Promise<ExcelJS.Workbook> {
  sniffWorkbook(buf, name);
  checkPackageSizes(buf, name);
  installExcelJsFilePatches();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new WorkbookFileError(`${name} kan ikke læses som Excel-projektmappe; filen er måske beskadiget (${(e as Error).message}).`);
  }
  ownFormulas(wb);
  repairWholeColumnPrintAreas(wb);
  return wb;
}

/** Write atomically: a half-written file never replaces a good one, and none is left behind. */
export async function saveWorkbook(wb: ExcelJS.Workbook, path: string): Promise<void> {
  installExcelJsFilePatches();
  const bytes = (await wb.xlsx.writeBuffer()) as unknown as Buffer;
  await writeFileAtomic(path, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes));
}

/**
 * Write a converted workbook as the ORIGINAL package plus the sheets the conversion added
 * (package-merge.ts), atomically. Returns what of the original could not be kept, in Danish.
 */
export async function saveIntoOriginal(
  wb: ExcelJS.Workbook,
  original: Buffer,
  path: string,
  changes: { name: string; removedSheets: readonly string[]; ownNames: readonly string[] }
): Promise<string[]> {
  installExcelJsFilePatches();
  const rendered = new Map<string, Buffer>();
  await wb.xlsx.writeBuffer({ zip: { collect: rendered } } as unknown as ExcelJS.XlsxWriteOptions);
  let out: Buffer;
  let lost: string[];
  try {
    const merged = mergePackages({ original, name: changes.name, rendered, removedSheets: changes.removedSheets, ownNames: changes.ownNames });
    out = await zipParts(merged.parts);
    lost = merged.lost;
  } catch (e) {
    // A package this merge cannot read part by part is written by ExcelJS, as before, and the user is told.
    if (e instanceof WorkbookFileError) throw e;
    const why = e instanceof PackageMergeUnsupported ? e.message : "en opbygning, sagsliste ikke kender";
    out = await zipParts([...rendered].map(([name, bytes]) => ({ name, bytes })));
    lost = [
      `${changes.name} kunne ikke bevares del for del (${why}); projektmappen er skrevet igen, og diagrammer, billeder, pivottabeller og andet, som sagsliste ikke læser, kan mangle på originalarkene. Brug originalen til dem.`,
    ];
  }
  await writeFileAtomic(path, out);
  return lost;
}
