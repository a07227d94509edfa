// A small, strict XML 1.0 well-formedness parser with namespaces, for checking the add-in manifest
// offline without a dependency. It rejects what a conforming parser rejects in a manifest-sized document
// (bad nesting, duplicate attributes, stray '<' or '&', unknown entities, unbound prefixes) and reports lines.
"use strict";

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

const NAME_START =
  ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D" +
  "\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const NAME_CHAR = NAME_START + "\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040";
// Combining marks (U+0300–U+036F) are legal name characters by the XML grammar.
// eslint-disable-next-line no-misleading-character-class
const NAME_RE = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, "y");
const WS_RE = /[ \t\r\n]+/y;
// Characters XML 1.0 forbids anywhere (C0 controls except tab, LF, CR; lone surrogates; U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ILLEGAL_CHAR_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PREDEFINED = { lt: "<", gt: ">", amp: "&", apos: "'", quot: '"' };

class XmlError extends Error {
  /** @param {string} da @param {string} en @param {number} line */
  constructor(da, en, line) {
    super(`linje/line ${line}: ${da} / ${en}`);
    this.name = "XmlError";
    this.da = da;
    this.en = en;
    this.line = line;
  }
}

/**
 * Parse a document and return its root element:
 * { name, prefix, local, ns, attrs: [{ name, prefix, local, ns, value }], children: [...], text, line }.
 * Throws XmlError at the first well-formedness or namespace error.
 */
