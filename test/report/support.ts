// Test support for the report: the structured workbook of a data set (the real structured plan, with
// the report's helper columns on Fremmoede and Statusmaalinger) plus any report sheets.
import { ymd } from "../../src/domain/dates";
import type { StructuredData } from "../../src/domain/model";
import { buildStructuredPlan } from "../../src/workbook/structured-plan";
import { reportHelperColumns } from "../../src/workbook/report/noegletal";
import type { Plan, SheetPlan } from "../../src/workbook/plan";

/** The structured workbook of the data, with the report's helper columns, plus sheets. */
export function structuredPlanWith(data: StructuredData, sheets: SheetPlan[] = []): Plan {
  const plan = buildStructuredPlan(data, { extraComputedColumns: reportHelperColumns() });
  return { ...plan, sheets: [...plan.sheets, ...sheets] };
}

/** The year of the data's own period: the year a report of it is made for. */
export function reportYear(data: StructuredData): number {
  return ymd(data.params.periodestart).year;
}
