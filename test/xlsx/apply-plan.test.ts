// The ExcelJS adapter writes what ExcelJS alone omits: calculated column formulas and defined names
// over structured references; and it writes text that looks like a formula as text.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { ownFormulas, sameInEveryCell } from "../../src/adapters/xlsx/column-formulas";
import { dataValidationAt } from "../../src/adapters/xlsx/data-validations";
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches/index";
import type { Plan } from "../../src/workbook/plan";

const plan: Plan = {
  names: [
    { name: "Liste_Farver", refersTo: "=Lister[Farve]" },
    { name: "Startdato", refersTo: "='Opsætning'!$B$2" },
  ],
  sheets: [
    {
      name: "Opsætning",
      tables: [{ name: "Lister", topLeft: "D1", columns: [{ name: "Farve" }], rows: [["Rød"], ["Blå"]] }],
      cells: [{ address: "B2", value: 45292, numFmt: "dd-mm-yyyy" }],
    },
    {
      name: "Data",
      tables: [
        {
          name: "Tal",
          topLeft: "A1",
          columns: [
            { name: "Tekst", validationList: "=Liste_Farver" },
            { name: "Tal" },
            { name: "Dobbelt", formula: "=Tal[[#This Row],[Tal]]*2" },
            { name: "Størst", formula: "=MAXIFS(Tal[Tal],Tal[Tekst],Tal[[#This Row],[Tekst]])" },
          ],
          rows: [
            ['=HYPERLINK("http://x")', 1, null, null],
            ["+45 12345678", 2, null, null],
            ["@SUM(A1)", 3, null, null],
          ],
        },
      ],
    },
  ],
};

async function written(): Promise<JSZip> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, plan);
  const buf = await wb.xlsx.writeBuffer();
  return JSZip.loadAsync(buf);
}

describe("applyPlan (ExcelJS)", () => {
  it("writes the calculated column formula with its _xlfn. prefix into the table part", async () => {
    const zip = await written();
    const tables = Object.keys(zip.files).filter((f) => /^xl\/tables\/.+\.xml$/.test(f));
    const xml = (await Promise.all(tables.map((t) => zip.file(t)!.async("string")))).join("\n");
    expect(xml).toContain("<calculatedColumnFormula>Tal[[#This Row],[Tal]]*2</calculatedColumnFormula>");
    expect(xml).toContain("_xlfn.MAXIFS(Tal[Tal],Tal[Tekst],Tal[[#This Row],[Tekst]])");
  });

  it("writes defined names over ranges and over structured references", async () => {
    const zip = await written();
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbook).toMatch(/<definedName name="Liste_Farver">Lister\[Farve\]<\/definedName>/);
    expect(workbook).toMatch(/<definedName name="Startdato">&apos;Opsætning&apos;!\$B\$2<\/definedName>/);
  });

  it("never writes text from data as a formula", async () => {
    const zip = await written();
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const xml = (await Promise.all(sheets.map((s) => zip.file(s)!.async("string")))).join("\n");
    const formulas = [...xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]);
    expect(formulas.some((f) => f.includes("HYPERLINK") || f.includes("SUM(A1)") || f.includes("12345678"))).toBe(false);
    expect(formulas.filter((f) => f.includes("*2"))).toHaveLength(1);
  });

  it("writes a computed column's formula once, shared by the rows below, which read it back as theirs", async () => {
    const zip = await written();
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const xml = (await Promise.all(sheets.map((s) => zip.file(s)!.async("string")))).join("\n");
    const master = /<c r="C2"[^>]*><f t="shared" ref="C2:C4" si="(\d+)">Tal\[\[#This Row\],\[Tal\]\]\*2<\/f>/.exec(xml);
    expect(master).not.toBeNull();
    for (const r of [3, 4]) expect(xml).toMatch(new RegExp(`<c r="C${r}"[^>]*><f t="shared" si="${master![1]}"/>`));

    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await zip.generateAsync({ type: "arraybuffer" })) as ArrayBuffer);
    const ws = back.getWorksheet("Data")!;
    for (const r of [2, 3, 4]) {
      expect(ws.getCell(`C${r}`).formula).toBe("Tal[[#This Row],[Tal]]*2");
      expect(ws.getCell(`D${r}`).formula).toBe("_xlfn.MAXIFS(Tal[Tal],Tal[Tekst],Tal[[#This Row],[Tekst]])");
    }
  });
});

