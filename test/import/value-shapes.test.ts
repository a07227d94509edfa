// Each way of keeping values that coordinators use, converted by the core: every citizen once, every
// field as its coordinator meant it, and the findings a coordinator reads (told once when many).
import { convert, type ConvertResult } from "../../src/import/convert";
import { unitKey } from "../../src/import/normalise";
import { placeWeight } from "../../src/domain/occupancy";
import { buildConvertedWorkbook } from "../../src/import/structured-output";
import { repeatedCellsFormats } from "../../src/workbook/problems-plan";
import { generateValueShapes, type ValueShape } from "../../src/sample/value-shapes";

const shapes = generateValueShapes();

/** Compare a conversion with what the coordinator meant; returns the number of citizens checked. */
export function expectAsMeant(shape: ValueShape, result: Pick<ConvertResult, "cases" | "findings" | "sourceRefs" | "units">): number {
  for (const m of shape.meant) {
    const hits = result.cases.filter((c) => c.navn === m.navn);
    expect({ shape: shape.name, navn: m.navn, count: hits.length }).toEqual({ shape: shape.name, navn: m.navn, count: 1 });
    const c = hits[0];
    if (m.weight !== undefined) expect({ navn: m.navn, weight: placeWeight(c, result.units) }).toEqual({ navn: m.navn, weight: m.weight });
    const picked = Object.fromEntries(Object.keys(m.fields).map((k) => [k, c[k as keyof typeof c]]));
    expect({ shape: shape.name, navn: m.navn, ...picked }).toEqual({ shape: shape.name, navn: m.navn, ...m.fields });
    if (m.findings) {
      const i = result.cases.indexOf(c);
      const row = result.sourceRefs[i]!.row;
      const codes = result.findings
        .filter((f) => (f.cells ?? [f.cell]).some((cell) => Number(cell.replace(/^[A-Z]+/, "")) === row))
        .map((f) => f.code)
        .filter((code) => m.findings!.includes(code) || code.startsWith("UDSKREVET_UDEN") || code.startsWith("PLADSTYPE_MANGLER"));
      expect({ navn: m.navn, codes: [...new Set(codes)].sort() }).toEqual({ navn: m.navn, codes: [...m.findings].sort() });
    }
  }
  for (const [code, n] of Object.entries(shape.findingCounts ?? {}))
    expect({ shape: shape.name, code, n: result.findings.filter((f) => f.code === code).length }).toEqual({ shape: shape.name, code, n });
  for (const [unit, w] of Object.entries(shape.unitWeights ?? {})) expect(result.units.find((u) => unitKey(u.enhed) === unitKey(unit))?.deltidsvaegt).toBe(w);
  return shape.meant.length;
}

test.each(shapes.map((s) => [s.name, s] as const))("%s: converted as meant", (_name, shape) => {
  const result = convert(shape.grids);
  expect(result.cases).toHaveLength(shape.meant.length);
  expectAsMeant(shape, result);
});

test("every unmapped column is named once, with its best guess", () => {
  const result = convert({
    sheets: [
      {
        name: "Liste",
        cells: [
          ["Navn", "CPR", "Enhed", "Indskrevet", "Cykelnummer"],
          ...Array.from({ length: 5 }, (_, i) => [`Borger ${i}`, null, "Køkken", 45000 + i, `C${i}`]),
        ],
        merges: [],
        hiddenRows: [],
        hiddenCols: [],
      },
    ],
  });
  const f = result.findings.filter((x) => x.code === "KOLONNE_IKKE_TILKNYTTET");
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ cell: "E1", original: "Cykelnummer" });
  expect(f[0].message).toContain("'Cykelnummer'");
});

test("a column headed exactly Udskrivningsårsag is mapped at full confidence", () => {
  const shape = shapes.find((s) => s.name === "aarsag-i-ord")!;
  const m = convert(shape.grids).mapping.columns.find((c) => c.header === "Udskrivningsårsag")!;
  expect(m).toMatchObject({ target: "Udskrivningsårsag", confidence: 1 });
});

test("a rule firing on more than 20 rows is one finding with the count and every cell", () => {
  const shape = shapes.find((s) => s.name === "modulus11")!;
  const f = convert(shape.grids).findings.filter((x) => x.code === "CPR_MODULUS11");
  expect(f).toHaveLength(1);
  expect(f[0].cells).toHaveLength(160);
  expect(f[0].message).toContain("160 celler");
});

test("a row colour is proposed with its meaning, and a confirmed meaning stands", () => {
  const shape = shapes.find((s) => s.name === "roed-udfyldning")!;
  const proposed = convert(shape.grids);
  expect(proposed.mapping.fills).toEqual([expect.objectContaining({ color: "FF0000", meaning: "udskrevet", confidence: 0.6, rows: 20 })]);
  const decoration = convert(shape.grids, { overrides: { "Farve FF0000": null } });
  expect(decoration.mapping.fills).toEqual([expect.objectContaining({ color: "FF0000", meaning: null, confidence: 1 })]);
  expect(decoration.findings.filter((f) => f.code === "UDSKREVET_UDEN_DATO" || f.code === "FARVE_TOLKET")).toHaveLength(0);
  // The saved mapping of a confirmed run is reused without asking again.
  const again = convert(shape.grids, { saved: convert(shape.grids, { overrides: { "Farve FF0000": "udskrevet" } }).mapping });
  expect(again.findings.filter((f) => f.code === "FARVE_TOLKET")).toHaveLength(0);
  expect(again.findings.filter((f) => f.code === "UDSKREVET_UDEN_DATO")).toHaveLength(10);
});

