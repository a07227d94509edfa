// The package scan reads every part of an .xlsx file: a published overview scans clean, and a name or
// a CPR number planted in any part of it (a hidden sheet, shared strings, a defined name, a comment,
// the document properties, a chart's cached labels) is found there, with the part and the place.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { scanPackage, workbookBytes } from "../../src/adapters/xlsx/package-parts";
import { generateStructuredData } from "../../src/sample/structured-data";
import type { Citizen } from "../../src/workbook/privacy-scan";
import { buildPublishedPlan } from "../../src/workbook/report/publish";
import { reportYear } from "../report/support";

const data = generateStructuredData(5, { cases: 60 });
const citizens: Citizen[] = data.cases.map((c) => ({ sagsId: c.sagsId, cpr: c.cpr, navn: c.navn }));
const who = data.cases.find((c) => c.navn && c.navn.includes(" ") && c.cpr)!;

function published(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, buildPublishedPlan(data, reportYear(data)));
  return wb;
}

const where = async (bytes: Buffer) => (await scanPackage(bytes, citizens)).map((f) => `${f.part}, ${f.location}: ${f.kind} ${f.sagsId}`);

describe("the package scan", () => {
  it("finds nothing in a published overview", async () => {
    expect(await where(await workbookBytes(published()))).toEqual([]);
  });

  it.each<[string, (wb: ExcelJS.Workbook) => void, RegExp]>([
    [
      "a hidden sheet",
      (wb) => {
        const ws = wb.addWorksheet("Skjult", { state: "veryHidden" });
        ws.getCell("D4").value = Number(who.cpr!.replace("-", ""));
      },
      /^xl\/worksheets\/sheet3\.xml, celle D4: cpr /,
    ],
    ["shared strings", (wb) => (wb.getWorksheet("Nøgletal")!.getCell("H1").value = `Kontakt: ${who.navn}`), /^xl\/sharedStrings\.xml, .*: navn /],
    ["a defined name", (wb) => wb.definedNames.add(`'Nøgletal'!$A$1`, "Borger_" + who.cpr!.replace("-", "")), /^xl\/workbook\.xml, definedName name: cpr /],
    ["a comment", (wb) => (wb.getWorksheet("Nøgletal")!.getCell("A1").note = `Spørg ${who.navn}`), /^xl\/comments\d\.xml, A1 \(t\): navn /],
    ["the document properties", (wb) => (wb.company = who.navn!), /^docProps\/app\.xml, Company: navn /],
  ])("finds a plant in %s", async (_where, plant, expected) => {
    const wb = published();
    plant(wb);
    const found = await where(await workbookBytes(wb));
    expect(found.filter((f) => expected.test(f))).not.toEqual([]);
    expect(found.every((f) => f.endsWith(who.sagsId))).toBe(true);
  });

  it("finds a plant in a chart's cached labels", async () => {
    const zip = await JSZip.loadAsync(await workbookBytes(published()));
    zip.file(
      "xl/charts/chart1.xml",
      `<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:ser><c:cat><c:strRef><c:strCache><c:pt idx="0"><c:v>${who.navn}</c:v></c:pt></c:strCache></c:strRef></c:cat></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`
    );
    const found = await where(await zip.generateAsync({ type: "nodebuffer" }));
    expect(found).toEqual([`xl/charts/chart1.xml, v: navn ${who.sagsId}`]);
  });
});
