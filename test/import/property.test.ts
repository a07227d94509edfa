// Property: for generated messy workbooks, every source data row becomes exactly one case, every
// source cell value is found parsed in its column or verbatim, and the input grids are untouched.
import fc from "fast-check";
import { convert, toSagerRows } from "../../src/import/convert";
import type { CaseKey } from "../../src/import/fields";
import { FIELD_BY_COLUMN } from "../../src/import/fields";
import { tidy, unitKey } from "../../src/import/normalise";
import { caseSchema } from "../../src/domain/schemas";
import { generateMessyCaseList, type Expected } from "../../src/sample/messy-case-list";

function same(key: CaseKey, actual: unknown, expected: Expected): boolean {
  if (key === "enhed") return typeof actual === "string" && typeof expected === "string" && unitKey(actual) === unitKey(expected);
  if (key === "navn" && typeof expected === "string") return actual === tidy(expected);
  return actual === expected;
}

describe("messy case lists convert without loss", () => {
  it("keeps every row and every cell, and never mutates the grids", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (seed, rows, sheets, withAttendanceGrid) => {
          const { grids, truth } = generateMessyCaseList({ seed, rows, sheets, withAttendanceGrid });
          const before = structuredClone(grids);
          const result = convert(grids);
          expect(grids).toEqual(before);

          const totalRows = truth.sheets.reduce((n, s) => n + s.dataRows.length, 0);
          expect(result.cases).toHaveLength(totalRows);
          expect(result.stats.rowsIn).toBe(totalRows);
          expect(result.stats.rowsOut).toBe(totalRows);
          expect(new Set(result.cases.map((c) => c.sagsId)).size).toBe(totalRows);

          const caseAt = new Map<string, number>();
          result.sourceRefs.forEach((ref, i) => {
            expect(ref).not.toBeNull();
            const k = `${ref!.sheet}!${ref!.row}`;
            expect(caseAt.has(k)).toBe(false);
            caseAt.set(k, i);
          });
          const { rows: out } = toSagerRows(result);

          for (const ts of truth.sheets) {
            const region = result.regions.find((r) => r.sheet === ts.name);
            expect(region?.kind).toBe("sager");
            if (region?.kind !== "sager") continue;
            expect(region.headerRows).toEqual(ts.headerRows);
            expect(region.dataRows).toEqual(ts.dataRows);
            const skippedRows = region.skipped.map((s) => s.row);
            for (const r of [...ts.totalsRows, ...ts.noteRows, ...ts.blankRows]) expect(skippedRows).toContain(r);

            const mapping = result.mapping.columns.filter((m) => m.sheet === ts.name);
            for (const tc of ts.columns) expect(mapping.find((m) => m.index === tc.index)?.target ?? null).toBe(tc.target);

            const grid = grids.sheets.find((s) => s.name === ts.name)!;
            ts.dataRows.forEach((r, k) => {
              const i = caseAt.get(`${ts.name}!${r + 1}`);
              expect(i).toBeDefined();
              const c = result.cases[i!] as unknown as Record<string, unknown>;
              const unparsed = result.unparsed[i!];
              const row = grid.cells[r];
              row.forEach((v, col) => {
                if (v === null) return;
                const m = mapping.find((x) => x.index === col);
                if (m && m.target) {
                  const key = FIELD_BY_COLUMN.get(m.target)!.key;
                  const exp = ts.expected[k][key];
                  if (exp !== undefined && exp !== null && typeof exp === "object") {
                    expect(unparsed?.[key]).toBe(exp.unparsed);
                    expect(out[i!]).toContain(exp.unparsed);
                  } else if (exp !== undefined) {
                    expect(same(key, c[key], exp)).toBe(true);
                  }
                } else {
                  // Unmapped: verbatim in an extra column.
                  expect(result.extraColumns.some((e) => e.values[i!] === v)).toBe(true);
                }
              });
              const empty = Object.values(ts.expected[k]).every((e) => e === null);
              expect(empty).toBe(false);
            });
          }
          if (sheets > 1) {
            const kilde = result.extraColumns.find((e) => e.header === "Kildeark")!;
            result.sourceRefs.forEach((ref, i) => expect(kilde.values[i]).toBe(ref!.sheet));
          }
          if (truth.attendance) {
            expect(result.stats.attendanceUnknownCodes).toBe(truth.attendance.unknownCodes);
            // Unknown codes are kept verbatim (and reported once per code), never dropped.
            expect(result.attendance).toHaveLength(truth.attendance.codes);
          }
          // A case whose source cells raised no finding at all is valid under the strict schema.
          const flagged = new Set(result.findings.map((f) => `${f.sheet}!${f.cell.replace(/^[A-Z]+/, "")}`));
          const schema = caseSchema();
          result.cases.forEach((c, i) => {
            const ref = result.sourceRefs[i]!;
            if (!flagged.has(`${ref.sheet}!${ref.row}`)) expect(schema.safeParse(c).success).toBe(true);
          });
        }
      ),
      { numRuns: 60, seed: 20240201 }
    );
  });

  it("is deterministic", () => {
    const { grids } = generateMessyCaseList({ seed: 7, rows: 50, sheets: 2, withAttendanceGrid: true });
    expect(convert(grids)).toEqual(convert(structuredClone(grids)));
    expect(generateMessyCaseList({ seed: 7, rows: 50 })).toEqual(generateMessyCaseList({ seed: 7, rows: 50 }));
  });
});
