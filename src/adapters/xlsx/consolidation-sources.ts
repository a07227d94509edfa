// The sources of a consolidated report, read from disk. Each source is about a second of one core's XML
// work and thirty of them were half of the command's time, so they are read on worker threads, one per
// core, and handed back in the order given: the structured clone of a source's data costs the main thread
// about a tenth of reading it (decision 0021). An error is the one the first failing file gives, as when
// the files are read one after the other. Without the compiled worker (the tests' ts-jest) or with one
// file, they are read here.
import fs from "fs";
import os from "os";
import path from "path";
import { Worker } from "worker_threads";
import type { ConsolidationSource } from "../../workbook/consolidate";
import { readConsolidationSource } from "./consolidation-source-file";
import type { SourceAnswer, SourceJob } from "./consolidation-source-worker";
import { WorkbookFileError } from "./workbook-file-error";

const WORKER = path.join(__dirname, "consolidation-source-worker.js");

// Each worker holds one source at a time (a few hundred MB at most); more than four buy little.
const MOST_THREADS = 4;

function coreCount(): number {
  return (os as { availableParallelism?: () => number }).availableParallelism?.() ?? os.cpus().length;
}

/** Whether these files would be read on worker threads. */
export function readsInParallel(files: number, threads = coreCount()): boolean {
  return Math.min(threads, MOST_THREADS, files) >= 2 && fs.existsSync(WORKER);
}

async function oneAfterTheOther(files: readonly string[]): Promise<ConsolidationSource[]> {
  const out: ConsolidationSource[] = [];
  for (const file of files) out.push(await readConsolidationSource(file));
  return out;
}

function errorOf(a: Extract<SourceAnswer, { error: unknown }>): Error {
  return a.error.workbookFile ? new WorkbookFileError(a.error.message) : new Error(a.error.message);
}

/** The sources of the files, in their order. */
export async function readConsolidationSources(files: readonly string[], threads = coreCount()): Promise<ConsolidationSource[]> {
  if (!readsInParallel(files.length, threads)) return oneAfterTheOther(files);
  const workers: Worker[] = [];
  try {
    for (let i = Math.min(threads, MOST_THREADS, files.length); i > 0; i--) workers.push(new Worker(WORKER));
    return await new Promise<ConsolidationSource[]>((resolve, reject) => {
      const sources: ConsolidationSource[] = new Array(files.length);
      let next = 0;
      let pending = 0;
      let firstError: { index: number; error: Error } | null = null;
      const give = (w: Worker): void => {
        // After an error only the files before it are still read: its error may not be the first.
        if (next >= files.length || (firstError && next > firstError.index)) return;
        pending++;
        w.postMessage({ index: next, file: files[next] } satisfies SourceJob);
        next++;
      };
      const settle = (): void => {
        if (pending > 0) return;
        if (firstError) reject(firstError.error);
        else if (next >= files.length) resolve(sources);
      };
      for (const w of workers) {
        w.on("message", (a: SourceAnswer) => {
          pending--;
          if ("error" in a) {
            if (!firstError || a.index < firstError.index) firstError = { index: a.index, error: errorOf(a) };
          } else sources[a.index] = a.source;
          give(w);
          settle();
        });
        w.on("error", reject);
        w.on("messageerror", reject);
        w.on("exit", (code) => {
          if (code !== 0) reject(new Error(`Læsningen af projektmapperne stoppede uventet (kode ${code}). Prøv igen.`));
        });
        give(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
