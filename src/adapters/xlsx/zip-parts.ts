// The parts of a zip package (an .xlsx file) as bytes, read from its central directory with Node's zlib:
// a reader of its own, independent of ExcelJS and JSZip, for checking what ExcelJS wrote.
import zlib from "zlib";

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Every part of the package by its name (e.g. "xl/workbook.xml"), inflated. */
export function zipParts(zip: Buffer): Map<string, Buffer> {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("Filen er ikke et zip-arkiv (ingen slutning på indholdsfortegnelsen).");
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const parts = new Map<string, Buffer>();
  for (let k = 0; k < count; k++) {
    if (zip.readUInt32LE(p) !== DIRECTORY_ENTRY) throw new Error("Zip-arkivets indholdsfortegnelse er beskadiget.");
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    p += 46 + nameLength + extraLength + commentLength;
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`Zip-arkivets del ${name} er beskadiget.`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    if (name.endsWith("/")) continue;
    parts.set(name, method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data));
  }
  return parts;
}
