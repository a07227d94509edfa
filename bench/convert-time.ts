// Measure 1: `sagsliste convert` of a messy case list against reading and writing the same file with
// ExcelJS alone, each a child node process, taking turns.
import { promises as fs } from "fs";
import path from "path";
import { NODE, runChild, sideBySide } from "./measure";
import { ratio, seconds, type Row } from "./table";

const ROOT = path.resolve(__dirname, "..", "..");
export const CLI = path.join(ROOT, "bin", "sagsliste.js");
export const ROUNDTRIP = path.join(__dirname, "children", "exceljs-roundtrip.js");

export async function convertTime(input: string, rows: number, rounds: number, outDir: string): Promise<Row[]> {
  await fs.mkdir(outDir, { recursive: true });
  const converted = path.join(outDir, "converted.xlsx");
  const best = await sideBySide(
    {
      floor: () => runChild(NODE, [ROUNDTRIP, input, path.join(outDir, "floor-roundtrip.xlsx")]),
      convert: () => runChild(NODE, [CLI, "convert", input, "-o", converted, "--ref-date", "2025-12-01"]),
      // For context: the same round trip of the converted file, which its formulas make many times the
      // input. Third in the first round, so the file exists when the rotation brings it forward.
      output: () => runChild(NODE, [ROUNDTRIP, converted, path.join(outDir, "floor-output-roundtrip.xlsx")]),
    },
    rounds
  );
  const r = best.convert.ms / best.floor.ms;
  const [inBytes, outBytes] = await Promise.all([fs.stat(input), fs.stat(converted)]).then((st) => st.map((x) => x.size));
  return [
    {
      measure: `1. convert ${rows.toLocaleString("en")}-row messy case list`,
      figure: `${ratio(r)} floor (${seconds(best.convert.ms)} vs ${seconds(best.floor.ms)})`,
      target: "≤ 1.50× ExcelJS read+write",
      pass: r <= 1.5,
    },
    {
      measure: "1. the converted file read+written by ExcelJS",
      figure: `${seconds(best.output.ms)}; convert is ${ratio(best.convert.ms / best.output.ms)} of it (file ${(outBytes / inBytes).toFixed(1)}× the input's size)`,
      target: "(context: ExcelJS on the output)",
      pass: null,
    },
  ];
}
