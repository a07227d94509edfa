// A workbook's zip package read part by part, with limits checked before anything is inflated in full:
// the sizes the zip declares (a few kilobytes can declare, and inflate to, gigabytes), then the size each
// part really inflates to. The parts keep their compressed bytes, so a part written back unchanged is
// copied as it was, byte for byte.
import zlib from "zlib";
import { WorkbookFileError } from "./workbook-file-error";

/** The most a workbook may inflate to; SAGSLISTE_MAX_UNPACKED (bytes) sets another. */
export const DEFAULT_MAX_UNPACKED = 1024 ** 3;

export function maxUnpacked(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.SAGSLISTE_MAX_UNPACKED);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_MAX_UNPACKED;
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  /** Compressed size and the size it declares unpacked. */
  compressedSize: number;
  size: number;
  /** The compressed bytes as they stand in the file. */
  raw: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function damaged(name: string, why: string): WorkbookFileError {
  return new WorkbookFileError(
    `${name} er beskadiget: den er ikke en hel Excel-projektmappe (${why}). Brug en tidligere udgave af filen, eller åbn den i Excel, som ofte kan reparere den, gem og prøv igen.`
  );
}

function amount(bytes: number): string {
  const [unit, scale] = bytes >= 1024 ** 3 ? ["GB", 1024 ** 3] : ["MB", 1024 ** 2];
  return `${(bytes / scale).toLocaleString("da-DK", { maximumFractionDigits: 2 })} ${unit}`;
}

/** The entries of a zip file, from its central directory (ZIP64 sizes included). */
export function readZipEntries(buf: Buffer, name: string, limit: number = maxUnpacked()): ZipEntry[] {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged(name, "zip-arkivets indholdsfortegnelse mangler");
  let count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) {
    // ZIP64: the end record's locator stands just before it.
    const locator = end - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== 0x07064b50) throw damaged(name, "ZIP64-fortegnelsen mangler");
    const end64 = Number(buf.readBigUInt64LE(locator + 8));
    count = Number(buf.readBigUInt64LE(end64 + 32));
    at = Number(buf.readBigUInt64LE(end64 + 48));
  }
  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw damaged(name, "indholdsfortegnelsen er afbrudt");
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    let compressedSize = buf.readUInt32LE(at + 20);
    let size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    let offset = buf.readUInt32LE(at + 42);
    const entryName = buf.toString("utf8", at + 46, at + 46 + nameLength);
    // ZIP64 extra field: the 64-bit values, in this order, of the fields that hold 0xffffffff.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength;) {
      const id = buf.readUInt16LE(e);
      const length = buf.readUInt16LE(e + 2);
      if (id === 1) {
        let p = e + 4;
        if (size === 0xffffffff) {
          size = Number(buf.readBigUInt64LE(p));
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(buf.readBigUInt64LE(p));
          p += 8;
        }
        if (offset === 0xffffffff) offset = Number(buf.readBigUInt64LE(p));
      }
      e += 4 + length;
    }
    at += 46 + nameLength + extraLength + commentLength;
    declared += size;
    if (declared > limit) {
      throw new WorkbookFileError(
        `${name} fylder over ${amount(limit)} udpakket (en .xlsx-fil er et zip-arkiv), mere end sagsliste åbner. ` +
          "Del sagslisten i flere projektmapper, eller fjern ark, billeder og gamle data, og prøv igen."
      );
    }
    if (offset + 30 > buf.length || buf.readUInt32LE(offset) !== LOCAL) throw damaged(name, `delen ${entryName} mangler`);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    if (start + compressedSize > buf.length) throw damaged(name, `delen ${entryName} er afkortet`);
    if (method !== 0 && method !== 8) throw damaged(name, `delen ${entryName} er pakket på en måde, Excel ikke bruger`);
    entries.push({ name: entryName, method, crc, compressedSize, size, raw: buf.subarray(start, start + compressedSize) });
  }
  return entries;
}

/** A part's bytes, never more than it declares: a part that inflates to more is refused. */
export function inflateEntry(entry: ZipEntry, name: string): Buffer {
  if (entry.method === 0) return entry.raw;
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(entry.raw, { maxOutputLength: Math.max(1, entry.size) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) {
      throw damaged(name, `delen ${entry.name} fylder mere udpakket, end arkivet angiver`);
    }
    throw damaged(name, `delen ${entry.name} kan ikke pakkes ud`);
  }
  if (out.length !== entry.size) throw damaged(name, `delen ${entry.name} fylder ${out.length} bytes udpakket, ikke ${entry.size}`);
  return out;
}

/** Check every part's real unpacked size against what the zip declares, one part at a time. */
export function checkPackageSizes(buf: Buffer, name: string, limit: number = maxUnpacked()): ZipEntry[] {
  const entries = readZipEntries(buf, name, limit);
  for (const e of entries) inflateEntry(e, name);
  return entries;
}
