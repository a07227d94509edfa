// The parts of a zip package (an .xlsx file) as bytes, by name: the package reader of zip-package.ts,
// independent of ExcelJS, for checking what ExcelJS wrote.
import { inflateEntry, readZipEntries } from "./zip-package";

/** Every part of the package by its name (e.g. "xl/workbook.xml"), inflated. */
export function zipParts(zip: Buffer): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  for (const e of readZipEntries(zip, "Filen")) if (!e.name.endsWith("/")) parts.set(e.name, inflateEntry(e, "Filen"));
  return parts;
}
