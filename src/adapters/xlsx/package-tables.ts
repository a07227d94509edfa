// A workbook's tables and defined names read straight from its package's XML, without ExcelJS: the
// sheets, table parts and names found through the package's relationships, and each table's cells read
// by sheet-xml-cells.ts. It gives what the ExcelJS readers give (structured-from-workbook.ts's
// TableSource, workbook-snapshot.ts's snapshot for the integrity check) at a fraction of the time and
// memory, for reading many workbooks at once (the overview across units). Pure string work over the
// parts' texts: the command line inflates them with zlib, the browser with DecompressionStream.
import type { Scalar, CellInput } from "../../workbook/plan";
import type { NameSnapshot, TableSnapshot, WorkbookSnapshot } from "../../workbook/integrity";
import type { TableRows, TableSource } from "../../workbook/structured-from-tables";
import { attribute, columnNumber, decodeEntities, readDateStyles, readSharedStrings, readSheetCells, type SheetContext } from "./sheet-xml-cells";

/** The text of a part by its name in the zip ("xl/workbook.xml"), or undefined when it is missing. */
export type PartText = (name: string) => string | undefined;

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** The relationships of a part, their targets resolved to part names. */
function relationships(text: PartText, part: string): Relationship[] {
  const slash = part.lastIndexOf("/");
  const dir = part.slice(0, slash + 1);
  const xml = text(`${dir}_rels/${part.slice(slash + 1)}.rels`);
  if (!xml) return [];
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const id = attribute(m[1], "Id");
    const type = attribute(m[1], "Type") ?? "";
    const target = attribute(m[1], "Target");
    if (id === undefined || target === undefined || attribute(m[1], "TargetMode") === "External") continue;
    out.push({ id, type, target: resolvePart(dir, decodeEntities(target)) });
  }
  return out;
}

function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

const isType = (r: Relationship, kind: string): boolean => r.type.endsWith(`/${kind}`);

interface TablePart {
  name: string;
  ref: string;
  headerRow: boolean;
  totalsRow: boolean;
}

function readTablePart(xml: string): TablePart | null {
  const tag = /<table\b([^>]*)>/.exec(xml)?.[1];
  if (tag === undefined) return null;
  const name = attribute(tag, "name") ?? attribute(tag, "displayName");
  const ref = attribute(tag, "ref");
  if (!name || !ref) return null;
  const totals = attribute(tag, "totalsRowCount");
  return {
    name: decodeEntities(name),
    ref: ref.replace(/\$/g, "").toUpperCase(),
    headerRow: attribute(tag, "headerRowCount") !== "0",
    totalsRow: totals !== undefined && totals !== "0",
  };
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function box(ref: string): Box | null {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
  if (!m) return null;
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3]) : left };
}

/** A plain-range name as ExcelJS writes it back: the sheet quoted unless letters and digits, absolute cells. */
const PLAIN_RANGE = /^(?:'((?:[^']|'')+)'|([^'!,]+))!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/;
const ADDRESS_NAME = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)$/;

function normalisedReference(text: string): string {
  const m = PLAIN_RANGE.exec(text);
  if (!m) return text;
  const sheet = m[1] ?? m[2];
  const quoted = /^[a-zA-Z0-9]*$/.test(sheet) ? `${sheet}!` : `'${sheet}'!`;
  const single = m[5] === undefined || (m[5] === m[3] && m[6] === m[4]);
  return single ? `${quoted}$${m[3]}$${m[4]}` : `${quoted}$${m[3]}$${m[4]}:$${m[5]}$${m[6]}`;
}

/** What a workbook's tables and names read as, for the structured reader and the integrity check. */
export interface PackageTables {
  source: TableSource;
  snapshot: WorkbookSnapshot;
}

interface SheetEntry {
  name: string;
  part: string;
}

/**
 * Read every table and every workbook-level defined name of a package. Each sheet's XML is read once
 * and let go; only the tables' cells and the named cells are kept. Throws when the package has no workbook.
 */
