// A worker thread of consolidation-sources.ts: reads the files it is given, one at a time, and sends each
// source back (or the Danish message of why it could not be read).
import { parentPort } from "worker_threads";
import { readConsolidationSource } from "./consolidation-source-file";

parentPort?.on("message", (job: { index: number; file: string }) => {
  readConsolidationSource(job.file).then(
    (source) => parentPort?.postMessage({ index: job.index, source }),
    (e: unknown) => parentPort?.postMessage({ index: job.index, error: e instanceof Error ? e.message : String(e) })
  );
});
