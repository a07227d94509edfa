// The package self-check finds each known repair trigger, and what ExcelJS writes for us has none of them:
// validations read back and written again do not overlap, and a workbook read without a theme (as
// LibreOffice saves one) still holds the theme its relationships name.
import ExcelJS from "exceljs";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { loadWorkbookBuffer } from "../../src/adapters/xlsx/files";
import { checkPackage, isValidDefinedName } from "../../src/adapters/xlsx/package-check";
import { compactValidations } from "../../src/adapters/xlsx/exceljs-patches/package-patches";
import { zipParts } from "../../src/adapters/xlsx/zip-parts";
import type { Plan } from "../../src/workbook/plan";
import { zipPackage } from "../../src/adapters/xlsx/native-zip";

const plan: Plan = {
  sheets: [
    {
      name: "Ark",
      tables: [
        {
          name: "T",
          topLeft: "A1",
          columns: [{ name: "Navn" }, { name: "Valg", validationList: "=Valg" }],
          rows: Array.from({ length: 40 }, (_, i) => [`n${i}`, "Ja"]),
        },
      ],
    },
  ],
  names: [{ name: "Valg", refersTo: "='Ark'!$D$1:$D$2" }],
};

async function written(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function planned(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, plan);
  return written(wb);
}

/** The package with one part's text changed. */
function edited(zip: Buffer, part: string, change: (xml: string) => string): Buffer {
  const parts = zipParts(zip);
  parts.set(part, Buffer.from(change(parts.get(part)!.toString("utf8")), "utf8"));
  return zipPackage(parts);
}

describe("package self-check", () => {
  it("finds nothing in a workbook we write", async () => {
    expect(checkPackage(await planned())).toEqual([]);
  });

  it("finds each known repair trigger", async () => {
    const zip = await planned();
    const codes = (b: Buffer) => checkPackage(b).map((p) => p.code);
    expect(codes(edited(zip, "xl/worksheets/sheet1.xml", (x) => x.replace(/sqref="B2:B41"/, 'sqref="B2:B41 B10:B41"')))).toEqual(["OVERLAPPENDE_VALIDERING"]);
    expect(
      codes(
        edited(zip, "xl/worksheets/sheet1.xml", (x) => x.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>'))
      )
    ).toEqual(["FLETTEDE_CELLER_I_TABEL"]);
    expect(codes(edited(zip, "xl/tables/table1.xml", (x) => x.replace('name="Valg"', 'name="Andet"')))).toEqual(["TABELOVERSKRIFT_AFVIGER"]);
    expect(codes(edited(zip, "xl/workbook.xml", (x) => x.replace('name="Valg"', 'name="A1"')))).toEqual(["UGYLDIGT_NAVN"]);
    const long = `"${Array.from({ length: 60 }, (_, i) => `valg${i}`).join(",")}"`;
    expect(codes(edited(zip, "xl/worksheets/sheet1.xml", (x) => x.replace("<formula1>Valg</formula1>", `<formula1>${long}</formula1>`)))).toEqual([
      "LISTE_FOR_LANG",
    ]);
    const noTheme = zipParts(zip);
    noTheme.delete("xl/theme/theme1.xml");
    expect(codes(zipPackage(noTheme))).toEqual(["MANGLENDE_DEL", "MANGLENDE_DEL"]);
  });

  it("tells names Excel takes from those it does not", () => {
    expect(["Liste_Lovgrundlag", "Baand_nedre", "_xlnm.Print_Area", "Opgørelsesdato", "XFE1"].every(isValidDefinedName)).toBe(true);
    expect(["A1", "XFD1048576", "R1C1", "r", "2tal", "med mellemrum", ""].some(isValidDefinedName)).toBe(false);
  });
});

describe("what ExcelJS writes after reading a workbook", () => {
  it("writes a column's validation as one range again, not two overlapping ones", async () => {
    const back = await loadWorkbookBuffer(await planned(), "t.xlsx");
    const again = await written(back);
    const sheet = zipParts(again).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect([...sheet.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1])).toEqual(["B2:B41"]);
    expect(checkPackage(again)).toEqual([]);
  });

  it("writes the theme its relationships name when the workbook was read without one", async () => {
    const noTheme = zipParts(await planned());
    noTheme.delete("xl/theme/theme1.xml");
    const rels = noTheme.get("xl/_rels/workbook.xml.rels")!.toString("utf8");
    noTheme.set("xl/_rels/workbook.xml.rels", Buffer.from(rels.replace(/<Relationship [^>]*theme1.xml"\/>/, "")));
    const types = noTheme.get("[Content_Types].xml")!.toString("utf8");
    noTheme.set("[Content_Types].xml", Buffer.from(types.replace(/<Override PartName="\/xl\/theme\/theme1.xml"[^>]*\/>/, "")));
    const input = zipPackage(noTheme);
    expect(checkPackage(input)).toEqual([]);
    const out = await written(await loadWorkbookBuffer(input, "t.xlsx"));
    expect(zipParts(out).has("xl/theme/theme1.xml")).toBe(true);
    expect(checkPackage(out)).toEqual([]);
  });

  it("puts cells with one validation back into column runs in row order", () => {
    const v = { type: "list", formulae: ["X"] };
    const w = { type: "list", formulae: ["Y"] };
    const model: Record<string, object> = {};
    for (let r = 2; r <= 12; r++) model[`D${r}`] = v;
    model.E5 = w;
    model["F2:F9"] = w;
    model.F4 = v;
    expect(compactValidations(model)).toEqual({ "D2:D12": v, E5: w, "F2:F9": w });
  });
});
