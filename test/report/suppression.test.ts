// Suppression of published figures: table-driven cases and a property over random additive tables.
import fc from "fast-check";
import { suppress, type SuppressionCell, type SuppressionGroup } from "../../src/domain/suppression";

const count = (id: string, value: number): SuppressionCell => ({ id, value, kind: "count" });

describe("suppress", () => {
  it("suppresses small counts, and the next-smallest member where a total would reveal one", () => {
    const cells = [count("a", 3), count("b", 12), count("c", 8), count("total", 23)];
    const { suppressed } = suppress(cells, [{ total: "total", members: ["a", "b", "c"] }], 5);
    expect([...suppressed.entries()].sort()).toEqual([
      ["a", "primær"],
      ["c", "sekundær"],
    ]);
  });

  it("needs no secondary suppression when two cells are already hidden", () => {
    const cells = [count("a", 3), count("b", 2), count("c", 8), count("total", 13)];
    const { suppressed } = suppress(cells, [{ total: "total", members: ["a", "b", "c"] }], 5);
    expect([...suppressed.keys()].sort()).toEqual(["a", "b"]);
  });

  it("suppresses rates over few cases or with a small numerator, and shares linked to a hidden count", () => {
    const cells: SuppressionCell[] = [
      { id: "r1", value: 0.5, kind: "rate", base: 4 },
      { id: "r2", value: 0.5, kind: "rate", base: 10 },
      { id: "r3", value: 0.2, kind: "rate", base: 10, numerator: 2 },
      count("k", 3),
      { id: "share", value: 0.3, kind: "rate", base: 10, numerator: 6, linkedTo: ["k"] },
      { id: "places", value: 2, kind: "none" },
      { id: "empty", value: null, kind: "count" },
    ];
    const { suppressed } = suppress(cells, [], 5);
    expect([...suppressed.keys()].sort()).toEqual(["k", "r1", "r3", "share"]);
  });

  it("propagates through crossing groups until stable", () => {
    // Two units x two quarters with row and column totals: hiding a (3) forces b in its row and c in
    // its column, and then d so that the column of b and the row of c reveal nothing.
    const v = { a: 3, b: 9, c: 7, d: 20, r1: 12, r2: 27, c1: 10, c2: 29, t: 39 };
    const cells = Object.entries(v).map(([id, x]) => count(id, x));
    const groups: SuppressionGroup[] = [
      { total: "r1", members: ["a", "b"] },
      { total: "r2", members: ["c", "d"] },
      { total: "c1", members: ["a", "c"] },
      { total: "c2", members: ["b", "d"] },
      { total: "t", members: ["r1", "r2"] },
      { total: "t", members: ["c1", "c2"] },
    ];
    const { suppressed } = suppress(cells, groups, 5);
    expect([...suppressed.keys()].sort()).toEqual(["a", "b", "c", "d"]);
  });
});

/** A random table: rows x columns of counts with row, column and grand totals. */
const tableArb = fc
  .record({
    rows: fc.integer({ min: 1, max: 5 }),
    cols: fc.integer({ min: 1, max: 5 }),
    threshold: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ rows, cols, threshold }) =>
    fc.record({
      threshold: fc.constant(threshold),
      values: fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
    })
  );

function build(values: number[][]): { cells: SuppressionCell[]; groups: SuppressionGroup[] } {
  const cells: SuppressionCell[] = [];
  const groups: SuppressionGroup[] = [];
  const R = values.length;
  const C = values[0].length;
  values.forEach((row, i) => row.forEach((x, j) => cells.push(count(`${i},${j}`, x))));
  for (let i = 0; i < R; i++) {
    cells.push(
      count(
        `${i},T`,
        values[i].reduce((s, x) => s + x, 0)
      )
    );
    groups.push({ total: `${i},T`, members: values[i].map((_, j) => `${i},${j}`) });
  }
  for (let j = 0; j < C; j++) {
    cells.push(
      count(
        `T,${j}`,
        values.reduce((s, r) => s + r[j], 0)
      )
    );
    groups.push({ total: `T,${j}`, members: values.map((_, i) => `${i},${j}`) });
  }
  cells.push(
    count(
      "T,T",
      values.flat().reduce((s, x) => s + x, 0)
    )
  );
  groups.push({ total: "T,T", members: values.map((_, i) => `${i},T`) });
  groups.push({ total: "T,T", members: values[0].map((_, j) => `T,${j}`) });
  return { cells, groups };
}

describe("suppress (property)", () => {
  it("never shows a small count, and never leaves exactly one hidden cell in an additive group", () => {
    fc.assert(
      fc.property(tableArb, ({ values, threshold }) => {
        const { cells, groups } = build(values);
        const { suppressed } = suppress(cells, groups, threshold);
        for (const c of cells) {
          if (c.value !== null && c.value < threshold) expect(suppressed.has(c.id)).toBe(true);
        }
        for (const g of groups) {
          const hidden = [g.total, ...g.members].filter((id) => suppressed.has(id)).length;
          expect(hidden === 0 || hidden >= 2).toBe(true);
        }
        // Idempotent: suppressing the published table again changes nothing.
        const again = suppress(
          cells.map((c) => (suppressed.has(c.id) ? { ...c, value: 0 } : c)),
          groups,
          threshold
        );
        for (const id of suppressed.keys()) expect(again.suppressed.has(id)).toBe(true);
      }),
      { numRuns: 300 }
    );
  });
});
