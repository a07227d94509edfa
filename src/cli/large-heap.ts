// Node's default heap (about 4 GB) is too small for a report across many units' workbooks: the combined
// tables' sheets are written as text of over a gigabyte. That command alone gets a larger heap.
const HEAP_FLAG = "--max-old-space-size";
// Reading thirty sources makes short-lived strings by the gigabyte: young space of 64 MB instead of 16 MB
// lets them die there instead of being copied into the old space (bench measure 7: 51 s to 46 s).
const YOUNG_SET = "--max-semi-space-size";
const YOUNG_FLAG = `${YOUNG_SET}=64`;

/**
 * The Node options to run the command again with a larger heap, or null to run it as it is: only a report
 * over more than one workbook, only when no heap size is set already, and only where the machine has more
 * memory than the default would use (three quarters of it, in MB).
 */
export function largeHeapArgs(argv: readonly string[], execArgv: readonly string[], totalMemBytes: number): string[] | null {
  if (argv[0] !== "report") return null;
  const inputs = argv.slice(1).filter((a, i, all) => /\.xlsx$/i.test(a) && all[i - 1] !== "-o" && all[i - 1] !== "--out");
  if (inputs.length < 2) return null;
  if (execArgv.some((a) => a.startsWith(HEAP_FLAG))) return null;
  if ((process.env.NODE_OPTIONS ?? "").includes(HEAP_FLAG)) return null;
  const mb = Math.floor((totalMemBytes / 1024 / 1024) * 0.75);
  if (mb <= 4096) return null;
  const youngSet = execArgv.some((a) => a.startsWith(YOUNG_SET)) || (process.env.NODE_OPTIONS ?? "").includes(YOUNG_SET);
  const young = youngSet ? [] : [YOUNG_FLAG];
  return [`${HEAP_FLAG}=${mb}`, ...young, ...execArgv];
}
