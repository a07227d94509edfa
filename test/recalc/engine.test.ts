// The recalculation helper itself, on the features every formula builder relies on.
import { recalcPlans, cellValue } from "../support/recalc-helpers";
import { serial } from "../../src/domain/dates";
import type { Plan } from "../../src/workbook/plan";

describe("LibreOffice recalculation", () => {
  it("evaluates structured references, NETWORKDAYS.INTL with a holiday table and MAXIFS", async () => {
    const plan: Plan = {
      names: [{ name: "Startdato", refersTo: "='Data'!$H$1" }],
      sheets: [
        {
          name: "Data",
          tables: [
            {
              name: "Tal",
              topLeft: "A1",
              columns: [
                { name: "Gruppe" },
                { name: "Værdi" },
                { name: "Dobbelt", formula: "=Tal[[#This Row],[Værdi]]*2" },
                { name: "Største i gruppe", formula: "=MAXIFS(Tal[Værdi],Tal[Gruppe],Tal[[#This Row],[Gruppe]])" },
              ],
              rows: [
                ["a", 1, null, null],
                ["b", 5, null, null],
                ["a", 3, null, null],
              ],
            },
            {
              name: "Fri",
              topLeft: "F1",
              columns: [{ name: "Dato", numFmt: "dd-mm-yyyy" }],
              rows: [[serial(2024, 1, 1)], [serial(2024, 1, 5)]],
            },
          ],
          cells: [
            { address: "H1", value: serial(2024, 1, 1), numFmt: "dd-mm-yyyy" },
            { address: "H2", value: { formula: "=NETWORKDAYS.INTL(Startdato,DATE(2024,1,31),1,Fri[Dato])" } },
            { address: "H3", value: { formula: "=SUM(Tal[Dobbelt])" } },
            { address: "H4", value: "=1+1" },
          ],
        },
      ],
    };
    const [wb] = await recalcPlans([plan], "engine");
    // January 2024 has 23 weekdays; 1 Jan (Monday) and 5 Jan (Friday) are holidays here.
    expect(cellValue(wb, "Data", "H2")).toBe(21);
    expect(cellValue(wb, "Data", "H3")).toBe(18);
    expect(cellValue(wb, "Data", "C2")).toBe(2);
    expect(cellValue(wb, "Data", "D2")).toBe(3);
    expect(cellValue(wb, "Data", "D3")).toBe(5);
    // Text that looks like a formula stays text.
    expect(cellValue(wb, "Data", "H4")).toBe("=1+1");
  });
});
