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
    ws.getRange("B2:C4").values = [
      ["Navn", "Alder"],
      ["Anna", 30],
      ["Bo", 40],
    ];
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

test("table sort: rows move whole, numbers before text before logicals, blanks last, ties stay; the sort is recorded", async () => {
  const fake = new FakeExcel({ sheets: ["A"] });
  const rows: (string | number | boolean)[][] = [
    ["a", 2, 10],
    ["b", "x", 5],
    ["c", 1, 7],
    ["d", "", 3],
    ["e", 1, 9],
    ["f", 2, 10],
    ["g", "X", 1],
    ["h", true, 0],
  ];
  await fakeRun(fake)(async (context) => {
    const ws = context.workbook.worksheets.getItem("A");
    ws.getRange("A1:C9").values = [["Navn", "Nr", "Dato"], ...rows];
    ws.getRange("D1:D9").values = [["udenfor"], [1], [2], [3], [4], [5], [6], [7], [8]];
    ws.tables.add("A1:C9", true).name = "T";
  });
  const sheet = fake.sheet("A");
  // A formula and a number format travel with their row (row e: its name becomes a formula, shown as "").
  sheet.put("A6", "=1+1");
  sheet.put("C6", 9, "dd-mm-yyyy");
  fake.resetStats();

  const navn = () => fake.read("A", "A2:A9").map((r) => r[0]);
  await fakeRun(fake)(async (context) => {
    context.workbook.tables.getItem("T").sort.apply(
      [
        { key: 1, ascending: true },
        { key: 2, ascending: false },
      ],
      false
    );
    await context.sync();
  });
  // Nr 1 by Dato descending (e 9, c 7); Nr 2 tied on Dato too, so a before f; "x" and "X" equal, so Dato
  // decides; then the logical; the blank Nr last.
  expect(navn()).toEqual(["", "c", "a", "f", "b", "g", "h", "d"]);
  expect(sheet.cell("A2")).toMatchObject({ formula: "=1+1" });
  expect(sheet.cell("C2")).toMatchObject({ value: 9, numberFormat: "dd-mm-yyyy" });
  expect(fake.read("A", "A1:C1")).toEqual([["Navn", "Nr", "Dato"]]);
  expect(fake.read("A", "D1:D9").map((r) => r[0])).toEqual(["udenfor", 1, 2, 3, 4, 5, 6, 7, 8]);
  expect(fake.sorts).toEqual([
    {
      table: "T",
      fields: [
        { key: 1, ascending: true },
        { key: 2, ascending: false },
      ],
      matchCase: false,
      calculationSuspended: false,
    },
  ]);
  expect(fake.count("apply", "call")).toBe(1);

  // Descending: logicals, text, numbers, and blanks still last; ties keep the order they had.
  await fakeRun(fake)(async (context) => {
    context.workbook.tables.getItem("T").sort.apply([{ key: 1, ascending: false }], false);
  });
  expect(navn()).toEqual(["h", "b", "g", "a", "f", "", "c", "d"]);
  // With matchCase, lower case comes first: "x" (b) before "X" (g), though Dato ascending would put g first.
  await fakeRun(fake)(async (context) => {
    context.workbook.tables.getItem("T").sort.apply(
      [
        { key: 1, ascending: true },
        { key: 2, ascending: true },
      ],
      true
    );
  });
  expect(navn()).toEqual(["c", "", "a", "f", "b", "g", "h", "d"]);
  expect(fake.sorts.map((s) => s.matchCase)).toEqual([false, false, true]);
});

test("table sort: a key outside the table is an error; a sort batched with suspended calculation is recorded as such", async () => {
  const fake = new FakeExcel({ sheets: ["A"] });
  await fakeRun(fake)(async (context) => {
    const ws = context.workbook.worksheets.getItem("A");
    ws.getRange("A1:B3").values = [
      ["K", "V"],
      [2, "b"],
      [1, "a"],
    ];
    ws.tables.add("A1:B3", true).name = "T";
  });
  const err = await fakeRun(fake)(async (context) => {
    context.workbook.tables.getItem("T").sort.apply([{ key: 2 }]);
    await context.sync();
  }).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: "InvalidArgument" });
  expect(fake.read("A", "A2:A3")).toEqual([[2], [1]]);

  await fakeRun(fake)(async (context) => {
    context.application.suspendApiCalculationUntilNextSync();
    context.workbook.tables.getItem("T").sort.apply([{ key: 0 }]);
    await context.sync();
  });
  expect(fake.read("A", "A2:B3")).toEqual([
    [1, "a"],
    [2, "b"],
  ]);
  expect(fake.sorts).toEqual([{ table: "T", fields: [{ key: 0 }], matchCase: false, calculationSuspended: true }]);
});