export function readPackageTables(text: PartText): PackageTables {
  const root = relationships(text, "").find((r) => isType(r, "officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookXml = text(root);
  if (!workbookXml) throw new Error("projektmappens workbook.xml mangler");
  const bookRels = relationships(text, root);
  const byId = new Map(bookRels.map((r) => [r.id, r]));
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);
  const sheets: SheetEntry[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = attribute(m[1], "name");
    const rel = byId.get(attribute(m[1], "r:id") ?? "");
    if (name !== undefined && rel && isType(rel, "worksheet")) sheets.push({ name: decodeEntities(name), part: rel.target });
  }
  const names: { name: string; refersTo: string }[] = [];
  for (const m of workbookXml.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)) {
    const name = attribute(m[1], "name");
    if (name === undefined || attribute(m[1], "localSheetId") !== undefined || name.startsWith("_xlnm.")) continue;
    const refersTo = decodeEntities(m[2]).trim();
    if (refersTo !== "") names.push({ name: decodeEntities(name), refersTo: normalisedReference(refersTo) });
  }

  const shared = bookRels.find((r) => isType(r, "sharedStrings"));
  const styles = bookRels.find((r) => isType(r, "styles"));
  const ctx: SheetContext = {
    sharedStrings: readSharedStrings(shared ? text(shared.target) : undefined),
    dateStyles: readDateStyles(styles ? text(styles.target) : undefined),
    date1904,
  };

  // The cells each sheet must give: its tables' ranges and the cells names point at.
  const namedCells = new Map<string, { row: number; col: number }[]>();
  for (const n of names) {
    const m = ADDRESS_NAME.exec(n.refersTo);
    if (!m) continue;
    const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
    namedCells.set(sheet, [...(namedCells.get(sheet) ?? []), { row: Number(m[4]), col: columnNumber(m[3]) }]);
  }

  const tables: ReadTable[] = [];
  const nameValues = new Map<string, Scalar>();
  for (const s of sheets) {
    const parts: TablePart[] = [];
    for (const r of relationships(text, s.part)) {
      if (!isType(r, "table")) continue;
      const xml = text(r.target);
      const t = xml ? readTablePart(xml) : null;
      if (t) parts.push(t);
    }
    const named = namedCells.get(s.name) ?? [];
    if (parts.length === 0 && named.length === 0) continue;
    const xml = text(s.part);
    if (xml === undefined) continue;
    const read: ReadTable[] = [];
    for (const p of parts) {
      const at = box(p.ref);
      if (!at) continue;
      const height = at.bottom - at.top + 1;
      const width = at.right - at.left + 1;
      const values: Scalar[][] = [];
      for (let i = 0; i < height; i++) values.push(new Array<Scalar>(width).fill(null));
      read.push({ part: p, sheet: s.name, at, values, formulas: [] });
    }
    // The columns wanted in a row: the tables it crosses and the named cells in it, worked out once for a
    // run of rows that cross the same tables.
    let lastKey = "";
    let lastTest: ((col: number) => boolean) | null = null;
    let current: ReadTable[] = [];
    readSheetCells(xml, ctx, {
      row: (row) => {
        current = read.filter((t) => row >= t.at.top && row <= t.at.bottom);
        const cols = named.filter((n) => n.row === row).map((n) => n.col);
        const key = current.map((t) => `${t.at.left}-${t.at.right}`).join(",") + "|" + cols.join(",");
        if (key === lastKey) return lastTest;
        lastKey = key;
        const spans = current.map((t) => [t.at.left, t.at.right]);
        lastTest = spans.length === 0 && cols.length === 0 ? null : (col) => spans.some(([l, r]) => col >= l && col <= r) || cols.includes(col);
        return lastTest;
      },
      cell: (row, col, value, formula) => {
        for (const t of current) {
          if (col < t.at.left || col > t.at.right) continue;
          const i = row - t.at.top;
          t.values[i][col - t.at.left] = value;
          if (formula !== undefined) (t.formulas[i] ??= [])[col - t.at.left] = formula;
        }
        if (named.length > 0) nameValues.set(`${s.name}!${row}:${col}`, value);
      },
    });
    for (const n of named) if (!nameValues.has(`${s.name}!${n.row}:${n.col}`)) nameValues.set(`${s.name}!${n.row}:${n.col}`, null);
    tables.push(...read);
  }

  const nameValue = (refersTo: string): Scalar | undefined => {
    const m = ADDRESS_NAME.exec(refersTo);
    if (!m) return undefined;
    const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
    if (!sheets.some((s) => s.name === sheet)) return undefined;
    return nameValues.get(`${sheet}!${Number(m[4])}:${columnNumber(m[3])}`) ?? null;
  };

  const interned = new Map<string, { formula: string }>();
  const snapshotCell = (t: ReadTable, i: number, j: number): CellInput => {
    const text = t.formulas[i]?.[j];
    if (text === undefined) return t.values[i][j];
    let f = interned.get(text);
    if (!f) interned.set(text, (f = { formula: "=" + text }));
    return f;
  };
  const header = (v: Scalar): string => String(v ?? "").trim();
  const snapshotTables: TableSnapshot[] = tables.map((t) => {
    const rows: CellInput[][] = [];
    const last = t.values.length - (t.part.totalsRow ? 1 : 0);
    for (let i = 1; i < last; i++) rows.push(t.formulas[i] ? t.values[i].map((_, j) => snapshotCell(t, i, j)) : t.values[i]);
    return { name: t.part.name, sheet: t.sheet, topLeft: t.part.ref.split(":")[0], headers: t.values[0].map(header), rows };
  });
  const tableRows = (name: string): TableRows | null => {
    const t = tables.find((x) => x.part.name.toLowerCase() === name.toLowerCase());
    if (!t) return null;
    const headers = t.part.headerRow ? t.values[0].map(header) : t.values[0].map((_, j) => `Kolonne${j + 1}`);
    return { headers, rows: t.values.slice(t.part.headerRow ? 1 : 0, t.part.totalsRow ? -1 : undefined) };
  };
  return {
    source: {
      table: tableRows,
      name: (name) => {
        const n = names.find((x) => x.name === name);
        return n ? nameValue(n.refersTo) : undefined;
      },
    },
    snapshot: {
      sheets: sheets.map((s) => s.name),
      tables: snapshotTables,
      names: names.map((n): NameSnapshot => ({ ...n, value: nameValue(n.refersTo) })),
    },
  };
}

/** A table as read: its cells' plain values and, where a cell holds one, its formula's text. */
interface ReadTable {
  part: TablePart;
  sheet: string;
  at: Box;
  values: Scalar[][];
  formulas: (string | undefined)[][];
}
