// The case blocks' references: a sorted table's block holds exactly the case's rows, an unsorted one is
// the whole table, and sortedByCase gives the order the flag calls sorted without losing a row.
import fc from "fast-check";
import { caseBlock, caseRows, sortedByCase, sortedFlag } from "../../src/domain/case-blocks";
import { generateStructuredData } from "../../src/sample/structured-data";

const keysArb = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 });

describe("case blocks", () => {
  test("caseRows finds the first case with the id, ignoring case; 0 for none or an empty id", () => {
    const cases = [{ sagsId: "A-1" }, { sagsId: "b-2" }, { sagsId: "a-1" }];
    const ids = ["a-1", "B-2", "C-3", "", null];
    expect(
      caseRows(
        ids.map((sagsId) => ({ sagsId })),
        cases
      )
    ).toEqual([1, 2, 0, 0, 0]);
  });

  test("on sorted keys, a case's block is exactly its rows, or one row of another case when it has none", () => {
    fc.assert(
      fc.property(keysArb, fc.integer({ min: 1, max: 7 }), (raw, key) => {
        const keys = [...raw].sort((a, b) => a - b);
        expect(sortedFlag(keys)).toBe(1);
        const { fra, til } = caseBlock(key, keys, true);
        const rows = Math.max(1, keys.length);
        expect(1 <= fra && fra <= til && til <= rows).toBe(true);
        const own = keys.map((k, i) => (k === key ? i + 1 : 0)).filter((i) => i > 0);
        if (own.length > 0) expect({ fra, til }).toEqual({ fra: own[0], til: own[own.length - 1] });
        else expect(til).toBe(fra);
      })
    );
  });

  test("unsorted keys, or an unknown case, give the whole table", () => {
    expect(sortedFlag([1, 3, 2])).toBe(0);
    expect(caseBlock(2, [1, 3, 2], false)).toEqual({ fra: 1, til: 3 });
    expect(caseBlock(0, [0, 1, 1], true)).toEqual({ fra: 1, til: 3 });
    // An empty table keeps its one empty row in the workbook.
    expect(caseBlock(1, [], true)).toEqual({ fra: 1, til: 1 });
  });

  test("sortedByCase orders by case row then date, keeps every row, and leaves the rest alone", () => {
    const data = generateStructuredData(5, { cases: 12 });
    const shuffled = { ...data, attendance: [...data.attendance].reverse(), measurements: [...data.measurements].reverse() };
    const sorted = sortedByCase(shuffled);
    for (const rows of [sorted.attendance, sorted.measurements]) {
      const keys = caseRows(rows, sorted.cases);
      expect(sortedFlag(keys)).toBe(1);
      for (let i = 1; i < rows.length; i++) {
        if (keys[i] === keys[i - 1]) expect((rows[i].dato ?? Infinity) >= (rows[i - 1].dato ?? Infinity)).toBe(true);
      }
    }
    expect(new Set(sorted.attendance)).toEqual(new Set(data.attendance));
    expect(new Set(sorted.measurements)).toEqual(new Set(data.measurements));
    expect(sorted.cases).toBe(shuffled.cases);
    // The generator already gives this order.
    expect(sortedByCase(data).attendance).toEqual(data.attendance);
  });
});
