// A picked .xlsx file made readable for ExcelJS's browser build. That build cannot read a table column
// that carries its calculated-column formula (the patch in exceljs-patches/ reaches only the Node
// modules), and a converted workbook has one on every computed column. So the package is rewritten in
// the browser's own streams: each part inflated (DecompressionStream), the table parts without
// <calculatedColumnFormula> (the cells keep their formulas; reading needs nothing more), and every part
// stored uncompressed in a new zip. Works wherever the task pane runs (Chromium, WebView2, Safari 16.4+)
// and in Node 18+.

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

interface Entry {
  name: string;
  bytes: Uint8Array;
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function readEntries(bytes: ArrayBuffer): Promise<Entry[]> {
  const view = new DataView(bytes);
  const all = new Uint8Array(bytes);
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("filen er ikke et gyldigt zip-arkiv");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const out: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error("zip-arkivets indholdsfortegnelse er beskadiget");
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(all.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== LOCAL) throw new Error("zip-arkivet er beskadiget");
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = all.subarray(start, start + size);
    if (!name.endsWith("/")) out.push({ name, bytes: method === 0 ? raw : await inflateRaw(raw) });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of the entries, each stored (method 0). */
function storedZip(entries: readonly Entry[]): ArrayBuffer {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const crcs = entries.map((e) => crc32(e.bytes));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i].length + e.bytes.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  const buf = new ArrayBuffer(localSize + centralSize + 22);
  const view = new DataView(buf);
  const out = new Uint8Array(buf);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((e, i) => {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 0x0800, true); // names in UTF-8
    view.setUint32(at + 14, crcs[i], true);
    view.setUint32(at + 18, e.bytes.length, true);
    view.setUint32(at + 22, e.bytes.length, true);
    view.setUint16(at + 26, names[i].length, true);
    out.set(names[i], at + 30);
    out.set(e.bytes, at + 30 + names[i].length);
    at += 30 + names[i].length + e.bytes.length;
  });
  const central = at;
  entries.forEach((e, i) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x0800, true);
    view.setUint32(at + 16, crcs[i], true);
    view.setUint32(at + 20, e.bytes.length, true);
    view.setUint32(at + 24, e.bytes.length, true);
    view.setUint16(at + 28, names[i].length, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(names[i], at + 46);
    at += 46 + names[i].length;
  });
  view.setUint32(at, END, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return buf;
}

const TABLE_PART = /^xl\/tables\/[^/]+\.xml$/;

/** The package with its tables' calculated-column formulas left out, for ExcelJS's browser build. */
export async function readablePackage(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  const entries = await readEntries(bytes);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  for (const e of entries) {
    if (!TABLE_PART.test(e.name)) continue;
    const xml = decoder.decode(e.bytes);
    const plain = xml.replace(/<calculatedColumnFormula\b[^>]*\/>|<calculatedColumnFormula\b[^>]*>[\s\S]*?<\/calculatedColumnFormula>/g, "");
    if (plain !== xml) e.bytes = encoder.encode(plain);
  }
  return storedZip(entries);
}