describe("a column's drop-down", () => {
  it("is one validation over the column's data rows, read back for each of its cells", async () => {
    const zip = await written();
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(xml).toMatch(/<dataValidations count="1"><dataValidation type="list" allowBlank="1"[^>]*sqref="A2:A4"><formula1>Liste_Farver<\/formula1>/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await zip.generateAsync({ type: "arraybuffer" })) as ArrayBuffer);
    const ws = back.getWorksheet("Data")!;
    for (const r of [2, 3, 4]) expect(ws.getCell(`A${r}`).dataValidation).toMatchObject({ type: "list", formulae: ["Liste_Farver"] });
    expect(ws.getCell("A5").dataValidation).toBeUndefined();
  });

  it("is found for a cell of its range in a workbook not yet saved", () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, plan);
    const ws = wb.getWorksheet("Data")!;
    expect(dataValidationAt(ws, 3, 1)).toMatchObject({ type: "list" });
    expect(dataValidationAt(ws, 5, 1)).toBeUndefined();
    expect(dataValidationAt(ws, 3, 2)).toBeUndefined();
  });
});

describe("shared formulas: shared in the file, each cell's own in memory", () => {
  const sheetXml = async (wb: ExcelJS.Workbook): Promise<string> => {
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    return zip.file("xl/worksheets/sheet1.xml")!.async("string");
  };

  it("shares only a text that reads the same in every cell, over consecutive rows of a column", async () => {
    expect(sameInEveryCell("A2*2")).toBe(false);
    expect(sameInEveryCell("A$2*2")).toBe(false);
    expect(sameInEveryCell("$A$2*2+T[[#This Row],[B]]")).toBe(true);
    installExcelJsPatches();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ark");
    for (const r of [2, 3, 4, 6]) {
      ws.getCell(`C${r}`).value = { formula: "A2*2" };
      ws.getCell(`D${r}`).value = { formula: "$A$2*2" };
    }
    const xml = await sheetXml(wb);
    expect(xml.match(/<f>A2\*2<\/f>/g)).toHaveLength(4);
    expect(xml).toMatch(/<c r="D2"[^>]*><f t="shared" ref="D2:D4" si="0">\$A\$2\*2<\/f>/);
    expect(xml).toMatch(/<c r="D4"[^>]*><f t="shared" si="0"\/>/);
    expect(xml).toMatch(/<c r="D6"[^>]*><f>\$A\$2\*2<\/f>/); // after a gap, a cell of its own
    // The cells themselves are as they were, the run's first one too, and a second write is the same.
    for (const r of [2, 3, 4]) expect(ws.getCell(`D${r}`).value).toEqual({ formula: "$A$2*2" });
    expect(await sheetXml(wb)).toBe(xml);
  });

  it("a first cell overwritten after a read or a plan costs the others nothing", async () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, plan);
    wb.getWorksheet("Data")!.getCell("C2").value = 7;
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    ownFormulas(back);
    const ws = back.getWorksheet("Data")!;
    expect(ws.getCell("C2").value).toBe(7);
    expect(ws.getCell("C3").value).toEqual({ formula: "Tal[[#This Row],[Tal]]*2" });
    ws.getCell("C3").value = 8; // the first of the shared run in the file just read
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await back.xlsx.writeBuffer());
    expect(again.getWorksheet("Data")!.getCell("C4").formula).toBe("Tal[[#This Row],[Tal]]*2");
  });
});

describe("reading a shared formula back (ExcelJS, patched)", () => {
  it("moves relative references to the cell, and hands a text no move changes out as it is", async () => {
    installExcelJsPatches();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ark");
    ws.getCell("C2").value = { formula: "A2*2+$B$1" };
    ws.getCell("D2").value = { formula: "T[[#This Row],[A]]*$B$1" };
    for (let r = 3; r <= 5; r++) {
      ws.getCell(`C${r}`).value = { sharedFormula: "C2" };
      ws.getCell(`D${r}`).value = { sharedFormula: "D2" };
    }
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    const again = back.getWorksheet("Ark")!;
    expect(again.getCell("C5").formula).toBe("A5*2+$B$1");
    expect(again.getCell("C3").formula).toBe("A3*2+$B$1");
    expect(again.getCell("D5").formula).toBe("T[[#This Row],[A]]*$B$1");
  });
});
