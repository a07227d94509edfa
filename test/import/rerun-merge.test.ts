// The stored identities of imported cases: versioned and validated (anything else is read as a workbook
// of an older version), CPR numbers and names only as digests, and dropped from copies that are shared.
import ExcelJS from "exceljs";
import { readMetadata } from "../../src/adapters/xlsx/convert-workbook";
import { forgetImportedValuesIn } from "../../src/adapters/xlsx/forget-imported-values";
import { planWorkbookConversion } from "../../src/import/workbook-conversion";
import { cellToken, forgetImportedValues, IMPORTED_KEY, importedStateOf, SENSITIVE_COLUMNS, type ImportedState } from "../../src/import/rerun-merge";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import { rerunScenario } from "../support/rerun-scenario";

const sc = rerunScenario(40);
const first = planWorkbookConversion({ sheets: [{ name: sc.source.name, tables: [] }], metadata: null }, { sheets: [sc.source] }, null, {
  conversionDate: 45_473,
});
const metaSheet = first.plan.sheets.find((s) => s.name === METADATA_SHEET)!;
const metadata = JSON.parse(
  (metaSheet.cells ?? [])
    .slice(1)
    .map((c) => String(c.value))
    .join("")
) as Record<string, unknown>;
const state = metadata[IMPORTED_KEY] as ImportedState;

test("a first conversion stores every case's source row and its values, CPR and names as digests", () => {
  expect(state.version).toBe(1);
  expect(state.sheets).toEqual([sc.source.name]);
  expect(state.cases).toHaveLength(40);
  expect(state.cases[0].slice(0, 3)).toEqual(["S-0001", 0, 2]);
  const cpr = state.fields.indexOf("CPR");
  const indskrevet = state.fields.indexOf("Indskrevet");
  expect(state.cases[0][3][cpr]).toBe(cellToken("cpr", sc.cases[0].cpr));
  // A digest in base 36 behind "#": never ten digits that read as a CPR number.
  expect(state.cases[0][3][cpr]).toMatch(/^#[0-9a-z]{1,7}$/);
  const k = sc.cases.findIndex((c) => c.indskrevet !== null);
  expect(state.cases[k][3][indskrevet]).toBe(sc.cases[k].indskrevet);
  // The source had no Sags-ID column: nothing stored for it.
  expect(state.cases[0][3][state.fields.indexOf("Sags-ID")]).toBeNull();
  const json = JSON.stringify(state);
  for (const c of sc.cases) expect([c.cpr, c.navn].filter((v) => v && json.includes(v))).toEqual([]);
  expect(importedStateOf(metadata)).toHaveLength(40);
});

test("identities that are missing, of another version or malformed are not used", () => {
  expect(importedStateOf(null)).toBeNull();
  expect(importedStateOf({})).toBeNull();
  expect(importedStateOf({ [IMPORTED_KEY]: { ...state, version: 2 } })).toBeNull();
  expect(importedStateOf({ [IMPORTED_KEY]: { ...state, cases: [["S-0001", 5, 2, []]] } })).toBeNull();
  expect(importedStateOf({ [IMPORTED_KEY]: { ...state, cases: [["S-0001", 0, 2, ["kort"]]] } })).toBeNull();
  expect(importedStateOf({ [IMPORTED_KEY]: { ...state, fields: "CPR" } })).toBeNull();
});

test("a shared copy keeps no digest of a CPR number or a name", async () => {
  const forgotten = forgetImportedValues(metadata, SENSITIVE_COLUMNS)[IMPORTED_KEY] as ImportedState;
  for (const col of SENSITIVE_COLUMNS) expect(forgotten.cases.every((c) => c[3][forgotten.fields.indexOf(col)] === null)).toBe(true);
  expect(SENSITIVE_COLUMNS).toEqual(expect.arrayContaining(["CPR", "Navn"]));
  expect(SENSITIVE_COLUMNS).not.toContain("Indskrevet");

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(METADATA_SHEET);
  for (const c of metaSheet.cells ?? []) ws.getCell(c.address).value = c.value as string;
  expect(forgetImportedValuesIn(wb, ["CPR"])).toBe(true);
  const after = readMetadata(wb)![IMPORTED_KEY] as ImportedState;
  expect(after.cases.every((c) => c[3][after.fields.indexOf("CPR")] === null)).toBe(true);
  expect(after.cases[0][3][after.fields.indexOf("Navn")]).toBe(state.cases[0][3][state.fields.indexOf("Navn")]);
  expect(importedStateOf(readMetadata(wb))).toHaveLength(40);
});
