// convert keeps the original package: a case list saved by LibreOffice, with a chart, an image, a comment,
// a pivot table, a conditional format and a data validation on its original sheets, comes out with every
// one of its parts present, the user's parts byte for byte, and the five parts convert adds to (the
// workbook, its relationships, the content types, the styles and the shared strings) holding all their
// original XML. Every relationship of the output points at a part that exists; a re-run keeps it so.
import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { convertWithLibreOffice, recalculate } from "../../src/adapters/libreoffice/recalc";
import { findTable } from "../../src/adapters/xlsx/read-tables";
import { inflateEntry, readZipEntries } from "../../src/adapters/xlsx/zip-package";
import { richCaseListXlsx } from "../support/rich-workbook";
import { tempDir } from "../support/recalc-helpers";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";

const BIN = path.resolve(__dirname, "../../bin/sagsliste.js");

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Parts = Map<string, { raw: Buffer; bytes: Buffer }>;

async function partsOf(file: string): Promise<Parts> {
  const buf = await fs.readFile(file);
  return new Map(readZipEntries(buf, file).map((e) => [e.name, { raw: e.raw, bytes: inflateEntry(e, file) }]));
}

const text = (parts: Parts, name: string) => parts.get(name)?.bytes.toString("utf8") ?? "";

/** The parts convert adds to; every other input part must come out byte for byte. */
const MERGED = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"];

function inner(xml: string, el: string): string {
  const m = new RegExp(`<${el}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${el}>)`).exec(xml);
  return m ? (m[1] ?? "") : "";
}

function elementsOf(xml: string, el: string): string[] {
  return [...xml.matchAll(new RegExp(`<${el}\\b[^>]*?/>|<${el}\\b[^>]*>[\\s\\S]*?</${el}>`, "g"))].map((m) => m[0]);
}

/** Every relationship target (not external) that no part of the package holds. */
function missingTargets(parts: Parts): string[] {
  const missing: string[] = [];
  for (const [name, part] of parts) {
    if (!name.endsWith(".rels")) continue;
    const owner = path.posix.join(path.posix.dirname(path.posix.dirname(name)), path.posix.basename(name, ".rels"));
    for (const rel of elementsOf(part.bytes.toString("utf8"), "Relationship")) {
      if (/TargetMode="External"/.test(rel)) continue;
      const target = /Target="([^"]*)"/.exec(rel)?.[1] ?? "";
      const resolved = target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(owner), target));
      if (!parts.has(resolved)) missing.push(`${name} -> ${resolved}`);
    }
  }
  return missing;
}

/** The comparison of every input part with the output, as the report lists it. */
function compare(input: Parts, output: Parts): { identical: string[]; merged: string[]; problems: string[] } {
  const identical: string[] = [];
  const merged: string[] = [];
  const problems: string[] = [];
  for (const [name, part] of input) {
    const out = output.get(name);
    if (!out) {
      problems.push(`${name} mangler`);
      continue;
    }
    if (!MERGED.includes(name)) {
      if (out.bytes.equals(part.bytes) && out.raw.equals(part.raw)) identical.push(name);
      else problems.push(`${name} er ændret`);
      continue;
    }
    merged.push(name);
    const before = part.bytes.toString("utf8");
    const after = out.bytes.toString("utf8");
    // The original's items stand first and unchanged in each list convert appends to.
    const lists: Record<string, string[]> = {
      "xl/styles.xml": ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs"],
      "xl/sharedStrings.xml": ["sst"],
    };
    for (const el of lists[name] ?? [])
      if (!inner(after, el).startsWith(inner(before, el))) problems.push(`${name}: <${el}> har ikke originalens indhold først`);
    // Every element of the original that is not a list convert appends to stands unchanged.
    const kept: Record<string, string[]> = {
      "[Content_Types].xml": ["Default", "Override"],
      "xl/_rels/workbook.xml.rels": ["Relationship"],
      "xl/workbook.xml": ["sheet", "definedName", "pivotCaches", "bookViews", "workbookPr", "fileVersion"],
    };
    for (const el of kept[name] ?? []) for (const e of elementsOf(before, el)) if (!after.includes(e)) problems.push(`${name}: ${e} mangler`);
  }
  return { identical, merged, problems };
}

// These tests read the files written with ExcelJS itself, which needs the adapter's reading patches.
beforeAll(() => installExcelJsPatches());

