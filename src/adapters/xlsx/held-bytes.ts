// Bytes that stand in a part's XML text as a marker until the zip writer puts them in its place. A table
// body (table-body-xml.ts) is written straight into bytes: as text it would be joined once more into the
// sheet's XML string and encoded once more into bytes, two copies of 15 MB for a converted case list. The
// bytes stay in the pieces they were written in, all the way to the zip's deflate, which cuts them into
// pieces of a megabyte anyway: joined, a consolidated Statusmålinger's 718 MB would be copied twice more.
// The marker holds a NUL character, which no XML text can hold, so it never meets a real text.
import { constants } from "buffer";

const held = new Map<string, readonly Buffer[]>();
let next = 0;

/** Keep the bytes, and return the marker that stands for them in the text. */
export function holdBytes(pieces: readonly Buffer[]): string {
  const marker = `\u0000${next++}\u0000`;
  held.set(marker, pieces);
  return marker;
}

/** A part's text as bytes in pieces, each marker replaced by the bytes it stands for (which are then let go). */
export function bytesWithHeld(text: string): Buffer[] {
  if (!text.includes("\u0000")) return [Buffer.from(text, "utf8")];
  const pieces: Buffer[] = [];
  let from = 0;
  // eslint-disable-next-line no-control-regex -- the NUL is the point: no XML text holds one
  for (const m of text.matchAll(/\u0000\d+\u0000/g)) {
    const bytes = held.get(m[0]);
    if (!bytes) throw new Error("En del af projektmappen mangler, da den skulle skrives; prøv igen.");
    held.delete(m[0]);
    pieces.push(Buffer.from(text.slice(from, m.index), "utf8"), ...bytes);
    from = (m.index ?? 0) + m[0].length;
  }
  pieces.push(Buffer.from(text.slice(from), "utf8"));
  return pieces;
}

const CHUNK = 1 << 20;
// Text is encoded some thousand characters at a time: one Buffer.write per table row cost more than the
// encoding itself (4.4 s of a consolidated report's 1.4 GB of rows).
const BATCH = 1 << 15;
// A guess from a body's first rows is no more than a guess, and a buffer holds only so much.
const MOST_RESERVED = Math.min(1 << 30, constants.MAX_LENGTH);

/**
 * Text written as UTF-8 into pieces, for large XML built piece by piece. Each new piece of memory counts
 * against V8's allowance for memory outside its heap, and every 64 MB of that starts a full garbage
 * collection of the heap, 0.6 s with a consolidated report's 1.7 GB in it: 22 of them for its 1.4 GB of
 * rows. A writer that knows how much is coming reserves it in one piece (`reserve`): what is never
 * written to is never touched, so it costs address space, not memory.
 */
export class ByteSink {
  private done: Buffer[] = [];
  private buf = Buffer.allocUnsafe(0);
  private length = 0;
  private text = "";
  private wanted = 0;
  private total = 0;

  write(text: string): void {
    this.text += text;
    if (this.text.length >= BATCH) this.encode();
  }

  /** About how many bytes are still to come: the next piece is made that large (a gigabyte at most). */
  reserve(bytes: number): void {
    this.wanted = Math.min(MOST_RESERVED, Math.max(0, Math.ceil(bytes)));
  }

  /** The bytes written so far (text not yet encoded counted as one byte a character). */
  get written(): number {
    return this.total + this.text.length;
  }

  private encode(): void {
    const text = this.text;
    if (text === "") return;
    this.text = "";
    const size = Buffer.byteLength(text, "utf8");
    if (this.length + size > this.buf.length) {
      if (this.length > 0) this.done.push(this.buf.subarray(0, this.length));
      this.buf = Buffer.allocUnsafe(Math.max(CHUNK, size, this.wanted));
      this.wanted = 0;
      this.length = 0;
    }
    const n = this.buf.write(text, this.length, "utf8");
    this.length += n;
    this.total += n;
  }

  /** Everything written, in order. */
  pieces(): Buffer[] {
    this.encode();
    return this.length > 0 ? [...this.done, this.buf.subarray(0, this.length)] : [...this.done];
  }
}
