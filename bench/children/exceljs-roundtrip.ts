// The floor of the file benchmarks: read a workbook and write it again with ExcelJS alone, in a
// child process of its own, as `sagsliste convert` runs in one. It goes through the same file helpers
// as the CLI, because plain ExcelJS 4.4 cannot even read back a table column with a
// <calculatedColumnFormula> without the project's small read/write patches.
import { installExcelJsPatches } from "../../src/adapters/xlsx/exceljs-patches";
import { loadWorkbook, saveWorkbook } from "../../src/adapters/xlsx/files";

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error("Brug: exceljs-roundtrip IND.xlsx UD.xlsx");
  installExcelJsPatches();
  await saveWorkbook(await loadWorkbook(input), output);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
