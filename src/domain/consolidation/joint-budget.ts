import { columnLetter } from '../plan/a1';
import { sheetRef } from '../plan/references';
import type { NamePlan, SheetPlan } from '../plan/types';
import { budgetMatrix, matrixColumns, matrixRows } from './budget/matrix';
import {
  type CumulativeRefs,
  cumulativeRows,
  monthMatrix,
  monthRows,
  plannedMonths,
} from './budget/months';
import { contingencyReserve, reserveRows } from './budget/reserve';
import {
  categoryRows,
  estimateByCategory,
  estimateByProject,
  estimateRows,
} from './budget/estimate';
import { estimateBySource, fundingColumns, fundingRows, fundingSources } from './budget/funding';
import type { ComparedBaseline } from './compared';
import type { JointInput } from './input';
import { jointHeading, overallCheck } from './joint-sheet';

export const JOINT_BUDGET_SHEET = 'Joint Budget';

/** Row (0-based) of the first block's header; the blocks follow down the sheet, two rows apart. */
const FIRST_BLOCK_ROW = 4;
const GAP = 2;

/** What the dashboard's charts plot from the joint budget (ranges on this sheet). */
export interface BudgetChartRefs {
  /** The cumulative curves by month; null when no budget line has a period. */
  readonly cumulative: CumulativeRefs | null;
  /** Project names and each project's planned, actual and EAC totals; null without projects. */
  readonly byProject: {
    readonly projects: string;
    readonly planned: string;
    readonly actual: string;
    readonly estimate: string;
  } | null;
}

/** `$X$a:$X$b` of 0-based column `col`, rows `first` to `last`. */
const columnSpan = (col: number, first: number, last: number) =>
  `$${columnLetter(col)}$${first + 1}:$${columnLetter(col)}$${last + 1}`;

/**
 * The joint budget: for planned, actual and variance, a project x category matrix of SUMIFS
 * over the project budget tables with totals per project and per category; each project's
 * budget ceiling and a check for amounts in categories the matrix does not show; the
 * contingency reserve (expected value of open risks) per project; planned and actual amounts
 * by month, and their cumulative curves. Every figure is a live formula; actuals above plan and plans above the ceiling are
 * highlighted.
 */
export function jointBudgetPlan(
  input: JointInput,
  base: ComparedBaseline | null,
): {
  sheet: SheetPlan;
  names: NamePlan[];
  charts: BudgetChartRefs;
} {
  const { projects, settings } = input;
  const stride = matrixRows(projects.length) + GAP;
  const matrixAt = (m: number) => FIRST_BLOCK_ROW + m * stride;
  const planned = budgetMatrix(matrixAt(0), input, 'Planned', null);
  const actual = budgetMatrix(matrixAt(1), input, 'Actual', planned.refs);
  const variance = budgetMatrix(matrixAt(2), input, 'Variance', null);
  const forecast = budgetMatrix(matrixAt(3), input, 'Forecast to complete', null);
  // Estimate at completion by project, by category and by funding source (decision 0012).
  const estimateTop = matrixAt(4);
  const estimate = estimateByProject(estimateTop, input, base);
  const categoryTop = estimateTop + estimateRows(projects.length) + GAP;
  const byCategory = estimateByCategory(
    categoryTop,
    input,
    {
      planned: planned.refs,
      actual: actual.refs,
      forecast: forecast.refs,
    },
    base,
  );
  const sourceTop = categoryTop + categoryRows(settings.budgetCategories.length) + GAP;
  const bySource = estimateBySource(sourceTop, input, base);
  const reserveTop = sourceTop + fundingRows(projects.length, base) + GAP;
  const reserve = contingencyReserve(reserveTop, input);
  const monthsTop = reserveTop + reserveRows(projects.length) + GAP;
  const months = monthMatrix(monthsTop, input, 'Planned');
  const actualTop = monthsTop + monthRows(projects.length) + GAP;
  const actualMonths = monthMatrix(actualTop, input, 'Actual');
  const cumulative = cumulativeRows(
    actualTop + monthRows(projects.length) + 1,
    input,
    months.refs,
    actualMonths.refs,
  );
  const n = projects.length;
  const totalColumn = matrixColumns(settings.budgetCategories.length).total;
  const heading = jointHeading(
    'Joint budget',
    `All included projects (${settings.currency}). Every figure is a live formula over the project sheets; red marks actuals above plan, plans and estimates at completion above the budget ceiling, and estimates above plan.`,
    input.builtAt,
    overallCheck(planned.refs.checks, 'every planned amount'),
  );
  const abs = (ref: string) => sheetRef(JOINT_BUDGET_SHEET, ref);
  const widest = Math.max(
    matrixColumns(settings.budgetCategories.length).check + 1,
    plannedMonths(input).length + 3,
    fundingColumns(fundingSources(input, base).length).check + 1,
  );
  return {
    sheet: {
      name: JOINT_BUDGET_SHEET,
      tabColor: '#0F5C4D',
      columnWidths: [
        { column: 0, width: 30 },
        ...Array.from({ length: widest - 1 }, (_, i) => ({ column: i + 1, width: 16 })),
      ],
      print: { landscape: true, fitToWidth: 1 },
      items: [
        heading,
        ...[
          planned,
          actual,
          variance,
          forecast,
          estimate,
          byCategory,
          bySource,
          reserve,
          months,
          actualMonths,
          cumulative,
        ].map((b) => b.items),
      ].flat(),
    },
    names: [
      { name: 'Joint_TotalPlanned', refersTo: abs(planned.refs.total) },
      { name: 'Joint_TotalActual', refersTo: abs(actual.refs.total) },
      { name: 'Joint_TotalVariance', refersTo: abs(variance.refs.total) },
      { name: 'Joint_ContingencyReserve', refersTo: abs(reserve.refs.total) },
      { name: 'Joint_TotalForecast', refersTo: abs(estimate.refs.totalForecast) },
      { name: 'Joint_TotalEAC', refersTo: abs(estimate.refs.total) },
      { name: 'Joint_EACByFundingSource', refersTo: abs(bySource.refs.bySource) },
      // The dashboard's planned vs actual vs EAC chart reads these; none without projects.
      ...(estimate.refs.byProject === null
        ? []
        : [{ name: 'Joint_EACByProject', refersTo: abs(estimate.refs.byProject) }]),
    ],
    charts: {
      cumulative: cumulative.refs,
      byProject:
        n && estimate.refs.byProject !== null
          ? {
              projects: columnSpan(0, matrixAt(0) + 1, matrixAt(0) + n),
              planned: columnSpan(totalColumn, matrixAt(0) + 1, matrixAt(0) + n),
              actual: columnSpan(totalColumn, matrixAt(1) + 1, matrixAt(1) + n),
              // The estimate block lists the projects in the matrices' order (decision 0012).
              estimate: estimate.refs.byProject,
            }
          : null,
    },
  };
}
