// The cached results a report or a repair gives the tables it writes again: the references over the data
// read from those tables, row for row, and none where a row might not be the data's row.
import { generateStructuredData } from "../../src/sample/structured-data";
import { TABLES } from "../../src/workbook/contract";
import { HELPER_COLUMNS } from "../../src/workbook/column-presentation";
import { allComputedColumns, buildStructuredPlan } from "../../src/workbook/structured-plan";
import { tableResults, type ReadTable } from "../../src/workbook/table-results";
import type { StructuredData } from "../../src/domain/model";

function sagerAsRead(data: StructuredData): ReadTable {
  const sager = buildStructuredPlan(data)
    .sheets.flatMap((s) => s.tables)
    .find((t) => t.name === TABLES.sager)!;
  return { name: sager.name, headers: sager.columns.map((c) => c.name), rows: sager.rows.map((r) => [...r]) };
}

describe("cached results for tables written again", () => {
  const data = generateStructuredData(7, { cases: 20, attendanceDensity: 0.4 });
  const owner = allComputedColumns().find((t) => t.table === TABLES.sager)!;
  const expected = owner.expected(data);

  it("are the references' values for every visible computed column, row for row", () => {
    const results = tableResults(sagerAsRead(data), data)!;
    const helpers = new Set(HELPER_COLUMNS[TABLES.sager]);
    let given = 0;
    owner.columns.forEach((c, k) => {
      if (helpers.has(c.name)) return expect(results.has(c.name)).toBe(false);
      const values = results.get(c.name)!;
      expect(values).toHaveLength(data.cases.length);
      values.forEach((v, i) => {
        const ref = expected[k][i];
        expect(v).toEqual(ref === "" ? null : ref);
        if (v !== null) given++;
      });
    });
    expect(given).toBeGreaterThan(data.cases.length * 5);
  });

  it("are none when the rows do not line up with the data's", () => {
    const table = sagerAsRead(data);
    const id = table.headers.indexOf("Sags-ID");
    const rows = table.rows.map((r) => [...r]);
    [rows[0][id], rows[1][id]] = [rows[1][id], rows[0][id]];
    expect(tableResults({ ...table, rows }, data)).toBeNull();
    expect(tableResults({ ...table, rows: rows.slice(1) }, data)).toBeNull();
  });

  it("are none for a row holding a value its reader could not take", () => {
    const table = sagerAsRead(data);
    const col = table.headers.indexOf("Udskrevet");
    const withText = { ...table, rows: table.rows.map((r, i) => (i === 2 ? r.map((v, j) => (j === col ? "snart" : v)) : r)) };
    const unread: StructuredData = { ...data, cases: data.cases.map((c, i) => (i === 2 ? { ...c, udskrevet: null } : c)) };
    const results = tableResults(withText, unread)!;
    for (const values of results.values()) expect(values[2]).toBeNull();
    expect([...results.values()].some((values) => values[3] !== null)).toBe(true);
  });
});
