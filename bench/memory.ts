// Measure 5: peak resident memory of `sagsliste convert` and `sagsliste report` on the large
// workbook against ExcelJS reading and writing the same file, each a child process.
import { promises as fs } from "fs";
import path from "path";
import { CLI, ROUNDTRIP } from "./convert-time";
import { NODE, runChild, sideBySide } from "./measure";
import { mb, ratio, type Row } from "./table";

export async function peakMemory(large: string, rounds: number, outDir: string): Promise<Row[]> {
  await fs.mkdir(outDir, { recursive: true });
  const best = await sideBySide(
    {
      floor: () => runChild(NODE, [ROUNDTRIP, large, path.join(outDir, "mem-floor.xlsx")]),
      convert: () => runChild(NODE, [CLI, "convert", large, "-o", path.join(outDir, "mem-convert.xlsx"), "--ref-date", "2025-12-01"]),
      report: () => runChild(NODE, [CLI, "report", large, "-o", path.join(outDir, "mem-report.xlsx")]),
    },
    rounds
  );
  const floor = best.floor.maxRssKb;
  if (floor === null) throw new Error("/usr/bin/time mangler, så hukommelsen kan ikke måles (apt-get install time).");
  return (["convert", "report"] as const).map((k) => {
    const peak = best[k].maxRssKb ?? 0;
    return {
      measure: `5. peak memory: sagsliste ${k} (large)`,
      figure: `${ratio(peak / floor)} floor (${mb(peak)} vs ${mb(floor)})`,
      target: "≤ 3.00× ExcelJS read+write",
      pass: peak / floor <= 3,
    };
  });
}
