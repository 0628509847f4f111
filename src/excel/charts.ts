import type { ChartPlan, SheetRange } from '../domain/plan/types';
import { parseRange, a1 } from '../domain/plan/a1';

/** The plan's chart types as Excel.ChartType names them. */
const CHART_TYPE = {
  line: 'Line',
  clusteredColumn: 'ColumnClustered',
  clusteredBar: 'BarClustered',
  pie: 'Pie',
} as const satisfies Record<ChartPlan['type'], `${Excel.ChartType}`>;

const LEGEND = { bottom: 'Bottom', right: 'Right' } as const;

/**
 * Queues one native chart: ChartCollection.add (ExcelApi 1.1) from the first series' values,
 * then every series set explicitly, name, values and categories (ChartSeriesCollection.add,
 * ChartSeries.setValues and setXAxisValues: ExcelApi 1.7, which the manifest requires), so
 * what Excel guesses from the source range never decides the picture. "Create and customize
 * charts with the Excel JavaScript API" (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts)
 * shows the same calls.
 */
export function addChart(
  workbook: Excel.Workbook,
  sheet: Excel.Worksheet,
  chart: ChartPlan,
  index: number,
): void {
  const rangeOf = (r: SheetRange) => workbook.worksheets.getItem(r.sheet).getRange(r.range);
  const [first, ...rest] = chart.series;
  if (!first) return;
  const added = sheet.charts.add(CHART_TYPE[chart.type], rangeOf(first.values), 'Auto');
  added.name = `Chart ${index + 1}`;
  added.title.text = chart.title;
  if (chart.legend === 'none') added.legend.visible = false;
  else {
    added.legend.visible = true;
    added.legend.position = LEGEND[chart.legend];
  }
  const { from, to } = parseRange(chart.anchor);
  added.setPosition(a1(from.row, from.col), a1(to.row, to.col));
  const own = added.series.getItemAt(0);
  own.name = first.name;
  own.setValues(rangeOf(first.values));
  own.setXAxisValues(rangeOf(first.categories));
  for (const s of rest) {
    const more = added.series.add(s.name);
    more.setValues(rangeOf(s.values));
    more.setXAxisValues(rangeOf(s.categories));
  }
}

/**
 * Deletes the charts a rebuilt sheet holds (`count` of them, read before writing), last first so
 * each index still names a chart: clearing a range leaves charts standing, as they are shapes
 * over the cells, not cell content (Range.clear clears "values, format, fill, border").
 */
export function deleteCharts(sheet: Excel.Worksheet, count: number): void {
  for (let i = count - 1; i >= 0; i--) sheet.charts.getItemAt(i).delete();
}
