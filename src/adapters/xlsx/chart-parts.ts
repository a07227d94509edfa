// The overview's charts in a file: ExcelJS writes no charts, so the chart specifications the Office.js
// adapter draws (kvartalsoversigt.ts) are added to the written package as DrawingML parts: one drawing on
// the sheet, one chart part per chart over the same ranges, with their relationships and content types.
import type { ChartSpec } from "../../workbook/report/kvartalsoversigt";
import { parseAddress } from "../../workbook/plan";
import { zipPackage } from "./native-zip";
import { zipParts } from "./zip-parts";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const xml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** `'Sheet'!$B$5:$B$8` of a range on the sheet. */
function absolute(sheet: string, range: string): string {
  const [a, b = a] = range.split(":");
  const abs = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  return `'${sheet.replace(/'/g, "''")}'!${abs(a)}:${abs(b)}`;
}

/** A chart part's XML: a clustered column or bar chart, or a line chart, with a title and a legend. */
export function chartXml(spec: ChartSpec): string {
  const series = spec.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xml(s.name)}</c:v></c:tx>` +
        (spec.type === "line" ? `<c:marker><c:symbol val="circle"/></c:marker>` : "") +
        `<c:cat><c:strRef><c:f>${xml(absolute(spec.sheet, spec.categories))}</c:f></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${xml(absolute(spec.sheet, s.values))}</c:f></c:numRef></c:val>` +
        (spec.type === "line" ? `<c:smooth val="0"/>` : "") +
        `</c:ser>`
    )
    .join("");
  const axes = `<c:axId val="1"/><c:axId val="2"/>`;
  const plot =
    spec.type === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
      : `<c:barChart><c:barDir val="${spec.type === "barClustered" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${axes}</c:barChart>`;
  const catPos = spec.type === "barClustered" ? "l" : "b";
  const valPos = spec.type === "barClustered" ? "b" : "l";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${xml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="${spec.type === "barClustered" ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="${catPos}"/><c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/><c:majorGridlines/><c:crossAx val="1"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** A chart's place: from its anchor cell, 8 columns wide and 16 rows tall (about 460 x 250 points). */
function anchorXml(spec: ChartSpec, index: number): string {
  const { row, col } = parseAddress(spec.anchor);
  const at = (c: number, r: number) => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(col, row)}</xdr:from><xdr:to>${at(col + 8, row + 16)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${xml(spec.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${index + 1}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${PKG_REL}">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`).join("") +
    `</Relationships>`
  );
}

/** A sheet's XML with <drawing r:id="…"/> where the schema puts it (before legacy drawings, tables …). */
export function insertDrawingTag(sheetXml: string, rid: string): string {
  const before = [
    "<legacyDrawing",
    "<legacyDrawingHF",
    "<drawingHF",
    "<picture",
    "<oleObjects",
    "<controls",
    "<webPublishItems",
    "<tableParts",
    "<extLst",
    "</worksheet>",
  ]
    .map((t) => sheetXml.indexOf(t))
    .filter((i) => i >= 0);
  const at = Math.min(...before);
  const sheet = sheetXml.slice(0, at) + `<drawing r:id="${rid}"/>` + sheetXml.slice(at);
  return /<worksheet\b[^>]*xmlns:r=/.test(sheet) ? sheet : sheet.replace("<worksheet ", `<worksheet xmlns:r="${NS_R}" `);
}

/** The package with the charts drawn on their sheet; unchanged when the sheet is missing or has a drawing already. */
export function withCharts(zip: Buffer, specs: readonly ChartSpec[]): Buffer {
  if (!specs.some((s) => s.series.length > 0)) return zip;
  const parts = zipParts(zip);
  return addChartParts(parts, specs) ? zipPackage(parts) : zip;
}

/** A package's parts by name, unpacked: a Map, or a view that unpacks a part when it is asked for. */
export interface PartMap {
  get(name: string): Buffer | undefined;
  set(name: string, bytes: Buffer): unknown;
  keys(): Iterable<string>;
}

/**
 * Add the charts' parts to a package's parts, and say whether it did: not when the sheet is missing or
 * has a drawing already.
 */
export function addChartParts(parts: PartMap, specs: readonly ChartSpec[]): boolean {
  const charts = specs.filter((s) => s.series.length > 0);
  if (charts.length === 0) return false;
  const text = (name: string) => parts.get(name)?.toString("utf8") ?? "";
  const sheetName = charts[0].sheet;
  const workbook = text("xl/workbook.xml");
  const sheetTag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${xml(sheetName)}"`));
  const rid = sheetTag && /r:id="([^"]+)"/.exec(sheetTag)?.[1];
  const target = rid && new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*>`).exec(text("xl/_rels/workbook.xml.rels"))?.[0];
  const sheetTarget = target && /Target="([^"]+)"/.exec(target)?.[1];
  if (!sheetTarget) return false;
  const sheetPart = sheetTarget.startsWith("/") ? sheetTarget.slice(1) : `xl/${sheetTarget}`;
  const sheetXml = text(sheetPart);
  if (!sheetXml || sheetXml.includes("<drawing ")) return false;

  const taken = (prefix: string) => [...parts.keys()].filter((p) => p.startsWith(prefix)).length;
  const drawingNo = taken("xl/drawings/drawing") + 1;
  const firstChart = taken("xl/charts/chart") + 1;
  const drawingPart = `xl/drawings/drawing${drawingNo}.xml`;
  parts.set(
    drawingPart,
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
        `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
        charts.map(anchorXml).join("") +
        `</xdr:wsDr>`
    )
  );
  parts.set(
    `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
    Buffer.from(relsXml(charts.map((_, i) => ({ id: `rId${i + 1}`, type: "chart", target: `../charts/chart${firstChart + i}.xml` }))))
  );
  charts.forEach((c, i) => parts.set(`xl/charts/chart${firstChart + i}.xml`, Buffer.from(chartXml(c))));

  // The sheet names its drawing: a relationship, and <drawing> where the schema puts it.
  const sheetFile = sheetPart.slice(sheetPart.lastIndexOf("/") + 1);
  const sheetRels = `${sheetPart.slice(0, sheetPart.lastIndexOf("/"))}/_rels/${sheetFile}.rels`;
  const existing = text(sheetRels);
  const drawingRel = `rIdDiagram${drawingNo}`;
  const relTag = `<Relationship Id="${drawingRel}" Type="${REL}/drawing" Target="../drawings/drawing${drawingNo}.xml"/>`;
  parts.set(
    sheetRels,
    Buffer.from(
      existing ? existing.replace("</Relationships>", `${relTag}</Relationships>`) : relsXml([]).replace("</Relationships>", `${relTag}</Relationships>`)
    )
  );
  parts.set(sheetPart, Buffer.from(insertDrawingTag(sheetXml, drawingRel)));

  let types = text("[Content_Types].xml");
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`;
  const overrides = [override(drawingPart, "drawing+xml"), ...charts.map((_, i) => override(`xl/charts/chart${firstChart + i}.xml`, "drawingml.chart+xml"))];
  types = types.replace("</Types>", overrides.join("") + "</Types>");
  parts.set("[Content_Types].xml", Buffer.from(types));
  return true;
}
