// The overview's charts (ChartSpec, built by src/workbook/report/kvartalsoversigt.ts) drawn in Excel.
// ExcelJS cannot write charts, so only the add-in draws them. Every series is set from its own range,
// so categories and values need not be neighbours on the sheet. All calls are queued: no sync of
// their own, whatever the number of charts and series.
import type { ChartSpec } from "../../workbook/report/kvartalsoversigt";
import { missingRequirement, withExcelErrors } from "./errors";
import { excelRun, officeHost, type ExcelRun, type OfficeHost } from "./host";

/** Series.add, setValues and setXAxisValues need ExcelApi 1.7 (the manifest asks for 1.8). */
export const CHARTS_API = "1.7";

// String values, not the Excel.ChartType enum: that object exists only inside Office.
const CHART_TYPES: Record<ChartSpec["type"], "ColumnClustered" | "Line" | "BarClustered"> = {
  columnClustered: "ColumnClustered",
  line: "Line",
  barClustered: "BarClustered",
};

/** A chart's size in points: legible in the task pane's Excel and on an A4 landscape page. */
const WIDTH = 460;
const HEIGHT = 250;

/** Queue the charts on their sheets (which must exist when the batch runs); returns how many. */
export function queueCharts(context: Excel.RequestContext, specs: readonly ChartSpec[]): number {
  for (const spec of specs) {
    const ws = context.workbook.worksheets.getItem(spec.sheet);
    const [first, ...rest] = spec.series;
    if (!first) continue;
    const chart = ws.charts.add(CHART_TYPES[spec.type], ws.getRange(first.values), "Columns");
    chart.title.text = spec.title;
    const s0 = chart.series.getItemAt(0);
    s0.name = first.name;
    s0.setXAxisValues(ws.getRange(spec.categories));
    for (const s of rest) {
      const series = chart.series.add(s.name);
      series.setValues(ws.getRange(s.values));
      series.setXAxisValues(ws.getRange(spec.categories));
    }
    chart.setPosition(spec.anchor);
    chart.width = WIDTH;
    chart.height = HEIGHT;
  }
  return specs.filter((s) => s.series.length > 0).length;
}

/** Draw the charts in one Excel.run and one sync. */
export async function addCharts(specs: readonly ChartSpec[], run: ExcelRun = excelRun, host: OfficeHost = officeHost): Promise<number> {
  if (!host.isSetSupported("ExcelApi", CHARTS_API)) throw missingRequirement("ExcelApi", CHARTS_API, "tegne diagrammer");
  return withExcelErrors(() =>
    run(async (context) => {
      const n = queueCharts(context, specs);
      await context.sync();
      return n;
    })
  );
}
