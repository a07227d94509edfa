// A table body's bytes stand in the sheet's text as a marker until the zip writer puts them in its place,
// so a body larger than any JavaScript string (about 512 MB) can still be written.
import { ByteSink, bytesWithHeld, holdBytes } from "../../src/adapters/xlsx/held-bytes";

describe("bytes held outside a part's text", () => {
  it("go back where their marker stands, once, with the text around them as UTF-8", () => {
    const sink = new ByteSink();
    for (let i = 0; i < 5000; i++) sink.write(`<row r="${i + 2}"><c><v>Ærø ${i}</v></c></row>`);
    const body = sink.bytes();
    const marker = holdBytes(body);
    expect(marker.startsWith("\u0000") && marker.endsWith("\u0000")).toBe(true);
    const text = `<sheetData>${marker}</sheetData>`;
    expect(text.length).toBeLessThan(40);
    const bytes = bytesWithHeld(text);
    expect(bytes.toString("utf8")).toBe(`<sheetData>${body.toString("utf8")}</sheetData>`);
    // Let go once used: a second use of the same marker is an error, never a silent empty body.
    expect(() => bytesWithHeld(text)).toThrow();
  });

  it("leave a text without markers as it is", () => {
    expect(bytesWithHeld("<a>æ</a>").toString("utf8")).toBe("<a>æ</a>");
  });
});
