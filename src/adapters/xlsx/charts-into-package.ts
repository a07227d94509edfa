// Kvartalsoversigt's charts added to a large written package (the overview across units) without
// unpacking it: only the few parts the charts change are inflated (the workbook, the overview's sheet,
// their relationships, the content types); every other part is copied as it was deflated, so a package
// of a million rows is not inflated and deflated again to add a few kilobytes.
import type { ChartSpec } from "../../workbook/report/kvartalsoversigt";
import { addChartParts, type PartMap } from "./chart-parts";
import { zipParts, type ZipPart } from "./native-zip";
import { inflateEntry, readZipEntries } from "./zip-package";

const NAME = "Oversigten";

/** The package with the charts drawn on their sheet (chart-parts.ts); unchanged when they cannot be. */
export async function withChartsCopied(zip: Buffer, specs: readonly ChartSpec[]): Promise<Buffer> {
  if (!specs.some((s) => s.series.length > 0)) return zip;
  const entries = readZipEntries(zip, NAME, Number.POSITIVE_INFINITY).filter((e) => !e.name.endsWith("/"));
  const byName = new Map(entries.map((e) => [e.name, e]));
  const changed = new Map<string, Buffer>();
  const parts: PartMap = {
    get: (name) => {
      const own = changed.get(name);
      if (own) return own;
      const e = byName.get(name);
      return e ? inflateEntry(e, NAME) : undefined;
    },
    set: (name, bytes) => changed.set(name, bytes),
    keys: () => new Set([...byName.keys(), ...changed.keys()]),
  };
  if (!addChartParts(parts, specs)) return zip;
  const out: ZipPart[] = entries.map((e) => {
    const bytes = changed.get(e.name);
    return bytes ? { name: e.name, bytes } : { name: e.name, entry: e };
  });
  for (const [name, bytes] of changed) if (!byName.has(name)) out.push({ name, bytes });
  return zipParts(out);
}
