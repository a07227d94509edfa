// The cells of a worksheet read straight from its XML, as ExcelJS would read them, without building a
// workbook: one pass over <sheetData> with indexOf, keeping only the cells asked for. A value reads as
// ExcelJS's cell value turned plain (read-tables.ts's cellPlain): shared and inline strings, rich text
// joined, booleans, errors as their text, numbers, and a number in a date format as the serial ExcelJS's
// Date gives back; a formula cell reads as its cached result, and its formula text as ExcelJS gives it
// (a shared formula's text moved to the cell, as exceljs-patches.ts reads it). Pure string work, no
// Node module: the browser's consolidation reads its picked files with it too.
import { serialFromJsDate } from "../../domain/dates";
import type { Scalar } from "../../workbook/plan";
import { invarianceCache, slideFormula } from "./column-formulas";

/** What a sheet's cells are read against: the package's shared strings and date formats. */
export interface SheetContext {
  sharedStrings: readonly Scalar[];
  /** Per style index (the cell's s attribute), whether its number format is a date format. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** Every XML entity XML defines, and numeric character references. */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (m, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[named!] ?? m;
  });
}

/** ExcelJS decodes a str result's named entities a second time (utils.xmlDecode). */
function xmlDecodeAgain(s: string): string {
  return s.replace(/&([a-z]*);/g, (c) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[c] ?? c);
}

/** An attribute's raw value in a start tag's attribute text, or undefined. */
export function attribute(attrs: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    const i = attrs.indexOf(name + "=", at);
    if (i < 0) return undefined;
    const before = i === 0 ? " " : attrs[i - 1];
    const quote = attrs[i + name.length + 1];
    if ((before === " " || before === "\t" || before === "\n" || before === "\r") && (quote === '"' || quote === "'")) {
      const start = i + name.length + 2;
      const end = attrs.indexOf(quote, start);
      return end < 0 ? undefined : attrs.slice(start, end);
    }
    at = i + 1;
  }
}

/** The texts of every <t> element in a piece of XML (rich text runs, phonetic runs left out), joined. */
function joinedTexts(xml: string): string {
  const plain = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let out = "";
  let at = 0;
  for (;;) {
    const open = plain.indexOf("<t", at);
    if (open < 0) return out;
    const next = plain[open + 2];
    if (next !== ">" && next !== " " && next !== "/") {
      at = open + 2;
      continue;
    }
    const tagEnd = plain.indexOf(">", open);
    if (plain[tagEnd - 1] === "/") {
      at = tagEnd + 1;
      continue;
    }
    const close = plain.indexOf("</t>", tagEnd);
    out += plain.slice(tagEnd + 1, close);
    at = close + 4;
  }
}

const escapedChar = (text: string): string => text.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The shared strings part: each <si> as ExcelJS's plain value (rich text runs joined, _xHHHH_ decoded). */
export function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const open = xml.indexOf("<si", at);
    if (open < 0) return out;
    const tagEnd = xml.indexOf(">", open);
    if (xml[tagEnd - 1] === "/") {
      out.push("");
      at = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf("</si>", tagEnd);
    out.push(escapedChar(decodeEntities(joinedTexts(xml.slice(tagEnd + 1, close)))));
    at = close + 5;
  }
}

/** The number formats Excel builds in (ids without a <numFmt> of their own) that ExcelJS knows as dates. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** ExcelJS's utils.isDateFmt: date letters outside quotes and brackets. */
export function isDateFormat(format: string): boolean {
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Per cell style (<cellXfs>), whether its number format is a date format as ExcelJS sees it. */
export function readDateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const formats = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const id = attribute(m[1], "numFmtId");
    const code = attribute(m[1], "formatCode");
    if (id !== undefined && code !== undefined) formats.set(Number(id), decodeEntities(code));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*?)\/?>/g)) {
    // ExcelJS gives style 0 and format 0 no number format at all.
    const id = Number(attribute(m[1], "numFmtId") ?? 0);
    const own = formats.get(id);
    out.push(out.length > 0 && id !== 0 && (own !== undefined ? isDateFormat(own) : BUILT_IN_DATE_FORMATS.has(id)));
  }
  return out;
}

