// ExcelJS zips a workbook with JSZip, whose deflate is pako, plain JavaScript: a third of writing a
// converted case list went to it. In Node, the same DEFLATE entries (same method, same level) are made
// by Node's own zlib instead, and so is each entry's CRC-32. The browser preview keeps pako: this module is for the file adapter only.
import path from "path";
import zlib from "zlib";

interface Chunk {
  data: Uint8Array | number[] | string;
  meta?: unknown;
}

interface Worker {
  push(chunk: Chunk): void;
  cleanUp(): void;
}

interface WorkerClass {
  new (name: string): Worker;
  prototype: Worker & { flush(): void; processChunk(chunk: Chunk): void; cleanUp(): void };
}

let installed = false;

function jszipModule<T>(relative: string): T {
  // The JSZip that ExcelJS itself loads, wherever the package manager put it.
  const exceljsDir = path.dirname(require.resolve("exceljs/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve(`jszip/lib/${relative}`, { paths: [exceljsDir] })) as T;
}

/** Make JSZip's DEFLATE entries with Node's zlib (idempotent). */
export function deflateWithNodeZlib(): void {
  if (installed) return;
  installed = true;
  const GenericWorker = jszipModule<WorkerClass>("stream/GenericWorker");
  const compressions = jszipModule<{ DEFLATE: { compressWorker: (options: { level?: number }) => Worker } }>("compressions");

  /** Collects an entry's bytes, and deflates them in one call when the entry ends. */
  class NativeDeflateWorker extends GenericWorker {
    private chunks: Buffer[] = [];
    private meta: unknown = {};
    constructor(private readonly level: number) {
      super("NativeDeflateWorker");
    }
    processChunk(chunk: Chunk): void {
      this.meta = chunk.meta;
      const data = chunk.data;
      this.chunks.push(typeof data === "string" ? Buffer.from(data, "binary") : Buffer.from(data as Uint8Array));
    }
    flush(): void {
      const deflated = zlib.deflateRawSync(Buffer.concat(this.chunks), { level: this.level });
      this.chunks = [];
      this.push({ data: new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength), meta: this.meta });
    }
    cleanUp(): void {
      super.cleanUp();
      this.chunks = [];
    }
  }

  compressions.DEFLATE.compressWorker = (options) => new NativeDeflateWorker(options?.level ?? zlib.constants.Z_DEFAULT_COMPRESSION);
  checksumWithNodeZlib();
}

/**
 * JSZip's CRC-32 of each entry, also plain JavaScript, from Node's zlib where it has one (Node 20.15 and
 * later). Only bytes: a chunk JSZip holds as a "binary" string keeps its own CRC.
 */
function checksumWithNodeZlib(): void {
  const crc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value: number) => number }).crc32;
  if (!crc32) return;
  const Crc32Probe = jszipModule<{ prototype: { processChunk(chunk: Chunk): void } }>("stream/Crc32Probe");
  const original = Crc32Probe.prototype.processChunk;
  Crc32Probe.prototype.processChunk = function processChunk(this: { streamInfo: { crc32?: number }; push(chunk: Chunk): void }, chunk: Chunk) {
    if (!(chunk.data instanceof Uint8Array)) return original.call(this, chunk);
    // JSZip keeps the checksum as a signed 32-bit number, zlib as an unsigned one.
    this.streamInfo.crc32 = crc32(chunk.data, (this.streamInfo.crc32 ?? 0) >>> 0) | 0;
    this.push(chunk);
  };
}
