// A plan read as a TableSource: its tables with their headers and planned values (computed columns
// empty), its names with the constant of the cell each points at. A workbook just made from a plan holds
// exactly this, so whoever plans on top of it (the report over a consolidation's combined tables) can
// read the plan instead of the written sheets: reading a million written rows back costs more time and
// memory than writing them. Pure: no file, no Excel.
import { isFormula, type Plan, type Scalar } from "./plan";
import type { TableRows, TableSource } from "./structured-from-tables";

const CELL_NAME = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)$/;

export function planSource(plan: Plan): TableSource {
  const tables = new Map<string, TableRows>();
  for (const s of plan.sheets) {
    for (const t of s.tables) tables.set(t.name.toLowerCase(), { headers: t.columns.map((c) => c.name), rows: t.rows });
  }
  const cellValue = (sheet: string, address: string): Scalar => {
    const v = plan.sheets.find((s) => s.name === sheet)?.cells?.find((c) => c.address.replace(/\$/g, "") === address)?.value;
    return v === undefined || isFormula(v) ? null : v;
  };
  return {
    table: (name) => tables.get(name.toLowerCase()) ?? null,
    name: (name) => {
      const n = plan.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!n) return undefined;
      const m = CELL_NAME.exec(n.refersTo);
      return m ? cellValue((m[1] ?? m[2]).replace(/''/g, "'"), `${m[3]}${m[4]}`) : null;
    },
  };
}
