// Measure 7: the leader's overview across units. Thirty units' workbooks of 2,000 cases each, written
// as `sagsliste convert` leaves them, consolidated by `sagsliste report A B …`; its time (target under a
// minute) and its peak memory against the single report of the largest of them (target at most 3×).
// The combined Fremmøde must fit one sheet (1,048,575 rows for the report's year and the year before),
// so each source keeps about 32,000 registrations in those two years: the large workbook's density would
// give 2 million, more than one sheet holds (the command then stops with a message; decision 0012).
import { promises as fs } from "fs";
import path from "path";
import type { StructuredData } from "../src/domain/model";
import { CLI } from "./convert-time";
import { writeStructuredWorkbook } from "./fixtures";
import { generateLargeData, type LargeOptions } from "./large-data";
import { NODE, runChild, sideBySide } from "./measure";
import { mb, ratio, seconds, type Row } from "./table";

export const CONSOLIDATED_SOURCES = 30;

/** The i-th unit workbook: the large data's shape with its own seed and its own unit names. */
function unitWorkbook(o: LargeOptions, i: number): StructuredData {
  const data = generateLargeData({ ...o, seed: 3000 + i });
  const prefix = `E${String(i + 1).padStart(2, "0")} `;
  const rename = (u: string | null): string | null => (u === null ? null : prefix + u);
  return {
    ...data,
    units: data.units.map((u) => ({ ...u, enhed: prefix + u.enhed })),
    cases: data.cases.map((c) => ({ ...c, enhed: prefix + c.enhed })),
    visitations: data.visitations.map((v) => ({ ...v, oensketEnhed: rename(v.oensketEnhed) })),
  };
}

export async function consolidateTime(o: LargeOptions, sources: number, rounds: number, outDir: string): Promise<Row[]> {
  await fs.mkdir(outDir, { recursive: true });
  const files: string[] = [];
  let attendance = 0;
  for (let i = 0; i < sources; i++) {
    const data = unitWorkbook(o, i);
    attendance += data.attendance.length;
    files.push(await writeStructuredWorkbook(data, path.join(outDir, `enhed-${i + 1}.xlsx`)));
  }
  const sizes = await Promise.all(files.map(async (f) => (await fs.stat(f)).size));
  const largest = files[sizes.indexOf(Math.max(...sizes))];
  const best = await sideBySide(
    {
      single: () => runChild(NODE, [CLI, "report", largest, "-o", path.join(outDir, "enkelt-rapport.xlsx")]),
      consolidated: () => runChild(NODE, [CLI, "report", ...files, "-o", path.join(outDir, "samlet-rapport.xlsx")]),
    },
    rounds
  );
  const peak = best.consolidated.maxRssKb ?? 0;
  const floor = best.single.maxRssKb ?? 0;
  const what = `${sources} workbooks × ${o.cases} cases, ${attendance.toLocaleString("en")} attendance rows in all`;
  return [
    {
      measure: "7. consolidated report: time",
      figure: `${seconds(best.consolidated.ms)} (${what})`,
      target: "< 60 s",
      pass: best.consolidated.ms < 60_000,
    },
    {
      measure: "7. consolidated report: peak memory",
      figure: floor > 0 ? `${ratio(peak / floor)} the single report (${mb(peak)} vs ${mb(floor)})` : "not measured (/usr/bin/time missing)",
      target: "≤ 3.00× the largest single report",
      pass: floor > 0 && peak / floor <= 3,
    },
  ];
}
