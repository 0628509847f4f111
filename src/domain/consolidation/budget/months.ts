import { a1, block, columnLetter } from '../../plan/a1';
import type { Cell } from '../../plan/types';
import { numberFormats, styles } from '../../template/styles';
import { type Block, sourceColumns } from '../blocks';
import type { JointInput, JointProject } from '../input';
import { projectName } from '../joint-sheet';
import { moneyFormats } from './matrix';

/** The months budget lines were planned in when the sheet was built, in order. */
export function plannedMonths(input: JointInput): number[] {
  return [...new Set(input.projects.flatMap((p) => p.months))].sort((a, b) => a - b);
}

export type MonthMeasure = 'Planned' | 'Actual';

/** What charts and the cumulative rows read in a month matrix (absent without months). */
export interface MonthRefs {
  /** The month headers, `$B$r:$X$r`. */
  readonly months: string;
  /** The total row over the months, same columns, and its 0-based row. */
  readonly totals: string;
  readonly totalRow: number;
}

/** Rows a month matrix takes: header, one a project, and the total. */
export const monthRows = (projects: number): number => projects + 2;

/** `$B$r:$X$r`: the month columns of 0-based row `row`. */
function monthSpan(row: number, months: number): string {
  return `$${columnLetter(1)}$${row + 1}:$${columnLetter(months)}$${row + 1}`;
}

/** One project's row: an amount per month, what falls in no shown month, and its total. */
function monthRow(
  p: JointProject,
  measure: MonthMeasure,
  top: number,
  row: number,
  months: number,
): Cell[] {
  const budget = sourceColumns(p.entry.code).budget;
  const month = (c: number) => `${columnLetter(1 + c)}$${top + 1}`;
  const other = 1 + months;
  return [
    projectName(p.entry),
    ...Array.from({ length: months }, (_, c) => ({
      formula:
        `SUMIFS(${budget(measure)},${budget('Period')},">="&${month(c)},` +
        `${budget('Period')},"<"&DATE(YEAR(${month(c)}),MONTH(${month(c)})+1,1))`,
    })),
    {
      formula: months
        ? `${a1(row, other + 1)}-SUM(${a1(row, 1)}:${a1(row, months)})`
        : a1(row, other + 1),
    },
    { formula: `SUM(${budget(measure)})` },
  ];
}

/**
 * Planned or actual amounts by month: projects down, the months budget lines were planned in
 * across (an actual falls in the month of its line's period).
 */
export function monthMatrix(
  top: number,
  input: JointInput,
  measure: MonthMeasure,
): Block<MonthRefs | null> {
  const { projects } = input;
  const months = plannedMonths(input);
  const totalRow = top + 1 + projects.length;
  const total: Cell[] = [
    'Total',
    ...Array.from({ length: months.length + 2 }, (_, c) => ({
      formula:
        projects.length === 0 ? '0' : `SUM(${a1(top + 1, 1 + c)}:${a1(totalRow - 1, 1 + c)})`,
    })),
  ];
  return {
    items: [
      {
        kind: 'cells',
        at: a1(top, 0),
        rows: [
          [`${measure} by month`, ...months, 'Other / none', 'Total'],
          ...projects.map((p, r) => monthRow(p, measure, top, top + 1 + r, months.length)),
          total,
        ],
      },
      { kind: 'format', range: a1(top, 0), style: styles.header },
      {
        kind: 'format',
        range: block(a1(top, 1), 1, months.length + 2),
        style: { ...styles.header, hAlign: 'right', numberFormat: numberFormats.month },
      },
      {
        kind: 'format',
        range: block(a1(top + 1, 1), projects.length + 1, months.length + 2),
        style: { numberFormat: moneyFormats(input.settings).money },
      },
      {
        kind: 'format',
        range: block(a1(totalRow, 0), 1, months.length + 3),
        style: { bold: true },
      },
    ],
    refs: months.length
      ? {
          months: monthSpan(top, months.length),
          totals: monthSpan(totalRow, months.length),
          totalRow,
        }
      : null,
  };
}

/** What the cumulative curves' chart reads: the months and the two running totals. */
export interface CumulativeRefs {
  readonly months: string;
  readonly planned: string;
  readonly actual: string;
}

/**
 * The cumulative planned and actual curves, one row each under the months: each month adds
 * its own total to the month before (one addition a cell, not a sum growing with the months).
 */
export function cumulativeRows(
  top: number,
  input: JointInput,
  planned: MonthRefs | null,
  actual: MonthRefs | null,
): Block<CumulativeRefs | null> {
  if (!planned || !actual) return { items: [], refs: null };
  const months = plannedMonths(input).length;
  const curve = (label: string, totalsRow: number, row: number): Cell[] => [
    label,
    ...Array.from({ length: months }, (_, c) => {
      const own = a1(totalsRow, 1 + c);
      return { formula: c === 0 ? own : `${a1(row, c)}+${own}` };
    }),
  ];
  return {
    items: [
      {
        kind: 'cells',
        at: a1(top, 0),
        rows: [
          curve('Cumulative planned', planned.totalRow, top),
          curve('Cumulative actual', actual.totalRow, top + 1),
        ],
      },
      { kind: 'format', range: block(a1(top, 0), 2, 1), style: { bold: true } },
      {
        kind: 'format',
        range: block(a1(top, 1), 2, months),
        style: { numberFormat: moneyFormats(input.settings).money },
      },
    ],
    refs: {
      months: planned.months,
      planned: monthSpan(top, months),
      actual: monthSpan(top + 1, months),
    },
  };
}
