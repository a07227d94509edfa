// ExcelJS zips a workbook with JSZip: pako's deflate and a CRC-32 in plain JavaScript, one part after the
// other, once every part has been rendered. In Node each part is instead deflated by zlib on its thread
// pool the moment ExcelJS hands it over, so a large sheet compresses while the next parts are rendered,
// and the zip is put together when the last one is in. The same DEFLATE entries at the same level; a plain
// zip (no ZIP64: a workbook part over 4 GB is far beyond what ExcelJS can hold in memory anyway).
// The browser preview keeps JSZip: this module is for the file adapter only.
import path from "path";
import zlib from "zlib";
import { bytesWithHeld } from "./held-bytes";

interface ZipOptions {
  compression?: "DEFLATE" | "STORE";
  /** Keep every part here, unpacked, instead of zipping (renderParts). */
  collect?: Map<string, Buffer>;
  compressionOptions?: { level?: number } | null;
}

interface ZipWriterLike {
  options: ZipOptions;
  stream: { end(content: Buffer): void };
  emit(event: string): boolean;
}

interface Part {
  name: Buffer;
  crc: number;
  size: number;
  method: 0 | 8;
  data: Promise<Buffer>;
}

let installed = false;
const partsOf = new WeakMap<object, Part[]>();

/** CRC-32 as an unsigned number: Node's zlib where it has one (Node 20.15+), else JSZip's own. */
const crc32: (data: Buffer) => number = (() => {
  const native = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;
  if (native) return (data: Buffer) => native(data) >>> 0;
  const exceljsDir = path.dirname(require.resolve("exceljs/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const js = require(require.resolve("jszip/lib/crc32", { paths: [exceljsDir] })) as (data: Uint8Array) => number;
  return (data: Buffer) => js(data) >>> 0;
})();

// A large part is deflated in pieces of this size at once, on as many threads as zlib's pool has.
const PIECE = 1 << 20;

/**
 * One DEFLATE stream of the bytes, deflated piece by piece in parallel: every piece but the last ends on a
 * sync flush (byte-aligned, not final), so the pieces put end to end are one valid stream, as pigz makes them.
 */
export function deflatePieces(bytes: Buffer, level: number): Promise<Buffer> {
  const count = Math.max(1, Math.ceil(bytes.length / PIECE));
  const pieces: Promise<Buffer>[] = [];
  for (let i = 0; i < count; i++) {
    const piece = bytes.subarray(i * PIECE, Math.min(bytes.length, (i + 1) * PIECE));
    const finishFlush = i === count - 1 ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
    pieces.push(new Promise((resolve, reject) => zlib.deflateRaw(piece, { level, finishFlush }, (err, out) => (err ? reject(err) : resolve(out)))));
  }
  return Promise.all(pieces).then((out) => (out.length === 1 ? out[0] : Buffer.concat(out)));
}

function part(name: string, bytes: Buffer, options: ZipOptions): Part {
  const stored = options.compression === "STORE";
  const level = options.compressionOptions?.level ?? zlib.constants.Z_DEFAULT_COMPRESSION;
  const data = stored ? Promise.resolve(bytes) : deflatePieces(bytes, level);
  data.catch(() => undefined); // a failure surfaces when the zip is put together, not as an unhandled rejection
  return { name: Buffer.from(name, "utf8"), crc: crc32(bytes), size: bytes.length, method: stored ? 0 : 8, data };
}

/** MS-DOS date and time, as zip headers hold them (UTC, as JSZip writes them). */
function dosDateTime(d: Date): { date: number; time: number } {
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/** The zip file of the parts, in the order they were added. */
async function zipOf(parts: readonly Part[], when = new Date()): Promise<Buffer> {
  const datas = await Promise.all(parts.map((p) => p.data));
  const { date, time } = dosDateTime(when);
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  parts.forEach((p, i) => {
    const data = datas[i];
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
  return zipOf(files.map((f) => part(f.name, f.bytes, { compression: "DEFLATE" })));
}

/** Have ExcelJS's zip writer deflate each part with zlib as it is added (idempotent). */
export function zipWithNodeZlib(): void {
  if (installed) return;
  installed = true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ZipWriter } = require("exceljs/lib/utils/zip-stream.js") as { ZipWriter: { prototype: Record<string, unknown> } };
  ZipWriter.prototype.append = function append(this: ZipWriterLike, data: string | Uint8Array | ArrayBuffer, options: { name: string; base64?: boolean }) {
    const bytes =
      typeof data === "string"
        ? options.base64
          ? Buffer.from(data, "base64")
          : bytesWithHeld(data)
        : Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
    if (this.options.collect) {
      this.options.collect.set(options.name, bytes);
      return;
    }
    let parts = partsOf.get(this);
    if (!parts) partsOf.set(this, (parts = []));
    parts.push(part(options.name, bytes, this.options));
  };
  ZipWriter.prototype.finalize = async function finalize(this: ZipWriterLike) {
    this.stream.end(this.options.collect ? Buffer.alloc(0) : await zipOf(partsOf.get(this) ?? []));
    this.emit("finish");
  };
}

/** A part for zipParts: new bytes, deflated here, or an entry of another zip copied as it was. */
export type ZipPart = { name: string; bytes: Buffer } | { name: string; entry: { method: number; crc: number; size: number; raw: Buffer } };

/** A zip of the parts, in their order. */
export function zipParts(parts: readonly ZipPart[], level: number = zlib.constants.Z_DEFAULT_COMPRESSION): Promise<Buffer> {
  return zipOf(
    parts.map((p): Part => {
      if ("bytes" in p) return part(p.name, p.bytes, { compression: "DEFLATE", compressionOptions: { level } });
      const e = p.entry;
      return { name: Buffer.from(p.name, "utf8"), crc: e.crc, size: e.size, method: e.method === 0 ? 0 : 8, data: Promise.resolve(e.raw) };
    })
  );
}
