// Test support: a workbook's formula cells that carry a cached result (<v>), read straight from the
// package's sheet XML, and the comparison of those results with the same cells after LibreOffice
// recalculated the file (the oracle for cached values: a reader that does not recalculate shows what a
// recalculation gives).
import type ExcelJS from "exceljs";
import { promises as fs } from "fs";
import { zipParts } from "../../src/adapters/xlsx/zip-parts";
import { plainValue } from "../../src/adapters/xlsx/cell-values";

export interface CachedCell {
  sheet: string;
  address: string;
  /** The cached result: a number, or text (t="str"). */
  value: number | string;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

/** Every formula cell with a cached value, by sheet name, from the package's XML. */
export function cachedFormulaCells(parts: Map<string, Buffer>): CachedCell[] {
  const workbook = parts.get("xl/workbook.xml")!.toString("utf8");
  const rels = parts.get("xl/_rels/workbook.xml.rels")!.toString("utf8");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
  }
  const out: CachedCell[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*\/>/g)) {
    const name = decode(/\bname="([^"]*)"/.exec(m[0])![1]);
    const rid = /\br:id="([^"]+)"/.exec(m[0])![1];
    const xml = parts.get(targets.get(rid)!)?.toString("utf8") ?? "";
    for (const c of xml.matchAll(/<c\b([^>]*?)(?<!\/)>(.*?)<\/c>/gs)) {
      if (!c[2].includes("<f")) continue;
      const v = /<v>(.*?)<\/v>/s.exec(c[2]);
      if (!v) continue;
      const address = /\br="([A-Z]+\d+)"/.exec(c[1])![1];
      const type = /\bt="([^"]+)"/.exec(c[1])?.[1];
      out.push({ sheet: name, address, value: type === "str" ? decode(v[1]) : Number(v[1]) });
    }
  }
  return out;
}

/** The cached cells of a file on disk. */
export async function cachedCellsOfFile(file: string): Promise<CachedCell[]> {
  return cachedFormulaCells(zipParts(await fs.readFile(file)));
}

/** The cached cells whose value differs from the recalculated workbook's (numbers within 1e-9 relative). */
export function cachedMismatches(cells: readonly CachedCell[], recalculated: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const c of cells) {
    const ws = recalculated.getWorksheet(c.sheet);
    const actual = ws ? plainValue(ws.getCell(c.address).value) : undefined;
    const same =
      typeof c.value === "number" ? typeof actual === "number" && Math.abs(actual - c.value) <= 1e-9 * Math.max(1, Math.abs(c.value)) : actual === c.value;
    if (!same) out.push(`${c.sheet}!${c.address}: gemt ${JSON.stringify(c.value)}, genberegnet ${JSON.stringify(actual)}`);
  }
  return out;
}
