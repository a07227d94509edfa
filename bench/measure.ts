// Timing and memory of child processes, measured side by side: the floor and the subject take turns
// so that load from other work on the machine falls on both, and the best run of each counts.
import { spawn } from "child_process";
import { existsSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";

const TIME = "/usr/bin/time";

export interface ChildRun {
  ms: number;
  /** Peak resident set in kB (from /usr/bin/time -v), or null where it is missing. */
  maxRssKb: number | null;
  stdout: string;
}

/** Run a command to completion; a non-zero exit is an error, since a failed run must never count as fast. */
export function runChild(cmd: string, args: string[], opts: { cwd?: string } = {}): Promise<ChildRun> {
  const timed = existsSync(TIME);
  const report = path.join(os.tmpdir(), `sagsliste-bench-time-${process.pid}-${Date.now()}.txt`);
  const [file, argv] = timed ? [TIME, ["-v", "-o", report, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: opts.cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let maxRssKb: number | null = null;
      if (timed && existsSync(report)) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(report, "utf8"));
        maxRssKb = m ? Number(m[1]) : null;
        rmSync(report, { force: true });
      }
      if (code !== 0) reject(new Error(`${cmd} ${args.join(" ")} sluttede med kode ${code}:\n${stderr}`));
      else resolve({ ms, maxRssKb, stdout });
    });
  });
}

export interface Best {
  ms: number;
  maxRssKb: number | null;
}

/**
 * Run every task once per round, in turn, for `rounds` rounds; the best (lowest) time and the lowest
 * peak memory of each. Rotating the order each round keeps a task from always following the same one.
 */
export async function sideBySide<K extends string>(tasks: Record<K, () => Promise<ChildRun>>, rounds: number): Promise<Record<K, Best>> {
  const keys = Object.keys(tasks) as K[];
  const best = {} as Record<K, Best>;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[(i + r) % keys.length];
      const run = await tasks[k]();
      const prev = best[k];
      best[k] = {
        ms: prev ? Math.min(prev.ms, run.ms) : run.ms,
        maxRssKb: prev?.maxRssKb != null && run.maxRssKb != null ? Math.min(prev.maxRssKb, run.maxRssKb) : run.maxRssKb,
      };
    }
  }
  return best;
}

/** The node binary running us, so children run under the same Node. */
export const NODE = process.execPath;
