// The contract's column table is the one map between the model's fields and the tables' headers: every
// input column of Sager names a Case field, every Case field has its column, and a generated case
// written by the contract's accessors reads back unchanged by each reader (the structured-data reader
// of the report and check, the forms' reader, and the import's values array).
import type { Case } from "../../src/domain/model";
import { caseFromValues, FIELDS } from "../../src/import/fields";
import { generateStructuredData } from "../../src/sample/structured-data";
import { casesFrom } from "../../src/taskpane/forms/cases";
import {
  ENHEDER_INPUT,
  FREMMOEDESTATUS_INPUT,
  FREMMOEDE_INPUT,
  HELLIGDAGE_INPUT,
  INSTRUMENTER_INPUT,
  MAAL_INPUT,
  SAGER_INPUT,
  STATUSMAALINGER_INPUT,
  TABLES,
  VISITATIONER_INPUT,
  type FieldColumnDef,
} from "../../src/workbook/contract";
import { CASE_VALUES, fieldValues, inputRow } from "../../src/workbook/row-values";
import { snapshotSource, structuredFromTables } from "../../src/workbook/structured-from-tables";

const data = generateStructuredData(11, { cases: 40 });
/** Enheder must exist for the reader; its rows do not matter here. */
const NO_UNITS = { [TABLES.enheder]: { headers: ["Enhed"], rows: [] } };

/** Cases with every field filled in somewhere, and every empty field empty somewhere. */
function sampleCases(): Case[] {
  const full: Case = {
    sagsId: "S-9001",
    cpr: "010190-1234",
    navn: "Åse Ørum Næsby",
    enhed: "Værkstedet Nord",
    lovgrundlag: "§103",
    pladstype: "Deltid",
    henviser: "Jobcenter",
    visitationsdato: 45_000,
    indskrevet: 45_010,
    udskrevet: 45_300,
    udskrivningsaarsag: "Flyttet",
    forsoergelsesgrundlag: "Førtidspension",
    jobcenterforloeb: "Ja",
    kontaktperson: "Bo Ågård",
    bemaerkninger: "Tekst med æøå",
  };
  return [...data.cases, full];
}

describe("the contract's column table", () => {
  const tables: [string, FieldColumnDef<never>[], object][] = [
    [TABLES.sager, SAGER_INPUT as FieldColumnDef<never>[], data.cases[0]],
    [TABLES.enheder, ENHEDER_INPUT as FieldColumnDef<never>[], data.units[0]],
    [TABLES.fremmoede, FREMMOEDE_INPUT as FieldColumnDef<never>[], data.attendance[0]],
    [TABLES.fremmoedestatus, FREMMOEDESTATUS_INPUT as FieldColumnDef<never>[], data.attendanceStatuses[0]],
    [TABLES.helligdage, HELLIGDAGE_INPUT as FieldColumnDef<never>[], data.holidays[0]],
    [TABLES.instrumenter, INSTRUMENTER_INPUT as FieldColumnDef<never>[], data.instruments[0]],
    [TABLES.statusmaalinger, STATUSMAALINGER_INPUT as FieldColumnDef<never>[], data.measurements[0]],
    [TABLES.maal, MAAL_INPUT as FieldColumnDef<never>[], data.goals[0]],
    [TABLES.visitationer, VISITATIONER_INPUT as FieldColumnDef<never>[], data.visitations[0]],
  ];

  it.each(tables)("%s: each input column names one field of the model row, and each field has one column", (_name, defs, row) => {
    expect(row).toBeDefined();
    const fields = defs.map((d) => d.field as string);
    expect(new Set(fields).size).toBe(fields.length);
    expect(new Set(defs.map((d) => d.name)).size).toBe(defs.length);
    expect([...fields].sort()).toEqual(Object.keys(row).sort());
  });

  it("writes a yes/no field held as a boolean as Ja or Nej, and every other field as it is", () => {
    const values = fieldValues(FREMMOEDESTATUS_INPUT);
    const s = data.attendanceStatuses.find((x) => x.iBasis && !x.fravaer)!;
    expect(values["I basis"](s)).toBe("Ja");
    expect(values["Fravær"](s)).toBe("Nej");
    expect(values["Status"](s)).toBe(s.status);
  });

  it("writes a case into Sager's input columns and reads it back unchanged, by every reader", () => {
    const cases = sampleCases();
    const headers = SAGER_INPUT.map((d) => d.name);
    const rows = cases.map((c) => inputRow(SAGER_INPUT, CASE_VALUES, c));
    expect(rows[rows.length - 1]).toEqual([
      "S-9001",
      "010190-1234",
      "Åse Ørum Næsby",
      "Værkstedet Nord",
      "§103",
      "Deltid",
      "Jobcenter",
      45_000,
      45_010,
      45_300,
      "Flyttet",
      "Førtidspension",
      "Ja",
      "Bo Ågård",
      "Tekst med æøå",
    ]);

    // The structured-data reader (report, check, consolidate), over the tables of a whole plan.
    const tables = { [TABLES.sager]: { headers, rows }, ...NO_UNITS };
    expect(structuredFromTables(snapshotSource(tables, {})).data.cases).toEqual(cases);

    // The forms' reader: headers as a user may retype them (case, spacing) still find their column.
    const retyped = headers.map((h) => ` ${h.toUpperCase()} `);
    expect(casesFrom({ headers: retyped, rows }).map(({ index: _index, ...c }) => c)).toEqual(cases);
    expect(casesFrom({ headers, rows }).map((c) => c.index)).toEqual(cases.map((_, i) => i));

    // The import's values array, in FIELDS order.
    expect(cases.map((c) => caseFromValues(FIELDS.map((f) => c[f.key] ?? undefined)))).toEqual(cases);
  });

  it("reads an empty Sags-ID or Enhed as empty text and every other empty cell as null", () => {
    const rows = [SAGER_INPUT.map((d) => (d.field === "navn" ? "Kim" : null))];
    const [c] = structuredFromTables(snapshotSource({ ...NO_UNITS, [TABLES.sager]: { headers: SAGER_INPUT.map((d) => d.name), rows } }, {})).data.cases;
    expect(c).toEqual({ ...Object.fromEntries(SAGER_INPUT.map((d) => [d.field, null])), sagsId: "", enhed: "", navn: "Kim" });
    // The forms leave out a row without a Sags-ID: it is no case they can pick.
    expect(casesFrom({ headers: SAGER_INPUT.map((d) => d.name), rows })).toEqual([]);
  });
});
