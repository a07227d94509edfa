// Every part of an .xlsx package as text: the privacy scan reads them all (every sheet, hidden ones too,
// shared strings, defined names, comments, headers and footers, validation lists, links, document
// properties, chart caches), and a pseudonymised copy rewrites them all after ExcelJS has written the
// cells, so that nothing the ExcelJS model leaves out or keeps as it found it slips through.
// The zip is read and written with the JSZip that ExcelJS itself uses.
import { promises as fs } from "fs";
import path from "path";
import type JSZipType from "jszip";
import { scanTexts, type Citizen, type PrivacyFinding, type ScanText } from "../../workbook/privacy-scan";

type JSZipCtor = typeof JSZipType;
const JSZip: JSZipCtor = (() => {
  const exceljsDir = path.dirname(require.resolve("exceljs/package.json"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve("jszip", { paths: [exceljsDir] })) as JSZipCtor;
})();

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

/** The texts of one XML part, each with the place it stands. Cells of a sheet also as whole rows. */
function xmlTexts(part: string, xml: string, shared: readonly string[]): ScanText[] {
  const out: ScanText[] = [];
  const stack: Open[] = [];
  const refOf = (): string | null => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].ref) return stack[i].ref;
    return null;
  };
  const where = (what: string): string => {
    const ref = refOf();
    return ref ? `${ref} (${what})` : what;
  };
  // The cell and row being read in a sheet.
  let cell: { ref: string; type: string; f: string; v: string; inline: string[] } | null = null;
  let row: { ref: string; values: string[] } | null = null;
  const push = (location: string, text: string) => {
    if (text.trim() !== "") out.push({ part, location, text });
  };
  for (const m of xml.matchAll(TOKEN)) {
    const [, cdata, closing, rawName, attrs, selfClosing, text] = m;
    if (text !== undefined || cdata !== undefined) {
      const t = cdata ?? decodeXml(text!);
      const top = stack.at(-1);
      if (!top || t.trim() === "") continue;
      const name = localName(top.name);
      if (cell && top.name === "f") cell.f += t;
      else if (cell && top.name === "v") cell.v += t;
      else if (cell && name === "t") cell.inline.push(t);
      else push(where(name), t);
      for (let i = stack.length - 1; i >= 0; i--) if (BLOCKS.has(localName(stack[i].name))) stack[i].texts.push(t);
      continue;
    }
    if (rawName === undefined) continue;
    if (closing) {
      const open = stack.pop();
      if (!open) continue;
      const name = localName(open.name);
      if (BLOCKS.has(name) && open.texts.length > 1) push(where(name), open.texts.join(""));
      if (open.name === "c" && cell) {
        const value = cell.type === "s" ? (shared[Number(cell.v)] ?? "") : cell.type === "inlineStr" ? cell.inline.join("") : cell.v;
        push(`celle ${cell.ref}`, [cell.f, value].filter((x) => x !== "").join(" "));
        row?.values.push(value);
        cell = null;
      }
      if (open.name === "row" && row) {
        push(`række ${row.ref}`, row.values.join(" "));
        row = null;
      }
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of (attrs ?? "").matchAll(ATTRIBUTE)) attributes[a[1]] = decodeXml(a[3] ?? a[4] ?? "");
    const ref = attributes.ref ?? (rawName === "c" ? attributes.r : null) ?? null;
    const open: Open = { name: rawName, ref, texts: [] };
    for (const [k, v] of Object.entries(attributes)) {
      if (k.startsWith("xmlns") || k === "r" || k === "ref" || k === "sqref") continue;
      stack.push(open);
      push(where(`${localName(rawName)} ${k}`), v);
      stack.pop();
    }
    if (rawName === "row") row = { ref: attributes.r ?? "?", values: [] };
    if (rawName === "c") cell = { ref: attributes.r ?? "?", type: attributes.t ?? "n", f: "", v: "", inline: [] };
    if (selfClosing) {
      if (rawName === "c" && cell) {
        row?.values.push("");
        cell = null;
      }
      if (rawName === "row") row = null;
      continue;
    }
    stack.push(open);
  }
  return out;
}

