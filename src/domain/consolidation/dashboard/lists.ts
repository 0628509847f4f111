import { a1, block, columnLetter } from '../../plan/a1';
import { formulaCell } from '../../plan/formula-cell';
import { quoteSheet, sheetRef, textLiteral } from '../../plan/references';
import { REVIEW_DUE } from '../../template/review';
import type { Cell, SheetItem } from '../../plan/types';
import { numberFormats, styles } from '../../template/styles';
import type { Block } from '../blocks';
import { JOINT_SCHEDULE_SHEET } from '../joint-schedule';
import type { ReviewRefs } from '../schedule/review-block';
import { GRID_COLUMN, type GridHeader, type GridRefs, MILESTONE } from '../schedule/task-grid';

/** Rows each live list shows: the first ten by date, as the contingency plan's top ten. */
export const LIST_ROWS = 10;
/** How far ahead the milestone list looks, and the nearer horizon it marks in bold. */
export const MILESTONE_DAYS = { near: 30, far: 60 } as const;

/** A key column: one O(1) formula a task or project, a number for those the list shows. */
export interface KeyColumn {
  /** Its cells, `$X$a:$X$b`, empty ("") for those it leaves out. */
  readonly range: string;
  readonly items: readonly SheetItem[];
}

const schedule = (ref: string) => sheetRef(JOINT_SCHEDULE_SHEET, ref);
/** `'Joint Schedule'!`, quoted once for the key columns' hundreds of thousands of references. */
const SCHEDULE_PREFIX = `${quoteSheet(JOINT_SCHEDULE_SHEET)}!`;

/** The task grid's cell in sheet row `row` (1-based, as text) under `header`, absolute. */
const gridCell =
  (row: string) =>
  (h: GridHeader): string =>
    `${SCHEDULE_PREFIX}$${GRID_COLUMN.letter(h)}$${row}`;

/**
 * Stands for the row number in a key formula built once for all rows (see taskKeys). No sheet
 * name, status or constant of these formulas can hold it: finished statuses are fixed words.
 */
const ROW = '\u0000';

/**
 * Keys written down a helper column from `top` (column `col`), one a task: its end date plus a
 * tie-breaker under one day when `keep` holds for it, so SMALL finds the k-th next and MATCH
 * finds its row again.
 */
function taskKeys(
  grid: GridRefs,
  top: number,
  col: number,
  keep: (cell: (h: GridHeader) => string) => string,
): KeyColumn {
  // Every row's key is the same text but for its row number (at 200 projects 20,000 rows in
  // two key columns, ~250 characters from ~30 pieces each): built once around a placeholder,
  // then joined per row, which also gives each formula as one flat string (see formulaCell).
  const cell = gridCell(ROW);
  const parts = `IF(${keep(cell)},${cell('End')}+`.split(ROW);
  const rows: Cell[][] = Array.from({ length: grid.rows }, (_, i) => [
    formulaCell(`${parts.join(String(grid.firstRow + i + 1))}${i + 1}/1000000,"")`),
  ]);
  return {
    range: span(top, col, grid.rows),
    items: [{ kind: 'cells', at: a1(top, col), rows }],
  };
}

/** `$X$a:$X$b`: `count` cells down column `col` from 0-based row `top`. */
const span = (top: number, col: number, count: number) =>
  `$${columnLetter(col)}$${top + 1}:$${columnLetter(col)}$${top + count}`;

/** Milestones not finished whose end falls from today to the far horizon. */
export function milestoneKeys(grid: GridRefs, top: number, col: number): KeyColumn {
  return taskKeys(grid, top, col, (c) => {
    const end = c('End');
    return `AND(${c('Milestone')}=${MILESTONE},ISNUMBER(${end}),${end}>=TODAY(),${end}<=TODAY()+${MILESTONE_DAYS.far},${grid.unfinishedOf(c)})`;
  });
}

