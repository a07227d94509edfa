// Every part of an .xlsx package as text: the privacy scan reads them all (every sheet, hidden ones too,
// shared strings, defined names, comments, headers and footers, validation lists, links, document
// properties, chart caches), and a pseudonymised copy rewrites them all after ExcelJS has written the
// cells, so that nothing the ExcelJS model leaves out or keeps as it found it slips through.
// The zip is read by zip-package.ts and written with Node's zlib (native-zip.ts).
import { scanTexts, type Citizen, type PrivacyFinding, type ScanText } from "../../workbook/privacy-scan";
import { writeFileAtomic } from "./atomic-write";
import { inflateEntry, readZipEntries } from "./zip-package";
import { installExcelJsFilePatches } from "./exceljs-patches/node";
import { zipFiles } from "./native-zip";

export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

/** The files of a zip, inflated: the package reader of zip-package.ts, with its limits on unpacked size. */
export function unzip(zip: Buffer): ZipEntry[] {
  return readZipEntries(zip, "Projektmappen")
    .filter((e) => !e.name.endsWith("/"))
    .map((e) => ({ name: e.name, bytes: inflateEntry(e, "Projektmappen") }));
}

/** Parts that are text (XML, relationships, VML drawings of comments). */
const TEXT_PART = /\.(xml|rels|vml)$/i;

export function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (m, hex: string, dec: string, named: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[named as "amp"] ?? m;
  });
}

export function encodeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Comments, processing instructions, CDATA, tags with their attributes, and text. */
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

const localName = (name: string): string => name.slice(name.indexOf(":") + 1);

/** Elements whose text runs make one text together (rich text of a cell, a comment, a chart title). */
const BLOCKS = new Set(["si", "is", "comment", "text", "rich", "p", "tx", "textbox"]);

interface Open {
  name: string;
  ref: string | null;
  texts: string[];
}

const SHEET_DATA = /<sheetData\b[^>]*?(?:\/>|>[\s\S]*?<\/sheetData>)/;
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const attr = (attrs: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(attrs);
  return m ? decodeXml(m[1]) : null;
};
const inner = (xml: string, tag: string): string => {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? decodeXml(m[1]) : "";
};

/** The rows of a sheet's data: each row's cells joined, and each cell (formula and value) on its own. */
function sheetDataTexts(part: string, sheetData: string, shared: readonly string[]): ScanText[] {
  const out: ScanText[] = [];
  for (const row of sheetData.matchAll(ROW)) {
    if (!row[2]) continue;
    const cells: { location: string; text: string }[] = [];
    for (const c of row[2].matchAll(CELL)) {
      const body = c[2] ?? "";
      if (body === "") continue;
      const type = attr(c[1], "t") ?? "n";
      const v = inner(body, "v");
      const value =
        type === "s"
          ? (shared[Number(v)] ?? "")
          : type === "inlineStr"
            ? [...body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1])).join("")
            : v;
      const f = inner(body, "f");
      const text = f === "" ? value : `${f} ${value}`;
      if (text.trim() !== "") cells.push({ location: `celle ${attr(c[1], "r") ?? "?"}`, text });
    }
    const text = cells.map((c) => c.text).join(" ");
    if (text.trim() !== "") out.push({ part, location: `række ${attr(row[1], "r") ?? "?"}`, text, cells });
  }
  return out;
}

/** The texts of one XML part, each with the place it stands; a sheet's data row by row. */
function xmlTexts(part: string, xml: string, shared: readonly string[]): ScanText[] {
  const out: ScanText[] = [];
  const data = SHEET_DATA.exec(xml);
  if (data) {
    out.push(...sheetDataTexts(part, data[0], shared));
    xml = xml.slice(0, data.index) + xml.slice(data.index + data[0].length);
  }
  const stack: Open[] = [];
  const refOf = (): string | null => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].ref) return stack[i].ref;
    return null;
  };
  const where = (what: string): string => {
    const ref = refOf();
    return ref ? `${ref} (${what})` : what;
  };
  const push = (location: string, text: string) => {
    if (text.trim() !== "") out.push({ part, location, text });
  };
  for (const m of xml.matchAll(TOKEN)) {
    const [, cdata, closing, rawName, attrs, selfClosing, text] = m;
    if (text !== undefined || cdata !== undefined) {
      const t = cdata ?? decodeXml(text!);
      const top = stack.at(-1);
      if (!top || t.trim() === "") continue;
      push(where(localName(top.name)), t);
      for (let i = stack.length - 1; i >= 0; i--) if (BLOCKS.has(localName(stack[i].name))) stack[i].texts.push(t);
      continue;
    }
    if (rawName === undefined) continue;
    if (closing) {
      const open = stack.pop();
      if (open && BLOCKS.has(localName(open.name)) && open.texts.length > 1) push(where(localName(open.name)), open.texts.join(""));
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attrs ?? "").matchAll(ATTRIBUTE)) attributes[a[1]] = decodeXml(a[3] ?? a[4] ?? "");
    const open: Open = { name: rawName, ref: attributes.ref ?? null, texts: [] };
    stack.push(open);
    for (const [k, v] of Object.entries(attributes)) {
      if (k.startsWith("xmlns") || k === "ref" || k === "sqref") continue;
      push(where(`${localName(rawName)} ${k}`), v);
    }
    if (selfClosing) stack.pop();
  }
  return out;
}

export interface PackagePart {
  name: string;
  text: string;
}

/** The text parts of a package (binary parts such as images hold no text to scan). */
export function packageParts(bytes: Buffer): PackagePart[] {
  return textParts(unzip(bytes));
}

