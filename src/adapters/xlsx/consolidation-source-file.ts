// A consolidation source from a file on disk (the command line): the zip read by zip-package.ts, with its
// limits on unpacked size, and only the parts the tables need inflated, each when it is read. The browser
// reads picked files' bytes with consolidation-source.ts instead.
import path from "path";
import type { ConsolidationSource } from "../../workbook/consolidate";
import { consolidationSourceOfParts } from "./consolidation-source";
import { readWorkbookFile, sniffWorkbook } from "./files";
import { inflateEntry, readZipEntries } from "./zip-package";

/** The source in a workbook's bytes; `name` is the file's name as the leader knows it. */
export function consolidationSourceOfBuffer(buf: Buffer, name: string): ConsolidationSource {
  sniffWorkbook(buf, name);
  const entries = new Map(readZipEntries(buf, name).map((e) => [e.name, e]));
  return consolidationSourceOfParts((part) => {
    const e = entries.get(part);
    return e === undefined ? undefined : inflateEntry(e, name).toString("utf8");
  }, name);
}

export async function readConsolidationSource(file: string): Promise<ConsolidationSource> {
  return consolidationSourceOfBuffer(await readWorkbookFile(file), path.basename(file));
}
