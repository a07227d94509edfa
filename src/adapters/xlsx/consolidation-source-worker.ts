// A worker thread that reads consolidation sources from disk for consolidation-sources.ts: each job is a
// file, each answer its source or the message of the error reading it. Node only, compiled (lib/) only.
import { parentPort } from "worker_threads";
import { readConsolidationSource } from "./consolidation-source-file";
import { WorkbookFileError } from "./workbook-file-error";

export interface SourceJob {
  index: number;
  file: string;
}

export type SourceAnswer =
  { index: number; source: Awaited<ReturnType<typeof readConsolidationSource>> } | { index: number; error: { message: string; workbookFile: boolean } };

const port = parentPort;
if (port) {
  port.on("message", (job: SourceJob) => {
    readConsolidationSource(job.file).then(
      (source) => port.postMessage({ index: job.index, source } satisfies SourceAnswer),
      (e: unknown) =>
        port.postMessage({
          index: job.index,
          error: { message: e instanceof Error ? e.message : String(e), workbookFile: e instanceof WorkbookFileError },
        } satisfies SourceAnswer)
    );
  });
}
