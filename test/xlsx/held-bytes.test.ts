// A table body's bytes stand in the sheet's text as a marker until the zip writer puts them in its place,
// so a body larger than any JavaScript string (about 512 MB) can still be written; they stay in pieces
// of about a megabyte all the way into the zip, never joined into one buffer.
import zlib from "zlib";
import { ByteSink, bytesWithHeld, holdBytes } from "../../src/adapters/xlsx/held-bytes";
import { partOf } from "../../src/adapters/xlsx/native-zip";

const joined = (pieces: readonly Buffer[]): string => Buffer.concat(pieces).toString("utf8");

describe("bytes held outside a part's text", () => {
  it("go back where their marker stands, once, with the text around them as UTF-8", () => {
    const sink = new ByteSink();
    for (let i = 0; i < 5000; i++) sink.write(`<row r="${i + 2}"><c><v>Ærø ${i}</v></c></row>`);
    const body = sink.pieces();
    const marker = holdBytes(body);
    expect(marker.startsWith("\u0000") && marker.endsWith("\u0000")).toBe(true);
    const text = `<sheetData>${marker}</sheetData>`;
    expect(text.length).toBeLessThan(40);
    expect(joined(bytesWithHeld(text))).toBe(`<sheetData>${joined(body)}</sheetData>`);
    // Let go once used: a second use of the same marker is an error, never a silent empty body.
    expect(() => bytesWithHeld(text)).toThrow();
  });

  it("leave a text without markers as it is", () => {
    expect(joined(bytesWithHeld("<a>æ</a>"))).toBe("<a>æ</a>");
  });

  it("are written in pieces of about a megabyte, every character whole, whatever the text", () => {
    const sink = new ByteSink();
    const rows: string[] = [];
    for (let i = 0; i < 60_000; i++) {
      const row = i % 7 === 0 ? `<row r="${i}"><c t="str"><v>Ødegård ${"æ".repeat(i % 50)}</v></c></row>` : `<row r="${i}"><c><v>${i * 3}</v></c></row>`;
      rows.push(row);
      sink.write(row);
    }
    sink.write("x".repeat(3 << 20)); // one text larger than a piece
    const pieces = sink.pieces();
    expect(pieces.length).toBeGreaterThan(3);
    for (const p of pieces.slice(0, -2)) expect(p.length).toBeGreaterThan(900_000);
    for (const p of pieces) expect(p.toString("utf8")).not.toContain("\ufffd");
    expect(joined(pieces)).toBe(rows.join("") + "x".repeat(3 << 20));
    expect(new ByteSink().pieces()).toEqual([]);
    // A reservation is a guess: one far too large is cut to what a buffer can hold, one too small grows.
    const guessed = new ByteSink();
    guessed.reserve(1e13);
    guessed.write("<row/>");
    expect(joined(guessed.pieces())).toBe("<row/>");
    const small = new ByteSink();
    small.reserve(10);
    for (const row of rows) small.write(row);
    expect(joined(small.pieces())).toBe(rows.join(""));
  });

  it("go into the zip as the part they make joined: the same checksum, size and deflated stream", async () => {
    const sink = new ByteSink();
    for (let i = 0; i < 200_000; i++) sink.write(`<row r="${i}"><c t="s"><v>${i % 977}</v></c></row>`);
    const pieces = [Buffer.from("<worksheet>"), Buffer.alloc(0), ...sink.pieces(), Buffer.from("</worksheet>")];
    const whole = Buffer.concat(pieces);
    const inPieces = partOf("xl/worksheets/sheet1.xml", pieces, { compression: "DEFLATE" });
    const asOne = partOf("xl/worksheets/sheet1.xml", whole, { compression: "DEFLATE" });
    expect(inPieces.crc).toBe(asOne.crc);
    // JSZip's CRC-32 (ExcelJS's own zip) as the independent reckoning.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jszipCrc = require("jszip/lib/crc32") as (data: Uint8Array) => number;
    expect(inPieces.crc).toBe(jszipCrc(whole) >>> 0);
    expect(inPieces.size).toBe(whole.length);
    expect(zlib.inflateRawSync(await inPieces.data).equals(whole)).toBe(true);
  });
});
