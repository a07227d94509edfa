// The floor of the memory benchmark: read a workbook and write it again through the adapter's file
// helpers (with its ExcelJS patches: plain ExcelJS 4.4 drops a table column's <calculatedColumnFormula>),
// in a child process of its own, as `sagsliste convert` runs in one.
import { loadWorkbook, saveWorkbook } from "../../src/adapters/xlsx/files";

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error("Brug: exceljs-roundtrip IND.xlsx UD.xlsx");
  await saveWorkbook(await loadWorkbook(input), output);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