/** A serial in a date format, as ExcelJS's Date at whole milliseconds turned back into a serial (plainValue). */
function dateSerial(v: number, date1904: boolean): Scalar {
  const d = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  if (Number.isNaN(d.getTime())) return "#VALUE!";
  const s = serialFromJsDate(d);
  const fraction = (d.getTime() % 86_400_000) / 86_400_000;
  return fraction === 0 ? s : s + fraction;
}

/** A constant's value as ExcelJS reads it: by its type, a number in a date format as a date. */
function cellValue(raw: string, type: string | undefined, isDate: boolean, ctx: SheetContext): Scalar {
  switch (type) {
    case "s":
      return ctx.sharedStrings[parseInt(raw, 10)] ?? null;
    case "str":
      return xmlDecodeAgain(raw);
    case "inlineStr":
    case "e":
      return raw;
    case "b":
      return parseInt(raw, 10) !== 0;
    default: {
      const n = parseFloat(raw);
      return isDate ? dateSerial(n, ctx.date1904) : n;
    }
  }
}

/**
 * A formula's cached result as ExcelJS reads it: text, boolean, error or number by its type, and in a
 * date format anything but an error made a date (text that is no number then reads as #VALUE!).
 */
function formulaResult(raw: string, type: string | undefined, isDate: boolean, ctx: SheetContext): Scalar {
  if (type === "e") return raw;
  const v: string | number | boolean = type === "str" ? xmlDecodeAgain(raw) : type === "b" ? parseInt(raw, 10) !== 0 : parseFloat(raw);
  return isDate ? dateSerial(Number(v), ctx.date1904) : v;
}

/** Column number (1-based) of an A1 address's letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/**
 * Which cells of a sheet to read: `row` gives, for a row, the test of its columns to keep (or null when
 * none is wanted); `cell` takes each kept cell, its plain value and its formula's text (without "=").
 * Cells absent from the XML are not visited; a cell with neither value nor formula comes with null.
 */
export interface CellVisitor {
  row(row: number): ((col: number) => boolean) | null;
  cell(row: number, col: number, value: Scalar, formula: string | undefined): void;
}

