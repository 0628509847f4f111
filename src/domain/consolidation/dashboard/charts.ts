import type { ChartPlan, SheetRange } from '../../plan/types';
import type { BudgetChartRefs } from '../joint-budget';
import { JOINT_BUDGET_SHEET } from '../joint-budget';
import type { BandRefs } from './figures';

/** Where each chart sits on the dashboard: three stacked to the right of the lists. */
export interface ChartAnchors {
  readonly cumulative: string;
  readonly byProject: string;
  readonly bands: string;
}

const budget = (range: string): SheetRange => ({ sheet: JOINT_BUDGET_SHEET, range });

/**
 * The dashboard's native charts: cumulative planned and actual by month (line), planned, actual
 * and estimate at completion (actual + forecast to complete) by project (clustered columns), and
 * open risks by band (columns). A chart without data to plot is left out rather than drawn empty.
 */
export function dashboardCharts(
  sheet: string,
  anchors: ChartAnchors,
  refs: BudgetChartRefs,
  bands: BandRefs,
): ChartPlan[] {
  const charts: ChartPlan[] = [];
  const { cumulative, byProject } = refs;
  if (cumulative)
    charts.push({
      type: 'line',
      title: 'Cumulative planned and actual by month',
      anchor: anchors.cumulative,
      legend: 'bottom',
      series: [
        {
          name: 'Planned',
          categories: budget(cumulative.months),
          values: budget(cumulative.planned),
        },
        {
          name: 'Actual',
          categories: budget(cumulative.months),
          values: budget(cumulative.actual),
        },
      ],
    });
  if (byProject)
    charts.push({
      type: 'clusteredColumn',
      title: 'Planned, actual and estimate at completion by project',
      anchor: anchors.byProject,
      legend: 'bottom',
      series: [
        { name: 'Planned', values: byProject.planned },
        { name: 'Actual', values: byProject.actual },
        { name: 'Estimate at completion', values: byProject.estimate },
      ].map((s) => ({
        name: s.name,
        categories: budget(byProject.projects),
        values: budget(s.values),
      })),
    });
  charts.push({
    type: 'clusteredColumn',
    title: 'Open risks by band',
    anchor: anchors.bands,
    legend: 'none',
    series: [
      {
        name: 'Open risks',
        categories: { sheet, range: bands.names },
        values: { sheet, range: bands.counts },
      },
    ],
  });
  return charts;
}
