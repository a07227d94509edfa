// The drawings of a workbook kept across a load and save through ExcelJS (`check --repair`,
// `pseudonymise`): ExcelJS writes a sheet's pictures but drops its charts and shapes. After it has
// written the workbook, each sheet that had a drawing with more than pictures in the original package
// gets that drawing back, with every part it reaches through its relationships (charts, their styles
// and colours, pictures), under part names the written package does not use yet. The sheet names
// tie the two packages together: the charts' ranges name sheets, which a load and save keeps.
import { zipParts } from "./zip-parts";
import { insertDrawingTag } from "./chart-parts";
import { zipPackage } from "./native-zip";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

type Parts = Map<string, Buffer>;

const text = (parts: Parts, name: string): string => parts.get(name)?.toString("utf8") ?? "";

/** The relationships part of a part: xl/worksheets/sheet1.xml -> xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's (internal) target as a part name, from the part that holds it. */
function resolve(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== ".") out.push(seg);
  }
  return out.join("/");
}

/** The path from one part's folder to another part. */
function relative(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let k = 0;
  while (k < a.length && k < b.length - 1 && a[k] === b[k]) k++;
  return [...a.slice(k).map(() => ".."), ...b.slice(k)].join("/");
}

interface Relationship {
  tag: string;
  id: string;
  target: string;
  external: boolean;
}

function relationships(parts: Parts, part: string): Relationship[] {
  return [...text(parts, relsPartOf(part)).matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    tag: m[0],
    id: /\bId="([^"]*)"/.exec(m[0])?.[1] ?? "",
    target: /\bTarget="([^"]*)"/.exec(m[0])?.[1] ?? "",
    external: /TargetMode="External"/.test(m[0]),
  }));
}

/** Each sheet's part by the sheet's name. */
export function sheetPartsByName(parts: Parts): Map<string, string> {
  const rels = relationships(parts, "xl/workbook.xml");
  const out = new Map<string, string>();
  for (const m of text(parts, "xl/workbook.xml").matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const rel = rels.find((r) => r.id === rid);
    if (name !== undefined && rel) out.set(name, resolve("xl/workbook.xml", rel.target));
  }
  return out;
}

/** A sheet's drawing part, or null. */
function drawingOf(parts: Parts, sheetPart: string): { rid: string; part: string } | null {
  const rid = /<drawing\b[^>]*\br:id="([^"]*)"/.exec(text(parts, sheetPart))?.[1];
  const rel = rid === undefined ? undefined : relationships(parts, sheetPart).find((r) => r.id === rid);
  return rel && !rel.external ? { rid: rid!, part: resolve(sheetPart, rel.target) } : null;
}

/** A drawing ExcelJS would not write back: it holds charts, shapes or groups, not only pictures. */
function holdsMoreThanPictures(xml: string): boolean {
  return /<(?:\w+:)?(?:graphicFrame|sp|grpSp|cxnSp)\b/.test(xml);
}

