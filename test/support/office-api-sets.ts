// Microsoft's record of which requirement set each Office.js member belongs to: the "[Api set: …]"
// annotations of @types/office-js, read in one place for the requirement-set test (which members the
// adapters use) and the fake Excel (which members a test's declared sets allow). Also the manifest's
// minimum, which is the fake's default declaration.
import { createHash } from "crypto";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import ts from "typescript";

/** The repository's root: the nearest folder up from here that holds manifest.xml (also from lib/ when bench is built). */
export const ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "manifest.xml")) && existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error("office-api-sets: no manifest.xml above " + __dirname);
  }
})();

function versionOf(version: string): number[] {
  return version.split(".").map(Number);
}

/** True when `have` is the same version as `need` or later ("1.10" is later than "1.9"). */
export function atLeast(have: string, need: string): boolean {
  const [a, b] = [versionOf(have), versionOf(need)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

/** The ExcelApi version manifest.xml requires (<Set Name="ExcelApi" MinVersion="…"/>). */
export function manifestMinimum(): string {
  const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const m = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\s*\/>/.exec(xml);
  if (!m) throw new Error("manifest.xml names no ExcelApi minimum");
  return m[1];
}

/** The text of a doc comment's "[Api set: …]" annotation ("ExcelApi 1.9"), or null when it has none. */
export function apiSetAnnotation(doc: string): string | null {
  const m = /\[Api set: ([^\]]+)\]/.exec(doc);
  return m ? m[1].trim() : null;
}

/** A requirement set and version: what isSetSupported(name, version) asks. */
export interface RequirementSet {
  name: string;
  version: string;
}

/**
 * The set a member needs at all: the annotation's first set with its lowest version. "ExcelApi 1.1 for
 * reading visibility; 1.2 for setting it" needs ExcelApi 1.1; a later version for one way of calling a
 * member is the caller's to guard. Null for an annotation with no numbered version (a preview).
 */
export function requiredSet(annotation: string): RequirementSet | null {
  const first = /\b([A-Za-z]+)\s+(\d+\.\d+)/.exec(annotation);
  if (!first) return null;
  const name = first[1];
  let version = first[2];
  const rest = annotation.slice(first.index);
  for (const m of rest.matchAll(/(?:\b([A-Za-z]+)\s+)?(\d+\.\d+)/g)) {
    if (m[1] !== undefined && m[1] !== name && !/^(for|and|or|in|requires|allows)$/i.test(m[1])) continue;
    if (!atLeast(m[2], version)) version = m[2];
  }
  return { name, version };
}

/** One member of an Excel class: the set it needs (none for Office's common members) and what it gives. */
export interface ApiMember {
  set?: RequirementSet;
  /** For a property that can be set from a later set than it can be read ("1.1 for reading …; 1.2 for setting it"). */
  setterSet?: RequirementSet;
  /** The Excel class a property holds or a method returns ("RangeFormat"), when it is one. */
  type?: string;
  /** True when that is an array of the class (a collection's items). */
  array?: boolean;
}

export interface ApiClass {
  /** The Excel class it extends, if any. */
  base?: string;
  members: Record<string, ApiMember>;
}

/** Every class and interface declared directly in @types/office-js's `Excel` namespace. */
export type ExcelApiTable = Record<string, ApiClass>;

const OFFICE_JS = path.join(ROOT, "node_modules", "@types", "office-js", "index.d.ts");
const TABLE_FORMAT = "1";

function parseExcelNamespace(text: string): ExcelApiTable {
  const table: ExcelApiTable = {};
  const start = text.indexOf("\ndeclare namespace Excel {");
  if (start < 0) throw new Error("@types/office-js declares no Excel namespace");
  const end = text.indexOf("\ndeclare namespace ", start + 1);
  const slice = text.slice(start, end < 0 ? undefined : end);
  const file = ts.createSourceFile("excel.d.ts", slice, ts.ScriptTarget.Latest, false);
  const ns = file.statements.find((s): s is ts.ModuleDeclaration => ts.isModuleDeclaration(s));
  const body = ns?.body && ts.isModuleBlock(ns.body) ? ns.body : undefined;
  if (!body) throw new Error("@types/office-js: the Excel namespace has no body");
  const classes = body.statements.filter(
    (s): s is ts.ClassDeclaration | ts.InterfaceDeclaration => (ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s)) && !!s.name
  );
  const names = new Set(classes.map((c) => c.name!.text));
  const excelName = (node: ts.TypeNode | undefined): { type?: string; array?: boolean } => {
    if (!node) return {};
    if (ts.isArrayTypeNode(node)) {
      const inner = excelName(node.elementType);
      return inner.type && !inner.array ? { type: inner.type, array: true } : {};
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(file).replace(/^Excel\./, "");
      return names.has(name) ? { type: name } : {};
    }
    return {};
  };
  const docOf = (node: ts.Node): string =>
    (ts.getLeadingCommentRanges(slice, node.pos) ?? [])
      .map((r) => slice.slice(r.pos, r.end))
      .filter((c) => c.startsWith("/**"))
      .join("\n");
  for (const decl of classes) {
    const cls: ApiClass = table[decl.name!.text] ?? { members: {} };
    table[decl.name!.text] = cls;
    for (const clause of decl.heritageClauses ?? []) {
      for (const t of clause.types) {
        const base = t.expression.getText(file).replace(/^Excel\./, "");
        if (names.has(base)) cls.base = base;
      }
    }
    for (const m of decl.members) {
      if (!m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue;
      const name = m.name.text;
      const typeNode =
        ts.isPropertyDeclaration(m) || ts.isPropertySignature(m) || ts.isMethodDeclaration(m) || ts.isMethodSignature(m) || ts.isGetAccessor(m)
          ? m.type
          : undefined;
      const annotation = apiSetAnnotation(docOf(m));
      const set = annotation ? requiredSet(annotation) : null;
      const seen = cls.members[name];
      const member: ApiMember = seen ?? { ...excelName(typeNode) };
      // Overloads: the member exists from its earliest set on.
      if (set && (!member.set || (member.set.name === set.name && !atLeast(set.version, member.set.version)))) member.set = set;
      const setter = annotation && set ? /(\d+\.\d+) for (?:setting|set)\b/.exec(annotation) : null;
      if (setter && set) member.setterSet = { name: set.name, version: setter[1] };
      if (!member.type) Object.assign(member, excelName(typeNode));
      cls.members[name] = member;
    }
  }
  return table;
}

let memo: ExcelApiTable | undefined;

/**
 * The Excel namespace's classes with each member's requirement set, from @types/office-js. Parsing the
 * declarations takes a second or two, so the table is kept in the system's temporary folder, keyed by
 * the declarations' size and time, for the next test file.
 */
export function excelApiTable(): ExcelApiTable {
  if (memo) return memo;
  const stat = statSync(OFFICE_JS);
  const key = createHash("sha1").update(`${TABLE_FORMAT}:${OFFICE_JS}:${stat.size}:${stat.mtimeMs}`).digest("hex").slice(0, 16);
  const cache = path.join(tmpdir(), `sagsliste-excel-api-sets-${key}.json`);
  try {
    memo = JSON.parse(readFileSync(cache, "utf8")) as ExcelApiTable;
    return memo;
  } catch {
    // not cached yet (or cut short): parse below
  }
  memo = parseExcelNamespace(readFileSync(OFFICE_JS, "utf8"));
  const part = `${cache}.${process.pid}.tmp`;
  writeFileSync(part, JSON.stringify(memo));
  renameSync(part, cache);
  return memo;
}

/** A member of an Excel class or of a class it extends, or undefined when the class has no such member. */
export function apiMember(table: ExcelApiTable, className: string, member: string): ApiMember | undefined {
  for (let cls: string | undefined = className; cls; cls = table[cls]?.base) {
    const found = table[cls]?.members;
    if (found && Object.prototype.hasOwnProperty.call(found, member)) return found[member];
  }
  return undefined;
}
