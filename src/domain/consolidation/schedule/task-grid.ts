import { a1, block } from '../../plan/a1';
import { tableRowCell } from '../../plan/formula-cell';
import { textLiteral } from '../../plan/references';
import type { Cell, SheetItem } from '../../plan/types';
import { type TaskColumn, YES } from '../../template/columns';
import { numberFormats, styles } from '../../template/styles';
import { type Block, gridColumns, sourceColumns } from '../blocks';
import {
  compareIds,
  type JointInput,
  type JointProject,
  type JointTask,
  nameRanks,
} from '../input';
import { projectName } from '../joint-sheet';

/** What a task's Milestone cell holds when it is one, as a formula literal. */
export const MILESTONE = textLiteral(YES);

interface GridColumn<H extends string> {
  readonly header: H;
  readonly width: number;
  /** The task table column this one shows; absent for Project. */
  readonly source?: TaskColumn;
  readonly text?: true;
  readonly format?: string;
}
const gridSpec = <const H extends string>(c: readonly GridColumn<H>[]) => c;

/** Task grid columns, from column A: what is shown, and the source column each one points at. */
export const GRID = gridSpec([
  { header: 'Project', width: 26 },
  { header: 'ID', width: 8, source: 'ID', text: true },
  { header: 'Task', width: 34, source: 'Task', text: true },
  { header: 'Phase', width: 14, source: 'Phase', text: true },
  { header: 'Responsible', width: 18, source: 'Responsible', text: true },
  { header: 'Start', width: 12, source: 'Start', format: numberFormats.date },
  { header: 'End', width: 12, source: 'End', format: numberFormats.date },
  { header: 'Work days', width: 10, source: 'Working days', format: numberFormats.days },
  { header: 'Status', width: 13, source: 'Status', text: true },
  { header: '% done', width: 10, source: '% complete', format: numberFormats.percent },
  { header: 'Milestone', width: 10, source: 'Milestone', text: true },
]);
export type GridHeader = (typeof GRID)[number]['header'];
export const GRID_COLUMN = gridColumns(GRID);

export interface ScheduledTask {
  readonly project: number;
  readonly task: JointTask;
}

/** Task rows in schedule order: start date, then project name, then task ID. */
export function scheduleOrder(input: JointInput): ScheduledTask[] {
  const names = nameRanks(input.projects);
  return input.projects
    .flatMap((p, project) => p.tasks.map((task) => ({ project, task })))
    .sort(
      (x, y) =>
        x.task.start - y.task.start ||
        (names[x.project] ?? 0) - (names[y.project] ?? 0) ||
        compareIds(x.task.id, y.task.id),
    );
}

function finishedStatuses(statuses: readonly string[]): string[] {
  const found = statuses.filter((s) => /^(done|completed?|finished|closed|cancell?ed)$/i.test(s));
  return found.length > 0 ? found : ['Done'];
}

/** The grid's rows as other blocks read them; absent without tasks. */
export interface GridRefs {
  /** The grid's column under `header`, `$X$a:$X$b`. */
  readonly column: (header: GridHeader) => string;
  /** True in a row (relative to the first) whose task is overdue: end before today, not done. */
  readonly overdue: string;
  /** The same rule over the cells `cell` names (e.g. another sheet's references to a row). */
  readonly overdueOf: (cell: (header: GridHeader) => string) => string;
  /** True when the task in the cells `cell` names is not finished (status and % done). */
  readonly unfinishedOf: (cell: (header: GridHeader) => string) => string;
  /** The first row's Milestone cell, column absolute, compared with `MILESTONE`. */
  readonly milestone: string;
  readonly firstRow: number;
  readonly rows: number;
}

/** Where the grid's rows will stand, for the summary above it. */
export function gridRefs(
  headerRow: number,
  tasks: number,
  statuses: readonly string[],
): GridRefs | null {
  if (tasks === 0) return null;
  const first = headerRow + 1;
  const r = first + 1;
  const cell = (h: GridHeader) => `$${GRID_COLUMN.letter(h)}${r}`;
  // Quoted once: other sheets build this rule for every task row.
  const done = finishedStatuses(statuses).map(textLiteral);
  const unfinished = (c: (h: GridHeader) => string) =>
    `${done.map((s) => `${c('Status')}<>${s}`).join(',')},N(${c('% done')})<1`;
  const overdueOf = (c: (h: GridHeader) => string) =>
    `AND(ISNUMBER(${c('End')}),${c('End')}<TODAY(),${unfinished(c)})`;
  return {
    column: (h) => GRID_COLUMN.range(h, first, first + tasks - 1),
    overdue: overdueOf(cell),
    overdueOf,
    unfinishedOf: (c) => `AND(${unfinished(c)})`,
    milestone: cell('Milestone'),
    firstRow: first,
    rows: tasks,
  };
}

/** A project's grid row for a task's table row; its column references are built once. */
function rowMaker(p: JointProject): (row: number) => Cell[] {
  const tasks = sourceColumns(p.entry.code).tasks;
  const name = projectName(p.entry);
  const cells = GRID.map((g): ((row: number) => Cell) => {
    if (!g.source) return () => ({ ...name });
    return tableRowCell(tasks(g.source), g.text ? 'text' : 'number');
  });
  return (row) => cells.map((cell) => cell(row));
}

/**
 * Every task in schedule order (`ordered`, from scheduleOrder) below `headerRow`, each cell an
 * INDEX into its own table row.
 */
export function taskGrid(
  headerRow: number,
  input: JointInput,
  ordered: readonly ScheduledTask[],
): Block<GridRefs | null> {
  const refs = gridRefs(headerRow, ordered.length, input.settings.taskStatuses);
  const items: SheetItem[] = [
    { kind: 'cells', at: a1(headerRow, 0), rows: [GRID.map((g) => g.header)] },
    { kind: 'format', range: block(a1(headerRow, 0), 1, GRID.length), style: styles.header },
  ];
  if (!refs) return { items, refs };
  const first = refs.firstRow;
  const makers = input.projects.map(rowMaker);
  items.push({
    kind: 'cells',
    at: a1(first, 0),
    rows: ordered.map((o) => makers[o.project]!(o.task.row)),
  });
  for (const [i, g] of GRID.entries())
    if (g.format)
      items.push({
        kind: 'format',
        range: block(a1(first, i), ordered.length, 1),
        style: { numberFormat: g.format },
      });
  const rows = block(a1(first, 0), ordered.length, GRID.length);
  items.push(
    {
      kind: 'conditionalFormat',
      range: rows,
      rule: {
        kind: 'expression',
        formula: refs.overdue,
        style: { fill: '#FFC7CE', fontColor: '#9C0006' },
      },
    },
    {
      kind: 'conditionalFormat',
      range: rows,
      rule: {
        kind: 'expression',
        formula: `${refs.milestone}=${MILESTONE}`,
        style: { bold: true },
      },
    },
  );
  return { items, refs };
}
