// The alternatives to measure 6's slow-link figure, side by side on one production build:
// `npm run build:cli && node lib/bench/slow-link-alternatives.js <dist> [rounds]` (dist from
// `webpack --mode production --env outputPath=<dist> --env sourceMaps=false`). Each row is the best of
// `rounds` fresh openings of ?side=visitation, as in measure 6. A third argument picks rows by number (1,2,…).
import path from "path";
import { firstRenderOverSlowLink, type SlowLinkVariant } from "./slow-link";
import { OFFICE_STUB } from "./taskpane";

const VARIANTS: { label: string; variant: SlowLinkVariant }[] = [
  { label: "as built (Office.js in <head>, gzip)", variant: {} },
  { label: "as built, served with Brotli", variant: { encoding: "br" } },
  { label: "Office.js loaded async (not Microsoft's documented way)", variant: { officeScript: "async" } },
  { label: "Office.js of 0 bytes (the bundle's own floor)", variant: { officeBytes: 0 } },
  { label: "Office.js of 0 bytes, Brotli", variant: { officeBytes: 0, encoding: "br" } },
  { label: "the page's chunks preloaded from <head>", variant: { preload: [] } },
  { label: "the page's chunks preloaded, Office.js of 0 bytes, Brotli (every measure together)", variant: { preload: [], officeBytes: 0, encoding: "br" } },
];

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? "bench-output/dist");
  const rounds = Number(process.argv[3] ?? 5);
  const pick = process.argv[4] ? new Set(process.argv[4].split(",").map(Number)) : null;
  // The chunks ?side=visitation loads, found by one opening as built; the preload rows hint these.
  const { chunks } = await firstRenderOverSlowLink(dir, OFFICE_STUB, 1);
  for (const [i, { label, variant }] of VARIANTS.entries()) {
    if (pick && !pick.has(i + 1)) continue;
    const t = await firstRenderOverSlowLink(dir, OFFICE_STUB, rounds, variant.preload ? { ...variant, preload: chunks } : variant);
    process.stdout.write(`${label}: page ${t.pageMs.toFixed(0)} ms, shell ${t.shellMs.toFixed(0)} ms${variant.preload ? ` (${chunks.join(", ")})` : ""}\n`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
