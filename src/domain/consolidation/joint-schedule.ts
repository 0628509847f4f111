import { a1, block, columnLetter } from '../plan/a1';
import { dateToSerial, serialToDate } from '../dates';
import { sheetRef, textLiteral, wholeColumn } from '../plan/references';
import type { Cell, NamePlan, SheetItem, SheetPlan } from '../plan/types';
import { SETTINGS_NAMES } from '../template/settings-names';
import { tablesOf } from '../template/project-identity';
import { numberFormats, styles } from '../template/styles';
import { compareIds, compareNames, type JointInput, type JointTask } from './input';
import { jointHeading, overallCheck, staleSentence, projectName } from './joint-sheet';

export const JOINT_SCHEDULE_SHEET = 'Joint Schedule';

/** Task grid columns: what is shown, and the source column each one points at. */
const GRID = [
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
] as const;

const SUMMARY = [
  'Project',
  'Tasks',
  'Built with',
  'First start',
  'Last end',
  'Work days',
  'Done',
  'Check',
];

const col = (header: string) => GRID.findIndex((g) => g.header === header);
const MAX_STRIP = 240;

interface Strip {
  readonly monthly: boolean;
  /** First day of each period, as serial numbers. */
  readonly starts: readonly number[];
}

/** Weekly columns from the Monday of the first start, or months when the plan spans over a year. */
export function stripOf(first: number, last: number): Strip {
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first)
    return { monthly: false, starts: [] };
  const monthly = last - first > 366;
  const starts: number[] = [];
  if (monthly) {
    const d = serialToDate(first);
    for (let m = 0; starts.length < MAX_STRIP; m++) {
      const s = dateToSerial(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + m, 1)));
      if (s > last) break;
      starts.push(s);
    }
  } else {
    const monday = first - ((serialToDate(first).getUTCDay() + 6) % 7);
    for (let s = monday; s <= last && starts.length < MAX_STRIP; s += 7) starts.push(s);
  }
  return { monthly, starts };
}

/** Task rows in schedule order: start date, then project name, then task ID. */
function scheduleOrder(input: JointInput): { project: number; task: JointTask }[] {
  return input.projects
    .flatMap((p, project) => p.tasks.map((task) => ({ project, task })))
    .sort(
      (x, y) =>
        x.task.start - y.task.start ||
        compareNames(
          input.projects[x.project]?.entry.name ?? '',
          input.projects[y.project]?.entry.name ?? '',
        ) ||
        compareIds(x.task.id, y.task.id),
    );
}

function finishedStatuses(statuses: readonly string[]): string[] {
  const found = statuses.filter((s) => /^(done|completed?|finished|closed|cancell?ed)$/i.test(s));
  return found.length > 0 ? found : ['Done'];
}

/**
 * The joint schedule: a summary row per project (live from its Tasks table, with a check that
 * says when rows were added or removed since the build), then every task of every included
 * project in schedule order, each cell an INDEX into the task's own table row, and a Gantt strip
 * drawn by conditional formatting.
 */