describe("convert keeps the original package", () => {
  let dir: string;
  let input: string;
  let output: string;
  let inParts: Parts;
  let outParts: Parts;

  beforeAll(async () => {
    dir = await tempDir("package-kept");
    const made = path.join(dir, "made", "deltagere.xlsx");
    await fs.mkdir(path.dirname(made));
    await fs.writeFile(made, await richCaseListXlsx());
    // Saved by LibreOffice: this is the input.
    [input] = await convertWithLibreOffice([made], { filter: "xlsx:Calc MS Excel 2007 XML", outDir: path.join(dir, "lo") });
    output = path.join(dir, "struktureret.xlsx");
    const r = cli(["convert", input, "-o", output, "--ref-date", "2024-06-30"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    inParts = await partsOf(input);
    outParts = await partsOf(output);
  }, 180_000);

  it("starts from a LibreOffice file with a chart, an image, a comment, a pivot table, a conditional format and a validation", () => {
    const names = [...inParts.keys()];
    expect(text(inParts, "docProps/app.xml")).toMatch(/LibreOffice/);
    expect(names.some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/media\/.+\.png$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/comments\d*\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/.test(n))).toBe(true);
    const sheets = names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map((n) => text(inParts, n));
    expect(sheets.some((s) => s.includes("<conditionalFormatting"))).toBe(true);
    expect(sheets.some((s) => s.includes("<dataValidation"))).toBe(true);
  });

  it("keeps every input part: byte for byte, or with all its original XML where convert adds to it", () => {
    const { identical, merged, problems } = compare(inParts, outParts);
    expect(problems).toEqual([]);
    expect(identical.length + merged.length).toBe(inParts.size);
    expect(merged.sort()).toEqual([...MERGED].sort());
    // The figures for the release note.
    process.stdout.write(
      `Dele i input: ${inParts.size}; uændrede byte for byte: ${identical.length}; udvidede: ${merged.length}; i output: ${outParts.size}\n` +
        identical.map((n) => `  = ${n}`).join("\n") +
        "\n" +
        merged.map((n) => `  + ${n}`).join("\n") +
        "\n"
    );
  });

  it("has a part for every relationship, and opens with the structured tables in place", async () => {
    expect(missingTargets(inParts)).toEqual([]);
    expect(missingTargets(outParts)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(["Deltagere", "Overblik"]);
    const sager = findTable(wb, "Sager");
    expect(sager?.rows.filter((r) => r.some((v) => v !== null && v !== ""))).toHaveLength(6);
    const tableIds = [...outParts.keys()].filter((n) => /^xl\/tables\//.test(n)).map((n) => /<table\b[^>]*\sid="(\d+)"/.exec(text(outParts, n))?.[1]);
    expect(new Set(tableIds).size).toBe(tableIds.length);
  });

  it("opens in LibreOffice with the chart and the pivot table, and computes the new sheets' formulas", async () => {
    const [recalculated] = await recalculate([output], path.join(dir, "recalc"));
    const parts = await partsOf(recalculated);
    const names = [...parts.keys()];
    expect(names.some((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/pivotTables\/pivotTable\d+\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => /^xl\/media\/.+\.png$/.test(n))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated);
    const sager = findTable(wb, "Sager");
    expect(sager).toBeTruthy();
    const errors = (sager?.rows ?? []).flat().filter((v) => typeof v === "string" && /^#(DIV\/0!|N\/A|REF!|VALUE!|NAME\?)$/.test(v));
    expect(errors).toEqual([]);
  }, 180_000);

  it("on a re-run replaces only its own sheets: the input's parts stay as they were", async () => {
    const again = path.join(dir, "igen.xlsx");
    const r = cli(["convert", output, "-o", again, "--ref-date", "2024-06-30"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const parts = await partsOf(again);
    expect(compare(inParts, parts).problems).toEqual([]);
    expect(missingTargets(parts)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(again);
    expect(wb.worksheets.filter((w) => w.name === "Sager")).toHaveLength(1);
    expect(findTable(wb, "Sager")?.rows.filter((row) => row.some((v) => v !== null && v !== ""))).toHaveLength(6);
  });

  it("on a re-run says what a user had added to one of its own sheets, which cannot be kept there", async () => {
    // A chart added on Sager after the conversion: a drawing on the sheet, pointing at the input's chart.
    const zip = await JSZip.loadAsync(await fs.readFile(output));
    const wbXml = await zip.file("xl/workbook.xml")!.async("string");
    const wbRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const rid = /<sheet [^>]*name="Sager"[^>]*r:id="([^"]+)"/.exec(wbXml)![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(wbRels)![1];
    const sheet = `xl/${target}`;
    const relsName = `xl/worksheets/_rels/${path.posix.basename(sheet)}.rels`;
    const rels = await zip.file(relsName)!.async("string");
    zip.file(
      relsName,
      rels.replace(
        "</Relationships>",
        `<Relationship Id="rIdTegning" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/tegning.xml"/></Relationships>`
      )
    );
    const drawing = text(
      inParts,
      [...inParts.keys()].find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n) && text(inParts, n).includes("c:chart"))!
    );
    zip.file("xl/drawings/tegning.xml", drawing);
    zip.file(
      "xl/drawings/_rels/tegning.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>`
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        `<Override PartName="/xl/drawings/tegning.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`
      )
    );
    const edited = path.join(dir, "med-tegning.xlsx");
    await fs.writeFile(edited, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));

    const again = path.join(dir, "igen-med-tegning.xlsx");
    const r = cli(["convert", edited, "-o", again, "--ref-date", "2024-06-30", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.notKept).toEqual([
      expect.stringMatching(
        /^Arket Sager er bygget igen af sagsliste; det, der var tilføjet på arket \(diagrammer, billeder eller figurer\), kunne ikke bevares/
      ),
    ]);
    const parts = await partsOf(again);
    expect(parts.has("xl/drawings/tegning.xml")).toBe(false);
    // The chart stays: the input's own drawing still points at it.
    expect(compare(inParts, parts).problems).toEqual([]);
    expect(missingTargets(parts)).toEqual([]);
  });
});
