// The Oversigt page's steps against the port: read the structured tables (the truth), offer the
// years the data covers, build the report sheets with their charts, or the published overview (scanned
// for CPR numbers and names before it is written).
// Each port call is one Excel.run in Excel.
import { ymd } from "../../domain/dates";
import { periodOfYear } from "../../domain/setup-defaults";
import { DEFINED_NAMES } from "../../workbook/contract";
import type { StructuredData } from "../../domain/model";
import type { WorkbookLayout } from "../../import/workbook-conversion";
import { planTexts, scanTexts, summariseFindings } from "../../workbook/privacy-scan";
import { JOBCENTER_TABLE } from "../../workbook/report/pladsregulering";
import { publishedSheetPlan, REPORT_NAMES, REPORT_REQUIRED_COLUMNS, reportPlan } from "../../workbook/report/report-plan";
import {
  MissingTableError,
  snapshotSource,
  structuredFromTables,
  STRUCTURED_NAMES,
  STRUCTURED_TABLES,
  type TableSource,
} from "../../workbook/structured-from-tables";
import { messages } from "../messages";
import type { PlanPort } from "../../ports/workbook-port";

export interface OverviewSource {
  layout: WorkbookLayout;
  source: TableSource;
  data: StructuredData;
  warnings: string[];
}

export type OverviewStep = "read" | "plan" | "write";

const TABLES_TO_READ = [...new Set([...STRUCTURED_TABLES, ...Object.keys(REPORT_REQUIRED_COLUMNS), JOBCENTER_TABLE])];
const NAMES_TO_READ = [...new Set([...STRUCTURED_NAMES, ...REPORT_NAMES])];

/** The structured data, or null when the workbook has no Sager or Enheder yet. */
export async function readOverviewSource(port: PlanPort): Promise<OverviewSource | null> {
  const layout = await port.readLayout();
  const read = await port.readTables(TABLES_TO_READ, NAMES_TO_READ);
  const source = snapshotSource(read.tables, read.names);
  try {
    const { data, warnings } = structuredFromTables(source);
    return { layout, source, data, warnings };
  } catch (e) {
    if (e instanceof MissingTableError) return null;
    throw e;
  }
}

/** The years from the first enrolment to the last date in the data (at most the last 15), newest first. */
export function overviewYears(data: StructuredData): number[] {
  const years = new Set<number>([ymd(data.params.periodestart).year]);
  for (const c of data.cases) for (const d of [c.indskrevet, c.udskrevet]) if (d !== null) years.add(ymd(d).year);
  const sane = [...years].filter((y) => y >= 1990 && y <= 2100);
  const lo = Math.min(...sane);
  const hi = Math.max(...sane);
  const out: number[] = [];
  for (let y = hi; y >= Math.max(lo, hi - 14); y--) out.push(y);
  return out;
}

/** The year of the period the workbook is set to (Periodestart), as `sagsliste report` defaults. */
export function defaultYear(data: StructuredData): number {
  return ymd(data.params.periodestart).year;
}

export interface OverviewResult {
  sheets: string[];
  charts: number;
  warnings: string[];
}

export async function buildOverview(port: PlanPort, year: number, onStep: (s: OverviewStep) => void): Promise<OverviewResult> {
  onStep("read");
  const src = await readOverviewSource(port);
  if (!src) throw new Error(messages.overviewPage.notStructured);
  onStep("plan");
  await new Promise((resolve) => setTimeout(resolve, 0));
  // The overview sets the period: the year, and Opgørelsesdato its last registered day.
  const period = periodOfYear(
    year,
    src.data.attendance.map((a) => a.dato)
  );
  src.data.params = { ...src.data.params, ...period };
  const namedValues: Record<string, number> = {
    [DEFINED_NAMES.periodestart]: period.periodestart,
    [DEFINED_NAMES.periodeslut]: period.periodeslut,
    [DEFINED_NAMES.opgoerelsesdato]: period.opgoerelsesdato,
  };
  const planned = reportPlan(src.data, year, src.layout.sheets, {
    table: (t) => src.source.table(t),
    name: (n) => (n in namedValues ? namedValues[n] : src.source.name(n)),
  });
  onStep("write");
  const applied = await port.applyPlan(planned.plan, { removeSheets: planned.removeSheets, charts: planned.charts, namedValues });
  return {
    sheets: planned.plan.sheets.map((s) => s.name),
    charts: applied.charts,
    warnings: [...src.warnings, ...planned.warnings, ...applied.warnings],
  };
}

export async function publishOverview(port: PlanPort, year: number, onStep: (s: OverviewStep) => void): Promise<{ sheet: string }> {
  onStep("read");
  const src = await readOverviewSource(port);
  if (!src) throw new Error(messages.overviewPage.notStructured);
  onStep("plan");
  const planned = publishedSheetPlan(src.data, year, src.layout.sheets);
  // Scan what is about to be written; write nothing when it holds a CPR number or a citizen's name.
  const findings = scanTexts(
    planTexts(planned.plan),
    src.data.cases.map((c) => ({ sagsId: c.sagsId, cpr: c.cpr, navn: c.navn }))
  );
  if (findings.length > 0) throw new Error(messages.overviewPage.publishLeak(summariseFindings(findings)));
  onStep("write");
  await port.applyPlan(planned.plan, { removeSheets: planned.removeSheets });
  return { sheet: planned.plan.sheets[0].name };
}
