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
  const best = await sideBySide(
    {
      floor: () => runChild(NODE, [ROUNDTRIP, input, path.join(outDir, "floor-roundtrip.xlsx")]),
      convert: () => runChild(NODE, [CLI, "convert", input, "-o", path.join(outDir, "converted.xlsx"), "--ref-date", "2025-12-01"]),
    },
    rounds
  );
  const r = best.convert.ms / best.floor.ms;
  return [
    {
      measure: `1. convert ${rows.toLocaleString("en")}-row messy case list`,
      figure: `${ratio(r)} floor (${seconds(best.convert.ms)} vs ${seconds(best.floor.ms)})`,
      target: "≤ 1.50× ExcelJS read+write",
      pass: r <= 1.5,
    },
  ];
}
