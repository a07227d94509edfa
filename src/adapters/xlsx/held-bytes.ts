// Bytes that stand in a part's XML text as a marker until the zip writer puts them in its place. A table
// body (table-body-xml.ts) is written straight into bytes: as text it would be joined once more into the
// sheet's XML string and encoded once more into bytes, two copies of 15 MB for a converted case list.
// The marker holds a NUL character, which no XML text can hold, so it never meets a real text.
const held = new Map<string, Buffer>();
let next = 0;

/** Keep the bytes, and return the marker that stands for them in the text. */
export function holdBytes(bytes: Buffer): string {
  const marker = `\u0000${next++}\u0000`;
  held.set(marker, bytes);
  return marker;
}

/** A part's text as bytes, each marker replaced by the bytes it stands for (which are then let go). */
export function bytesWithHeld(text: string): Buffer {
  if (!text.includes("\u0000")) return Buffer.from(text, "utf8");
  const pieces: Buffer[] = [];
  let from = 0;
  // eslint-disable-next-line no-control-regex -- the NUL is the point: no XML text holds one
  for (const m of text.matchAll(/\u0000\d+\u0000/g)) {
    const bytes = held.get(m[0]);
    if (!bytes) throw new Error("En del af projektmappen mangler, da den skulle skrives; prøv igen.");
    held.delete(m[0]);
    pieces.push(Buffer.from(text.slice(from, m.index), "utf8"), bytes);
    from = (m.index ?? 0) + m[0].length;
  }
  pieces.push(Buffer.from(text.slice(from), "utf8"));
  return Buffer.concat(pieces);
}

/** Text written into a growing buffer as UTF-8, for large XML built piece by piece. */
export class ByteSink {
  private buf = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  write(text: string): void {
    const most = text.length * 3; // UTF-8 needs at most three bytes per UTF-16 unit
    if (this.length + most > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.length + most));
      this.buf.copy(grown, 0, 0, this.length);
      this.buf = grown;
    }
    this.length += this.buf.write(text, this.length, "utf8");
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}
