import { a1 } from '../plan/a1';
import type { Scalar, SheetPlan } from '../plan/types';
import type { Settings } from '../schema/settings';
import type { ColumnSpec } from '../template/columns';
import { sheetHeading } from '../template/heading';
import { numberFormats } from '../template/styles';
import { tableSection } from '../template/table-section';
import { extreme, type SnapshotLine, type SnapshotProject, type SnapshotTotals } from './snapshot';

/**
 * The Baselines sheet (decision 0010): two tables side by side, so each grows downwards on its
 * own (0003): one line per saved baseline with its date and joint totals, and the rows of every
 * baseline, keyed by baseline, project, kind and ID. Values only; implan only ever appends.
 */
export const BASELINES_SHEET = 'Baselines';
export const BASELINE_LIST = 'BaselineList';
export const BASELINE_ROWS = 'BaselineRows';
const HEADER_ROW = 3;

export const LIST_COLUMNS = [
  'Baseline',
  'Saved on',
  'Projects',
  'Tasks',
  'Planned',
  'Actual',
  'Contingency reserve',
  'Open risks',
  'Start',
  'End',
] as const;
export const ROW_COLUMNS = [
  'Baseline',
  'Project',
  'Kind',
  'ID',
  'Category',
  'Start',
  'End',
  'Status',
  'Amount',
  'Score',
] as const;
export type ListColumn = (typeof LIST_COLUMNS)[number];
export type RowColumn = (typeof ROW_COLUMNS)[number];

/**
 * What a row of BaselineRows records; Budget rows keep the line's month in Start. A project's
 * planned total by funding source is one "Funding source" row a source (ID the source as first
 * typed, compared ignoring case as SUMIFS does) and one "No funding source" row for lines
 * without one, so a source named like that label is never mistaken for the blank ones.
 */
export const KINDS = {
  project: 'Project',
  task: 'Task',
  category: 'Category',
  source: 'Funding source',
  unfunded: 'No funding source',
  line: 'Budget',
  risk: 'Risk',
} as const;

/** The ID of a project's "No funding source" row. */
export const NO_SOURCE_ID = '(no source)';

/** Planned by a key of each line, keys compared ignoring case and spelled as first met. */
function plannedBy(lines: readonly SnapshotLine[], key: (l: SnapshotLine) => string) {
  const sums = new Map<string, { name: string; amount: number }>();
  for (const l of lines) {
    const name = key(l);
    const entry = sums.get(name.toUpperCase());
    if (entry) entry.amount += l.planned;
    else sums.set(name.toUpperCase(), { name, amount: l.planned });
  }
  return [...sums.values()];
}

type Row = readonly Scalar[];
const DATES = new Set<string>(['Saved on', 'Start', 'End']);
const MONEY = new Set<string>(['Planned', 'Actual', 'Contingency reserve', 'Amount']);
const WIDE = new Set<string>(['Baseline', 'Contingency reserve']);

function columnsOf(names: readonly string[]): ColumnSpec<Row>[] {
  return names.map((name, i) => ({
    name,
    width: WIDE.has(name) ? 22 : MONEY.has(name) ? 17 : DATES.has(name) ? 13 : 11,
    toCell: (r: Row) => r[i] ?? null,
    ...(DATES.has(name) ? { numberFormat: () => numberFormats.date } : {}),
    ...(MONEY.has(name) ? { numberFormat: (s: Settings) => numberFormats.money(s.currency) } : {}),
  }));
}

/** The baseline's line in BaselineList. */
export function listRow(name: string, savedOn: number, t: SnapshotTotals): Scalar[] {
  return [
    name,
    savedOn,
    t.projects,
    t.tasks,
    t.planned,
    t.actual,
    t.reserve,
    t.openRisks,
    t.start,
    t.end,
  ];
}

/** Every row the baseline keeps, project by project, in BaselineRows' column order. */
export function snapshotRows(name: string, projects: readonly SnapshotProject[]): Scalar[][] {
  return projects.flatMap((p) => {
    const row = (kind: string, id: string, rest: Partial<Record<RowColumn, Scalar>>): Scalar[] => {
      const all: Partial<Record<RowColumn, Scalar>> = { ...rest, Baseline: name, Project: p.code };
      return ROW_COLUMNS.map((c) => (c === 'Kind' ? kind : c === 'ID' ? id : (all[c] ?? null)));
    };
    const categories = plannedBy(p.budget, (l) => l.category);
    const sources = plannedBy(p.budget, (l) => l.source);
    return [
      row(KINDS.project, p.code, {
        Start: extreme(
          p.tasks.map((t) => t.start),
          'min',
        ),
        End: extreme(
          p.tasks.map((t) => t.end),
          'max',
        ),
        Amount: p.budget.reduce((n, l) => n + l.planned, 0),
      }),
      ...p.tasks.map((t) =>
        row(KINDS.task, t.id, { Start: t.start, End: t.end, Status: t.status }),
      ),
      ...categories.map(({ name: category, amount }) =>
        row(KINDS.category, category, { Category: category, Amount: amount }),
      ),
      ...sources.map(({ name: source, amount }) =>
        source === ''
          ? row(KINDS.unfunded, NO_SOURCE_ID, { Amount: amount })
          : row(KINDS.source, source, { Amount: amount }),
      ),
      ...p.budget.map((l, i) =>
        row(KINDS.line, `L${i + 1}`, { Category: l.category, Start: l.period, Amount: l.planned }),
      ),
      ...p.risks.map((r) =>
        row(KINDS.risk, r.id, {
          Status: r.status,
          Amount: r.cost,
          Score: r.probability * r.impact,
        }),
      ),
    ];
  });
}

/** A new Baselines sheet holding its first baseline. */
export function baselinesSheetPlan(list: Row, rows: readonly Row[], settings: Settings): SheetPlan {
  const listAt = a1(HEADER_ROW, 0);
  const rowsAt = a1(HEADER_ROW, LIST_COLUMNS.length + 1);
  const first = tableSection(BASELINE_LIST, listAt, columnsOf(LIST_COLUMNS), [list], settings);
  const second = tableSection(BASELINE_ROWS, rowsAt, columnsOf(ROW_COLUMNS), rows, settings);
  return {
    name: BASELINES_SHEET,
    tabColor: '#5B4A8B',
    columnWidths: [...first.widths, { column: LIST_COLUMNS.length, width: 3 }, ...second.widths],
    freezeRows: HEADER_ROW + 1,
    print: { landscape: true, fitToWidth: 1 },
    items: [
      ...sheetHeading(
        'Baselines',
        'Saved by implan: each baseline is the plan as it stood when saved, as values. Settings > Compare with baseline names the one the Baseline Variance sheet compares with.',
      ),
      ...first.items,
      ...second.items,
    ],
  };
}
