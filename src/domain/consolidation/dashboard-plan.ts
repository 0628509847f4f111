import { a1, block } from '../plan/a1';
import { sheetRef, textLiteral } from '../plan/references';
import type { SheetItem, SheetPlan } from '../plan/types';
import { numberFormats, styles } from '../template/styles';
import type { RegisterRefs } from './contingency/register';
import { CONTINGENCY_SHEET } from './contingency-plan';
import { dashboardCharts } from './dashboard/charts';
import { bandCounts, FIGURE_ROWS, keyFigureItems } from './dashboard/figures';
import { LIST_ROWS, liveList, taskColumns } from './dashboard/lists';
import type { JointInput } from './input';
import { type BudgetChartRefs, JOINT_BUDGET_SHEET } from './joint-budget';
import { JOINT_SCHEDULE_SHEET } from './joint-schedule';
import { jointHeading } from './joint-sheet';
import { type ListKeys, MILESTONE_DAYS } from './schedule/list-keys';
import type { ReviewRefs } from './schedule/review-block';
import type { GridRefs } from './schedule/task-grid';

export const DASHBOARD_SHEET = 'Dashboard';

/** What the dashboard reads from the other joint sheets' plans. */
export interface DashboardSources {
  readonly grid: GridRefs | null;
  readonly review: ReviewRefs | null;
  /** The lists' key columns on the schedule, whole references. */
  readonly keys: ListKeys;
  readonly register: RegisterRefs | null;
  readonly budget: BudgetChartRefs;
}

/** Rows (0-based) of the blocks: key figures, then the three lists, each under a title. */
const FIGURES = 5;
const LIST_HEADERS = [0, 1, 2].map((i) => FIGURES + FIGURE_ROWS + 2 + i * (LIST_ROWS + 3));
const LAST_ROW = LIST_HEADERS[2]! + LIST_ROWS;
/** The printed page: columns A to P; the lists' positions stand beyond it, in R. */
const PAGE = `A1:P${LAST_ROW + 1}`;
const POSITIONS = 17;
const WIDTHS = [24, 30, 18, 18, 10, 2, ...Array<number>(10).fill(9)];

function section(row: number, text: string, width = 5): SheetItem[] {
  return [
    { kind: 'cells', at: a1(row, 0), rows: [[text]] },
    { kind: 'format', range: block(a1(row, 0), 1, width), style: styles.section },
  ];
}

/** Up to date while every other joint sheet's own check (its A3) says so. */
function dashboardCheck(): string {
  const fresh = [JOINT_SCHEDULE_SHEET, JOINT_BUDGET_SHEET, CONTINGENCY_SHEET]
    .map((s) => `LEFT(${sheetRef(s, '$A$3')},2)="Up"`)
    .join(',');
  return (
    `IF(AND(${fresh}),${textLiteral('Up to date: every joint sheet matches the project sheets.')},` +
    `${textLiteral('A joint sheet changed since it was built (see its line 3): click Consolidate.')})`
  );
}

/** The three live lists: next milestones, overdue tasks, projects due for review. */
function lists(src: DashboardSources) {
  const [milestoneRow, overdueRow, reviewRow] = LIST_HEADERS as [number, number, number];
  const { grid, review, keys } = src;
  const schedule = (ref: string) => sheetRef(JOINT_SCHEDULE_SHEET, ref);
  const reviewColumns = review
    ? [
        { header: 'Project', value: (p: string) => `INDEX(${schedule(review.project)},${p})&""` },
        { header: 'Manager', value: (p: string) => `INDEX(${schedule(review.manager)},${p})&""` },
        {
          header: 'Last reviewed',
          value: (p: string) => `INDEX(${schedule(review.lastReviewed)},${p})`,
          format: numberFormats.date,
        },
      ]
    : ['Project', 'Manager', 'Last reviewed'].map((header) => ({ header, value: () => '""' }));
  const items: SheetItem[] = [
    ...section(
      milestoneRow - 1,
      `Milestones due in the next ${MILESTONE_DAYS.far} days (bold: within ${MILESTONE_DAYS.near})`,
    ),
    ...liveList(
      milestoneRow,
      taskColumns(grid, { header: 'Days left', sign: 1 }),
      keys.milestones,
      POSITIONS,
      'No tasks.',
      `None due in the next ${MILESTONE_DAYS.far} days.`,
    ).items,
    ...section(overdueRow - 1, 'Overdue tasks: end before today and not done'),
    ...liveList(
      overdueRow,
      taskColumns(grid, { header: 'Days late', sign: -1 }),
      keys.overdue,
      POSITIONS,
      'No tasks.',
      'None: every task is done or still within its dates.',
    ).items,
    ...section(
      reviewRow - 1,
      'Projects due for review: never reviewed, or longer ago than Settings allows',
    ),
    ...liveList(
      reviewRow,
      reviewColumns,
      keys.reviewsDue,
      POSITIONS,
      'No projects.',
      'None: every project was reviewed in time.',
    ).items,
    {
      kind: 'conditionalFormat',
      range: block(a1(milestoneRow + 1, 0), LIST_ROWS, 5),
      rule: {
        kind: 'expression',
        formula: `AND(ISNUMBER($E${milestoneRow + 2}),$E${milestoneRow + 2}<=${MILESTONE_DAYS.near})`,
        style: { bold: true },
      },
    },
    {
      kind: 'cells',
      at: a1(FIGURES - 1, POSITIONS),
      rows: [["The live lists' rows in the Joint Schedule (outside the printed page)"]],
    },
    { kind: 'format', range: a1(FIGURES - 1, POSITIONS), style: styles.hint },
  ];
  return {
    items,
    milestones: keys.milestones,
    overdue: keys.overdue,
    reviewsDue: review !== null,
  };
}

/**
 * The status dashboard for the accountability meeting, on one landscape page: key figures
 * read from the joint sheets' named totals, open risks by band, the next milestones, overdue
 * tasks and projects due for review (live lists of ten, found by SMALL over O(1) key columns),
 * and three native charts of the joint budget and the band counts.
 */
export function dashboardPlan(input: JointInput, src: DashboardSources): SheetPlan {
  const list = lists(src);
  const bands = bandCounts(FIGURES, 3, input.settings, src.register);
  const charts = dashboardCharts(
    DASHBOARD_SHEET,
    { cumulative: 'G5:P21', byProject: 'G22:P38', bands: `G39:P${LAST_ROW + 1}` },
    src.budget,
    bands.refs,
  );
  const items: SheetItem[] = [
    ...jointHeading(
      'Status dashboard',
      'Every figure, list and chart is live over the joint sheets; print it on one landscape page.',
      input.builtAt,
      dashboardCheck(),
    ),
    ...section(FIGURES - 1, 'Key figures'),
    ...keyFigureItems(FIGURES, input.settings, list),
    ...bands.items,
    ...list.items,
    ...charts.map((chart) => ({ kind: 'chart' as const, chart })),
  ];
  return {
    name: DASHBOARD_SHEET,
    tabColor: '#BF8F00',
    columnWidths: WIDTHS.map((width, column) => ({ column, width })),
    print: { landscape: true, fitToWidth: 1, fitToHeight: 1, area: PAGE },
    items,
  };
}
