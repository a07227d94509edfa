// Fuzzing with fast-check over generated and mutated case lists, workbook snapshots and form inputs:
// nothing throws unhandled, every failure is a finding or a clear (Danish) error, and nothing is lost:
// every source data row still becomes one case. `npm run fuzz` runs the same properties longer
// (FUZZ_RUNS, default there 500; here 20), and prints how many cases ran.
import fc from "fast-check";
import ExcelJS from "exceljs";
import { convert } from "../../src/import/convert";
import { ImportError } from "../../src/import/errors";
import type { RawCell, WorkbookGrids } from "../../src/import/grid";
import { generateMessyCaseList } from "../../src/sample/messy-case-list";
import { generateStructuredData } from "../../src/sample/structured-data";
import { parseDateField, parseNumberField, textOrNull } from "../../src/taskpane/forms/field-values";
import { casesFrom } from "../../src/taskpane/forms/cases";
import { instrumentsFrom, statusesFrom, unitsFrom, holidaysFrom, listsFrom } from "../../src/taskpane/forms/setup";
import { withAuditLog } from "../../src/taskpane/audit-port";
import { MemoryWorkbookPort } from "../../src/adapters/xlsx/memory-port";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { checkIntegrity, type WorkbookSnapshot } from "../../src/workbook/integrity";
import { readSnapshot } from "../../src/adapters/xlsx/workbook-snapshot";
import { pseudonymiser, cprMasker } from "../../src/workbook/pseudonymise";

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const counted: Record<string, number> = {};
const count = (name: string) => (counted[name] = (counted[name] ?? 0) + 1);

afterAll(() => {
  const total = Object.values(counted).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `fuzz: ${total} tilfælde (${Object.entries(counted)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")})\n`
  );
});

const PAYLOAD = fc.constantFrom(
  "=1+1",
  "+45",
  "-",
  "@x",
  "\t=1",
  "\r=2",
  "I alt",
  "Total",
  "",
  " ",
  "CPR",
  "Navn",
  "010203-1234",
  "1/2-23",
  "31.02.2023",
  "ÆØÅ",
  "\u0000",
  "😀"
);
const cellValue: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  PAYLOAD,
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e6, max: 3e9 }),
  fc.boolean()
);

type Mutation =
  | { kind: "set"; sheet: number; row: number; col: number; value: RawCell }
  | { kind: "dropRow"; sheet: number; row: number }
  | { kind: "junkRow"; sheet: number; row: number; values: RawCell[] }
  | { kind: "merge"; sheet: number; text: string }
  | { kind: "hide"; sheet: number; row: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), sheet: fc.nat(3), row: fc.nat(120), col: fc.nat(25), value: cellValue }),
  fc.record({ kind: fc.constant("dropRow" as const), sheet: fc.nat(3), row: fc.nat(120) }),
  fc.record({ kind: fc.constant("junkRow" as const), sheet: fc.nat(3), row: fc.nat(120), values: fc.array(cellValue, { maxLength: 30 }) }),
  fc.record({
    kind: fc.constant("merge" as const),
    sheet: fc.nat(3),
    text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("A1:C1", "B2:B9", "ZZZ1:A1", "A0:A1")),
  }),
  fc.record({ kind: fc.constant("hide" as const), sheet: fc.nat(3), row: fc.nat(120) })
);

function mutate(grids: WorkbookGrids, mutations: readonly Mutation[]): WorkbookGrids {
  const out = structuredClone(grids);
  for (const m of mutations) {
    const sheet = out.sheets[m.sheet % out.sheets.length];
    if (!sheet) continue;
    const row = m.kind === "merge" ? 0 : m.row % Math.max(1, sheet.cells.length + 1);
    switch (m.kind) {
      case "set":
        while (sheet.cells.length <= row) sheet.cells.push([]);
        sheet.cells[row][m.col] = m.value;
        break;
      case "dropRow":
        sheet.cells.splice(row, 1);
        sheet.numFmts?.splice(row, 1);
        break;
      case "junkRow":
        sheet.cells.splice(row, 0, m.values);
        sheet.numFmts?.splice(row, 0, []);
        break;
      case "merge":
        sheet.merges.push(m.text);
        break;
      case "hide":
        sheet.hiddenRows.push(row);
        break;
    }
  }
  return out;
}

describe("fuzz: mutated case lists", () => {
  test("convert returns cases and findings, or a clear ImportError; the grids are never changed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(mutation, { maxLength: 25 }),
        (seed, rows, sheets, mutations) => {
          count("rodede sagslister");
          const grids = mutate(generateMessyCaseList({ seed, rows, sheets, withAttendanceGrid: seed % 2 === 0 }).grids, mutations);
          const before = structuredClone(grids);
          let result: ReturnType<typeof convert>;
          try {
            result = convert(grids);
          } catch (e) {
            expect(e).toBeInstanceOf(ImportError);
            expect((e as ImportError).message.length).toBeGreaterThan(20);
            return;
          } finally {
            expect(grids).toEqual(before);
          }
          // Nothing lost: every row the detection took as data became exactly one case with its own id.
          expect(result.stats.rowsOut).toBe(result.stats.rowsIn);
          expect(result.cases).toHaveLength(result.stats.rowsIn);
          expect(new Set(result.cases.map((c) => c.sagsId)).size).toBe(result.cases.length);
          for (const f of result.findings) {
            expect(typeof f.message).toBe("string");
            expect(f.message.length).toBeGreaterThan(0);
            expect(f.code).toMatch(/^[A-Z0-9_]+$/);
          }
        }
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20240815) }
    );
  });

  test("the unmutated generator always converts without an error and keeps every row", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 1, max: 40 }), (seed, rows) => {
        count("genererede sagslister");
        const { grids, truth } = generateMessyCaseList({ seed, rows });
        const result = convert(grids);
        expect(result.cases).toHaveLength(truth.sheets.reduce((n, s) => n + s.dataRows.length, 0));
      }),
      { numRuns: RUNS, seed: 7 }
    );
  });
});

