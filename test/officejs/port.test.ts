// createOfficePort against the fake: what the workbook holds and a table's header and rows.
import { createOfficePort } from "../../src/adapters/officejs/port";
import { applyPlan } from "../../src/adapters/officejs/apply-plan";
import { FakeExcel, fakeRun } from "../support/fake-excel";
import { samplePlan } from "./plan-fixture";

test("an unconverted workbook: sheets, no tables, not structured", async () => {
  const fake = new FakeExcel({ sheets: ["Ark1", "Ark2"] });
  const port = createOfficePort(fakeRun(fake));
  await expect(port.describe()).resolves.toEqual({ structured: false, tables: [], sheets: ["Ark1", "Ark2"] });
  await expect(port.readTable("Sager")).resolves.toBeNull();
  expect(fake.stats).toMatchObject({ runs: 2, syncs: 2 });
});

test("a converted workbook: structured, and tables read back as written", async () => {
  const fake = new FakeExcel({ sheets: ["Ark1"] });
  await applyPlan(samplePlan(30), fakeRun(fake), { host: fake });
  fake.resetStats();
  const port = createOfficePort(fakeRun(fake));
  await expect(port.describe()).resolves.toEqual({ structured: true, tables: ["Sager", "Lister"], sheets: ["Ark1", "Sager", "Opsætning"] });
  const lister = await port.readTable("lister");
  expect(lister).toEqual({
    headers: ["Lovgrundlag", "Pladstype", "JaNej"],
    rows: [
      ["§ 103", "Fuldtid", "Ja"],
      ["§ 104", "Deltid", "Nej"],
      ["§ 85", null, null],
    ],
  });
  const sager = await port.readTable("Sager");
  expect(sager?.rows).toHaveLength(30);
  expect(sager?.rows[0].slice(0, 3)).toEqual(samplePlan(30).sheets[0].tables[0].rows[0].slice(0, 3));
  // describe: 1 run, 1 sync; readTable: probe, header + size, values.
  expect(fake.stats).toMatchObject({ runs: 3, syncs: 1 + 3 + 3 });
});

test("an empty table (one empty row) reads as no rows; a large one in blocks", async () => {
  const fake = new FakeExcel();
  await applyPlan(
    { sheets: [{ name: "Mål", tables: [{ name: "Maal", topLeft: "B2", columns: [{ name: "Sags-ID" }, { name: "Mål" }], rows: [] }] }], names: [] },
    fakeRun(fake),
    { host: fake }
  );
  await expect(createOfficePort(fakeRun(fake)).readTable("Maal")).resolves.toEqual({ headers: ["Sags-ID", "Mål"], rows: [] });

  const big = new FakeExcel();
  await applyPlan(samplePlan(1_000), fakeRun(big), { host: big });
  big.resetStats();
  const t = await createOfficePort(fakeRun(big), { cellsPerSync: 5_000 }).readTable("Sager");
  expect(t?.rows).toHaveLength(1_000);
  expect(big.stats.syncs).toBe(2 + 4);
});
