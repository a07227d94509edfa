// Generated plans for the Office.js adapter tests: a Sager-like table of any size with computed
// columns, list validation, formats, names and a setup sheet, deterministic for a given row count.
import type { Plan, Scalar, TablePlan } from "../../src/workbook/plan";
import { NUMFMT, thisRow } from "../../src/workbook/contract";

export const COMPUTED = {
  dage: `=IF(${thisRow("Sager", "Indskrevet")}="","",MAX(0,MIN(IF(${thisRow("Sager", "Udskrevet")}="",Periodeslut,${thisRow("Sager", "Udskrevet")}),Periodeslut)-MAX(${thisRow("Sager", "Indskrevet")},Periodestart)+1))`,
  aktiv: `=IF(AND(${thisRow("Sager", "Indskrevet")}<>"",${thisRow("Sager", "Indskrevet")}<=Opgoerelsesdato,OR(${thisRow("Sager", "Udskrevet")}="",${thisRow("Sager", "Udskrevet")}>=Opgoerelsesdato)),"Ja","Nej")`,
};

const UNITS = ["Værkstedet", "Køkkenet", "Haven", "Butikken"];
const LOV = ["§ 103", "§ 104", "§ 85"];

/** 20 columns: 18 input columns and 2 computed ones. */
export function sagerTable(rows: number): TablePlan {
  const data: Scalar[][] = [];
  for (let i = 0; i < rows; i++) {
    const n = i + 1;
    const indskrevet = 44927 + (i % 700);
    data.push([
      `S-${String(n).padStart(5, "0")}`,
      `${String((i % 28) + 1).padStart(2, "0")}0${(i % 9) + 1}90${String(1000 + (i % 9000)).slice(-4)}`,
      `Borger nummer ${n}`,
      UNITS[i % UNITS.length],
      LOV[i % LOV.length],
      i % 2 ? "Fuldtid" : "Deltid",
      "Jobcenter",
      indskrevet - 30,
      indskrevet,
      i % 5 === 0 ? indskrevet + 200 : null,
      i % 5 === 0 ? "Job" : null,
      "Kontanthjælp",
      i % 3 === 0 ? "Ja" : "Nej",
      `Kontakt ${i % 40}`,
      i % 7 === 0 ? "Bemærkning med æøå og lidt tekst" : null,
      null, // computed: Dage i perioden
      null, // computed: Aktiv
      i % 11,
      (i % 100) / 100,
      `Kilde ${i % 13}`,
    ]);
  }
  return {
    name: "Sager",
    topLeft: "A1",
    style: "TableStyleMedium2",
    columns: [
      { name: "Sags-ID", numFmt: NUMFMT.text, width: 12 },
      { name: "CPR", numFmt: NUMFMT.text },
      { name: "Navn", width: 24 },
      { name: "Enhed" },
      { name: "Lovgrundlag", validationList: "=Liste_Lovgrundlag" },
      { name: "Pladstype", validationList: "=Liste_Pladstype" },
      { name: "Henviser" },
      { name: "Visitationsdato", numFmt: NUMFMT.date },
      { name: "Indskrevet", numFmt: NUMFMT.date },
      { name: "Udskrevet", numFmt: NUMFMT.date },
      { name: "Udskrivningsårsag" },
      { name: "Forsørgelsesgrundlag" },
      { name: "Jobcenterforløb", validationList: "=Liste_JaNej" },
      { name: "Kontaktperson" },
      { name: "Bemærkninger", width: 40 },
      { name: "Dage i perioden", formula: COMPUTED.dage, numFmt: NUMFMT.integer },
      { name: "Aktiv", formula: COMPUTED.aktiv },
      { name: "Antal", numFmt: NUMFMT.integer },
      { name: "Andel", numFmt: NUMFMT.percent },
      { name: "Kildekolonne" },
    ],
    rows: data,
  };
}

export function samplePlan(rows: number): Plan {
  const lister: TablePlan = {
    name: "Lister",
    topLeft: "D1",
    columns: [{ name: "Lovgrundlag" }, { name: "Pladstype" }, { name: "JaNej" }],
    rows: [
      ["§ 103", "Fuldtid", "Ja"],
      ["§ 104", "Deltid", "Nej"],
      ["§ 85", null, null],
    ],
  };
  return {
    sheets: [
      {
        name: "Sager",
        tables: [sagerTable(rows)],
        freezeRows: 1,
        conditionalFormats: [{ range: `Q2:Q${rows + 1}`, formula: `=$Q2="Nej"`, fill: "FFC7CE", fontColor: "9C0006" }],
      },
      {
        name: "Opsætning",
        tables: [lister],
        cells: [
          { address: "A1", value: "Opsætning", bold: true, size: 14 },
          { address: "A2", value: "Opgørelsesdato" },
          { address: "B2", value: 45657, numFmt: NUMFMT.date },
          { address: "A3", value: "Periodestart" },
          { address: "B3", value: 45292, numFmt: NUMFMT.date },
          { address: "A4", value: "Periodeslut" },
          { address: "B4", value: 45657, numFmt: NUMFMT.date },
          { address: "A5", value: "Dage i alt" },
          { address: "B5", value: { formula: "=SUM(Sager[Dage i perioden])" } },
        ],
        columnWidths: { A: 22, B: 14 },
        print: { orientation: "landscape", paperSize: "A4", fitToWidth: true },
      },
    ],
    names: [
      { name: "Opgoerelsesdato", refersTo: "='Opsætning'!$B$2" },
      { name: "Periodestart", refersTo: "='Opsætning'!$B$3" },
      { name: "Periodeslut", refersTo: "='Opsætning'!$B$4" },
      { name: "Liste_Lovgrundlag", refersTo: "=Lister[Lovgrundlag]" },
      { name: "Liste_Pladstype", refersTo: "=Lister[Pladstype]" },
      { name: "Liste_JaNej", refersTo: "=Lister[JaNej]" },
    ],
  };
}