/** The first free name like the given one: xl/charts/chart1.xml -> xl/charts/chart3.xml. */
function freeName(taken: (name: string) => boolean, name: string): string {
  if (!taken(name)) return name;
  const m = /^(.*?)(\d*)(\.[^./]+)$/.exec(name);
  const [stem, ext] = m ? [m[1], m[3]] : [name, ""];
  for (let n = 1; ; n++) if (!taken(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
}

function contentTypeOf(types: string, part: string): { override?: string; extension?: string; type: string } | null {
  const override = new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`, "i").exec(types)?.[0];
  const type = override && /ContentType="([^"]*)"/.exec(override)?.[1];
  if (type) return { override: part, type };
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  const def = new RegExp(`<Default\\b[^>]*Extension="${ext}"[^>]*>`, "i").exec(types)?.[0];
  const defType = def && /ContentType="([^"]*)"/.exec(def)?.[1];
  return defType ? { extension: ext, type: defType } : null;
}

export interface KeptDrawings {
  bytes: Buffer;
  /** The sheets whose drawings came back. */
  sheets: string[];
}

/**
 * The written package with the original's drawings put back on the sheets of the same names, where the
 * original's drawing held more than pictures. Unchanged bytes when there is nothing to put back.
 */
export function keepDrawings(original: Buffer, written: Buffer): KeptDrawings {
  const from = zipParts(original);
  const fromSheets = sheetPartsByName(from);
  const wanted = [...fromSheets].flatMap(([name, part]) => {
    const d = drawingOf(from, part);
    return d && holdsMoreThanPictures(text(from, d.part)) ? [{ name, drawing: d.part }] : [];
  });
  if (wanted.length === 0) return { bytes: written, sheets: [] };
  const out = zipParts(written);
  const outSheets = sheetPartsByName(out);
  const fromTypes = text(from, "[Content_Types].xml");
  let types = text(out, "[Content_Types].xml");
  const kept: string[] = [];

  for (const { name, drawing } of wanted) {
    const sheetPart = outSheets.get(name);
    if (!sheetPart || !out.has(sheetPart)) continue;
    // Copy the drawing and all it reaches, each part once, under a free name.
    const renamed = new Map<string, string>();
    const queue = [drawing];
    while (queue.length > 0) {
      const part = queue.shift()!;
      if (renamed.has(part) || !from.has(part)) continue;
      renamed.set(
        part,
        freeName((n) => out.has(n) || [...renamed.values()].includes(n), part)
      );
      for (const r of relationships(from, part)) if (!r.external) queue.push(resolve(part, r.target));
    }
    for (const [oldName, newName] of renamed) {
      out.set(newName, from.get(oldName)!);
      const rels = relationships(from, oldName);
      if (rels.length > 0) {
        let xml = text(from, relsPartOf(oldName));
        for (const r of rels) {
          const target = resolve(oldName, r.target);
          if (r.external || !renamed.has(target)) continue;
          xml = xml.replace(r.tag, r.tag.replace(`Target="${r.target}"`, `Target="${relative(newName, renamed.get(target)!)}"`));
        }
        out.set(relsPartOf(newName), Buffer.from(xml, "utf8"));
      }
      const type = contentTypeOf(fromTypes, oldName);
      if (type?.override) {
        types = types.replace("</Types>", `<Override PartName="/${newName}" ContentType="${type.type}"/></Types>`);
      } else if (type?.extension && !new RegExp(`<Default\\b[^>]*Extension="${type.extension}"`, "i").test(types)) {
        types = types.replace(/(<Types\b[^>]*>)/, `$1<Default Extension="${type.extension}" ContentType="${type.type}"/>`);
      }
    }

    // The sheet points at the kept drawing: instead of the pictures-only drawing ExcelJS wrote, or anew.
    const newDrawing = renamed.get(drawing)!;
    const relsName = relsPartOf(sheetPart);
    const present = drawingOf(out, sheetPart);
    if (present) {
      const rel = relationships(out, sheetPart).find((r) => r.id === present.rid)!;
      out.set(
        relsName,
        Buffer.from(text(out, relsName).replace(rel.tag, rel.tag.replace(`Target="${rel.target}"`, `Target="${relative(sheetPart, newDrawing)}"`)), "utf8")
      );
    } else {
      const ids = new Set(relationships(out, sheetPart).map((r) => r.id));
      let rid = "rIdKeptDrawing";
      for (let n = 1; ids.has(rid); n++) rid = `rIdKeptDrawing${n}`;
      const tag = `<Relationship Id="${rid}" Type="${REL}/drawing" Target="${relative(sheetPart, newDrawing)}"/>`;
      const existing = text(out, relsName);
      const rels = existing
        ? existing.replace("</Relationships>", `${tag}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${tag}</Relationships>`;
      out.set(relsName, Buffer.from(rels, "utf8"));
      out.set(sheetPart, Buffer.from(insertDrawingTag(text(out, sheetPart), rid), "utf8"));
    }
    kept.push(name);
  }
  if (kept.length === 0) return { bytes: written, sheets: [] };
  out.set("[Content_Types].xml", Buffer.from(types, "utf8"));
  return { bytes: zipPackage(out), sheets: kept };
}
