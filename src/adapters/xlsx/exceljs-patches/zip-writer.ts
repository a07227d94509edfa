// ExcelJS 4.4 zips a workbook with JSZip: pako's deflate and a CRC-32 in plain JavaScript, one part after
// the other, once every part has been rendered. Its zip writer is replaced in Node by one that deflates
// each part with zlib on its thread pool the moment ExcelJS hands it over (native-zip.ts), or, given
// `zip: { collect }` in the write options, keeps the parts unpacked for the package merge of convert
// (package-merge.ts), which ExcelJS cannot otherwise hand over. A table body held as bytes (held-bytes.ts)
// goes in where its marker stands. The browser preview keeps JSZip.
import { partOf, zipOf, type Part } from "../native-zip";
import { bytesWithHeld } from "../held-bytes";

interface ZipOptions {
  compression?: "DEFLATE" | "STORE";
  /** Keep every part here, unpacked, instead of zipping. */
  collect?: Map<string, Buffer>;
  compressionOptions?: { level?: number } | null;
}

interface ZipWriterLike {
  options: ZipOptions;
  stream: { end(content: Buffer): void };
  emit(event: string): boolean;
}

const partsOf = new WeakMap<object, Part[]>();

export function zipWithNodeZlib(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ZipWriter } = require("exceljs/lib/utils/zip-stream.js") as { ZipWriter: { prototype: Record<string, unknown> } };
  ZipWriter.prototype.append = function append(this: ZipWriterLike, data: string | Uint8Array | ArrayBuffer, options: { name: string; base64?: boolean }) {
    const bytes: Buffer | Buffer[] =
      typeof data === "string"
        ? options.base64
          ? Buffer.from(data, "base64")
          : bytesWithHeld(data)
        : Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
    if (this.options.collect) {
      this.options.collect.set(options.name, Buffer.isBuffer(bytes) ? bytes : Buffer.concat(bytes));
      return;
    }
    let parts = partsOf.get(this);
    if (!parts) partsOf.set(this, (parts = []));
    parts.push(partOf(options.name, bytes, this.options));
  };
  ZipWriter.prototype.finalize = async function finalize(this: ZipWriterLike) {
    this.stream.end(this.options.collect ? Buffer.alloc(0) : await zipOf(partsOf.get(this) ?? []));
    this.emit("finish");
  };
}
