// Measure 3: the Office.js adapter against the counting fake for the large workbook's Plan: how many
// syncs, the largest request of one sync, and whether any API call is made per row. Counts, not
// timings, so one run is exact. Both fill paths: ExcelApi 1.9+ (copyFrom) and 1.8 (2-D arrays).
import { applyPlan } from "../src/adapters/officejs/apply-plan";
import type { StructuredData } from "../src/domain/model";
import { buildStructuredPlan } from "../src/workbook/structured-plan";
import { FakeExcel, fakeRun } from "./support/fake-excel";
import type { Row } from "./table";

const MB4 = 4_000_000;

interface Counted {
  rows: number;
  syncs: number;
  maxPayload: number;
  totalBytes: number;
  ops: number;
}

async function count(data: StructuredData, excelApi: string): Promise<Counted> {
  const plan = buildStructuredPlan(data);
  const fake = new FakeExcel({ supported: { ExcelApi: excelApi } });
  const report = await applyPlan(plan, fakeRun(fake), { host: fake });
  const rows = plan.sheets.flatMap((s) => s.tables).reduce((n, t) => n + t.rows.length, 0);
  const totalBytes = fake.stats.payloads.reduce((n, p) => n + p, 0);
  return { rows, syncs: report.syncs, maxPayload: fake.maxPayload, totalBytes, ops: fake.stats.ops.length };
}

const mbText = (b: number): string => `${(b / 1_000_000).toFixed(3)} MB`;

export async function officeRequests(data: StructuredData): Promise<Row[]> {
  // Half the attendance with the cases fixed: calls that grow with the rows show up as the difference.
  const half = { ...data, attendance: data.attendance.slice(0, Math.floor(data.attendance.length / 2)) };
  const out: Row[] = [];
  for (const [label, api] of [
    ["1.9+", "1.13"],
    ["1.8", "1.8"],
  ] as const) {
    const full = await count(data, api);
    const small = await count(half, api);
    const allowed = 3 + Math.ceil(full.totalBytes / MB4);
    // Chunks and slices grow with the bytes (one per ~4 MB); a call per row would add about 1 per row.
    const perRowOps = (full.ops - small.ops) / (full.rows - small.rows);
    out.push(
      {
        measure: `3. Office.js ExcelApi ${label}: largest request`,
        figure: `${mbText(full.maxPayload)} (${full.rows.toLocaleString("en")} rows, ${mbText(full.totalBytes)} in all)`,
        target: "≤ 4.00 MB",
        pass: full.maxPayload <= MB4,
      },
      {
        measure: `3. Office.js ExcelApi ${label}: syncs`,
        figure: `${full.syncs}`,
        target: `≤ 3 + 1 per 4 MB = ${allowed}`,
        pass: full.syncs <= allowed,
      },
      {
        measure: `3. Office.js ExcelApi ${label}: API calls`,
        figure: `${full.ops} ops; +${perRowOps.toFixed(4)} per added row`,
        target: "no call per row (< 0.01 per row)",
        pass: perRowOps < 0.01,
      }
    );
  }
  return out;
}
