// `sagsliste report A.xlsx B.xlsx …`: one overview across several units' converted workbooks. The
// combined tables (every source's cases, registrations and measurements, each case with its source in
// Kilde) carry the same live formulas as a single workbook, so every figure can be traced to its source;
// Kilder lists the sources and every conflict between them. With --publish only the suppressed figures.
import path from "path";
import { newWorkbook } from "../adapters/xlsx/workbook";
import { ymd } from "../domain/dates";
import { computeKeyFigures } from "../domain/keyfigures";
import { regulationRows } from "../domain/regulation";
import { applyPlan } from "../adapters/xlsx/apply-plan";
import { readConsolidationSources } from "../adapters/xlsx/consolidation-sources";
import { readLayout, replaceSheets } from "../adapters/xlsx/convert-workbook";
import { WorkbookFileError } from "../adapters/xlsx/files";
import { withChartsCopied } from "../adapters/xlsx/charts-into-package";
import { saveBytes, workbookBytes } from "../adapters/xlsx/package-parts";
import { planSource } from "../workbook/plan-source";
import { consolidate, consolidatedTablesPlan, forReportYear, type Consolidation } from "../workbook/consolidate";
import { reportPlan } from "../workbook/report/report-plan";
import { UsageError } from "./args";
import { publishedCopy } from "./published-copy";

export interface ConsolidatedOptions {
  inputs: string[];
  out: string | undefined;
  year: string | undefined;
  publish: boolean;
  json: boolean;
}

/** The consolidated workbook of the sources for one year: Kilder, the combined tables and the report. */
export async function consolidatedWorkbook(c: Consolidation, year: number): Promise<{ bytes: Buffer; warnings: string[] }> {
  const wb = newWorkbook();
  const tables = consolidatedTablesPlan(c);
  applyPlan(wb, tables);
  // The report reads the tables' headers and names from the plan just applied: reading the written
  // sheets back would turn a million rows into ExcelJS cells.
  const report = reportPlan(c.data, year, readLayout(wb).sheets, planSource(tables), false);
  replaceSheets(wb, report.plan, report.removeSheets);
  // ExcelJS writes no charts: Kvartalsoversigt's are added to the package as chart parts.
  return { bytes: await withChartsCopied(await workbookBytes(wb), report.charts), warnings: report.warnings };
}

function parseYear(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d{4}$/.test(raw)) throw new UsageError(`--year skal være et årstal som 2024, ikke "${raw}".`);
  return Number(raw);
}

export async function runConsolidatedReport(o: ConsolidatedOptions): Promise<number> {
  const resolved = o.inputs.map((f) => path.resolve(f));
  const twice = resolved.find((f, i) => resolved.indexOf(f) !== i);
  if (twice) throw new UsageError(`${path.basename(twice)} er angivet to gange. Angiv hver projektmappe én gang.`);
  const out = o.out ?? path.join(path.dirname(o.inputs[0]), o.publish ? "samlet-offentlig.xlsx" : "samlet-rapport.xlsx");
  if (resolved.includes(path.resolve(out))) throw new UsageError("Oversigten må ikke skrives oven i en af projektmapperne. Vælg et andet navn med -o.");
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`Uddata skal være en .xlsx-fil, ikke ${out}.`);

  const c = consolidate(await readConsolidationSources(o.inputs));
  const year = parseYear(o.year, ymd(c.data.params.periodestart).year);
  try {
    forReportYear(c, year);
  } catch (e) {
    throw new WorkbookFileError((e as Error).message);
  }

  const warnings: string[] = [];
  let bytes: Buffer;
  let publishedJson: string | null = null;
  if (o.publish) {
    // Suppression over the combined figures: units of every source and the total together.
    const copy = await publishedCopy(c.data, year, out, { sources: c.sources.map((s) => ({ kilde: s.label, enheder: s.units })) });
    bytes = copy.bytes;
    publishedJson = copy.json;
  } else {
    const made = await consolidatedWorkbook(c, year);
    bytes = made.bytes;
    warnings.push(...made.warnings);
  }
  await saveBytes(bytes, out);

  for (const w of warnings) process.stderr.write(`sagsliste: advarsel: ${w}\n`);
  for (const x of c.conflicts) process.stderr.write(`sagsliste: konflikt: ${x.kind}: ${x.message}\n`);
  if (o.json) {
    const sourcesJson = c.sources.map((s) => ({ kilde: s.label, fil: s.file, enheder: s.units, kontrol: s.check, konflikter: s.conflicts }));
    const json =
      publishedJson ??
      JSON.stringify(
        {
          year,
          published: false,
          sources: sourcesJson,
          conflicts: c.conflicts,
          keyFigures: computeKeyFigures(c.data, year),
          pladsregulering: regulationRows(c.data, year),
        },
        null,
        2
      );
    process.stdout.write(json + "\n");
  } else {
    const n = c.conflicts.length;
    process.stdout.write(
      `Skrev ${out} (${o.publish ? "offentliggørelsesudgave" : "samlet rapport"} for ${year} over ${c.sources.length} projektmapper` +
        `${n > 0 ? `; ${n} konflikt${n === 1 ? "" : "er"}, se arket Kilder` : ""}).\n`
    );
  }
  return 0;
}