/** Read a sheet's cells in one pass over its XML, handing the wanted ones to the visitor. */
export function readSheetCells(xml: string, ctx: SheetContext, visit: CellVisitor): void {
  const start = xml.indexOf("<sheetData");
  if (start < 0) return;
  const dataEnd = xml.indexOf("</sheetData>", start);
  const end = dataEnd < 0 ? xml.length : dataEnd;
  // Shared formulas: their first cell's text and address by index, across the whole sheet.
  const masters = new Map<string, { text: string; address: string }>();
  const decoded = new Map<string, string>();
  const decodeFormula = (raw: string): string => {
    let text = decoded.get(raw);
    if (text === undefined) {
      text = decodeEntities(raw);
      if (decoded.size > 10_000) decoded.clear();
      decoded.set(raw, text);
    }
    return text;
  };
  const sameEverywhere = invarianceCache();
  let at = start;
  let rowNumber = 0;
  for (;;) {
    const rowOpen = xml.indexOf("<row", at);
    if (rowOpen < 0 || rowOpen >= end) break;
    const rowTagEnd = xml.indexOf(">", rowOpen);
    const r = attribute(xml.slice(rowOpen + 4, rowTagEnd), "r");
    rowNumber = r === undefined ? rowNumber + 1 : Number(r);
    if (xml.charCodeAt(rowTagEnd - 1) === 47) {
      at = rowTagEnd + 1;
      continue;
    }
    const rowClose = xml.indexOf("</row>", rowTagEnd);
    const rowXml = xml.slice(rowTagEnd + 1, rowClose < 0 ? end : rowClose);
    at = rowClose < 0 ? end : rowClose + 6;
    // A row no wish reaches is read for its shared formulas' first cells only.
    const wanted = visit.row(rowNumber);
    if (!wanted && !rowXml.includes(" ref=")) continue;
    let col = 0;
    let c = 0;
    for (;;) {
      const open = rowXml.indexOf("<c", c);
      if (open < 0) break;
      const after = rowXml.charCodeAt(open + 2);
      if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
        c = open + 2;
        continue;
      }
      const tagEnd = rowXml.indexOf(">", open);
      const selfClosing = rowXml.charCodeAt(tagEnd - 1) === 47;
      const attrs = rowXml.slice(open + 2, selfClosing ? tagEnd - 1 : tagEnd);
      // The address, usually the first attribute: its column letters counted without a copy.
      let ref: string | undefined;
      if (attrs.startsWith(' r="')) ref = attrs.slice(4, attrs.indexOf('"', 4));
      else ref = attribute(attrs, "r");
      if (ref === undefined) col++;
      else {
        let n = 0;
        for (let i = 0; i < ref.length; i++) {
          const code = ref.charCodeAt(i);
          if (code < 65 || code > 90) break;
          n = n * 26 + (code - 64);
        }
        col = n;
      }
      let inner = "";
      if (selfClosing) c = tagEnd + 1;
      else {
        const close = rowXml.indexOf("</c>", tagEnd);
        inner = rowXml.slice(tagEnd + 1, close);
        c = close + 4;
      }
      const keep = wanted !== null && wanted(col);
      const fOpen = inner.indexOf("<f");
      if (!keep && (fOpen < 0 || !inner.includes(" ref=", fOpen))) continue;

      // The formula: its text, or a shared formula's index.
      let formula: string | undefined;
      let isFormula = false;
      if (fOpen >= 0) {
        const fTagEnd = inner.indexOf(">", fOpen);
        const fSelf = inner.charCodeAt(fTagEnd - 1) === 47;
        const fAttrs = inner.slice(fOpen + 2, fSelf ? fTagEnd - 1 : fTagEnd);
        const raw = fSelf ? "" : inner.slice(fTagEnd + 1, inner.indexOf("</f>", fTagEnd));
        const shareType = fAttrs === "" ? undefined : attribute(fAttrs, "t");
        isFormula = raw !== "" || shareType !== undefined;
        if (raw !== "") formula = decodeFormula(raw);
        const si = shareType === "shared" ? attribute(fAttrs, "si") : undefined;
        if (si !== undefined) {
          if (attribute(fAttrs, "ref") !== undefined) {
            if (formula !== undefined) masters.set(si, { text: formula, address: ref ?? "" });
          } else {
            const master = masters.get(si);
            formula = master === undefined ? undefined : sameEverywhere(master.text) ? master.text : slideFormula(master.text, master.address, ref ?? "");
          }
        }
      }
      if (!keep) continue;

      const type = attrs.includes("t=") ? attribute(attrs, "t") : undefined;
      const style = attrs.includes("s=") ? attribute(attrs, "s") : undefined;
      const isDate = style !== undefined && ctx.dateStyles[Number(style)] === true;
      let raw: string | undefined;
      if (type === "inlineStr") {
        const isOpen = inner.indexOf("<is");
        raw = isOpen < 0 ? undefined : decodeEntities(joinedTexts(inner.slice(isOpen, inner.indexOf("</is>", isOpen))));
        if (raw === "") raw = undefined;
      } else {
        const vOpen = inner.indexOf("<v");
        if (vOpen >= 0) {
          const vTagEnd = inner.indexOf(">", vOpen);
          if (inner.charCodeAt(vTagEnd - 1) !== 47) {
            const text = inner.slice(vTagEnd + 1, inner.indexOf("</v>", vTagEnd));
            if (text !== "") raw = text.includes("&") ? decodeEntities(text) : text;
          }
        }
      }
      const value = raw === undefined ? null : isFormula ? formulaResult(raw, type, isDate, ctx) : cellValue(raw, type, isDate, ctx);
      visit.cell(rowNumber, col, value, isFormula ? (formula ?? "") : undefined);
    }
  }
}
