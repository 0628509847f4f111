import { sheetRef } from '../plan/references';
import type { NamePlan, SheetPlan } from '../plan/types';
import type { JointInput } from './input';
import { jointHeading, overallCheck } from './joint-sheet';
import { ganttStrip, stripOf } from './schedule/gantt-strip';
import { listKeys, type ListKeys } from './schedule/list-keys';
import {
  REVIEW_BLOCK_WIDTHS,
  reviewBlock,
  type ReviewRefs,
  reviewRefs,
} from './schedule/review-block';
import { scheduleSummary, SUMMARY_WIDTH, summaryRows } from './schedule/summary';
import { GRID, type GridRefs, gridRefs, scheduleOrder, taskGrid } from './schedule/task-grid';

export { stripOf } from './schedule/gantt-strip';

export const JOINT_SCHEDULE_SHEET = 'Joint Schedule';

/** Header row of the summary; the task grid follows two rows lower, under the strip's labels. */
const SUMMARY_ROW = 4;
const GAP = 2;

/**
 * The joint schedule: a summary row per project (live from its Tasks table, with a check that
 * says when rows were added or removed since the build), then every task of every included
 * project in schedule order, each cell an INDEX into the task's own table row, and a Gantt strip
 * drawn by conditional formatting.
 */
export function jointSchedulePlan(input: JointInput): {
  sheet: SheetPlan;
  names: NamePlan[];
  /** Where the task grid, the review block and the lists' keys stand, for the dashboard. */
  refs: {
    readonly grid: GridRefs | null;
    readonly review: ReviewRefs | null;
    /** Whole references, `'Joint Schedule'!$X$a:$X$b`. */
    readonly keys: ListKeys;
  };
} {
  const ordered = scheduleOrder(input);
  const gridHeader = SUMMARY_ROW + summaryRows(input.projects.length) + GAP;
  const summary = scheduleSummary(
    SUMMARY_ROW,
    input,
    gridRefs(gridHeader, ordered.length, input.settings.taskStatuses),
  );
  const grid = taskGrid(gridHeader, input, ordered);
  const first = Math.min(...ordered.map((o) => o.task.start));
  const last = Math.max(...ordered.map((o) => Math.max(o.task.start, o.task.end)));
  const strip = stripOf(first, last);
  const stripLeft = GRID.length + 1; // one narrow column between the grid and the strip
  const heading = jointHeading(
    'Joint schedule',
    'Every value is a live formula over the project sheets; rows are fixed until the next Consolidate.',
    input.builtAt,
    overallCheck(summary.refs.checks, 'the task list'),
  );
  const gantt = grid.refs ? ganttStrip(strip, stripLeft, gridHeader, grid.refs).items : [];
  const abs = (ref: string) => sheetRef(JOINT_SCHEDULE_SHEET, ref);
  const review = reviewRefs(SUMMARY_ROW, SUMMARY_WIDTH, input.projects.length);
  // Hidden right of the strip: one formula a row over its own cells, where the dashboard's
  // were ~210 characters of references to this sheet (see docs/decisions/0016).
  const keys = listKeys(
    stripLeft + strip.starts.length,
    { header: gridHeader, refs: grid.refs },
    { header: SUMMARY_ROW, refs: review, projects: input.projects.length },
  );
  const whole = (range: string | null) => (range ? abs(range) : null);
  return {
    sheet: {
      name: JOINT_SCHEDULE_SHEET,
      tabColor: '#0F5C4D',
      columnWidths: [
        ...GRID.map((g, i) => ({
          column: i,
          width: Math.max(g.width, REVIEW_BLOCK_WIDTHS[i - SUMMARY_WIDTH] ?? 0),
        })),
        { column: GRID.length, width: 2 },
        ...strip.starts.map((_, i) => ({ column: stripLeft + i, width: strip.monthly ? 5 : 4 })),
        ...keys.widths,
      ],
      print: { landscape: true, fitToWidth: 1 },
      items: [
        ...heading,
        ...summary.items,
        ...reviewBlock(SUMMARY_ROW, SUMMARY_WIDTH, input),
        ...grid.items,
        ...gantt,
        ...keys.items,
      ],
    },
    names: [
      { name: 'Joint_Start', refersTo: abs(summary.refs.start) },
      { name: 'Joint_End', refersTo: abs(summary.refs.end) },
      { name: 'Joint_TaskCount', refersTo: abs(summary.refs.taskCount) },
      ...(review ? [{ name: 'Joint_ReviewsDue', refersTo: abs(review.dueCount) }] : []),
    ],
    refs: {
      grid: grid.refs,
      review,
      keys: {
        milestones: whole(keys.refs.milestones),
        overdue: whole(keys.refs.overdue),
        reviewsDue: whole(keys.refs.reviewsDue),
      },
    },
  };
}
