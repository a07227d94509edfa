// The converted workbook as the ORIGINAL package plus our sheets. ExcelJS reads only what it models and
// writes only that: charts, images, pivot tables, slicers, form controls and custom XML of the user's
// sheets would be lost if it wrote them again. So ExcelJS renders the workbook as before, and the output
// is made of every part of the input, copied byte for byte, plus the parts of the sheets we add (their
// tables and, merged in, their styles, strings and names). Only workbook.xml, its relationships,
// [Content_Types].xml, styles.xml and sharedStrings.xml are rewritten, each by adding to the original's
// text; the user's sheets keep their own bytes, and with them their style and string indexes: the new
// sheets' indexes are moved past the original's instead (the safer way round: the original sheets are
// never touched). On a re-run our earlier sheets are replaced; what they held beyond our own tables is
// named in `lost`.
import path from "path";
import { inflateEntry, readZipEntries, type ZipEntry } from "./zip-package";

export interface MergeInput {
  /** The input file's bytes and a name for messages. */
  original: Buffer;
  name: string;
  /** Every part ExcelJS wrote, unpacked. */
  rendered: Map<string, Buffer>;
  /** Our earlier sheets that the conversion replaces (a re-run). */
  removedSheets: readonly string[];
  /** The workbook-level names the conversion defines (they replace an earlier run's). */
  ownNames: readonly string[];
}

/** A part of the output: new bytes, or an input part copied as it is. */
export type OutPart = { name: string; bytes: Buffer } | { name: string; entry: ZipEntry };

export interface MergeOutcome {
  parts: OutPart[];
  /** What of the input could not be kept, and why (Danish, one sentence each). */
  lost: string[];
}

/** The input cannot be merged part by part (a layout this module does not read). */
export class PackageMergeUnsupported extends Error {}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// ---------- small XML helpers (the parts are machine-written OOXML: plain attributes, no DTDs) ----------

function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out.set(m[1], m[3] ?? m[4]);
  return out;
}

function decode(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "quot") return '"';
    if (k === "apos") return "'";
    if (k === "amp") return "&";
    return String.fromCodePoint(k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/** Top-level elements named `el` (which never nest in themselves) inside a text. */
function elements(text: string, el: string): string[] {
  return [...text.matchAll(new RegExp(`<${el}\\b[^>]*?/>|<${el}\\b[^>]*>[\\s\\S]*?</${el}>`, "g"))].map((m) => m[0]);
}

/** The element `<el ...>...</el>` or `<el .../>` of a part, with where it stands. */
function section(text: string, el: string): { start: number; end: number; open: string; inner: string } | null {
  const open = new RegExp(`<${el}\\b[^>]*?(/?)>`).exec(text);
  if (!open) return null;
  if (open[1] === "/") return { start: open.index, end: open.index + open[0].length, open: open[0].replace(/\s*\/>$/, ">"), inner: "" };
  const close = text.indexOf(`</${el}>`, open.index);
  if (close < 0) throw new PackageMergeUnsupported(`${el} er ikke lukket`);
  return { start: open.index, end: close + el.length + 3, open: open[0], inner: text.slice(open.index + open[0].length, close) };
}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  xml: string;
}

function relsOf(xml: string | null): Rel[] {
  if (!xml) return [];
  return elements(xml, "Relationship").map((x) => {
    const a = attrs(x.slice(0, x.indexOf(">") + 1));
    return { id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: decode(a.get("Target") ?? ""), external: a.get("TargetMode") === "External", xml: x };
  });
}

function relsPathOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), "_rels", path.posix.basename(part) + ".rels");
}

function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
}

function relative(from: string, to: string): string {
  return path.posix.relative(path.posix.dirname(from), to);
}

const typeTail = (type: string) => type.slice(type.lastIndexOf("/") + 1);

/** What a user sees of a sheet's relationship, in Excel's Danish words. */
const WHAT: Record<string, string> = {
  drawing: "diagrammer, billeder eller figurer",
  vmlDrawing: "noter eller kontrolelementer",
  comments: "kommentarer",
  threadedComment: "kommentarer",
  pivotTable: "pivottabeller",
  control: "kontrolelementer",
  slicer: "udsnitsværktøjer",
  image: "baggrundsbillede",
};

