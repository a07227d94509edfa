// convert fails cleanly: a directory as target, a read-only target, a full disk, and a process interrupted
// (SIGTERM, SIGINT) or killed (SIGKILL) while it writes leave nothing behind but the untouched input,
// with a Danish message that says what to do. A temporary file a SIGKILL leaves is readable by its owner
// only, and the next write to the same target removes it.
import { spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, promises as fs, statSync, watch } from "fs";
import path from "path";
import { loadWorkbook } from "../../src/adapters/xlsx/files";
import { gridsToWorkbook } from "../../src/adapters/xlsx/write-grids";
import { generateMessyCaseList } from "../../src/sample/messy-case-list";
import { tempDir } from "../support/recalc-helpers";
import { mountOrExplain, unmount } from "../support/tmpfs";

const BIN = path.resolve(__dirname, "../../bin/sagsliste.js");

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha = async (file: string) =>
  createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");

describe("convert fails cleanly", () => {
  let dir: string;
  let input: string;
  let inputHash: string;

  beforeAll(async () => {
    dir = await tempDir("clean-failure");
    input = path.join(dir, "in", "liste.xlsx");
    await fs.mkdir(path.dirname(input));
    // Large enough that writing the output takes a while (a few MB).
    await gridsToWorkbook(generateMessyCaseList({ seed: 7, rows: 6000, sheets: 1, withAttendanceGrid: true }).grids).xlsx.writeFile(input);
    inputHash = await sha(input);
  }, 120_000);

  afterEach(async () => {
    expect(await fs.readdir(path.dirname(input))).toEqual(["liste.xlsx"]);
    expect(await sha(input)).toBe(inputHash);
  });

  it("refuses a directory as target, and says to name a file", async () => {
    const target = path.join(dir, "mappe.xlsx");
    await fs.mkdir(target);
    const r = cli(["convert", input, "-o", target]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/er en mappe, ikke en fil\. Angiv et filnavn/);
    expect(await fs.readdir(target)).toEqual([]);
    expect((await fs.readdir(dir)).sort()).toEqual(["in", "mappe.xlsx"]);
    await fs.rmdir(target);
  });

  it("says where a missing output folder is", () => {
    const r = cli(["convert", input, "-o", path.join(dir, "findes-ikke", "ud.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Mappen .*findes-ikke findes ikke\. Opret den/);
  });

  it("refuses a read-only target and writes nothing", async () => {
    const ro = path.join(dir, "ro");
    await fs.mkdir(ro);
    if (!mountOrExplain(ro, "1m", true)) return;
    try {
      const r = cli(["convert", input, "-o", path.join(ro, "ud.xlsx")]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/skrivebeskyttet\. Vælg en anden placering/);
      expect(await fs.readdir(ro)).toEqual([]);
    } finally {
      unmount(ro);
    }
  });

  it("on a full disk says so and leaves no part of the file", async () => {
    const full = path.join(dir, "full");
    await fs.mkdir(full);
    if (!mountOrExplain(full, "1m")) return;
    try {
      const r = cli(["convert", input, "-o", path.join(full, "ud.xlsx")]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/Der er ikke plads på disken til ud\.xlsx\. Frigør plads/);
      expect(r.stderr).not.toMatch(/ENOSPC|no space/i);
      expect(await fs.readdir(full)).toEqual([]);
    } finally {
      unmount(full);
    }
  });

  /** Start convert, and send the signal the moment its temporary file appears (while it writes). */
  async function interrupt(
    signal: NodeJS.Signals,
    target: string
  ): Promise<{ code: number | null; signal: string | null; sawTemp: boolean; stderr: string; leftovers: string[] }> {
    const outDir = path.dirname(target);
    let sawTemp = false;
    const child = spawn(process.execPath, [BIN, "convert", input, "-o", target], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const watcher = watch(outDir, (_event, name) => {
      if (name && String(name).endsWith(".tmp") && !sawTemp) {
        sawTemp = true;
        child.kill(signal);
      }
    });
    const [code, sig] = await new Promise<[number | null, string | null]>((resolve) => child.on("exit", (c, s) => resolve([c, s])));
    watcher.close();
    const leftovers = await fs.readdir(outDir);
    return { code, signal: sig, sawTemp, stderr, leftovers };
  }

  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s while writing leaves nothing, and says nothing was written",
    async (signal) => {
      const out = path.join(dir, `afbrudt-${signal}`);
      await fs.mkdir(out);
      const target = path.join(out, "ud.xlsx");
      const r = await interrupt(signal, target);
      expect(r.sawTemp).toBe(true);
      expect(r.code).toBe(signal === "SIGTERM" ? 143 : 130);
      if (r.leftovers.length === 0) expect(r.stderr).toMatch(/afbrudt; intet er skrevet/);
      else {
        // The signal came as the finished file was renamed into place: then it is whole, and said so.
        expect(r.leftovers).toEqual(["ud.xlsx"]);
        expect(r.stderr).toMatch(/afbrudt; kun ud\.xlsx blev skrevet færdig/);
        expect((await loadWorkbook(target)).getWorksheet("Sager")).toBeDefined();
      }
    },
    120_000
  );

  it("an interruption after a file is written says that file is whole, not that nothing was written", async () => {
    const out = path.join(dir, "efter");
    await fs.mkdir(out);
    const atomic = path.resolve(__dirname, "../../lib/src/adapters/xlsx/atomic-write.js");
    const script = `require(${JSON.stringify(atomic)}).writeFileAtomic(${JSON.stringify(path.join(out, "ud.xlsx"))}, Buffer.from("x"))
      .then(() => process.kill(process.pid, "SIGTERM")); setTimeout(() => {}, 10000);`;
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(143);
    expect(r.stderr).toContain("sagsliste: afbrudt; kun ud.xlsx blev skrevet færdig.");
    expect(await fs.readdir(out)).toEqual(["ud.xlsx"]);
  });

  it("SIGKILL while writing leaves at most a temporary file only its owner can read, which the next run removes", async () => {
    const out = path.join(dir, "draebt");
    await fs.mkdir(out);
    const target = path.join(out, "ud.xlsx");
    const r = await interrupt("SIGKILL", target);
    expect(r.sawTemp).toBe(true);
    expect(r.signal).toBe("SIGKILL");
    expect(r.leftovers.every((f) => /^\.ud\.xlsx\.\d+\.tmp$/.test(f))).toBe(true);
    for (const f of r.leftovers) expect(statSync(path.join(out, f)).mode & 0o077).toBe(0);
    const again = cli(["convert", input, "-o", target]);
    expect(again.code).toBe(0);
    expect(await fs.readdir(out)).toEqual(["ud.xlsx"]);
    expect(existsSync(target)).toBe(true);
  }, 120_000);
});
