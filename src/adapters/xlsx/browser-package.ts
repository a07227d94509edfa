// A picked .xlsx file's parts, inflated in the browser's own streams (DecompressionStream), for the
// readers that take a package's XML as it is (package-tables.ts). Works wherever the task pane runs
// (Chromium, WebView2, Safari 16.4+) and in Node 18+.

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

/** Every file of a picked package, inflated, by its name in the zip. */
export async function packageFiles(bytes: ArrayBuffer): Promise<Map<string, Uint8Array>> {
  return new Map((await readEntries(bytes)).map((e) => [e.name, e.bytes]));
}