test("a status column is read with its meaning told once, and kept as it is when the user says so", () => {
  const shape = shapes.find((s) => s.name === "status-afsluttet")!;
  const read = convert(shape.grids);
  const told = read.findings.filter((f) => f.code === "STATUSKOLONNE");
  expect(told).toHaveLength(1);
  expect(told[0]).toMatchObject({ cell: "G1", severity: "info" });
  expect(read.mapping.columns.find((c) => c.header === "Status")!.reason).toMatch(/^Statuskolonne/);
  const kept = convert(shape.grids, { overrides: { Status: null } });
  expect(kept.findings.filter((f) => f.code === "UDSKREVET_UDEN_DATO" || f.code === "STATUSKOLONNE")).toHaveLength(0);
});

test("dates under headers no synonym knows are proposed by their content, to be confirmed", () => {
  const rows = Array.from({ length: 6 }, (_, i) => [`Borger ${i}`, "Køkken", "Fuldtid", 45000 + i, i % 2 ? 45100 + i : null]);
  const result = convert({
    sheets: [
      {
        name: "Liste",
        cells: [["Navn", "Enhed", "Pladstype", "Kom", "Gik"], ...rows],
        numFmts: [[], ...rows.map(() => [null, null, null, "dd-mm-yyyy", "dd-mm-yyyy"])],
        merges: [],
        hiddenRows: [],
        hiddenCols: [],
      },
    ],
  });
  const byHeader = Object.fromEntries(result.mapping.columns.map((c) => [c.header, c]));
  expect(byHeader.Kom).toMatchObject({ target: "Indskrevet", confidence: 0.55 });
  expect(byHeader.Gik).toMatchObject({ target: "Udskrevet", confidence: 0.5 });
  expect(result.findings.filter((f) => f.code === "KOLONNE_USIKKER").map((f) => f.cell)).toEqual(["D1", "E1"]);
  expect(result.cases.map((c) => c.udskrevet)).toEqual(rows.map((r) => r[4]));
});

test("the cells of a finding told once stay marked: one format per run, live while the finding stands", () => {
  const cells = ["B2", "B3", "B4", "B7", "D9", null, "B8"];
  expect(repeatedCellsFormats("Sager", "Sager!B2", cells)).toEqual([
    { range: "B2:B4", formula: '=COUNTIF(Problemceller,"Sager!B2")>0', fill: "FFC7CE", fontColor: "9C0006" },
    { range: "B7:B8", formula: '=COUNTIF(Problemceller,"Sager!B2")>0', fill: "FFC7CE", fontColor: "9C0006" },
    { range: "D9", formula: '=COUNTIF(Problemceller,"Sager!B2")>0', fill: "FFC7CE", fontColor: "9C0006" },
  ]);
  // Scattered cells beyond the limit: each column's span, so a plan never holds thousands of formats.
  const scattered = Array.from({ length: 100 }, (_, i) => `E${2 + 2 * i}`);
  expect(repeatedCellsFormats("Sager", "Sager!E2", scattered).map((f) => f.range)).toEqual(["E2:E200"]);
});

test("the converted workbook marks all 160 cells of the one modulus-11 finding", () => {
  const shape = shapes.find((s) => s.name === "modulus11")!;
  const result = convert(shape.grids);
  const out = buildConvertedWorkbook(result, { conversionDate: 45500, sourceSheets: ["Liste"], convertedSheets: ["Liste"], mapping: result.mapping });
  const mod11 = out.problems.filter((p) => p.code === "CPR_MODULUS11");
  expect(mod11).toHaveLength(1);
  const sager = out.plan.sheets.find((s) => s.tables.some((t) => t.name === "Sager"))!;
  const marks = (sager.conditionalFormats ?? []).filter((f) => f.formula.includes(`"${mod11[0].target}"`));
  expect(marks.map((f) => f.range)).toEqual(["B2:B161"]);
});

test("words read as a discharge reason stay in the case's Bemærkninger, never in a finding", () => {
  const shape = shapes.find((s) => s.name === "aarsag-i-ord")!;
  const result = convert(shape.grids);
  const words = shape.meant.map((m) => (m.fields.bemaerkninger as string).replace(/^.*: /, ""));
  for (const f of result.findings) for (const w of words) expect(`${f.message} ${f.original ?? ""}`).not.toContain(w);
  expect(result.findings.filter((f) => f.code === "AARSAG_LAEST")).toHaveLength(20);
});
