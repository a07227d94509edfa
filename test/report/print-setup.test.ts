// How Nøgletal and Problemer print: A4 landscape, the columns a reader needs fitted to the width, the
// table's header on every page, and a footer with the period and the page numbers; in the plan, in a
// file (also after ExcelJS has loaded and saved it again, as check --repair and pseudonymise do) and
// through Office.js.
import ExcelJS from "exceljs";
import { applyPlan as applyOffice } from "../../src/adapters/officejs/apply-plan";
import { applyPlan as applyFile } from "../../src/adapters/xlsx/apply-plan";
import { zipPackage } from "../../src/adapters/xlsx/native-zip";
import { loadWorkbookBuffer } from "../../src/adapters/xlsx/files";
import { zipParts } from "../../src/adapters/xlsx/zip-parts";
import { generateStructuredData } from "../../src/sample/structured-data";
import type { Plan } from "../../src/workbook/plan";
import { problemsSheet } from "../../src/workbook/problems-plan";
import { buildNoegletalSheet } from "../../src/workbook/report/noegletal";
import { buildPladsreguleringSheet } from "../../src/workbook/report/pladsregulering";
import { buildPublishedPlan } from "../../src/workbook/report/publish";
import { FakeExcel, fakeRun } from "../support/fake-excel";
import { reportYear, structuredPlanWith } from "./support";

const data = generateStructuredData(4, { cases: 30 });
const year = reportYear(data);

describe("print setup", () => {
  it("Nøgletal prints Enhed to Status with its header on every page, live and published", () => {
    const live = buildNoegletalSheet(data, year).sheet.print;
    expect(live).toEqual({
      orientation: "landscape",
      paperSize: "A4",
      fitToWidth: true,
      columns: "A:H",
      titleRows: "3:3",
      footer: `Nøgletal ${year} · perioden 1. januar – 31. december ${year}`,
    });
    const published = buildPublishedPlan(data, year).sheets.find((s) => s.name === "Nøgletal")!;
    expect(published.print).toEqual({ ...live, columns: "A:F" });
    expect(published.tables[0].columns.map((c) => c.name).slice(-1)).toEqual(["Status"]);
  });

  it("Problemer prints Alvor to Oprindelig værdi with its header on every page", () => {
    const sheet = problemsSheet([]);
    expect(sheet.tables[0].columns[6].name).toBe("Oprindelig værdi");
    expect(sheet.print).toEqual({ orientation: "landscape", paperSize: "A4", fitToWidth: true, columns: "A:G", titleRows: "1:1", footer: "Problemer" });
  });

  it("a file keeps print areas and titles through a second load and save", async () => {
    const plan = structuredPlanWith(data, [problemsSheet([]), buildNoegletalSheet(data, year).sheet, buildPladsreguleringSheet(data, year, [])]);
    const wb = new ExcelJS.Workbook();
    applyFile(wb, plan);
    const first = Buffer.from(await wb.xlsx.writeBuffer());
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(first as unknown as ArrayBuffer);
    const second = Buffer.from(await again.xlsx.writeBuffer());
    for (const bytes of [first, second]) {
      const names = [
        ...zipParts(bytes)
          .get("xl/workbook.xml")!
          .toString("utf8")
          .matchAll(/<definedName name="(_xlnm\.[^"]+)"[^>]*>([^<]*)</g),
      ].map((m) => `${m[1]} ${m[2].replace(/&apos;/g, "'").replace(/\$/g, "")}`);
      expect(names).toEqual(
        expect.arrayContaining([
          "_xlnm.Print_Area 'Nøgletal'!A1:H1048576",
          "_xlnm.Print_Titles 'Nøgletal'!3:3",
          "_xlnm.Print_Area 'Pladsregulering'!A1:L1048576",
          "_xlnm.Print_Area 'Problemer'!A1:G1048576",
          "_xlnm.Print_Titles 'Problemer'!1:1",
        ])
      );
      expect(names.join(" ")).not.toContain("NaN");
    }
    const nøgletal = again.getWorksheet("Nøgletal")!;
    expect(nøgletal.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(nøgletal.headerFooter.oddFooter).toBe(`&LNøgletal ${year} · perioden 1. januar – 31. december ${year}&RSide &P af &N`);
  });

  it("a user's whole-column print area (as Excel writes it) is read and written again as the same columns", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Liste").getCell("A1").value = "Navn";
    const parts = zipParts(Buffer.from(await wb.xlsx.writeBuffer()));
    const xml = parts
      .get("xl/workbook.xml")!
      .toString("utf8")
      .replace(
        /<definedNames\/>|(<\/sheets>)/,
        (m, sheets?: string) => `${sheets ?? ""}<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">Liste!$A:$L</definedName></definedNames>`
      );
    parts.set("xl/workbook.xml", Buffer.from(xml, "utf8"));
    const loaded = await loadWorkbookBuffer(zipPackage(parts), "liste.xlsx");
    expect(loaded.getWorksheet("Liste")!.pageSetup.printArea).toBe("A$1:L$1048576");
    const written = zipParts(Buffer.from(await loaded.xlsx.writeBuffer()))
      .get("xl/workbook.xml")!
      .toString("utf8");
    expect(written).toContain(">&apos;Liste&apos;!$A$1:$L$1048576<");
    // An area an earlier save had already mangled is dropped, not written on as another unreadable name.
    parts.set("xl/workbook.xml", Buffer.from(xml.replace("Liste!$A:$L", "'Liste'!$ANaN:$LNaN"), "utf8"));
    const mangled = await loadWorkbookBuffer(zipPackage(parts), "liste.xlsx");
    expect(mangled.getWorksheet("Liste")!.pageSetup.printArea).toBeUndefined();
    expect(
      zipParts(Buffer.from(await mangled.xlsx.writeBuffer()))
        .get("xl/workbook.xml")!
        .toString("utf8")
    ).not.toContain("Print_Area");
  });

  it("Office.js gets the same print setup, the title rows as $3:$3", async () => {
    const fake = new FakeExcel({ supported: { ExcelApi: "1.13" } }); // page layout needs ExcelApi 1.9;
    const plan: Plan = { sheets: [buildNoegletalSheet(data, year).sheet], names: [] };
    await applyOffice(plan, fakeRun(fake), { host: fake });
    expect(fake.sheet("Nøgletal").pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: "A:H",
      printTitleRows: "$3:$3",
      leftFooter: `Nøgletal ${year} · perioden 1. januar – 31. december ${year}`,
      rightFooter: "Side &P af &N",
    });
  });
});
