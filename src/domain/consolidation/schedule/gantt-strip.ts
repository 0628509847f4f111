import { a1, block, columnLetter } from '../../plan/a1';
import { dateToSerial, serialToDate } from '../../dates';
import type { Cell, SheetItem } from '../../plan/types';
import { styles } from '../../template/styles';
import type { Block } from '../blocks';
import { GRID_COLUMN, type GridRefs, MILESTONE } from './task-grid';

const MAX_STRIP = 240;

export interface Strip {
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

/** Above each period: the year (monthly) or the month (weekly) where it changes. */
function periodLabels(strip: Strip): Cell[] {
  return strip.starts.map((s, i) => {
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
}

/** The rules that paint a task's periods: red when overdue, gold for milestones, else the brand. */
function barRules(range: string, bar: string, grid: GridRefs): SheetItem[] {
  const paint = (formula: string, fill: string): SheetItem => ({
    kind: 'conditionalFormat',
    range,
    rule: { kind: 'expression', formula, style: { fill } },
  });
  return [
    paint(`AND(${bar},${grid.overdue})`, '#C00000'),
    paint(`AND(${bar},${grid.milestone}=${MILESTONE},NOT(${grid.overdue}))`, '#BF8F00'),
    paint(`AND(${bar},${grid.milestone}<>${MILESTONE},NOT(${grid.overdue}))`, '#5B9B8A'),
  ];
}

/**
 * The Gantt strip from column `left`: period starts on the grid's header row `header` (years or
 * months above them), and conditional formats that paint each task's periods; the period
 * holding today is marked in the header.
 */
export function ganttStrip(strip: Strip, left: number, header: number, grid: GridRefs): Block {
  const width = strip.starts.length;
  if (width === 0) return { items: [], refs: undefined };
  const labelRow = header - 1;
  const r = grid.firstRow + 1;
  const h = `${columnLetter(left)}$${header + 1}`;
  const periodEnd = strip.monthly ? `DATE(YEAR(${h}),MONTH(${h})+1,0)` : `${h}+6`;
  const start = `$${GRID_COLUMN.letter('Start')}${r}`;
  const end = `$${GRID_COLUMN.letter('End')}${r}`;
  const bar = `AND(ISNUMBER(${start}),${start}<=${periodEnd},${end}>=${h})`;
  const headers = block(a1(header, left), 1, width);
  const items: SheetItem[] = [
    { kind: 'cells', at: a1(labelRow, left), rows: [periodLabels(strip)] },
    {
      kind: 'format',
      range: block(a1(labelRow, left), 1, width),
      style: { bold: true, fontColor: '#0F5C4D' },
    },
    { kind: 'cells', at: a1(header, left), rows: [strip.starts] },
    {
      kind: 'format',
      range: headers,
      style: {
        ...styles.header,
        numberFormat: strip.monthly ? 'mmm' : 'dd',
        hAlign: 'center',
        fontSize: 8,
      },
    },
    {
      kind: 'conditionalFormat',
      range: headers,
      rule: {
        kind: 'expression',
        formula: `AND(${h}<=TODAY(),TODAY()<=${periodEnd})`,
        style: { fill: '#FFC000', fontColor: '#000000' },
      },
    },
    ...barRules(block(a1(grid.firstRow, left), grid.rows, width), bar, grid),
  ];
  return { items, refs: undefined };
}