export function jointSchedulePlan(input: JointInput): { sheet: SheetPlan; names: NamePlan[] } {
  const { projects, settings } = input;
  const ordered = scheduleOrder(input);
  const summaryTop = 4; // header row of the summary block
  const summaryRows = projects.length + 1; // projects and "All projects"
  const gridHeader = summaryTop + summaryRows + 3; // two rows for the strip's month/year labels
  const firstTask = gridHeader + 1;
  const lastTask = firstTask + ordered.length - 1;
  const taskCol = (header: string) => {
    const c = columnLetter(col(header));
    return `$${c}$${firstTask + 1}:$${c}$${lastTask + 1}`;
  };
  const hasTasks = ordered.length > 0;
  const allRow = summaryTop + 1 + projects.length;

  const summary: Cell[][] = projects.map((p, i) => {
    const t = tablesOf(p.entry.code).tasks;
    const row = summaryTop + 1 + i;
    const now = `COUNTA(${wholeColumn(t, 'ID')})`;
    return [
      projectName(p.entry),
      { formula: now },
      p.tasks.length,
      { formula: `IF(COUNT(${wholeColumn(t, 'Start')})=0,"",MIN(${wholeColumn(t, 'Start')}))` },
      { formula: `IF(COUNT(${wholeColumn(t, 'End')})=0,"",MAX(${wholeColumn(t, 'End')}))` },
      {
        formula: `IF(OR(${a1(row, 3)}="",${a1(row, 4)}=""),"",NETWORKDAYS(${a1(row, 3)},${a1(row, 4)},${SETTINGS_NAMES.holidays}))`,
      },
      {
        formula: `IF(COUNT(${wholeColumn(t, '% complete')})=0,"",AVERAGE(${wholeColumn(t, '% complete')}))`,
      },
      { formula: staleSentence(p.entry.name, a1(row, 1), p.tasks.length, 'task', 'this schedule') },
    ];
  });
  const all: Cell[] = [
    'All projects',
    { formula: projects.length ? `SUM(${a1(summaryTop + 1, 1)}:${a1(allRow - 1, 1)})` : '0' },
    { formula: hasTasks ? `COUNTA(${taskCol('ID')})` : '0' },
    { formula: hasTasks ? `MIN(${taskCol('Start')})` : '""' },
    { formula: hasTasks ? `MAX(${taskCol('End')})` : '""' },
    {
      formula: `IF(OR(${a1(allRow, 3)}="",${a1(allRow, 4)}=""),"",NETWORKDAYS(${a1(allRow, 3)},${a1(allRow, 4)},${SETTINGS_NAMES.holidays}))`,
    },
    {
      formula: hasTasks
        ? `IF(COUNT(${taskCol('% done')})=0,"",AVERAGE(${taskCol('% done')}))`
        : '""',
    },
    '',
  ];

  const taskRows: Cell[][] = ordered.map(({ project, task }) => {
    const p = projects[project]!;
    const t = tablesOf(p.entry.code).tasks;
    return GRID.map((g): Cell => {
      if (!('source' in g)) return projectName(p.entry);
      const at = `INDEX(${wholeColumn(t, g.source)},${task.row})`;
      if ('text' in g) return { formula: `${at}&""` };
      return { formula: `IF(${at}="","",${at})` };
    });
  });

  const first = Math.min(...ordered.map((o) => o.task.start));
  const last = Math.max(...ordered.map((o) => Math.max(o.task.start, o.task.end)));
  const strip = stripOf(first, last);
  const stripLeft = GRID.length + 1;
  const items: SheetItem[] = [
    ...jointHeading(
      'Joint schedule',
      'Every value is a live formula over the project sheets; rows are fixed until the next Consolidate.',
      input.builtAt,
      overallCheck(
        projects.length ? `${a1(summaryTop + 1, 7)}:${a1(allRow - 1, 7)}` : null,
        'the task list',
      ),
    ),
    { kind: 'cells', at: a1(summaryTop, 0), rows: [SUMMARY, ...summary, all] },
    { kind: 'format', range: block(a1(summaryTop, 0), 1, SUMMARY.length), style: styles.header },
    {
      kind: 'format',
      range: block(a1(summaryTop + 1, 3), summaryRows, 2),
      style: { numberFormat: numberFormats.date },
    },
    {
      kind: 'format',
      range: block(a1(summaryTop + 1, 5), summaryRows, 1),
      style: { numberFormat: numberFormats.days },
    },
    {
      kind: 'format',
      range: block(a1(summaryTop + 1, 6), summaryRows, 1),
      style: { numberFormat: numberFormats.percent },
    },
    {
      kind: 'format',
      range: block(a1(summaryTop + 1, 7), summaryRows, 1),
      style: { fontColor: '#9C0006', bold: true },
    },
    {
      kind: 'format',
      range: block(a1(allRow, 0), 1, SUMMARY.length),
      style: { bold: true, fill: '#E8F1EF' },
    },
    { kind: 'cells', at: a1(gridHeader, 0), rows: [GRID.map((g) => g.header)] },
    { kind: 'format', range: block(a1(gridHeader, 0), 1, GRID.length), style: styles.header },
  ];
  if (hasTasks) {
    items.push({ kind: 'cells', at: a1(firstTask, 0), rows: taskRows });
    for (const [i, g] of GRID.entries())
      if ('format' in g)
        items.push({
          kind: 'format',
          range: block(a1(firstTask, i), ordered.length, 1),
          style: { numberFormat: g.format },
        });
    const r = firstTask + 1;
    const finished = finishedStatuses(settings.taskStatuses)
      .map((s) => `$I${r}<>${textLiteral(s)}`)
      .join(',');
    const overdue = `AND(ISNUMBER($G${r}),$G${r}<TODAY(),${finished},N($J${r})<1)`;
    const rowRange = block(a1(firstTask, 0), ordered.length, GRID.length);
    items.push(
      {
        kind: 'conditionalFormat',
        range: rowRange,
        rule: {
          kind: 'expression',
          formula: overdue,
          style: { fill: '#FFC7CE', fontColor: '#9C0006' },
        },
      },
      {
        kind: 'conditionalFormat',
        range: rowRange,
        rule: { kind: 'expression', formula: `$K${r}="Yes"`, style: { bold: true } },
      },
    );
    if (strip.starts.length > 0)
      items.push(...stripItems(strip, stripLeft, gridHeader, ordered.length, overdue));
  }
  const abs = (row: number, c: number) => sheetRef(JOINT_SCHEDULE_SHEET, a1(row, c));
  return {
    sheet: {
      name: JOINT_SCHEDULE_SHEET,
      tabColor: '#0F5C4D',
      columnWidths: [
        ...GRID.map((g, i) => ({ column: i, width: g.width })),
        { column: GRID.length, width: 2 },
        ...strip.starts.map((_, i) => ({ column: stripLeft + i, width: strip.monthly ? 5 : 4 })),
      ],
      print: { landscape: true, fitToWidth: 1 },
      items,
    },
    names: [
      { name: 'Joint_Start', refersTo: abs(allRow, 3) },
      { name: 'Joint_End', refersTo: abs(allRow, 4) },
      { name: 'Joint_TaskCount', refersTo: abs(allRow, 2) },
    ],
  };
}