export interface PackagePart {
  name: string;
  text: string;
}

/** The text parts of a package (binary parts such as images hold no text to scan). */
export async function packageParts(bytes: Buffer): Promise<PackagePart[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir && TEXT_PART.test(n));
  return Promise.all(names.map(async (name) => ({ name, text: await zip.file(name)!.async("string") })));
}

function sharedStringsOf(parts: readonly PackagePart[]): string[] {
  const part = parts.find((p) => /(^|\/)sharedStrings\.xml$/i.test(p.name));
  if (!part) return [];
  return [...part.text.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) =>
    [...(m[1] ?? "").matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((t) => decodeXml(t[1])).join("")
  );
}

/** Every text of every part of the package, each with its part and place. */
export async function packageTexts(bytes: Buffer): Promise<ScanText[]> {
  const parts = await packageParts(bytes);
  const shared = sharedStringsOf(parts);
  return parts.flatMap((p) => [{ part: p.name, location: "delens navn", text: p.name }, ...xmlTexts(p.name, p.text, shared)]);
}

const HEADER_FOOTER = /^(odd|even|first)(Header|Footer)$/;

/**
 * Rewrite every text of every part: text nodes and attribute values. Cell values (`v` of a cell) are
 * left to the cell model, whose types they follow; in a formula only its quoted texts and sheet names
 * are rewritten; in headers and footers the text between the codes (&L, &C, &R ...).
 */
export async function rewritePackage(bytes: Buffer, rewrite: (text: string) => string): Promise<{ bytes: Buffer; changed: number }> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = 0;
  const count = (before: string, after: string): string => {
    if (after !== before) changed++;
    return after;
  };
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir && TEXT_PART.test(n));
  for (const name of names) {
    const xml = await zip.file(name)!.async("string");
    const stack: string[] = [];
    let touched = false;
    const out = xml.replace(TOKEN, (token, cdata: string | undefined, closing: string, rawName: string | undefined, attrs: string | undefined, selfClosing: string, text: string | undefined) => {
      if (text !== undefined) {
        const top = stack.at(-1) ?? "";
        if (top === "v" && stack.at(-2) === "c") return token;
        const plain = decodeXml(text);
        let next: string;
        if (top === "f") next = plain.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, (q) => rewrite(q));
        else if (HEADER_FOOTER.test(top)) next = plain.replace(/(&(?:"[^"]*"|\d+|[A-Za-z]))|([^&]+)/g, (s, code: string) => (code ? s : rewrite(s)));
        else next = rewrite(plain);
        if (next === plain) return token;
        touched = true;
        return encodeXml(count(plain, next));
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
        touched = true;
        return `${key}="${encodeXml(count(plain, next))}"`;
      });
      return newAttrs === attrs ? token : token.replace(attrs, newAttrs);
    });
    if (touched) zip.file(name, out, { createFolders: false });
  }
  const written = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return { bytes: written, changed };
}

/** The package ExcelJS writes for a workbook, as bytes. */
export async function workbookBytes(wb: { xlsx: { writeBuffer(): Promise<ArrayBuffer | Buffer> } }): Promise<Buffer> {
  const b = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(b) ? b : Buffer.from(b);
}

/** Write bytes atomically: a half-written file never replaces a good one. */
export async function saveBytes(bytes: Buffer, file: string): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, bytes);
  await fs.rename(tmp, file);
}

/** What the privacy scan finds in every part of the package and in the other texts given (a JSON output). */
export async function scanPackage(bytes: Buffer, citizens: readonly Citizen[], other: readonly ScanText[] = []): Promise<PrivacyFinding[]> {
  return scanTexts([...(await packageTexts(bytes)), ...other], citizens);
}
