import { a1, block, columnLetter } from '../../plan/a1';
import { sheetRef, textLiteral } from '../../plan/references';
import type { Cell, SheetItem } from '../../plan/types';
import { numberFormats, styles } from '../../template/styles';
import type { Block } from '../blocks';
import { JOINT_SCHEDULE_SHEET } from '../joint-schedule';
import type { GridHeader, GridRefs } from '../schedule/task-grid';

/** Rows each live list shows: the first ten by date, as the contingency plan's top ten. */
export const LIST_ROWS = 10;

const schedule = (ref: string) => sheetRef(JOINT_SCHEDULE_SHEET, ref);

/** A list column: what it shows from the row its key found, and how. */
export interface ListColumn {
  readonly header: string;
  /** The formula of the shown value, given the found row's 1-based position `pos`. */
  readonly value: (pos: string) => string;
  readonly format?: string;
}

/**
 * A live list of `LIST_ROWS` rows at `headerRow`: row k holds the k-th smallest of `keys` (a
 * key column of the schedule, see schedule/list-keys.ts), its position found once (in column
 * `posCol`, outside the printed page) and every shown column an INDEX at that position: O(rows)
 * per list row, never a formula per pair of rows.
 */
export function liveList(
  headerRow: number,
  columns: readonly ListColumn[],
  keys: string | null,
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
    keys ? { formula: `IFERROR(MATCH(SMALL(${keys},${k + 1}),${keys},0),"")` } : null,
  ]);
  const items: SheetItem[] = [
    { kind: 'cells', at: a1(headerRow, 0), rows: [columns.map((c) => c.header), ...rows] },
    { kind: 'format', range: block(a1(headerRow, 0), 1, columns.length), style: styles.header },
    { kind: 'cells', at: a1(first, posCol), rows: positions },
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
