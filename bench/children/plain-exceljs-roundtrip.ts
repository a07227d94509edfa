// Measure 1's yardstick: ExcelJS 4.4 as anyone would use it, reading a workbook and writing it again, with
// none of the adapter's patches (this file imports nothing of the project), in a child process of its own
// as `sagsliste convert` runs in one.
import ExcelJS from "exceljs";

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error("Brug: plain-exceljs-roundtrip IND.xlsx UD.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(output);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