function textParts(entries: readonly ZipEntry[]): PackagePart[] {
  return entries.filter((e) => TEXT_PART.test(e.name)).map((e) => ({ name: e.name, text: e.bytes.toString("utf8") }));
}

function sharedStringsOf(parts: readonly PackagePart[]): string[] {
  const part = parts.find((p) => /(^|\/)sharedStrings\.xml$/i.test(p.name));
  if (!part) return [];
  return [...part.text.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) =>
    [...(m[1] ?? "").matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1])).join("")
  );
}

/** Every text of every part of the package, each with its part and place. */
export function packageTexts(bytes: Buffer): ScanText[] {
  return partsTexts(packageParts(bytes));
}

function partsTexts(parts: readonly PackagePart[]): ScanText[] {
  const shared = sharedStringsOf(parts);
  return parts.flatMap((p) => [{ part: p.name, location: "delens navn", text: p.name }, ...xmlTexts(p.name, p.text, shared)]);
}

const HEADER_FOOTER = /^(odd|even|first)(Header|Footer)$/;
const FORMULA = /(<f\b[^>]*>)([^<]*)(<\/f>)/g;

/** A formula's quoted texts and quoted sheet names rewritten; the rest of it is left as it is. */
const rewriteFormula = (formula: string, rewrite: (text: string) => string): string => formula.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, (q) => rewrite(q));

/**
 * One XML part rewritten: its text nodes and attribute values. A sheet's cell values are left to the
 * cell model, whose types they follow; of its data only the formulas' quoted texts and sheet names are
 * rewritten; in headers and footers the text between the codes (&L, &C, &R ...).
 */
function rewriteXml(xml: string, rewrite: (text: string) => string, count: () => void): string {
  const data = SHEET_DATA.exec(xml);
  if (data) {
    const rows = data[0].replace(FORMULA, (whole, open: string, body: string, close: string) => {
      const plain = decodeXml(body);
      const next = rewriteFormula(plain, rewrite);
      if (next === plain) return whole;
      count();
      return open + encodeXml(next) + close;
    });
    return rewriteXml(xml.slice(0, data.index), rewrite, count) + rows + rewriteXml(xml.slice(data.index + data[0].length), rewrite, count);
  }
  const stack: string[] = [];
  return xml.replace(
    TOKEN,
    (
      token,
      cdata: string | undefined,
      closing: string,
      rawName: string | undefined,
      attrs: string | undefined,
      selfClosing: string,
      text: string | undefined
    ) => {
      if (text !== undefined) {
        const top = stack.at(-1) ?? "";
        const plain = decodeXml(text);
        let next: string;
        if (top === "f") next = rewriteFormula(plain, rewrite);
        else if (HEADER_FOOTER.test(top)) next = plain.replace(/(&(?:"[^"]*"|\d+|[A-Za-z]))|([^&]+)/g, (s, code: string) => (code ? s : rewrite(s)));
        else next = rewrite(plain);
        if (next === plain) return token;
        count();
        return encodeXml(next);
      }
      if (cdata !== undefined || rawName === undefined) return token;
      if (closing) {
        stack.pop();
        return token;
      }
      if (!selfClosing) stack.push(rawName);
      if (!attrs) return token;
      const newAttrs = attrs.replace(ATTRIBUTE, (a, key: string, _q: string, dq: string | undefined, sq: string | undefined) => {
        if (key.startsWith("xmlns")) return a;
        const plain = decodeXml(dq ?? sq ?? "");
        const next = rewrite(plain);
        if (next === plain) return a;
        count();
        return `${key}="${encodeXml(next)}"`;
      });
      return newAttrs === attrs ? token : token.replace(attrs, newAttrs);
    }
  );
}

export interface RewrittenPackage {
  bytes: Buffer;
  /** Texts rewritten outside the cells. */
  changed: number;
  /** Every text of the rewritten package, for the scan. */
  texts: ScanText[];
}

/** Rewrite every text part of the package (see rewriteXml), and zip it again. */
export async function rewritePackage(bytes: Buffer, rewrite: (text: string) => string): Promise<RewrittenPackage> {
  let changed = 0;
  const count = () => void changed++;
  const entries = unzip(bytes);
  const parts: PackagePart[] = [];
  const files = entries.map((e) => {
    if (!TEXT_PART.test(e.name)) return e;
    const xml = e.bytes.toString("utf8");
    const text = rewriteXml(xml, rewrite, count);
    parts.push({ name: e.name, text });
    return text === xml ? e : { name: e.name, bytes: Buffer.from(text, "utf8") };
  });
  return { bytes: await zipFiles(files), changed, texts: partsTexts(parts) };
}

/** The package ExcelJS writes for a workbook, as bytes. */
export async function workbookBytes(wb: { xlsx: { writeBuffer(): Promise<ArrayBuffer | Buffer> } }): Promise<Buffer> {
  installExcelJsFilePatches();
  const b = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(b) ? b : Buffer.from(b);
}

/** Write bytes atomically: a half-written file never replaces a good one. */
export async function saveBytes(bytes: Buffer, file: string): Promise<void> {
  await writeFileAtomic(file, bytes);
}

/** What the privacy scan finds in every part of the package and in the other texts given (a JSON output). */
export function scanPackage(bytes: Buffer, citizens: readonly Citizen[], other: readonly ScanText[] = []): PrivacyFinding[] {
  return scanTexts([...packageTexts(bytes), ...other], citizens);
}
