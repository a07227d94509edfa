// The input columns of each structured table by table name: what a save may write, and what decides
// whether a table's single placeholder row is empty (computed columns show values even in an empty row).
import {
  ENHEDER_INPUT,
  FREMMOEDESTATUS_INPUT,
  FREMMOEDE_INPUT,
  HELLIGDAGE_INPUT,
  INSTRUMENTER_INPUT,
  MAAL_INPUT,
  PROBLEMER_INPUT,
  SAGER_INPUT,
  STATUSMAALINGER_INPUT,
  TABLES,
  VISITATIONER_INPUT,
  type ColumnDef,
} from "./contract";

const INPUT_COLUMNS: Record<string, readonly ColumnDef[]> = {
  [TABLES.sager]: SAGER_INPUT,
  [TABLES.visitationer]: VISITATIONER_INPUT,
  [TABLES.statusmaalinger]: STATUSMAALINGER_INPUT,
  [TABLES.maal]: MAAL_INPUT,
  [TABLES.fremmoede]: FREMMOEDE_INPUT,
  [TABLES.enheder]: ENHEDER_INPUT,
  [TABLES.instrumenter]: INSTRUMENTER_INPUT,
  [TABLES.fremmoedestatus]: FREMMOEDESTATUS_INPUT,
  [TABLES.helligdage]: HELLIGDAGE_INPUT,
  [TABLES.problemer]: PROBLEMER_INPUT,
};

/** The contract's input columns of a table (its name compared ignoring case), or null for a table the contract does not know. */
export function inputColumns(table: string): readonly ColumnDef[] | null {
  const key = Object.keys(INPUT_COLUMNS).find((k) => k.toLowerCase() === table.toLowerCase());
  return key ? INPUT_COLUMNS[key] : null;
}

/** The contract's input headers of a table, or null for a table the contract does not know. */
export function inputHeaders(table: string): string[] | null {
  return inputColumns(table)?.map((c) => c.name) ?? null;
}