// ---------- the package ----------

class Package {
  readonly entries: Map<string, ZipEntry>;
  private texts = new Map<string, string>();

  constructor(
    list: ZipEntry[],
    private readonly name: string
  ) {
    this.entries = new Map(list.map((e) => [e.name, e]));
  }

  has(part: string): boolean {
    return this.entries.has(part);
  }

  text(part: string): string | null {
    const cached = this.texts.get(part);
    if (cached !== undefined) return cached;
    const e = this.entries.get(part);
    if (!e) return null;
    const t = inflateEntry(e, this.name).toString("utf8");
    this.texts.set(part, t);
    return t;
  }
}

interface SheetRef {
  name: string;
  xml: string;
  rid: string;
  part: string;
  localId: number;
}

function sheetsOf(workbookXml: string, rels: Rel[], workbookPart: string): SheetRef[] {
  const sheets = section(workbookXml, "sheets");
  if (!sheets) throw new PackageMergeUnsupported("workbook.xml har ingen ark");
  return elements(sheets.inner, "sheet").map((xml, localId) => {
    const a = attrs(xml.slice(0, xml.indexOf(">") + 1));
    const ridKey = [...a.keys()].find((k) => k.endsWith(":id")) ?? "r:id";
    const rid = a.get(ridKey) ?? "";
    const rel = rels.find((r) => r.id === rid);
    return { name: decode(a.get("name") ?? ""), xml, rid, part: rel ? resolve(workbookPart, rel.target) : "", localId };
  });
}

function officeDocument(pkg: Package): string {
  const rel = relsOf(pkg.text("_rels/.rels")).find((r) => r.type.endsWith("/officeDocument"));
  if (!rel) throw new PackageMergeUnsupported("pakken har intet hoveddokument");
  return resolve("", rel.target);
}

// ---------- styles: the new sheets' style indexes moved past the original's ----------

interface StyleShift {
  font: number;
  fill: number;
  border: number;
  xf: number;
  dxf: number;
  numFmt: Map<number, number>;
}

function appendTo(text: string, el: string, items: string[], before: readonly string[]): string {
  if (items.length === 0) return text;
  const s = section(text, el);
  if (s) {
    const count = elements(s.inner, el.replace(/s$/, "")).length + items.length;
    const open = setAttr(s.open, "count", String(count));
    return text.slice(0, s.start) + open + s.inner + items.join("") + `</${el}>` + text.slice(s.end);
  }
  // Absent: put it before the first of the elements that follow it in the schema's order.
  const fresh = `<${el} count="${items.length}">${items.join("")}</${el}>`;
  for (const next of before) {
    const at = new RegExp(`<${next}\\b`).exec(text);
    if (at) return text.slice(0, at.index) + fresh + text.slice(at.index);
  }
  return text.replace(/<\/styleSheet>/, fresh + "</styleSheet>");
}

const AFTER_NUMFMTS = ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const AFTER_DXFS = ["tableStyles", "colors", "extLst"];

