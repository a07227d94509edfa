// A case list with what ExcelJS does not model on its original sheets, for the tests that convert must
// keep it: on "Deltagere" an image, a comment, a conditional format and a data validation (ExcelJS writes
// those), and on "Overblik" a chart and a pivot table with its cache, whose parts are written here as XML.
// Saved through headless LibreOffice afterwards, it is a workbook as LibreOffice writes one.
import zlib from "zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A small PNG image (a coloured square), built byte by byte. */
export function tinyPng(size = 16): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) row.set([40 + x * 10, 120, 200 - y * 8], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const UNITS = ["Nord", "Syd", "Øst", "Vest"];
const COUNTS = [5, 12, 3, 8];

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Overblik!$B$1</c:f></c:strRef></c:tx><c:cat><c:strRef><c:f>Overblik!$A$2:$A$5</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Overblik!$B$2:$B$5</c:f></c:numRef></c:val></c:ser><c:axId val="101"/><c:axId val="102"/></c:barChart><c:catAx><c:axId val="101"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="102"/></c:catAx><c:valAx><c:axId val="102"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="101"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const PIVOT_CACHE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="4" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3"><cacheSource type="worksheet"><worksheetSource ref="A1:B5" sheet="Overblik"/></cacheSource><cacheFields count="2"><cacheField name="Enhed" numFmtId="0"><sharedItems count="4">${UNITS.map((u) => `<s v="${u}"/>`).join("")}</sharedItems></cacheField><cacheField name="Antal" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="3" maxValue="12"/></cacheField></cacheFields></pivotCacheDefinition>`;

const PIVOT_RECORDS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheRecords xmlns="${MAIN}" count="4">${COUNTS.map((n, i) => `<r><x v="${i}"/><n v="${n}"/></r>`).join("")}</pivotCacheRecords>`;

const PIVOT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotTableDefinition xmlns="${MAIN}" name="Pivot1" cacheId="1" dataCaption="Værdier" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1"><location ref="D1:E6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="5"><item x="0"/><item x="1"/><item x="2"/><item x="3"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="5"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i><x v="3"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum af Antal" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`;

/** The case list with an image, a comment, a conditional format, a validation, a chart and a pivot table. */
export async function richCaseListXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Deltagere");
  ws.addRow(["Navn", "CPR-nr.", "Enhed", "Startdato", "Slutdato", "Bemærkning"]);
  const people = ["Anne Hansen", "Bo Jensen", "Carla Nielsen", "Dan Pedersen", "Eva Larsen", "Finn Sørensen"];
  people.forEach((name, i) => {
    ws.addRow([
      name,
      `0${i + 1}0390-12${i}3`,
      UNITS[i % 4],
      new Date(Date.UTC(2023, i, 2)),
      i % 2 ? new Date(Date.UTC(2024, i, 20)) : null,
      i === 2 ? "ring først" : null,
    ]);
  });
  ws.getColumn(4).numFmt = "dd-mm-yyyy";
  ws.getColumn(5).numFmt = "dd-mm-yyyy";
  ws.getCell("A1").note = "Deltagerlisten føres af teamleder";
  ws.addConditionalFormatting({
    ref: "C2:C7",
    rules: [
      {
        type: "cellIs",
        operator: "equal",
        formulae: ['"Nord"'],
        priority: 1,
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFC7CE" } } },
      },
    ],
  });
  for (let r = 2; r <= 7; r++) {
    ws.getCell(`C${r}`).dataValidation = { type: "list", allowBlank: true, formulae: [`"${UNITS.join(",")}"`] };
  }
  const image = wb.addImage({ buffer: tinyPng() as unknown as ExcelJS.Buffer, extension: "png" });
  ws.addImage(image, { tl: { col: 7, row: 1 }, ext: { width: 64, height: 64 } });

  const over = wb.addWorksheet("Overblik");
  over.addRow(["Enhed", "Antal"]);
  UNITS.forEach((u, i) => over.addRow([u, COUNTS[i]]));

  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const file = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`${name} mangler i den skrevne projektmappe`);
    return f.async("string");
  };
  // The chart in a drawing on Overblik (sheet2), the pivot table on the same sheet, its cache in the workbook.
  zip.file("xl/charts/chart1.xml", CHART);
  zip.file("xl/drawings/drawing9.xml", DRAWING);
  zip.file(
    "xl/drawings/_rels/drawing9.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`
  );
  zip.file("xl/pivotCache/pivotCacheDefinition1.xml", PIVOT_CACHE);
  zip.file("xl/pivotCache/pivotCacheRecords1.xml", PIVOT_RECORDS);
  zip.file(
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`
  );
  zip.file("xl/pivotTables/pivotTable1.xml", PIVOT_TABLE);
  zip.file(
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`
  );
  zip.file(
    "xl/worksheets/_rels/sheet2.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rIdD1" Type="${REL}/drawing" Target="../drawings/drawing9.xml"/><Relationship Id="rIdP1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`
  );
  const sheet2 = await file("xl/worksheets/sheet2.xml");
  if (sheet2.includes("<drawing ") || sheet2.includes("<tableParts")) throw new Error("sheet2.xml har allerede tegning eller tabeller");
  zip.file("xl/worksheets/sheet2.xml", sheet2.replace("</worksheet>", `<drawing r:id="rIdD1"/></worksheet>`));
  const workbook = await file("xl/workbook.xml");
  zip.file("xl/workbook.xml", workbook.replace(/(<calcPr\b[^>]*\/>)/, `$1<pivotCaches><pivotCache cacheId="1" r:id="rIdPc1"/></pivotCaches>`));
  const rels = await file("xl/_rels/workbook.xml.rels");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdPc1" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`
    )
  );
  const types = await file("[Content_Types].xml");
  const ct = "application/vnd.openxmlformats-officedocument";
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart1.xml" ContentType="${ct}.drawingml.chart+xml"/>` +
        `<Override PartName="/xl/drawings/drawing9.xml" ContentType="${ct}.drawing+xml"/>` +
        `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="${ct}.spreadsheetml.pivotCacheDefinition+xml"/>` +
        `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="${ct}.spreadsheetml.pivotCacheRecords+xml"/>` +
        `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="${ct}.spreadsheetml.pivotTable+xml"/></Types>`
    )
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
