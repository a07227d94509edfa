// Only a report over several workbooks runs again with a larger heap, and never over a heap size already set.
import { largeHeapArgs } from "../../src/cli/large-heap";

const GB = 1024 ** 3;

describe("the heap of a report across units", () => {
  it("is three quarters of the machine's memory for a report over more than one workbook", () => {
    expect(largeHeapArgs(["report", "a.xlsx", "b.xlsx", "-o", "samlet.xlsx"], [], 24 * GB)).toEqual(["--max-old-space-size=18432", "--max-semi-space-size=64"]);
    // A young space set already, on the command line or in NODE_OPTIONS, is kept.
    expect(largeHeapArgs(["report", "a.xlsx", "b.xlsx"], ["--max-semi-space-size=32"], 24 * GB)).toEqual([
      "--max-old-space-size=18432",
      "--max-semi-space-size=32",
    ]);
    const before = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = "--max-semi-space-size=16";
    try {
      expect(largeHeapArgs(["report", "a.xlsx", "b.xlsx"], [], 24 * GB)).toEqual(["--max-old-space-size=18432"]);
    } finally {
      if (before === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = before;
    }
  });

  it("is left as it is for every other command, one workbook, a heap already set or a small machine", () => {
    expect(largeHeapArgs(["report", "a.xlsx", "-o", "rapport.xlsx"], [], 24 * GB)).toBeNull();
    expect(largeHeapArgs(["report", "a.xlsx", "--out", "rapport.xlsx"], [], 24 * GB)).toBeNull();
    expect(largeHeapArgs(["convert", "a.xlsx", "b.xlsx"], [], 24 * GB)).toBeNull();
    expect(largeHeapArgs(["report", "a.xlsx", "b.xlsx"], ["--max-old-space-size=2048"], 24 * GB)).toBeNull();
    expect(largeHeapArgs(["report", "a.xlsx", "b.xlsx"], [], 4 * GB)).toBeNull();
  });
});
