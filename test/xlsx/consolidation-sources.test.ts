// The sources of a consolidated report are read on worker threads (the compiled worker in lib/), and come
// back as reading them one after the other gives them: the same data, in the order given, and the error
// of the first file that cannot be read.
import { execFileSync } from "child_process";
import { promises as fs } from "fs";
import path from "path";
import { readConsolidationSource } from "../../src/adapters/xlsx/consolidation-source-file";
import * as here from "../../src/adapters/xlsx/consolidation-sources";
import { generateStructuredData } from "../../src/sample/structured-data";
import { splitByUnits } from "../../src/sample/unit-workbooks";
import { applyPlan } from "../../src/adapters/xlsx/apply-plan";
import { saveWorkbook } from "../../src/adapters/xlsx/files";
import { newWorkbook } from "../../src/adapters/xlsx/workbook";
import type { Plan } from "../../src/workbook/plan";
import { tempDir } from "../support/temp-dirs";
import { structuredPlanWith } from "../report/support";

// The module as the command runs it, with its worker compiled beside it (npm test builds lib/ first).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const compiled = require(path.resolve(__dirname, "../../lib/src/adapters/xlsx/consolidation-sources.js")) as typeof here;

async function writePlan(plan: Plan, file: string): Promise<void> {
  const wb = newWorkbook();
  applyPlan(wb, plan);
  await saveWorkbook(wb, file);
}

const GROUPS = [["Kilen"], ["Smedien"], ["Café Æblet", "Cykelværkstedet"], ["Jobværkstedet"]];

async function sequentialError(file: string): Promise<Error> {
  return readConsolidationSource(file).then(
    () => {
      throw new Error(`${file} was read`);
    },
    (e: Error) => e
  );
}

describe("consolidation sources read on worker threads", () => {
  let dir: string;
  let files: string[];

  beforeAll(async () => {
    dir = await tempDir("consolidation-sources");
    const units = splitByUnits(generateStructuredData(33, { cases: 48 }), GROUPS);
    files = units.map((_, i) => path.join(dir, `enhed-${i + 1}.xlsx`));
    await Promise.all(units.map((d, i) => writePlan(structuredPlanWith(d), files[i])));
  });

  it("are read in parallel where the worker is compiled, and one after the other where it is not", () => {
    expect(compiled.readsInParallel(files.length, 2)).toBe(true);
    expect(compiled.readsInParallel(files.length, 1)).toBe(false);
    expect(compiled.readsInParallel(1, 4)).toBe(false);
    expect(here.readsInParallel(files.length, 2)).toBe(false); // ts-jest: no compiled worker beside the source
  });

  it("give each file's source in the order given, as reading them one by one does", async () => {
    const order = [files[2], files[0], files[3], files[1]];
    const parallel = await compiled.readConsolidationSources(order, 2);
    const oneByOne = await Promise.all(order.map(readConsolidationSource));
    expect(parallel.map((s) => s.file)).toEqual(["enhed-3.xlsx", "enhed-1.xlsx", "enhed-4.xlsx", "enhed-2.xlsx"]);
    expect(parallel).toEqual(oneByOne);
    expect(parallel[0].data.cases.length).toBeGreaterThan(0);
  });

  it("stop on the first file that cannot be read, with its message, however the threads finish", async () => {
    const notZip = path.join(dir, "noter.xlsx");
    const empty = path.join(dir, "tom.xlsx");
    await fs.writeFile(notZip, "Dette er ikke en projektmappe.\n");
    await fs.writeFile(empty, "");
    const expected = await sequentialError(notZip);
    for (const threads of [2, 3]) {
      const failure = await compiled.readConsolidationSources([files[0], files[1], notZip, files[2], empty], threads).then(
        () => null,
        (e: Error) => e
      );
      expect(failure?.name).toBe("WorkbookFileError");
      expect(failure?.message).toBe(expected.message);
    }
    // The earlier file fails after the later one: a named pipe that gives its bytes only after a second,
    // while tom.xlsx fails at once. Its error is still the one given.
    const slow = path.join(dir, "langsom.xlsx");
    execFileSync("mkfifo", [slow]);
    const late = setTimeout(() => void fs.writeFile(slow, "Dette er heller ikke en projektmappe.\n"), 1000);
    const first = await compiled.readConsolidationSources([slow, empty, files[0]], 2).then(
      () => null,
      (e: Error) => e
    );
    clearTimeout(late);
    expect(first?.message).toContain("langsom.xlsx");
    expect(first?.message).not.toContain("tom.xlsx");

    const missing = path.join(dir, "findes-ikke.xlsx");
    const gone = await compiled.readConsolidationSources([files[0], missing], 2).then(
      () => null,
      (e: Error) => e
    );
    expect(gone?.message).toBe((await sequentialError(missing)).message);
  });
});