/** Tasks that ended before today and are not done (the joint schedule's own rule). */
export function overdueKeys(grid: GridRefs, top: number, col: number): KeyColumn {
  return taskKeys(grid, top, col, (c) => grid.overdueOf(c));
}

/** Projects the review block flags as due, keyed by their order. */
export function reviewKeys(
  review: ReviewRefs,
  projects: number,
  top: number,
  col: number,
): KeyColumn {
  const rows: Cell[][] = Array.from({ length: projects }, (_, j) => [
    { formula: `IF(${schedule(review.flagAt(j))}=${textLiteral(REVIEW_DUE)},${j + 1},"")` },
  ]);
  return {
    range: span(top, col, projects),
    items: [{ kind: 'cells', at: a1(top, col), rows }],
  };
}

/** A list column: what it shows from the row its key found, and how. */
export interface ListColumn {
  readonly header: string;
  /** The formula of the shown value, given the found row's 1-based position `pos`. */
  readonly value: (pos: string) => string;
  readonly format?: string;
}

/**
 * A live list of `LIST_ROWS` rows at `headerRow`: row k holds the k-th smallest key, its
 * position found once (in column `posCol`, outside the printed page) and every shown column an
 * INDEX at that position: O(rows) per list row, never a formula per pair of rows.
 */
export function liveList(
  headerRow: number,
  columns: readonly ListColumn[],
  keys: KeyColumn | null,
  posCol: number,
  empty: string,
  noneText: string,
): Block {
  const first = headerRow + 1;
  const rows: Cell[][] = Array.from({ length: LIST_ROWS }, (_, k) => {
    const pos = `$${columnLetter(posCol)}${first + k + 1}`;
    return columns.map((c, i): Cell => {
      if (!keys) return k === 0 && i === 0 ? empty : null;
      // The first row says so when the list is empty, rather than leaving a blank band.
      const none = k === 0 && i === 0 ? textLiteral(noneText) : '""';
      return { formula: `IF(${pos}="",${none},${c.value(pos)})` };
    });
  });
  const positions: Cell[][] = Array.from({ length: LIST_ROWS }, (_, k) => [
    keys ? { formula: `IFERROR(MATCH(SMALL(${keys.range},${k + 1}),${keys.range},0),"")` } : null,
  ]);
  const items: SheetItem[] = [
    { kind: 'cells', at: a1(headerRow, 0), rows: [columns.map((c) => c.header), ...rows] },
    { kind: 'format', range: block(a1(headerRow, 0), 1, columns.length), style: styles.header },
    { kind: 'cells', at: a1(first, posCol), rows: positions },
    ...(keys ? keys.items : []),
  ];
  columns.forEach((c, i) => {
    if (c.format)
      items.push({
        kind: 'format',
        range: block(a1(first, i), LIST_ROWS, 1),
        style: { numberFormat: c.format },
      });
  });
  if (!keys && columns.length > 0)
    items.push({ kind: 'format', range: a1(first, 0), style: styles.hint });
  return { items, refs: undefined };
}

/**
 * The shown columns of a task list: project, task, responsible, the end date and a day count
 * (their values are only asked for when there are tasks, so `grid` is null only with none).
 */
export function taskColumns(
  grid: GridRefs | null,
  days: { header: string; sign: 1 | -1 },
): ListColumn[] {
  const at = (h: GridHeader) => (pos: string) =>
    grid ? `INDEX(${schedule(grid.column(h))},${pos})` : '""';
  const text = (h: GridHeader) => (pos: string) => `${at(h)(pos)}&""`;
  const end = at('End');
  return [
    { header: 'Project', value: text('Project') },
    { header: 'Task', value: text('Task') },
    { header: 'Responsible', value: text('Responsible') },
    { header: 'End', value: end, format: numberFormats.date },
    {
      header: days.header,
      value: (pos) => (days.sign > 0 ? `${end(pos)}-TODAY()` : `TODAY()-${end(pos)}`),
      format: numberFormats.days,
    },
  ];
}
