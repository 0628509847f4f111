import { a1, block, columnLetter } from '../../plan/a1';
import { formulaCell } from '../../plan/formula-cell';
import { textLiteral } from '../../plan/references';
import type { Cell, SheetItem } from '../../plan/types';
import { REVIEW_DUE } from '../../template/review';
import { styles } from '../../template/styles';
import type { Block } from '../blocks';
import type { ReviewRefs } from './review-block';
import { GRID_COLUMN, type GridHeader, type GridRefs, MILESTONE } from './task-grid';

/** How far ahead the milestone list looks, and the nearer horizon it marks in bold. */
export const MILESTONE_DAYS = { near: 30, far: 60 } as const;

/** The key columns' headers, from the first key column on. */
const HEADERS = ['Milestone key', 'Overdue key', 'Review key'] as const;
const WIDTH = 12;
/**
 * LibreOffice draws a hidden column's numbers as "###", clipped to nothing yet antialiased
 * into the column before it; aligned left, the clip falls beside the strip, not over it.
 */
const KEY_STYLE = { hAlign: 'left' } as const;

/**
 * The key column of each of the dashboard's lists, `$X$a:$X$b` on the schedule: a number in
 * the rows the list shows, "" in the others; null when there is nothing to key.
 */
export interface ListKeys {
  readonly milestones: string | null;
  readonly overdue: string | null;
  readonly reviewsDue: string | null;
}

/**
 * Stands for the row number in a key formula built once for all rows (see taskKeys). No
 * status or constant of these formulas can hold it: finished statuses are fixed words.
 */
const ROW = '\u0000';

/** `$X$a:$X$b`: `count` cells down column `col` from 0-based row `top`. */
const span = (top: number, col: number, count: number) =>
  `$${columnLetter(col)}$${top + 1}:$${columnLetter(col)}$${top + count}`;

/**
 * Keys beside the task rows, one a task: its end date plus a tie-breaker under
 * one day when `keep` holds for its own row, so SMALL finds the k-th next and MATCH its row.
 */
function taskKeys(grid: GridRefs, keep: (cell: (h: GridHeader) => string) => string): Cell[][] {
  // Every row's key is the same text but for its row number (at 200 projects 20,000 rows in
  // two key columns): built once around a placeholder, then joined per row, which also gives
  // each formula as one flat string (see formulaCell).
  const cell = (h: GridHeader) => `$${GRID_COLUMN.letter(h)}${ROW}`;
  const parts = `IF(${keep(cell)},${cell('End')}+`.split(ROW);
  return Array.from({ length: grid.rows }, (_, i) => [
    formulaCell(`${parts.join(String(grid.firstRow + i + 1))}${i + 1}/1000000,"")`),
  ]);
}

/** Milestones not finished whose end falls from today to the far horizon. */
const milestoneRule = (grid: GridRefs) => (c: (h: GridHeader) => string) => {
  const end = c('End');
  return `AND(${c('Milestone')}=${MILESTONE},ISNUMBER(${end}),${end}>=TODAY(),${end}<=TODAY()+${MILESTONE_DAYS.far},${grid.unfinishedOf(c)})`;
};

/** Projects whose review flag says due, keyed by their order. */
function reviewKeys(review: ReviewRefs, projects: number): Cell[][] {
  return Array.from({ length: projects }, (_, j) => [
    { formula: `IF(${review.flagAt(j)}=${textLiteral(REVIEW_DUE)},${j + 1},"")` },
  ]);
}

/**
 * The dashboard lists' key columns from column `left` of the schedule, hidden: each key stands
 * on the row it keys, so it reads that row's own cells (`$G56`), not another sheet's. The task
 * keys are beside the grid's rows (header on `gridHeader`), the review keys beside the review
 * block's (header on `reviewHeader`, projects below it). Returns the columns' hidden widths too.
 */
export function listKeys(
  left: number,
  grid: { readonly header: number; readonly refs: GridRefs | null },
  review: { readonly header: number; readonly refs: ReviewRefs | null; readonly projects: number },
): Block<ListKeys> & { widths: { column: number; width: number; hidden: true }[] } {
  const tasks = grid.refs;
  const items: SheetItem[] = [];
  const widths: { column: number; width: number; hidden: true }[] = [];
  /** Key column `i`: its header on row `header`, its keys below; its range, or null. */
  const add = (i: number, header: number, rows: Cell[][] | null): string | null => {
    if (!rows) return null;
    const col = left + i;
    const at = a1(header, col);
    items.push(
      { kind: 'cells', at, rows: [[HEADERS[i]!]] },
      { kind: 'format', range: at, style: styles.hint },
      { kind: 'cells', at: a1(header + 1, col), rows },
      { kind: 'format', range: block(a1(header + 1, col), rows.length, 1), style: KEY_STYLE },
    );
    widths.push({ column: col, width: WIDTH, hidden: true });
    return span(header + 1, col, rows.length);
  };
  const milestones = add(0, grid.header, tasks && taskKeys(tasks, milestoneRule(tasks)));
  const overdue = add(1, grid.header, tasks && taskKeys(tasks, (c) => tasks.overdueOf(c)));
  const reviewsDue = add(2, review.header, review.refs && reviewKeys(review.refs, review.projects));
  return {
    items,
    widths,
    refs: { milestones, overdue, reviewsDue },
  };
}
