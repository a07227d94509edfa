// Measure 1: `sagsliste convert` of a messy case list against reading and writing the same file with plain
// ExcelJS (none of the adapter's patches), each a child node process, taking turns.
import { promises as fs } from "fs";
import path from "path";
import { NODE, runChild, sideBySide } from "./measure";
import { ratio, seconds, type Row } from "./table";

const ROOT = path.resolve(__dirname, "..", "..");
export const CLI = path.join(ROOT, "bin", "sagsliste.js");
/** A read and a write through the adapter's file helpers, with its ExcelJS patches (measure 5's floor). */
export const ROUNDTRIP = path.join(__dirname, "children", "exceljs-roundtrip.js");
/** A read and a write with ExcelJS as it comes: the yardstick of measure 1. */
export const PLAIN_ROUNDTRIP = path.join(__dirname, "children", "plain-exceljs-roundtrip.js");

/** Measure 1's target: convert takes at most this many times plain ExcelJS's read and write of the input. */
export const CONVERT_TARGET = 2;

export async function convertTime(input: string, rows: number, rounds: number, outDir: string): Promise<Row[]> {
  await fs.mkdir(outDir, { recursive: true });
  const converted = path.join(outDir, "converted.xlsx");
  const best = await sideBySide(
    {
      plain: () => runChild(NODE, [PLAIN_ROUNDTRIP, input, path.join(outDir, "plain-roundtrip.xlsx")]),
      convert: () => runChild(NODE, [CLI, "convert", input, "-o", converted, "--ref-date", "2025-12-01"]),
      // For context: the same round trip through the adapter's file helpers (its ExcelJS patches and zip
      // writer), and theirs of the converted file, which its formulas make many times the input (plain
      // ExcelJS 4.4 cannot read it: a table column with a <calculatedColumnFormula> stops its reader).
      // Last in the first round, so the file exists when the rotation brings it forward.
      adapter: () => runChild(NODE, [ROUNDTRIP, input, path.join(outDir, "adapter-roundtrip.xlsx")]),
      output: () => runChild(NODE, [ROUNDTRIP, converted, path.join(outDir, "adapter-output-roundtrip.xlsx")]),
    },
    rounds
  );
  const r = best.convert.ms / best.plain.ms;
  const [inBytes, outBytes] = await Promise.all([fs.stat(input), fs.stat(converted)]).then((st) => st.map((x) => x.size));
  return [
    {
      measure: `1. convert ${rows.toLocaleString("en")}-row messy case list`,
      figure: `${ratio(r)} plain ExcelJS (${seconds(best.convert.ms)} vs ${seconds(best.plain.ms)})`,
      target: `≤ ${ratio(CONVERT_TARGET)} plain ExcelJS read+write`,
      pass: r <= CONVERT_TARGET,
    },
    {
      measure: "1. the input read+written through the adapter's file helpers",
      figure: `${seconds(best.adapter.ms)}; convert is ${ratio(best.convert.ms / best.adapter.ms)} of it`,
      target: "(context: ExcelJS with the adapter's patches)",
      pass: null,
    },
    {
      measure: "1. the converted file read+written through the adapter's file helpers",
      figure: `${seconds(best.output.ms)}; convert is ${ratio(best.convert.ms / best.output.ms)} of it (file ${(outBytes / inBytes).toFixed(1)}× the input's size)`,
      target: "(context: ExcelJS with the adapter's patches on the output)",
      pass: null,
    },
  ];
}
