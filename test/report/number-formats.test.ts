// Every key figure keeps its own number format in the file, live and published: a share shows as a
// percentage, places with decimals, days with their unit; a suppressed cell's mark stands right-aligned.
import ExcelJS from "exceljs";
import { dischargeReasons, keyFigureDefs } from "../../src/domain/keyfigures";
import { generateStructuredData } from "../../src/sample/structured-data";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { buildPublishedPlan, PUBLISHED_SUBTITLE, SUPPRESSED_MARK } from "../../src/workbook/report/publish";
import { numFmtOf } from "../../src/workbook/report/noegletal";
import { NUMFMT } from "../../src/workbook/contract";
import type { Plan } from "../../src/workbook/plan";
import { reportYear } from "./support";

async function roundTrip(plan: Plan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  applyPlan(wb, plan);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

describe("number formats of cells inside a table", () => {
  it("each cell keeps its own format, not the last one written in its column", async () => {
    const plan: Plan = {
      sheets: [
        {
          name: "Ark",
          tables: [{ name: "T", topLeft: "A1", columns: [{ name: "Navn" }, { name: "Værdi" }], rows: [["a", 0.159], ["b", 8.09], ["c", 12]] }],
          cells: [
            { address: "B2", value: 0.159, numFmt: NUMFMT.percent },
            { address: "B3", value: 8.09, numFmt: NUMFMT.number },
            { address: "B4", value: 12, numFmt: NUMFMT.integer },
          ],
        },
      ],
      names: [],
    };
    const ws = (await roundTrip(plan)).getWorksheet("Ark")!;
    expect([ws.getCell("B2").numFmt, ws.getCell("B3").numFmt, ws.getCell("B4").numFmt]).toEqual([NUMFMT.percent, NUMFMT.number, NUMFMT.integer]);
  });
});

describe("the published copy", () => {
  it("formats each figure by its kind, right-aligns the suppression mark and says the numbers are fixed", async () => {
    const data = generateStructuredData(2, { cases: 60 });
    const year = reportYear(data);
    const wb = await roundTrip(buildPublishedPlan(data, year));
    const ws = wb.getWorksheet("Nøgletal")!;
    const fmt = new Map(keyFigureDefs(dischargeReasons(data)).map((d) => [d.name, numFmtOf(d.format)]));
    let checked = 0;
    let marks = 0;
    for (let r = 4; r <= ws.rowCount; r++) {
      const name = ws.getCell(`C${r}`).value;
      const value = ws.getCell(`D${r}`);
      if (typeof name !== "string" || value.value === null) continue;
      expect(value.numFmt).toBe(fmt.get(name));
      if (value.value === SUPPRESSED_MARK) {
        expect(value.alignment?.horizontal).toBe("right");
        marks++;
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(marks).toBeGreaterThan(0);
    expect(new Set([...fmt.values()])).toEqual(new Set([NUMFMT.integer, NUMFMT.number, NUMFMT.percent, NUMFMT.days]));
    const overview = wb.getWorksheet("Kvartalsoversigt")!;
    expect(overview.getCell("A2").value).toBe(PUBLISHED_SUBTITLE);
  });
});
