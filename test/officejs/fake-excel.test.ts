// The fake behaves like Office.js where our adapter could go wrong: deferred execution, loading rules,
// null objects, batch abort on error, request size.
import { FakeExcel, fakeRun } from "../support/fake-excel";

test("a property read before load and sync throws PropertyNotLoaded", async () => {
  const fake = new FakeExcel({ sheets: ["A"] });
  fake.sheet("A").put("A1", 5);
  await fakeRun(fake)(async (context) => {
    const range = context.workbook.worksheets.getItem("A").getRange("A1");
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values");
    // Loaded but not yet synced: still not available.
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(range.values).toEqual([[5]]);
    expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });
});

test("writes happen on sync, and Excel.run flushes what is left", async () => {
  const fake = new FakeExcel({ sheets: ["A"] });
  await fakeRun(fake)(async (context) => {
    context.workbook.worksheets.getItem("A").getRange("A1:B1").values = [["x", 1]];
    expect(fake.read("A", "A1:B1")).toEqual([["", ""]]);
  });
  expect(fake.read("A", "A1:B1")).toEqual([["x", 1]]);
  expect(fake.stats).toMatchObject({ runs: 1, syncs: 1 });
});

test("null objects, and isNullObject only after a sync", async () => {
  const fake = new FakeExcel({ sheets: ["A"] });
  await fakeRun(fake)(async (context) => {
    const missing = context.workbook.worksheets.getItemOrNullObject("B");
    const present = context.workbook.worksheets.getItemOrNullObject("a");
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
  });
});

test("an error aborts the rest of the batch; a shape mismatch is an error", async () => {
  const fake = new FakeExcel({ sheets: ["A"] });
  const err = await fakeRun(fake)(async (context) => {
    const ws = context.workbook.worksheets.getItem("A");
    ws.getRange("A1:A3").values = [["only one"]];
    ws.getRange("B1").values = [["never"]];
    await context.sync();
  }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: "InvalidArgument" });
  expect(fake.sheet("A").cell("B1").value).toBe("");
});

test("Excel's reading of strings written as values, and the apostrophe", async () => {
  const fake = new FakeExcel({ sheets: ["A"] });
  await fakeRun(fake)(async (context) => {
    context.workbook.worksheets.getItem("A").getRange("A1:F1").values = [["=1+1", "007", "'007", "TRUE", "\t=x", "tekst"]];
  });
  const s = fake.sheet("A");
  expect(s.cell("A1").formula).toBe("=1+1");
  expect(s.cell("B1").value).toBe(7);
  expect(s.cell("C1")).toMatchObject({ value: "007", quotePrefix: true });
  expect(s.cell("D1").value).toBe(true);
  expect(s.cell("E1").formula).toBe("=x");
  expect(s.cell("F1").value).toBe("tekst");
});

test("payload bytes per sync and the 5 MB limit", async () => {
  const fake = new FakeExcel({ sheets: ["A"] });
  fake.payloadLimit = 100;
  await fakeRun(fake)(async (context) => {
    context.workbook.worksheets.getItem("A").getRange("A1").values = [["æ"]];
    await context.sync();
  });
  expect(fake.stats.payloads).toEqual([Buffer.byteLength('["A"]') + Buffer.byteLength('["A1"]') + Buffer.byteLength('[[["æ"]]]')]);
  const err = await fakeRun(fake)(async (context) => {
    context.workbook.worksheets.getItem("A").getRange("A1").values = [["x".repeat(200)]];
    await context.sync();
  }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
});

test("tables: add over a range, rename, header and body ranges, row count, column by name", async () => {
  const fake = new FakeExcel({ sheets: ["A"] });
  await fakeRun(fake)(async (context) => {
    const ws = context.workbook.worksheets.getItem("A");
    ws.getRange("B2:C4").values = [["Navn", "Alder"], ["Anna", 30], ["Bo", 40]];
    const t = ws.tables.add("B2:C4", true);
    t.name = "Personer";
    const rows = t.rows.load("count");
    const alder = t.columns.getItem("alder").getDataBodyRange().load("values,address");
    const header = t.getHeaderRowRange().load("values");
    const found = context.workbook.tables.getItemOrNullObject("personer").load("name");
    await context.sync();
    expect(rows.count).toBe(2);
    expect(alder.values).toEqual([[30], [40]]);
    expect(alder.address).toBe("A!C3:C4");
    expect(header.values).toEqual([["Navn", "Alder"]]);
    expect(found.name).toBe("Personer");
    // rows.add appends at the end and grows the table.
    t.rows.add(undefined, [["Cy", 50]]);
    const grown = t.rows.load("count");
    await context.sync();
    expect(grown.count).toBe(3);
    expect(fake.read("A", "B5:C5")).toEqual([["Cy", 50]]);
  });
});
