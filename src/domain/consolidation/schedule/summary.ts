import { a1, block } from '../../plan/a1';
import type { Cell, SheetItem } from '../../plan/types';
import { SETTINGS_NAMES } from '../../template/settings-names';
import { numberFormats, styles } from '../../template/styles';
import { type Block, gridColumns, sourceColumns } from '../blocks';
import type { JointInput, JointProject } from '../input';
import { projectName, staleSentence } from '../joint-sheet';
import type { GridRefs } from './task-grid';

const SUMMARY = [
  'Project',
  'Tasks',
  'Built with',
  'First start',
  'Last end',
  'Work days',
  'Done',
  'Check',
] as const;
const COLUMN = gridColumns(SUMMARY.map((header) => ({ header })));
/** Columns the summary takes from A; the review block stands right of them. */
export const SUMMARY_WIDTH = SUMMARY.length;

/** Rows the summary takes for `projects` projects: header, one a project, and "All projects". */
export const summaryRows = (projects: number): number => projects + 2;

/** The cells the workbook names and the sheet's overall check point at. */
export interface SummaryRefs {
  readonly start: string;
  readonly end: string;
  readonly taskCount: string;
  /** The per-project check sentences; null without projects. */
  readonly checks: string | null;
}

/** Working days from first start to last end on `row`, blank while either is. */
function span(row: number): Cell {
  const start = a1(row, COLUMN.index('First start'));
  const end = a1(row, COLUMN.index('Last end'));
  return {
    formula: `IF(OR(${start}="",${end}=""),"",NETWORKDAYS(${start},${end},${SETTINGS_NAMES.holidays}))`,
  };
}

function projectRow(p: JointProject, row: number): Cell[] {
  const tasks = sourceColumns(p.entry.code).tasks;
  const now = a1(row, COLUMN.index('Tasks'));
  return [
    projectName(p.entry),
    { formula: `COUNTA(${tasks('ID')})` },
    p.tasks.length,
    { formula: `IF(COUNT(${tasks('Start')})=0,"",MIN(${tasks('Start')}))` },
    { formula: `IF(COUNT(${tasks('End')})=0,"",MAX(${tasks('End')}))` },
    span(row),
    { formula: `IF(COUNT(${tasks('% complete')})=0,"",AVERAGE(${tasks('% complete')}))` },
    { formula: staleSentence(p.entry.name, now, p.tasks.length, 'task', 'this schedule') },
  ];
}

/** "All projects": counted over the project tables now, and over the grid as built. */
function allRow(input: JointInput, row: number, grid: GridRefs | null): Cell[] {
  const n = input.projects.length;
  const tasks = COLUMN.index('Tasks');
  return [
    'All projects',
    { formula: n ? `SUM(${a1(row - n, tasks)}:${a1(row - 1, tasks)})` : '0' },
    { formula: grid ? `COUNTA(${grid.column('ID')})` : '0' },
    { formula: grid ? `MIN(${grid.column('Start')})` : '""' },
    { formula: grid ? `MAX(${grid.column('End')})` : '""' },
    span(row),
    {
      formula: grid
        ? `IF(COUNT(${grid.column('% done')})=0,"",AVERAGE(${grid.column('% done')}))`
        : '""',
    },
    '',
  ];
}

/** A summary row per project, live from its Tasks table, with a check for added or removed rows. */
export function scheduleSummary(
  top: number,
  input: JointInput,
  grid: GridRefs | null,
): Block<SummaryRefs> {
  const n = input.projects.length;
  const all = top + 1 + n;
  const body = (header: (typeof SUMMARY)[number], width = 1) =>
    block(a1(top + 1, COLUMN.index(header)), n + 1, width);
  const check = COLUMN.index('Check');
  const items: SheetItem[] = [
    {
      kind: 'cells',
      at: a1(top, 0),
      rows: [
        [...SUMMARY],
        ...input.projects.map((p, i) => projectRow(p, top + 1 + i)),
        allRow(input, all, grid),
      ],
    },
    { kind: 'format', range: block(a1(top, 0), 1, SUMMARY.length), style: styles.header },
    { kind: 'format', range: body('First start', 2), style: { numberFormat: numberFormats.date } },
    { kind: 'format', range: body('Work days'), style: { numberFormat: numberFormats.days } },
    { kind: 'format', range: body('Done'), style: { numberFormat: numberFormats.percent } },
    { kind: 'format', range: body('Check'), style: { fontColor: '#9C0006', bold: true } },
    {
      kind: 'format',
      range: block(a1(all, 0), 1, SUMMARY.length),
      style: { bold: true, fill: '#E8F1EF' },
    },
  ];
  return {
    items,
    refs: {
      start: a1(all, COLUMN.index('First start')),
      end: a1(all, COLUMN.index('Last end')),
      taskCount: a1(all, COLUMN.index('Built with')),
      checks: n ? `${a1(top + 1, check)}:${a1(all - 1, check)}` : null,
    },
  };
}
