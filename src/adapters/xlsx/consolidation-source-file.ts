// A consolidation source from a file on disk (the command line); the browser reads picked files' bytes
// with consolidation-source.ts instead.
import path from "path";
import type { ConsolidationSource } from "../../workbook/consolidate";
import { consolidationSourceOf } from "./consolidation-source";
import { loadWorkbook } from "./files";

export async function readConsolidationSource(file: string): Promise<ConsolidationSource> {
  return consolidationSourceOf(await loadWorkbook(file), path.basename(file));
}