function parseXml(input) {
  const src = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lineStarts = [0];
  for (let k = 0; k < src.length; k++) if (src[k] === "\n") lineStarts.push(k + 1);
  const lineAt = (pos) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail = (pos, da, en) => {
    throw new XmlError(da, en, lineAt(pos));
  };

  const bad = ILLEGAL_CHAR_RE.exec(src);
  if (bad) fail(bad.index, `ulovligt tegn U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")}`, "illegal character");

  let i = 0;
  const startsWith = (s) => src.startsWith(s, i);
  const skipWs = () => {
    WS_RE.lastIndex = i;
    const m = WS_RE.exec(src);
    if (m) i += m[0].length;
    return !!m;
  };
  const readName = (what) => {
    NAME_RE.lastIndex = i;
    const m = NAME_RE.exec(src);
    if (!m) fail(i, `forventede et navn (${what})`, `expected a name (${what})`);
    i += m[0].length;
    return m[0];
  };

  /** Resolve character and entity references in text or an attribute value. */
  const decode = (raw, start) => {
    let out = "";
    let k = 0;
    while (k < raw.length) {
      const amp = raw.indexOf("&", k);
      if (amp < 0) {
        out += raw.slice(k);
        break;
      }
      out += raw.slice(k, amp);
      const semi = raw.indexOf(";", amp);
      if (semi < 0) fail(start + amp, "'&' uden afsluttende ';' (skriv &amp;)", "'&' without a closing ';' (write &amp;)");
      const ref = raw.slice(amp + 1, semi);
      let ch;
      if (/^#x[0-9A-Fa-f]+$/.test(ref)) ch = Number.parseInt(ref.slice(2), 16);
      else if (/^#[0-9]+$/.test(ref)) ch = Number.parseInt(ref.slice(1), 10);
      else if (Object.prototype.hasOwnProperty.call(PREDEFINED, ref)) {
        out += PREDEFINED[ref];
        k = semi + 1;
        continue;
      } else fail(start + amp, `ukendt entitet &${ref};`, `unknown entity &${ref};`);
      const legal =
        ch === 0x9 || ch === 0xa || ch === 0xd || (ch >= 0x20 && ch <= 0xd7ff) || (ch >= 0xe000 && ch <= 0xfffd) || (ch >= 0x10000 && ch <= 0x10ffff);
      if (!legal) fail(start + amp, `tegnreference &${ref}; peger på et ulovligt tegn`, `character reference &${ref}; is not a legal character`);
      out += String.fromCodePoint(ch);
      k = semi + 1;
    }
    return out;
  };

  const readComment = () => {
    const end = src.indexOf("--", i + 4);
    if (end < 0) fail(i, "kommentar uden afslutning", "unterminated comment");
    if (src[end + 2] !== ">") fail(end, "'--' er ikke tilladt inde i en kommentar", "'--' is not allowed inside a comment");
    i = end + 3;
  };
  const readPi = () => {
    const start = i;
    i += 2;
    const target = readName("processing instruction");
    if (target.toLowerCase() === "xml") fail(start, "XML-erklæringen skal stå allerførst i filen", "the XML declaration must come first in the file");
    const end = src.indexOf("?>", i);
    if (end < 0) fail(start, "behandlingsinstruktion uden afslutning", "unterminated processing instruction");
    if (end > i && !/^[ \t\r\n]/.test(src[i]))
      fail(i, "mellemrum mangler efter behandlingsinstruktionens navn", "missing space after the processing instruction's target");
    i = end + 2;
  };
  const readMisc = () => {
    for (;;) {
      if (skipWs()) continue;
      if (startsWith("<!--")) readComment();
      else if (startsWith("<?")) readPi();
      else return;
    }
  };

  // XML declaration: only at the very start.
  if (startsWith("<?xml") && /[ \t\r\n?]/.test(src[5] || "")) {
    const end = src.indexOf("?>");
    if (end < 0) fail(0, "XML-erklæringen er ikke afsluttet", "unterminated XML declaration");
    const decl = src.slice(5, end);
    if (!/^\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(decl)) {
      fail(0, "ugyldig XML-erklæring", "malformed XML declaration");
    }
    i = end + 2;
  }
  readMisc();
  if (startsWith("<!DOCTYPE")) fail(i, "DOCTYPE er ikke tilladt i et manifest", "DOCTYPE is not allowed in a manifest");
  if (src[i] !== "<") fail(i, "forventede rodelementet", "expected the root element");

  /** @type {{ el: any, scope: Map<string,string> }[]} */
  const stack = [];
  let root = null;
  const rootScope = new Map([["xml", XML_NS]]);

  const openElement = () => {
    const start = i;
    i += 1;
    const name = readName("elementnavn / element name");
    const rawAttrs = [];
    for (;;) {
      const hadWs = skipWs();
      if (startsWith("/>") || src[i] === ">") break;
      if (i >= src.length) fail(start, `<${name}> er ikke afsluttet`, `<${name}> is not terminated`);
      if (!hadWs) fail(i, `mellemrum mangler før attribut i <${name}>`, `missing whitespace before an attribute in <${name}>`);
      const attrPos = i;
      const aname = readName("attributnavn / attribute name");
      skipWs();
      if (src[i] !== "=") fail(i, `'=' mangler efter attributten ${aname}`, `'=' missing after attribute ${aname}`);
      i++;
      skipWs();
      const q = src[i];
      if (q !== '"' && q !== "'") fail(i, `attributten ${aname} mangler anførselstegn`, `attribute ${aname} value is not quoted`);
      const end = src.indexOf(q, i + 1);
      if (end < 0) fail(i, `attributten ${aname} er ikke afsluttet`, `attribute ${aname} value is not terminated`);
      const raw = src.slice(i + 1, end);
      const lt = raw.indexOf("<");
      if (lt >= 0) fail(i + 1 + lt, `'<' er ikke tilladt i attributværdi (${aname})`, `'<' is not allowed in an attribute value (${aname})`);
      if (rawAttrs.some((a) => a.name === aname)) fail(attrPos, `attributten ${aname} står to gange i <${name}>`, `duplicate attribute ${aname} in <${name}>`);
      // Attribute-value normalisation: literal whitespace characters become spaces.
      rawAttrs.push({ name: aname, value: decode(raw.replace(/[\t\r\n]/g, " "), i + 1), pos: attrPos });
      i = end + 1;
    }
    const selfClosing = startsWith("/>");
    i += selfClosing ? 2 : 1;

    const parentScope = stack.length ? stack[stack.length - 1].scope : rootScope;
    const scope = new Map(parentScope);
    for (const a of rawAttrs) {
      if (a.name === "xmlns") scope.set("", a.value);
      else if (a.name.startsWith("xmlns:")) {
        const p = a.name.slice(6);
        if (a.value === "") fail(a.pos, `præfikset ${p} kan ikke bindes til et tomt navnerum`, `prefix ${p} cannot be bound to an empty namespace`);
        scope.set(p, a.value);
      }
    }
    const split = (qname, pos, isAttr) => {
      const parts = qname.split(":");
      if (parts.length > 2 || parts.some((p) => p === "")) fail(pos, `ugyldigt navn ${qname}`, `invalid qualified name ${qname}`);
      if (parts.length === 1) return { prefix: "", local: qname, ns: isAttr ? "" : scope.get("") || "" };
      const ns = scope.get(parts[0]);
      if (ns === undefined) fail(pos, `præfikset ${parts[0]} i ${qname} er ikke erklæret`, `prefix ${parts[0]} in ${qname} is not declared`);
      return { prefix: parts[0], local: parts[1], ns };
    };
    const en = split(name, start, false);
    const attrs = rawAttrs.map((a) => {
      if (a.name === "xmlns" || a.name.startsWith("xmlns:")) return { name: a.name, prefix: "xmlns", local: a.name.slice(6), ns: XMLNS_NS, value: a.value };
      return { name: a.name, ...split(a.name, a.pos, true), value: a.value };
    });
    const seen = new Set();
    for (const a of attrs) {
      const key = `${a.ns}|${a.local}`;
      if (a.ns !== XMLNS_NS && seen.has(key))
        fail(start, `attributten {${a.ns}}${a.local} står to gange i <${name}>`, `duplicate expanded attribute {${a.ns}}${a.local} in <${name}>`);
      seen.add(key);
    }
    const el = { name, ...en, attrs, children: [], text: "", line: lineAt(start) };
    if (stack.length) stack[stack.length - 1].el.children.push(el);
    else root = el;
    if (!selfClosing) stack.push({ el, scope });
  };

  openElement();
  while (stack.length) {
    const lt = src.indexOf("<", i);
    if (lt < 0) fail(i, `<${stack[stack.length - 1].el.name}> er ikke lukket`, `<${stack[stack.length - 1].el.name}> is not closed`);
    if (lt > i) {
      const raw = src.slice(i, lt);
      const cdEnd = raw.indexOf("]]>");
      if (cdEnd >= 0) fail(i + cdEnd, "']]>' er ikke tilladt i tekst", "']]>' is not allowed in text");
      stack[stack.length - 1].el.text += decode(raw, i);
      i = lt;
    }
    if (startsWith("</")) {
      const pos = i;
      i += 2;
      const name = readName("sluttag / end tag");
      skipWs();
      if (src[i] !== ">") fail(i, `sluttagget </${name}> er ikke afsluttet med '>'`, `end tag </${name}> is not terminated by '>'`);
      i++;
      const open = stack.pop().el;
      if (open.name !== name) fail(pos, `</${name}> lukker <${open.name}> (linje ${open.line})`, `</${name}> closes <${open.name}> (line ${open.line})`);
    } else if (startsWith("<!--")) readComment();
    else if (startsWith("<![CDATA[")) {
      const end = src.indexOf("]]>", i + 9);
      if (end < 0) fail(i, "CDATA-afsnit uden afslutning", "unterminated CDATA section");
      stack[stack.length - 1].el.text += src.slice(i + 9, end);
      i = end + 3;
    } else if (startsWith("<?")) readPi();
    else if (startsWith("<!")) fail(i, "uventet '<!'", "unexpected '<!'");
    else openElement();
  }
  readMisc();
  if (i < src.length) fail(i, "indhold efter rodelementet", "content after the root element");
  return root;
}

module.exports = { parseXml, XmlError, XML_NS, XMLNS_NS };