describe("fuzz: workbook snapshots and text rules", () => {
  test("the integrity check never throws on damaged snapshots", () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, buildStructuredPlan(generateStructuredData(2, { cases: 6 })));
    const base = readSnapshot(wb);
    const anyCell = fc.oneof(
      cellValue.map((v) => v),
      fc.string({ maxLength: 30 }).map((f) => ({ formula: "=" + f }))
    );
    fc.assert(
      fc.property(
        fc.nat(base.tables.length - 1),
        fc.nat(50),
        fc.nat(40),
        anyCell,
        fc.string({ maxLength: 20 }),
        fc.boolean(),
        (ti, r, c, v, header, dropName) => {
          count("skadede projektmapper");
          const snap: WorkbookSnapshot = structuredClone(base);
          const t = snap.tables[ti];
          const row = t.rows[r % t.rows.length];
          if (row) row[c % row.length] = v;
          t.headers[c % t.headers.length] = header;
          if (dropName) snap.names = snap.names.slice(1).map((n, i) => (i === 0 ? { ...n, refersTo: header } : n));
          const report = checkIntegrity(snap);
          for (const f of report.findings) expect(f.message.length).toBeGreaterThan(10);
        }
      ),
      { numRuns: RUNS * 5, seed: 99 }
    );
  });

  test("pseudonymisation and masking never throw, and leave no known CPR behind", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 10100, max: 311299 }), fc.integer({ min: 0, max: 9999 }), fc.string({ maxLength: 20 })), { maxLength: 8 }),
        fc.string({ maxLength: 60 }),
        (people, filler) => {
          count("pseudonymisering");
          const key = people.map(([d, s, navn], i) => ({ sagsId: `S-${i}`, cpr: `${String(d).padStart(6, "0")}-${String(s).padStart(4, "0")}`, navn }));
          const p = pseudonymiser(key);
          const m = cprMasker(key.map((k) => k.cpr));
          for (const k of key) {
            const text = `${filler} ${k.cpr} ${filler}`;
            expect(p.text(text)).not.toContain(k.cpr);
            expect(m.text(text)).not.toContain(k.cpr);
          }
          p.number(Number.NaN);
          m.number(Number.POSITIVE_INFINITY);
        }
      ),
      { numRuns: RUNS * 5, seed: 5 }
    );
  });
});

describe("fuzz: form inputs", () => {
  test("field parsers and table readers accept anything a user or a workbook can hold", () => {
    const table = fc.record({
      headers: fc.array(
        fc.oneof(
          fc.string({ maxLength: 12 }),
          fc.constantFrom("Sags-ID", "Enhed", "Navn", "Indskrevet", "Udskrevet", "Status", "Kode", "Dato", "Instrument", "Dimension", "Min", "Max")
        ),
        { maxLength: 10 }
      ),
      rows: fc.array(fc.array(cellValue, { maxLength: 10 }), { maxLength: 8 }),
    });
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), PAYLOAD, table, (typed, payload, t) => {
        count("formularinput");
        for (const s of [typed, payload, ` ${payload} `]) {
          const d = parseDateField(s);
          expect(typeof d.ok).toBe("boolean");
          const n = parseNumberField(s);
          if (n.ok && n.value !== null) expect(Number.isFinite(n.value)).toBe(true);
          textOrNull(s);
        }
        const contents = { headers: t.headers, rows: t.rows.map((r) => r.map((v) => (typeof v === "number" && !Number.isFinite(v) ? null : v))) };
        casesFrom(contents);
        unitsFrom(contents);
        listsFrom(contents);
        instrumentsFrom(contents);
        statusesFrom(contents);
        holidaysFrom(contents);
      }),
      { numRuns: RUNS * 10, seed: 11 }
    );
  });

  test("a form save of arbitrary text through the audited port keeps the text exactly, and logs it without the text", async () => {
    const wb = new ExcelJS.Workbook();
    applyPlan(wb, buildStructuredPlan(generateStructuredData(8, { cases: 6 })));
    const port = withAuditLog(new MemoryWorkbookPort(wb));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 40 }),
          PAYLOAD.filter((p) => p.trim() !== "" && !p.includes("\u0000"))
        ),
        async (text) => {
          count("formulargemninger");
          const before = (await port.readTable("Sager"))!.rows.length;
          await port.saveRows([{ table: "Sager", appends: [{ "Sags-ID": `F-${before}`, Enhed: "Kilen", Bemærkninger: text }] }]);
          const after = (await port.readTable("Sager"))!;
          expect(after.rows).toHaveLength(before + 1);
          expect(after.rows[before][after.headers.indexOf("Bemærkninger")]).toBe(text);
          const log = (await port.readTable("Log"))!;
          const last = log.rows[log.rows.length - 1];
          expect(last.slice(1)).toEqual(["Formular", "Sager", `F-${before}`, null, null, "ny række"]);
          if (!["Sager", "Formular", "ny række", `F-${before}`].includes(text)) expect(last).not.toContain(text);
        }
      ),
      { numRuns: Math.min(RUNS, 60), seed: 3 }
    );
  });
});
