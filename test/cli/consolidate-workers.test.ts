// The built command reads an overview's sources on worker threads (consolidation-sources.ts): the same
// sources, conflicts and figures as reading them one after the other in this process, and a file that is
// no workbook stops it with its Danish message, as on one thread.
import { spawnSync } from "child_process";
import { closeSync, openSync, promises as fs, readFileSync } from "fs";
import path from "path";
import { runReport } from "../../src/cli/report-command";
import { generateStructuredData } from "../../src/sample/structured-data";
import { splitByUnits } from "../../src/sample/unit-workbooks";
import { tempDir, writePlan } from "../support/recalc-helpers";
import { reportYear, structuredPlanWith } from "../report/support";

const BIN = path.resolve(__dirname, "../../bin/sagsliste.js");

/** Standard output goes to a file: the command exits as soon as it is done, before a pipe would be drained. */
function cli(args: string[]) {
  const outFile = path.join(dir, `stdout-${Date.now()}.txt`);
  const fd = openSync(outFile, "w");
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 240_000, stdio: ["ignore", fd, "pipe"] });
    return { code: r.status, stdout: readFileSync(outFile, "utf8"), stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

async function inProcess(argv: string[]): Promise<string> {
  let stdout = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    expect(await runReport(argv)).toBe(0);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return stdout;
}

const data = generateStructuredData(21, { cases: 40 });
const units = splitByUnits(data, [["Kilen", "Smedien"], ["Café Æblet", "Cykelværkstedet"], ["Jobværkstedet"]]);
let dir: string;
let files: string[];

beforeAll(async () => {
  dir = await tempDir("consolidate-workers");
  files = units.map((_, i) => path.join(dir, `enhed-${i + 1}.xlsx`));
  await Promise.all(units.map((u, i) => writePlan(structuredPlanWith(u), files[i])));
});

test("the sources read on worker threads give what reading them on this thread gives", async () => {
  const year = String(reportYear(data));
  const r = cli(["report", ...files, "--year", year, "--json", "-o", path.join(dir, "samlet.xlsx")]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  const viaWorkers = JSON.parse(r.stdout) as { sources: { kilde: string; fil: string; kontrol: string }[] };
  expect(viaWorkers.sources.map((s) => [s.kilde, s.fil, s.kontrol])).toEqual([
    ["K1", "enhed-1.xlsx", "I orden"],
    ["K2", "enhed-2.xlsx", "I orden"],
    ["K3", "enhed-3.xlsx", "I orden"],
  ]);
  expect(viaWorkers).toEqual(JSON.parse(await inProcess([...files, "--year", year, "--json", "-o", path.join(dir, "samlet-2.xlsx")])));
}, 240_000);

test("a file that is no workbook stops the command with its message from the worker", async () => {
  const text = path.join(dir, "liste.xlsx");
  await fs.writeFile(text, "Sags-ID;Navn\nS-1;Anna\n");
  const r = cli(["report", files[0], text, "-o", path.join(dir, "samlet-fejl.xlsx")]);
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain("liste.xlsx er en tekstfil (CSV)");
}, 240_000);
