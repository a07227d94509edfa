// "Saml flere projektmapper" on the Oversigt page: the leader's picked files, read in the browser by the
// shell's reader (nothing is uploaded), combined (src/workbook/consolidate.ts) and written into the open,
// still empty workbook; then the overview is built over the combined tables as for one unit.
import type { ConsolidationSource } from "../../workbook/consolidate";
import { consolidate, consolidatedTablesPlan, forReportYear } from "../../workbook/consolidate";
import { ymd } from "../../domain/dates";
import { messages } from "../messages";
import { isStructured, type PlanPort } from "../../ports/workbook-port";
import { buildOverview, type OverviewResult, type OverviewStep } from "./overview-flow";

/** Reads one picked file's bytes into a source (the xlsx adapter, given by the shell). */
export type SourceReader = (bytes: ArrayBuffer, name: string) => Promise<ConsolidationSource>;

export interface PickedFile {
  name: string;
  bytes: () => Promise<ArrayBuffer>;
}

export type ConsolidateStep = { kind: "file"; index: number; of: number } | { kind: "combine" } | { kind: "tables" } | { kind: "overview"; step: OverviewStep };

export interface ConsolidateResult extends OverviewResult {
  year: number;
  sources: number;
  conflicts: number;
}

export async function consolidateIntoWorkbook(
  port: PlanPort,
  files: readonly PickedFile[],
  year: number | null,
  read: SourceReader,
  onStep: (s: ConsolidateStep) => void
): Promise<ConsolidateResult> {
  const m = messages.consolidate;
  if (files.length < 2) throw new Error(m.needTwo);
  const layout = await port.readLayout();
  if (isStructured(layout.sheets.flatMap((s) => s.tables))) throw new Error(m.notEmpty);

  const sources: ConsolidationSource[] = [];
  for (const [i, f] of files.entries()) {
    onStep({ kind: "file", index: i + 1, of: files.length });
    sources.push(await read(await f.bytes(), f.name));
  }
  onStep({ kind: "combine" });
  const combined = consolidate(sources);
  const chosen = year ?? ymd(combined.data.params.periodestart).year;
  forReportYear(combined, chosen);
  onStep({ kind: "tables" });
  await port.applyPlan(consolidatedTablesPlan(combined), { removeSheets: [] });
  const overview = await buildOverview(port, chosen, (step) => onStep({ kind: "overview", step }));
  return { ...overview, sheets: ["Kilder", ...overview.sheets], year: chosen, sources: sources.length, conflicts: combined.conflicts.length };
}
