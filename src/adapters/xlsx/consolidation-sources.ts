// The sources of an overview across units read from files, on worker threads when the machine has more
// than one core: each file is read and checked on its own (consolidation-source-file.ts), so two cores
// read thirty workbooks in about half the time. Where the compiled worker is missing (the TypeScript
// sources run directly, as in the tests) the files are read one after the other on this thread.
import { existsSync } from "fs";
import os from "os";
import path from "path";
import { Worker } from "worker_threads";
import type { ConsolidationSource } from "../../workbook/consolidate";
import { readConsolidationSource } from "./consolidation-source-file";
import { WorkbookFileError } from "./workbook-file-error";

const WORKER = path.join(__dirname, "consolidation-source-worker.js");

function cores(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
}

export async function readConsolidationSources(files: readonly string[], threads: number = cores()): Promise<ConsolidationSource[]> {
  const n = Math.min(threads, files.length);
  if (n < 2 || !existsSync(WORKER)) {
    const out: ConsolidationSource[] = [];
    for (const f of files) out.push(await readConsolidationSource(f));
    return out;
  }
  const out: ConsolidationSource[] = new Array(files.length);
  let next = 0;
  const workers = Array.from({ length: n }, () => new Worker(WORKER));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            const give = () => {
              if (next >= files.length) return resolve();
              const index = next++;
              w.postMessage({ index, file: path.resolve(files[index]) });
            };
            w.on("message", (m: { index: number; source?: ConsolidationSource; error?: string }) => {
              if (m.error !== undefined) return reject(new WorkbookFileError(m.error));
              out[m.index] = m.source!;
              give();
            });
            w.on("error", reject);
            give();
          })
      )
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
