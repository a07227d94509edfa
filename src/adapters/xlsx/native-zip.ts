// Zips written with Node's zlib: each part deflated on zlib's thread pool (a large one in pieces at once),
// the zip put together when the last one is in. The same DEFLATE entries at the same level as JSZip's; a
// plain zip (no ZIP64: a part or a file over 4 GB is refused with a message; Excel's million rows of a
// sheet stay under it).
// ExcelJS's own zip writer hands its parts here in Node (exceljs-patches/zip-writer.ts).
import path from "path";
import zlib from "zlib";

interface ZipOptions {
  compression?: "DEFLATE" | "STORE";
  compressionOptions?: { level?: number } | null;
}

/** A part of a zip: its name, checksum and size, and its bytes as they go in (deflating meanwhile). */
export interface Part {
  name: Buffer;
  crc: number;
  size: number;
  method: 0 | 8;
  data: Promise<Buffer>;
}

/** CRC-32 as an unsigned number, continued from a former piece's: Node's zlib where it has one (Node 20.15+), else JSZip's own. */
const crc32: (data: Buffer, from: number) => number = (() => {
  const native = (zlib as unknown as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (native) return (data: Buffer, from: number) => native(data, from) >>> 0;
  const exceljsDir = path.dirname(require.resolve("exceljs/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const js = require(require.resolve("jszip/lib/crc32", { paths: [exceljsDir] })) as (data: Uint8Array, crc?: number) => number;
  return (data: Buffer, from: number) => js(data, from) >>> 0;
})();

// A large part is deflated in pieces of at most this size at once, on as many threads as zlib's pool has.
const PIECE = 1 << 20;

/** The bytes in pieces of at most PIECE bytes, without copying them. */
function inPieces(bytes: Buffer | readonly Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  for (const b of Buffer.isBuffer(bytes) ? [bytes] : bytes) {
    for (let at = 0; at < b.length; at += PIECE) out.push(b.subarray(at, Math.min(b.length, at + PIECE)));
  }
  return out.length > 0 ? out : [Buffer.alloc(0)];
}

/**
 * One DEFLATE stream of the bytes, deflated piece by piece in parallel: every piece but the last ends on a
 * sync flush (byte-aligned, not final), so the pieces put end to end are one valid stream, as pigz makes them.
 */
export function deflatePieces(bytes: Buffer | readonly Buffer[], level: number): Promise<Buffer> {
  const pieces = inPieces(bytes);
  const out = pieces.map(
    (piece, i) =>
      new Promise<Buffer>((resolve, reject) => {
        const finishFlush = i === pieces.length - 1 ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
        zlib.deflateRaw(piece, { level, finishFlush }, (err, deflated) => (err ? reject(err) : resolve(deflated)));
      })
  );
  return Promise.all(out).then((d) => (d.length === 1 ? d[0] : Buffer.concat(d)));
}

/** A part of the bytes (one buffer, or pieces in order, which are never joined when deflated). */
export function partOf(name: string, bytes: Buffer | readonly Buffer[], options: ZipOptions): Part {
  const stored = options.compression === "STORE";
  const level = options.compressionOptions?.level ?? zlib.constants.Z_DEFAULT_COMPRESSION;
  const pieces = Buffer.isBuffer(bytes) ? [bytes] : bytes;
  const data = stored ? Promise.resolve(pieces.length === 1 ? pieces[0] : Buffer.concat(pieces)) : deflatePieces(pieces, level);
  data.catch(() => undefined); // a failure surfaces when the zip is put together, not as an unhandled rejection
  let crc = 0;
  let size = 0;
  for (const p of pieces) {
    if (p.length > 0) crc = crc32(p, crc);
    size += p.length;
  }
  return { name: Buffer.from(name, "utf8"), crc, size, method: stored ? 0 : 8, data };
}

/** MS-DOS date and time, as zip headers hold them (UTC, as JSZip writes them). */
function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/** The zip file of the parts, in the order they were added. */
export async function zipOf(parts: readonly Part[], when = new Date()): Promise<Buffer> {
  const datas = await Promise.all(parts.map((p) => p.data));
  return zipOfData(parts, datas, when);
}

/**
 * A zip of the parts deflated here, on this thread, at zlib's default level: for a package whose parts
 * are all at hand and small (a workbook written again with its charts or drawings added).
 */
export function zipPackage(parts: ReadonlyMap<string, Buffer>, when = new Date()): Buffer {
  const all = [...parts].map(([name, bytes]) => ({
    name: Buffer.from(name, "utf8"),
    crc: bytes.length > 0 ? crc32(bytes, 0) : 0,
    size: bytes.length,
    method: 8 as const,
  }));
  return zipOfData(
    all,
    [...parts.values()].map((bytes) => zlib.deflateRawSync(bytes)),
    when
  );
}

/** The zip file of the parts, each with its data as it goes in. */
function zipOfData(parts: readonly Omit<Part, "data">[], datas: readonly Buffer[], when: Date): Buffer {
  const { date, time } = dosDateTime(when);
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  parts.forEach((p, i) => {
    const data = datas[i];
    if (p.size > 0xffffffff || data.length > 0xffffffff) throw new Error("Projektmappen er for stor til en .xlsx-fil (et ark over 4 GB).");
    const flags = /^[\x20-\x7e]*$/.test(p.name.toString("utf8")) ? 0 : 0x0800; // bit 11: the name is UTF-8
    // The fields a local header and its central directory entry share, from "version needed" to the
    // name's length, written at the place each has them.
    const shared = (header: Buffer, at: number): Buffer => {
      header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
      header.writeUInt16LE(flags, at + 2);
      header.writeUInt16LE(p.method, at + 4);
      header.writeUInt16LE(time, at + 6);
      header.writeUInt16LE(date, at + 8);
      header.writeUInt32LE(p.crc, at + 10);
      header.writeUInt32LE(data.length, at + 14);
      header.writeUInt32LE(p.size, at + 18);
      header.writeUInt16LE(p.name.length, at + 22);
      return header;
    };
    const local = shared(Buffer.alloc(30), 4); // no extra field
    local.writeUInt32LE(0x04034b50, 0);
    out.push(local, p.name, data);

    const entry = shared(Buffer.alloc(46), 6); // extra, comment, disk and attributes stay 0
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // version made by
    entry.writeUInt32LE(offset, 42);
    central.push(entry, p.name);

    offset += local.length + p.name.length + data.length;
    if (offset > 0xffffffff) throw new Error("Projektmappen er for stor til en .xlsx-fil (over 4 GB).");
  });
  if (parts.length > 0xffff) throw new Error("Projektmappen har for mange dele til en .xlsx-fil.");
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}

/** A zip of these files, each deflated by zlib as ExcelJS's parts are (a package rewritten after ExcelJS). */
export function zipFiles(files: readonly { name: string; bytes: Buffer }[]): Promise<Buffer> {
  return zipOf(files.map((f) => partOf(f.name, f.bytes, { compression: "DEFLATE" })));
}

/** A part for zipParts: new bytes, deflated here, or an entry of another zip copied as it was. */
export type ZipPart = { name: string; bytes: Buffer } | { name: string; entry: { method: number; crc: number; size: number; raw: Buffer } };

/** A zip of the parts, in their order. */
export function zipParts(parts: readonly ZipPart[], level: number = zlib.constants.Z_DEFAULT_COMPRESSION): Promise<Buffer> {
  return zipOf(
    parts.map((p): Part => {
      if ("bytes" in p) return partOf(p.name, p.bytes, { compression: "DEFLATE", compressionOptions: { level } });
      const e = p.entry;
      return { name: Buffer.from(p.name, "utf8"), crc: e.crc, size: e.size, method: e.method === 0 ? 0 : 8, data: Promise.resolve(e.raw) };
    })
  );
}