function mergeStyles(original: string, ours: string): { xml: string; shift: StyleShift } {
  const count = (text: string, el: string, item: string) => {
    const s = section(text, el);
    return s ? elements(s.inner, item).length : 0;
  };
  if (!section(original, "cellXfs") || !section(original, "fonts")) throw new PackageMergeUnsupported("styles.xml kan ikke læses");
  const origFmts = elements(section(original, "numFmts")?.inner ?? "", "numFmt").map((x) => Number(attrs(x).get("numFmtId")));
  let nextFmt = Math.max(163, ...origFmts) + 1;
  const numFmt = new Map<number, number>();
  const fmtItems = elements(section(ours, "numFmts")?.inner ?? "", "numFmt").map((x) => {
    const id = Number(attrs(x).get("numFmtId"));
    const to = nextFmt++;
    numFmt.set(id, to);
    return setAttr(x.replace(/\/>$/, ">").replace(/>$/, "/>"), "numFmtId", String(to));
  });
  const shift: StyleShift = {
    font: count(original, "fonts", "font"),
    fill: count(original, "fills", "fill"),
    border: count(original, "borders", "border"),
    xf: count(original, "cellXfs", "xf"),
    dxf: count(original, "dxfs", "dxf"),
    numFmt,
  };
  const mapFmt = (x: string) =>
    x.replace(/(<(?:xf|numFmt)\b[^>]*\snumFmtId=")(\d+)"/g, (m, head: string, id: string) => `${head}${numFmt.get(Number(id)) ?? id}"`);
  const items = (el: string, item: string) => elements(section(ours, el)?.inner ?? "", item);
  const xfs = items("cellXfs", "xf").map((x) => {
    const a = attrs(x.slice(0, x.indexOf(">") + 1));
    let out = mapFmt(x);
    let head = out.slice(0, out.indexOf(">") + 1);
    const rest = out.slice(head.length);
    head = setAttr(head, "fontId", String(Number(a.get("fontId") ?? 0) + shift.font));
    head = setAttr(head, "fillId", String(Number(a.get("fillId") ?? 0) + shift.fill));
    head = setAttr(head, "borderId", String(Number(a.get("borderId") ?? 0) + shift.border));
    head = setAttr(head, "xfId", "0");
    out = head + rest;
    return out;
  });
  const dxfs = items("dxfs", "dxf").map((x) => mapFmt(x));
  let xml = original;
  xml = appendTo(xml, "numFmts", fmtItems, AFTER_NUMFMTS);
  xml = appendTo(xml, "fonts", items("fonts", "font"), []);
  xml = appendTo(xml, "fills", items("fills", "fill"), []);
  xml = appendTo(xml, "borders", items("borders", "border"), []);
  xml = appendTo(xml, "cellXfs", xfs, []);
  xml = appendTo(xml, "dxfs", dxfs, AFTER_DXFS);
  return { xml, shift };
}

/** A new sheet's XML with its style, conditional-format and shared-string indexes moved. */
export function shiftSheet(xml: string, shift: StyleShift, stringShift: number): string {
  // One pass per attribute, straight to the number within its tag: a sheet of 400,000 cells is a third of a
  // second less than finding each tag and then its attribute.
  const moved = (_: string, h: string, n: string): string => `${h}${Number(n) + shift.xf}"`;
  let out = shift.xf ? xml.replace(/(<(?:c|row)\b[^>]*?\ss=")(\d+)"/g, moved).replace(/(<col\b[^>]*?\sstyle=")(\d+)"/g, moved) : xml;
  if (shift.dxf) out = out.replace(/(<(?:x14:)?cfRule\b[^>]*\sdxfId=")(\d+)"/g, (_, h: string, n: string) => `${h}${Number(n) + shift.dxf}"`);
  if (stringShift) out = out.replace(/(\st="s"[^>]*>\s*<v>)(\d+)(<\/v>)/g, (_, h: string, n: string, t: string) => `${h}${Number(n) + stringShift}${t}`);
  return out;
}

// ---------- the merge ----------

const COMMENT_REF = /<comment\b[^>]*\sref="([^"]+)"/g;

/** The cells that carry a note on a sheet ExcelJS rendered (empty when the sheet has none). */
function commentRefsOf(sheet: SheetRef | undefined, ours: (part: string) => string | null): Set<string> {
  const refs = new Set<string>();
  if (!sheet) return refs;
  for (const r of relsOf(ours(relsPathOf(sheet.part)))) {
    if (typeTail(r.type) !== "comments") continue;
    for (const m of (ours(resolve(sheet.part, r.target)) ?? "").matchAll(COMMENT_REF)) refs.add(m[1]);
  }
  return refs;
}

export function mergePackages(input: MergeInput): MergeOutcome {
  const orig = new Package(readZipEntries(input.original, input.name), input.name);
  const rendered = input.rendered;
  const ours = (part: string) => rendered.get(part)?.toString("utf8") ?? null;
  const lost: string[] = [];

  const wbPart = officeDocument(orig);
  const wbRelsPart = relsPathOf(wbPart);
  const wbXml = orig.text(wbPart);
  if (!wbXml) throw new PackageMergeUnsupported("workbook.xml mangler");
  const wbRels = relsOf(orig.text(wbRelsPart));
  const origSheets = sheetsOf(wbXml, wbRels, wbPart);

  const oursWbXml = ours("xl/workbook.xml");
  if (!oursWbXml) throw new PackageMergeUnsupported("ExcelJS skrev ingen workbook.xml");
  const oursSheets = sheetsOf(oursWbXml, relsOf(ours("xl/_rels/workbook.xml.rels")), "xl/workbook.xml");

  const removed = new Set(input.removedSheets.map((n) => n.toLowerCase()));
  // Sheets ExcelJS does not know (chart sheets, dialog sheets) stay as they are.
  const kept = origSheets.filter((s) => !removed.has(s.name.toLowerCase()));
  const keptNames = new Set(kept.map((s) => s.name.toLowerCase()));
  const dropped = origSheets.filter((s) => removed.has(s.name.toLowerCase()));
  const added = oursSheets.filter((s) => !keptNames.has(s.name.toLowerCase()));

  // Parts dropped with our earlier sheets: the sheet, its relationships and what only they point at.
  const removedParts = new Set<string>();
  const referencedElsewhere = new Set<string>();
  for (const name of orig.entries.keys()) {
    if (!name.endsWith(".rels")) continue;
    const owner = path.posix.join(path.posix.dirname(path.posix.dirname(name)), path.posix.basename(name, ".rels"));
    if (dropped.some((s) => s.part === owner)) continue;
    for (const r of relsOf(orig.text(name))) if (!r.external) referencedElsewhere.add(resolve(owner, r.target));
  }
  for (const s of dropped) {
    removedParts.add(s.part);
    const relsPart = relsPathOf(s.part);
    if (orig.has(relsPart)) removedParts.add(relsPart);
    const extra: string[] = [];
    // Our own sheets carry our notes on their computed columns ("beregnes – skriv ikke her"): a note the
    // new sheet has at the same cell is ours, and only a note elsewhere was added by a user.
    const oursNow = commentRefsOf(
      oursSheets.find((n) => n.name.toLowerCase() === s.name.toLowerCase()),
      ours
    );
    const sheetRels = relsOf(orig.text(relsPart));
    const notesOf = (r: Rel) => [...(orig.text(resolve(s.part, r.target)) ?? "").matchAll(COMMENT_REF)].map((m) => m[1]);
    const hasNotes = sheetRels.some((r) => typeTail(r.type) === "comments");
    const userNotes = sheetRels.some((r) => typeTail(r.type) === "comments" && notesOf(r).some((ref) => !oursNow.has(ref)));
    for (const r of sheetRels) {
      if (r.external) continue;
      const target = resolve(s.part, r.target);
      if (referencedElsewhere.has(target)) continue;
      removedParts.add(target);
      const tail = typeTail(r.type);
      // The legacy drawing that shows notes goes with them: both are the user's only when a note is.
      if ((tail === "comments" || (tail === "vmlDrawing" && hasNotes)) && !userNotes) continue;
      if (tail !== "table" && tail !== "printerSettings") extra.push(WHAT[tail] ?? tail);
      // A drawing's own parts (charts, images) go with it.
      const nested = relsPathOf(target);
      if (orig.has(nested)) {
        removedParts.add(nested);
        for (const n of relsOf(orig.text(nested)))
          if (!n.external && !referencedElsewhere.has(resolve(target, n.target))) removedParts.add(resolve(target, n.target));
      }
    }
    if (extra.length) {
      lost.push(
        `Arket ${s.name} er bygget igen af sagsliste; det, der var tilføjet på arket (${[...new Set(extra)].join(", ")}), kunne ikke bevares. ` +
          "Læg diagrammer, billeder og kommentarer på dine egne ark."
      );
    }
  }
  // Excel's calculation chain names cells by sheet; with sheets gone it is dropped, and Excel builds it again.
  const calcChainRel = wbRels.find((r) => typeTail(r.type) === "calcChain");
  const dropCalcChain = dropped.length > 0 && calcChainRel !== undefined;
  if (dropCalcChain && calcChainRel) removedParts.add(resolve(wbPart, calcChainRel.target));

  // Styles and strings.
  const stylesRel = wbRels.find((r) => typeTail(r.type) === "styles");
  const stylesPart = stylesRel ? resolve(wbPart, stylesRel.target) : null;
  const origStyles = stylesPart ? orig.text(stylesPart) : null;
  const oursStyles = ours("xl/styles.xml");
  if (!origStyles || !oursStyles) throw new PackageMergeUnsupported("styles.xml mangler");
  const styles = mergeStyles(origStyles, oursStyles);

  const sstRel = wbRels.find((r) => typeTail(r.type) === "sharedStrings");
  const sstPart = sstRel ? resolve(wbPart, sstRel.target) : "xl/sharedStrings.xml";
  const origSst = sstRel ? orig.text(sstPart) : null;
  const oursSst = ours("xl/sharedStrings.xml");
  const stringShift = origSst ? elements(section(origSst, "sst")?.inner ?? "", "si").length : 0;
  let sstXml: string | null = null;
  if (oursSst) {
    const add = section(oursSst, "sst")?.inner ?? "";
    const addCount = elements(add, "si").length;
    if (!origSst) sstXml = oursSst;
    else if (addCount > 0) {
      const s = section(origSst, "sst");
      if (!s) throw new PackageMergeUnsupported("sharedStrings.xml kan ikke læses");
      let open = setAttr(s.open, "uniqueCount", String(stringShift + addCount));
      const a = attrs(s.open);
      if (a.has("count")) open = setAttr(open, "count", String(Number(a.get("count")) + addCount));
      sstXml = origSst.slice(0, s.start) + open + s.inner + add + "</sst>" + origSst.slice(s.end);
    }
  }

  // New parts, named so they never meet an input part's name.
  const taken = new Set([...orig.entries.keys()].filter((n) => !removedParts.has(n)));
  const freshName = (wanted: string): string => {
    if (!taken.has(wanted)) {
      taken.add(wanted);
      return wanted;
    }
    const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(wanted);
    const [stem, ext] = m ? [m[1], m[3]] : [wanted, ""];
    for (let i = 1; ; i++) {
      const candidate = `${stem}${i}${ext}`;
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };
  const tableIds = [...orig.entries.keys()]
    .filter((n) => !removedParts.has(n) && /^xl\/tables\/[^/]+\.xml$/.test(n))
    .map((n) => Number(attrs(/<table\b[^>]*>/.exec(orig.text(n) ?? "")?.[0] ?? "").get("id") ?? 0));
  let nextTableId = Math.max(0, ...tableIds) + 1;

  const newParts: { name: string; bytes: Buffer; from: string }[] = [];
  const origRelIds = new Set(wbRels.map((r) => r.id));
  let ridNumber = 1;
  const freshRid = () => {
    while (origRelIds.has(`rIdSl${ridNumber}`)) ridNumber++;
    return `rIdSl${ridNumber++}`;
  };
  const origSheetIds = origSheets.filter((s) => !dropped.includes(s)).map((s) => Number(attrs(s.xml).get("sheetId") ?? 0));
  let nextSheetId = Math.max(0, ...origSheetIds, ...dropped.map((s) => Number(attrs(s.xml).get("sheetId") ?? 0))) + 1;
  const newSheetXml: string[] = [];
  const newRels: string[] = [];
  for (const s of added) {
    const sheetText = ours(s.part);
    if (sheetText === null) throw new PackageMergeUnsupported(`ExcelJS skrev ikke ${s.part}`);
    const part = freshName(s.part);
    const relsXml = ours(relsPathOf(s.part));
    let sheetRels = relsXml;
    if (relsXml) {
      for (const r of relsOf(relsXml)) {
        if (r.external) continue;
        const from = resolve(s.part, r.target);
        const bytes = rendered.get(from);
        if (!bytes) continue;
        const to = freshName(from);
        let partBytes = bytes;
        if (typeTail(r.type) === "table") {
          partBytes = Buffer.from(
            bytes.toString("utf8").replace(/(<table\b[^>]*?\sid=")(\d+)"/, (_, h: string) => `${h}${nextTableId++}"`),
            "utf8"
          );
        }
        newParts.push({ name: to, bytes: partBytes, from });
        sheetRels = (sheetRels ?? "").replace(r.xml, setAttr(r.xml.replace(/\s*\/>$/, "/>"), "Target", relative(part, to)).replace(/"\/>$/, '"/>'));
      }
      newParts.push({ name: relsPathOf(part), bytes: Buffer.from(sheetRels ?? "", "utf8"), from: relsPathOf(s.part) });
    }
    newParts.push({ name: part, bytes: Buffer.from(shiftSheet(sheetText, styles.shift, stringShift), "utf8"), from: s.part });
    const rid = freshRid();
    let el = s.xml.replace(/\s*\/>$/, "/>").replace(/\s[\w]+:id\s*=\s*"[^"]*"/, "");
    el = setAttr(el, "sheetId", String(nextSheetId++));
    el = setAttr(el, "r:id", rid);
    newSheetXml.push(el);
    newRels.push(`<Relationship Id="${rid}" Type="${REL_NS}/worksheet" Target="${relative(wbPart, part)}"/>`);
  }
  if (sstXml !== null && !sstRel) {
    newRels.push(`<Relationship Id="${freshRid()}" Type="${REL_NS}/sharedStrings" Target="${relative(wbPart, sstPart)}"/>`);
  }

  // workbook.xml: the input's, with the new sheets, the names and a full calculation on load.
  const finalSheets = [...kept, ...added.map((s) => s)];
  const indexOfName = new Map(finalSheets.map((s, i) => [s.name.toLowerCase(), i]));
  const origLocal = (id: string | undefined) => (id === undefined ? undefined : origSheets[Number(id)]?.name.toLowerCase());
  const oursLocal = (id: string | undefined) => (id === undefined ? undefined : oursSheets[Number(id)]?.name.toLowerCase());
  const own = new Set(input.ownNames.map((n) => n.toLowerCase()));
  const addedNames = new Set(added.map((s) => s.name.toLowerCase()));
  const names: string[] = [];
  const origNamesSection = section(wbXml, "definedNames");
  for (const d of elements(origNamesSection?.inner ?? "", "definedName")) {
    const a = attrs(d.slice(0, d.indexOf(">") + 1));
    const local = origLocal(a.get("localSheetId"));
    if (local === undefined && own.has((a.get("name") ?? "").toLowerCase())) continue; // ours, written again below
    if (local !== undefined && (removed.has(local) || addedNames.has(local))) continue;
    names.push(local === undefined ? d : d.replace(/(\slocalSheetId=")(\d+)"/, (_, h: string) => `${h}${indexOfName.get(local)}"`));
  }
  for (const d of elements(section(oursWbXml, "definedNames")?.inner ?? "", "definedName")) {
    const a = attrs(d.slice(0, d.indexOf(">") + 1));
    const local = oursLocal(a.get("localSheetId"));
    if (local === undefined ? !own.has((a.get("name") ?? "").toLowerCase()) : !addedNames.has(local)) continue;
    names.push(local === undefined ? d : d.replace(/(\slocalSheetId=")(\d+)"/, (_, h: string) => `${h}${indexOfName.get(local)}"`));
  }

  let wb = wbXml;
  const rPrefix = new RegExp(`xmlns:(\\w+)="${REL_NS}"`).exec(wb)?.[1];
  if (!rPrefix) wb = wb.replace(/<workbook\b/, `<workbook xmlns:r="${REL_NS}"`);
  const prefix = rPrefix ?? "r";
  const sheetsSection = section(wb, "sheets");
  if (!sheetsSection) throw new PackageMergeUnsupported("workbook.xml har ingen ark");
  wb =
    wb.slice(0, sheetsSection.start) +
    sheetsSection.open +
    kept.map((s) => s.xml).join("") +
    newSheetXml.map((x) => x.replace(/\sr:id=/, ` ${prefix}:id=`)).join("") +
    "</sheets>" +
    wb.slice(sheetsSection.end);
  const namesXml = names.length ? `<definedNames>${names.join("")}</definedNames>` : "";
  const existingNames = section(wb, "definedNames");
  if (existingNames) wb = wb.slice(0, existingNames.start) + namesXml + wb.slice(existingNames.end);
  else if (namesXml) {
    const after = section(wb, "externalReferences") ?? section(wb, "functionGroups") ?? section(wb, "sheets");
    if (after) wb = wb.slice(0, after.end) + namesXml + wb.slice(after.end);
  }
  const calc = /<calcPr\b[^>]*?\/?>/.exec(wb);
  if (calc) wb = wb.replace(calc[0], setAttr(calc[0], "fullCalcOnLoad", "1"));
  else {
    const after = section(wb, "definedNames") ?? section(wb, "sheets");
    if (after) wb = wb.slice(0, after.end) + `<calcPr fullCalcOnLoad="1"/>` + wb.slice(after.end);
  }
  // The active sheet stays the one the user had, found by name where sheets moved; never a hidden one.
  const view = /<workbookView\b[^>]*?\/?>/.exec(wb);
  if (view) {
    const a = attrs(view[0]);
    const wasActive = origSheets[Number(a.get("activeTab") ?? 0)]?.name.toLowerCase();
    let active = wasActive === undefined ? 0 : (indexOfName.get(wasActive) ?? 0);
    const finalXml = [...kept.map((k) => k.xml), ...newSheetXml];
    if (/\sstate="(?:hidden|veryHidden)"/.test(finalXml[active] ?? ""))
      active = Math.max(
        0,
        finalXml.findIndex((x) => !/\sstate="(?:hidden|veryHidden)"/.test(x))
      );
    let tag = view[0];
    if (a.has("activeTab") || active !== 0) tag = setAttr(tag, "activeTab", String(active));
    if (a.has("firstSheet") && Number(a.get("firstSheet")) >= finalXml.length) tag = setAttr(tag, "firstSheet", "0");
    wb = wb.replace(view[0], tag);
  }

  // workbook.xml.rels
  const droppedRids = new Set(dropped.map((s) => s.rid));
  if (dropCalcChain && calcChainRel) droppedRids.add(calcChainRel.id);
  let relsXml =
    orig.text(wbRelsPart) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  for (const r of wbRels) if (droppedRids.has(r.id)) relsXml = relsXml.replace(r.xml, "");
  relsXml = relsXml.replace(/<\/Relationships>\s*$/, newRels.join("") + "</Relationships>");

  // [Content_Types].xml: the input's, less the dropped parts, plus the new parts' types as ExcelJS gave them.
  let types = orig.text("[Content_Types].xml");
  const oursTypes = ours("[Content_Types].xml");
  if (!types || !oursTypes) throw new PackageMergeUnsupported("[Content_Types].xml mangler");
  for (const o of elements(types, "Override")) {
    const partName = decode(attrs(o).get("PartName") ?? "").replace(/^\//, "");
    if (removedParts.has(partName)) types = types.replace(o, "");
  }
  const typeOf = new Map(
    elements(oursTypes, "Override").map((o) => [decode(attrs(o).get("PartName") ?? "").replace(/^\//, ""), attrs(o).get("ContentType") ?? ""])
  );
  const defaults = new Set(elements(types, "Default").map((d) => (attrs(d).get("Extension") ?? "").toLowerCase()));
  const addTypes: string[] = [];
  for (const d of elements(oursTypes, "Default")) if (!defaults.has((attrs(d).get("Extension") ?? "").toLowerCase())) addTypes.push(d);
  const overridden = new Set(elements(types, "Override").map((o) => decode(attrs(o).get("PartName") ?? "").replace(/^\//, "")));
  for (const p of newParts) {
    const t = typeOf.get(p.from);
    if (t && !overridden.has(p.name)) addTypes.push(`<Override PartName="/${p.name}" ContentType="${t}"/>`);
  }
  if (sstXml !== null && !sstRel && !overridden.has(sstPart)) {
    addTypes.push(`<Override PartName="/${sstPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
  }
  types = types.replace(/<\/Types>\s*$/, addTypes.join("") + "</Types>");

  // The output: the input's parts in their order (a few rewritten), then the new ones.
  const rewritten = new Map<string, string>([
    [wbPart, wb],
    [wbRelsPart, relsXml],
    ["[Content_Types].xml", types],
    [stylesPart as string, styles.xml],
  ]);
  if (sstXml !== null) rewritten.set(sstPart, sstXml);
  const parts: OutPart[] = [];
  for (const [name, entry] of orig.entries) {
    if (removedParts.has(name)) continue;
    const text = rewritten.get(name);
    if (text !== undefined) {
      parts.push({ name, bytes: Buffer.from(text, "utf8") });
      rewritten.delete(name);
    } else parts.push({ name, entry });
  }
  for (const [name, text] of rewritten) parts.push({ name, bytes: Buffer.from(text, "utf8") });
  for (const p of newParts) parts.push({ name: p.name, bytes: p.bytes });
  return { parts, lost };
}
