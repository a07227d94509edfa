// The package self-check: what in an .xlsx file makes Excel say it "found a problem with some content" and
// offer to repair it, read straight from the package's XML (not through ExcelJS, whose own writing is what
// is checked). The known triggers: a relationship to a part that is not there, data validations that
// overlap, merged cells inside a table, a table whose header cells differ from its column names, a defined
// name Excel does not accept, and a drop-down list written out longer than 255 characters.
import { parseAddress } from "../../workbook/plan";
import { zipParts } from "./zip-parts";

export type PackageProblemCode =
  "MANGLENDE_DEL" | "OVERLAPPENDE_VALIDERING" | "FLETTEDE_CELLER_I_TABEL" | "TABELOVERSKRIFT_AFVIGER" | "UGYLDIGT_NAVN" | "LISTE_FOR_LANG";

export interface PackageProblem {
  code: PackageProblemCode;
  /** The part (and where known the sheet) the problem is in. */
  where: string;
  /** Danish: what is wrong and what Excel does about it. */
  message: string;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function rectOf(ref: string): Rect {
  const [a, b = a] = ref.replace(/\$/g, "").split(":").map(parseAddress);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function overlap(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function decode(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&#x([0-9A-Fa-f]+);/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : undefined;
}

/** The part a relationship's target names, from the folder of the part the relationships belong to. */
function resolveTarget(relsPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const owner = relsPart.replace(/_rels\/([^/]*)\.rels$/, "$1");
  const parts = owner.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

function relationships(parts: Map<string, Buffer>, relsPart: string): Relationship[] {
  const xml = parts.get(relsPart)?.toString("utf8") ?? "";
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    type: attr(m[0], "Type") ?? "",
    target: attr(m[0], "Target") ?? "",
    external: attr(m[0], "TargetMode") === "External",
  }));
}

function relsOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A cell's text as a header: shared string, inline string or plain value. */
function cellTexts(sheetXml: string, row: number, sharedStrings: string[]): Map<number, string> {
  const out = new Map<number, string>();
  const rowMatch = new RegExp(`<row\\b[^>]*\\br="${row + 1}"[^>]*>([\\s\\S]*?)</row>`).exec(sheetXml);
  if (!rowMatch) return out;
  for (const c of rowMatch[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const ref = attr(c[0], "r");
    if (!ref) continue;
    const type = attr(c[0], "t");
    const body = c[2] ?? "";
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    let text = "";
    if (type === "s" && v !== undefined) text = sharedStrings[Number(v)] ?? "";
    else if (type === "inlineStr") text = [...body.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decode(t[1])).join("");
    else if (v !== undefined) text = decode(v);
    out.set(parseAddress(ref).col, text);
  }
  return out;
}

function sharedStringsOf(parts: Map<string, Buffer>): string[] {
  const xml = parts.get("xl/sharedStrings.xml")?.toString("utf8") ?? "";
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    [...si[1].replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => decode(t[1])).join("")
  );
}

/** Whether Excel takes the text as a defined name (not a cell reference, no spaces, a letter, _ or \ first). */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (/^_xlnm\./.test(name)) return true;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name)) return false;
  if (/^[rRcC]$/.test(name) || /^[rR]\d*[cC]\d*$/.test(name)) return false;
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1) {
    const col = parseAddress(`${a1[1]}1`).col;
    if (col < 16384 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1048576) return false;
  }
  return true;
}

