// Replace our sheets by a plan in one Excel.run: remove the earlier sheets, apply the plan (see
// apply-plan.ts for its sync budget) and draw the charts. Doing it in one run means a failure before
// the final sync leaves the workbook as it was, rather than with the old sheets gone and no new ones.
import type { Plan } from "../../workbook/plan";
import type { ApplyPlanReport, ApplyPlanOptions } from "../../ports/workbook-port";
import { applyPlan, type ApplyOptions } from "./apply-plan";
import { CHARTS_API, queueCharts } from "./charts";
import { withExcelErrors } from "./errors";
import { excelRun, officeHost, type ExcelRun } from "./host";

export async function replaceSheets(
  plan: Plan,
  options: ApplyPlanOptions,
  run: ExcelRun = excelRun,
  applyOptions: ApplyOptions = {}
): Promise<ApplyPlanReport & { syncs: number }> {
  const host = applyOptions.host ?? officeHost;
  const charts = options.charts ?? [];
  const canChart = host.isSetSupported("ExcelApi", CHARTS_API);
  return withExcelErrors(() =>
    run(async (context) => {
      let syncs = 0;
      const named = Object.entries(options.namedValues ?? {});
      const namedCells = named.map(([name]) => context.workbook.names.getItemOrNullObject(name).getRangeOrNullObject());
      if (options.removeSheets.length > 0 || named.length > 0) {
        // Probed first: a sheet the user removed meanwhile is simply gone already.
        const probes = options.removeSheets.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
        await context.sync();
        syncs++;
        for (const p of probes) if (!p.isNullObject) p.delete();
        namedCells.forEach((cell, i) => {
          if (!cell.isNullObject) cell.values = [[named[i][1]]];
        });
      }
      // The plan's batch joins this run: the deletions travel with its first sync.
      const report = await applyPlan(plan, (batch) => batch(context), applyOptions);
      syncs += report.syncs;
      const warnings = [...report.warnings];
      let drawn = 0;
      if (charts.length > 0 && canChart) {
        drawn = queueCharts(context, charts);
        await context.sync();
        syncs++;
      } else if (charts.length > 0) {
        warnings.push(`Diagrammerne blev sprunget over, fordi denne version af Excel ikke kan tegne dem (kræver ExcelApi ${CHARTS_API}).`);
      }
      return { charts: drawn, warnings, syncs };
    })
  );
}
