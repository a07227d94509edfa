// Headless LibreOffice as an independent recalculation engine: convert .xlsx -> .xlsx with a
// private profile that forces recalculation on load, so cached results can never leak through.
import { execFile } from "child_process";
import { promises as fs, existsSync, readdirSync, rmSync } from "fs";
import os from "os";
import path from "path";

const CANDIDATES = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"];

/** SOFFICE names another LibreOffice; a path that does not exist finds none, never a silent fallback to the machine's. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.SOFFICE) return existsSync(env.SOFFICE) ? env.SOFFICE : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Fail loudly when LibreOffice is missing: a recalculation test must never pass without it. */
export function requireSoffice(env: NodeJS.ProcessEnv = process.env): string {
  const soffice = findSoffice(env);
  if (!soffice && env.SOFFICE) {
    throw new Error(`SOFFICE peger på ${env.SOFFICE}, som ikke findes. Ret stien, eller fjern SOFFICE for at bruge maskinens LibreOffice.`);
  }
  if (!soffice) {
    throw new Error(
      "LibreOffice (soffice) mangler. Installér med: apt-get install -y libreoffice-calc-nogui " + "(npm test gør det selv, når den køres som root)."
    );
  }
  return soffice;
}

// Recalculate every formula on load (0 = always) for both OOXML and ODF files.
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

const PROFILE_PREFIX = "sagsliste-lo-profile-";
/** The name of a process's LibreOffice profile in the temporary directory; its LibreOffice's command line holds it. */
export const profileName = (pid: number = process.pid) => `${PROFILE_PREFIX}${pid}`;
export const profilePath = (pid: number = process.pid) => path.join(os.tmpdir(), profileName(pid));
let profileRemovedAtExit = false;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Remove the profiles of processes that have ended without removing their own: killed ones, and Jest's
 * workers, whose tests see a copy of `process` that never hears the real one's exit.
 */
export function removeEndedProfiles(tmp: string = os.tmpdir()): void {
  let names: string[] = [];
  try {
    names = readdirSync(tmp);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(PROFILE_PREFIX) ? Number(name.slice(PROFILE_PREFIX.length)) : NaN;
    if (Number.isInteger(pid) && pid > 0 && !isRunning(pid)) rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

// One profile per process, named by its pid (the bench finds its own LibreOffice by the name), removed
// when the process ends, so that no run leaves it behind in the temporary directory.
async function profileDir(): Promise<string> {
  const dir = profilePath();
  if (!profileRemovedAtExit) {
    profileRemovedAtExit = true;
    removeEndedProfiles();
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  const userDir = path.join(dir, "user");
  await fs.mkdir(userDir, { recursive: true });
  await fs.writeFile(path.join(userDir, "registrymodifications.xcu"), REGISTRY);
  return dir;
}

/** Debian's mimalloc (package libmimalloc2.0), wherever the machine's multiarch directory is. */
export function findMimalloc(): string | null {
  let dirs: string[] = [];
  try {
    dirs = readdirSync("/usr/lib").filter((d) => d.endsWith("-linux-gnu"));
  } catch {
    return null;
  }
  const hit = dirs.map((d) => `/usr/lib/${d}/libmimalloc.so.2`).find((p) => existsSync(p));
  return hit ?? null;
}

/** How LibreOffice allocates memory: `mimalloc` (the default, falling back to `glibc`), `glibc`, or `system`. */
export type Allocator = "mimalloc" | "glibc" | "system";

const ALLOCATORS: readonly Allocator[] = ["mimalloc", "glibc", "system"];

function allocatorFrom(env: NodeJS.ProcessEnv): Allocator {
  const v = env.SAGSLISTE_LO_ALLOCATOR;
  if (v === undefined || v === "") return "mimalloc";
  if ((ALLOCATORS as readonly string[]).includes(v)) return v as Allocator;
  throw new Error(`SAGSLISTE_LO_ALLOCATOR skal være ${ALLOCATORS.join(", ")} eller tom, ikke "${v}".`);
}

// glibc caches at most 7 freed chunks of a size per thread by default; 65535 is its maximum (2.30+).
const GLIBC_LARGE_CACHE = "glibc.malloc.tcache_count=65535";

/**
 * The environment LibreOffice runs in. Its formula cells churn through small allocations (every
 * cell's tokens are copied when the file is loaded, and again to write the formula's text when it
 * is saved), and glibc's malloc spent half of a large workbook's run in its own bookkeeping
 * (decision 0009). mimalloc, preloaded, halves that run; where it is not installed, a larger
 * per-thread cache in glibc gets most of the way. The results are the same: only the allocator differs.
 * SAGSLISTE_LO_ALLOCATOR=system leaves LibreOffice as it comes.
 */
export function libreOfficeEnv(
  base: NodeJS.ProcessEnv = process.env,
  allocator: Allocator = allocatorFrom(base),
  mimalloc: string | null = findMimalloc()
): NodeJS.ProcessEnv {
  if (allocator === "system") return { ...base };
  if (allocator === "mimalloc" && mimalloc) {
    const preload = base.LD_PRELOAD ? `${mimalloc}:${base.LD_PRELOAD}` : mimalloc;
    return { ...base, LD_PRELOAD: preload };
  }
  const tunables = base.GLIBC_TUNABLES ? `${base.GLIBC_TUNABLES}:${GLIBC_LARGE_CACHE}` : GLIBC_LARGE_CACHE;
  return { ...base, GLIBC_TUNABLES: tunables };
}

function run(cmd: string, args: string[], timeoutMs: number, env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, env }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} fejlede: ${err.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

export interface ConvertOptions {
  /** LibreOffice filter, e.g. "xlsx:Calc MS Excel 2007 XML" or "pdf:calc_pdf_Export". */
  filter: string;
  outDir: string;
  timeoutMs?: number;
  /** The allocator LibreOffice runs with (libreOfficeEnv); SAGSLISTE_LO_ALLOCATOR or mimalloc by default. */
  allocator?: Allocator;
}

/** Convert files with one LibreOffice start (starting it costs seconds; converting is cheap). */
export async function convertWithLibreOffice(files: string[], opts: ConvertOptions): Promise<string[]> {
  if (files.length === 0) return [];
  const soffice = requireSoffice();
  const profile = await profileDir();
  await fs.mkdir(opts.outDir, { recursive: true });
  for (const f of files) {
    if (path.resolve(path.dirname(f)) === path.resolve(opts.outDir)) {
      throw new Error("convertWithLibreOffice: outDir skal være en anden mappe end inputfilernes");
    }
  }
  const args = [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    opts.filter,
    "--outdir",
    opts.outDir,
    ...files,
  ];
  await run(soffice, args, opts.timeoutMs ?? 10 * 60_000, libreOfficeEnv(process.env, opts.allocator));
  const ext = opts.filter.split(":")[0];
  const outputs = files.map((f) => path.join(opts.outDir, path.basename(f).replace(/\.[^.]+$/, "") + "." + ext));
  for (const o of outputs) {
    if (!existsSync(o)) throw new Error(`LibreOffice skrev ikke ${o}`);
  }
  return outputs;
}

/** Recalculate .xlsx files in LibreOffice; returns the paths of the recalculated copies. */
export function recalculate(files: string[], outDir: string): Promise<string[]> {
  return convertWithLibreOffice(files, { filter: "xlsx:Calc MS Excel 2007 XML", outDir });
}