/** Everything in the package that Excel would repair, with where it is. */
export function checkPackage(zip: Buffer): PackageProblem[] {
  const parts = zipParts(zip);
  const problems: PackageProblem[] = [];

  // Relationships and content types name only parts that are there.
  for (const relsPart of [...parts.keys()].filter((p) => p.endsWith(".rels"))) {
    for (const r of relationships(parts, relsPart)) {
      if (r.external) continue;
      const target = resolveTarget(relsPart, r.target);
      if (!parts.has(target)) {
        problems.push({ code: "MANGLENDE_DEL", where: relsPart, message: `Relationen peger på ${target}, som ikke findes i filen.` });
      }
    }
  }
  const types = parts.get("[Content_Types].xml")?.toString("utf8") ?? "";
  for (const m of types.matchAll(/<Override\b[^>]*>/g)) {
    const name = (attr(m[0], "PartName") ?? "").replace(/^\//, "");
    if (name && !parts.has(name)) {
      problems.push({ code: "MANGLENDE_DEL", where: "[Content_Types].xml", message: `Indholdstyperne nævner ${name}, som ikke findes i filen.` });
    }
  }

  // The sheets by name, for the messages.
  const workbook = parts.get("xl/workbook.xml")?.toString("utf8") ?? "";
  const relTargets = new Map<string, string>();
  for (const m of (parts.get("xl/_rels/workbook.xml.rels")?.toString("utf8") ?? "").matchAll(/<Relationship\b[^>]*>/g)) {
    relTargets.set(attr(m[0], "Id") ?? "", resolveTarget("xl/_rels/workbook.xml.rels", attr(m[0], "Target") ?? ""));
  }
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => ({
    name: attr(m[0], "name") ?? "",
    part: relTargets.get(attr(m[0], "r:id") ?? "") ?? "",
  }));
  const shared = sharedStringsOf(parts);

  for (const sheet of sheets) {
    const xml = parts.get(sheet.part)?.toString("utf8");
    if (xml === undefined) continue;
    const where = `arket ${sheet.name}`;

    // Data validations: no cell under two, no literal list over 255 characters.
    const ranges: { rect: Rect; ref: string; index: number }[] = [];
    [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>|<dataValidation\b([^>]*)\/>/g)].forEach((m, index) => {
      const sqref = attr(m[0], "sqref") ?? "";
      for (const ref of sqref.split(/\s+/).filter(Boolean)) ranges.push({ rect: rectOf(ref), ref, index });
      const formula = /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2] ?? "")?.[1];
      if (attr(m[0], "type") === "list" && formula) {
        const text = decode(formula);
        if (/^".*"$/s.test(text) && text.length - 2 > 255) {
          problems.push({ code: "LISTE_FOR_LANG", where, message: `Rullelisten i ${sqref} er ${text.length - 2} tegn lang; Excel tager højst 255.` });
        }
      }
    });
    ranges.sort((a, b) => a.rect.top - b.rect.top);
    for (let i = 0; i < ranges.length; i++) {
      for (let j = i + 1; j < ranges.length && ranges[j].rect.top <= ranges[i].rect.bottom; j++) {
        if (overlap(ranges[i].rect, ranges[j].rect)) {
          problems.push({ code: "OVERLAPPENDE_VALIDERING", where, message: `Datavalideringerne ${ranges[i].ref} og ${ranges[j].ref} dækker de samme celler.` });
        }
      }
    }

    // Tables: no merged cells inside, header cells equal to the column names.
    const merges = [...xml.matchAll(/<mergeCell\b[^>]*>/g)].map((m) => attr(m[0], "ref") ?? "").filter(Boolean);
    for (const r of relationships(parts, relsOf(sheet.part)).filter((r) => r.type.endsWith("/table") && !r.external)) {
      const tablePart = resolveTarget(relsOf(sheet.part), r.target);
      const tableXml = parts.get(tablePart)?.toString("utf8");
      if (!tableXml) continue;
      const head = /<table\b[^>]*>/.exec(tableXml)?.[0] ?? "";
      const name = attr(head, "displayName") ?? attr(head, "name") ?? tablePart;
      const ref = attr(head, "ref");
      if (!ref) continue;
      const rect = rectOf(ref);
      for (const merge of merges) {
        if (overlap(rect, rectOf(merge))) {
          problems.push({ code: "FLETTEDE_CELLER_I_TABEL", where, message: `Tabellen ${name} (${ref}) indeholder flettede celler ${merge}.` });
        }
      }
      if (attr(head, "headerRowCount") === "0") continue;
      const columns = [...tableXml.matchAll(/<tableColumn\b[^>]*>/g)].map((m) => attr(m[0], "name") ?? "");
      if (columns.length !== rect.right - rect.left + 1) {
        problems.push({
          code: "TABELOVERSKRIFT_AFVIGER",
          where,
          message: `Tabellen ${name} har ${columns.length} kolonner, men området ${ref} er ${rect.right - rect.left + 1} bredt.`,
        });
        continue;
      }
      const headers = cellTexts(xml, rect.top, shared);
      columns.forEach((column, k) => {
        const cell = headers.get(rect.left + k) ?? "";
        if (cell !== column) {
          problems.push({
            code: "TABELOVERSKRIFT_AFVIGER",
            where,
            message: `Tabellen ${name}: overskriften "${cell}" står over kolonnen "${column}".`,
          });
        }
      });
    }
  }

  // Defined names Excel accepts, each once per scope.
  const seen = new Set<string>();
  for (const m of workbook.matchAll(/<definedName\b[^>]*>/g)) {
    const name = attr(m[0], "name") ?? "";
    const scope = attr(m[0], "localSheetId") ?? "";
    if (!isValidDefinedName(name))
      problems.push({ code: "UGYLDIGT_NAVN", where: "xl/workbook.xml", message: `Navnet "${name}" er ikke et gyldigt navn i Excel.` });
    const key = `${scope}|${name.toLowerCase()}`;
    if (seen.has(key)) problems.push({ code: "UGYLDIGT_NAVN", where: "xl/workbook.xml", message: `Navnet "${name}" er defineret to gange.` });
    seen.add(key);
  }
  return problems;
}