/**
 * The Gantt strip: period starts on the grid's header row (years or months above them), and
 * conditional formats that paint each task's periods: red when overdue, gold for milestones,
 * the brand colour otherwise; the period holding today is marked in the header.
 */
function stripItems(
  strip: Strip,
  left: number,
  header: number,
  rows: number,
  overdue: string,
): SheetItem[] {
  const width = strip.starts.length;
  const labelRow = header - 1;
  const labels: Cell[] = strip.starts.map((s, i) => {
    const d = serialToDate(s);
    const prev = i > 0 ? serialToDate(strip.starts[i - 1]!) : null;
    if (strip.monthly)
      return prev && prev.getUTCFullYear() === d.getUTCFullYear()
        ? null
        : String(d.getUTCFullYear());
    return prev && prev.getUTCMonth() === d.getUTCMonth()
      ? null
      : d.toLocaleString('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' });
  });
  const c = columnLetter(left);
  const r = header + 2; // 1-based row of the first task
  const h = `${c}$${header + 1}`;
  const periodEnd = strip.monthly ? `DATE(YEAR(${h}),MONTH(${h})+1,0)` : `${h}+6`;
  const bar = `AND(ISNUMBER($F${r}),$F${r}<=${periodEnd},$G${r}>=${h})`;
  const range = block(a1(header + 1, left), rows, width);
  const today = `AND(${h}<=TODAY(),TODAY()<=${periodEnd})`;
  return [
    { kind: 'cells', at: a1(labelRow, left), rows: [labels] },
    {
      kind: 'format',
      range: block(a1(labelRow, left), 1, width),
      style: { bold: true, fontColor: '#0F5C4D' },
    },
    { kind: 'cells', at: a1(header, left), rows: [strip.starts] },
    {
      kind: 'format',
      range: block(a1(header, left), 1, width),
      style: {
        ...styles.header,
        numberFormat: strip.monthly ? 'mmm' : 'dd',
        hAlign: 'center',
        fontSize: 8,
      },
    },
    {
      kind: 'conditionalFormat',
      range: block(a1(header, left), 1, width),
      rule: {
        kind: 'expression',
        formula: today,
        style: { fill: '#FFC000', fontColor: '#000000' },
      },
    },
    {
      kind: 'conditionalFormat',
      range,
      rule: { kind: 'expression', formula: `AND(${bar},${overdue})`, style: { fill: '#C00000' } },
    },
    {
      kind: 'conditionalFormat',
      range,
      rule: {
        kind: 'expression',
        formula: `AND(${bar},$K${r}="Yes",NOT(${overdue}))`,
        style: { fill: '#BF8F00' },
      },
    },
    {
      kind: 'conditionalFormat',
      range,
      rule: {
        kind: 'expression',
        formula: `AND(${bar},$K${r}<>"Yes",NOT(${overdue}))`,
        style: { fill: '#5B9B8A' },
      },
    },
  ];
}
