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

/** One project's row: planned per month, what falls in no shown month, and its total. */
function monthRow(p: JointProject, top: number, row: number, months: number): Cell[] {
  const budget = sourceColumns(p.entry.code).budget;
  const month = (c: number) => `${columnLetter(1 + c)}$${top + 1}`;
  const other = 1 + months;
  return [
    projectName(p.entry),
    ...Array.from({ length: months }, (_, c) => ({
      formula:
        `SUMIFS(${budget('Planned')},${budget('Period')},">="&${month(c)},` +
        `${budget('Period')},"<"&DATE(YEAR(${month(c)}),MONTH(${month(c)})+1,1))`,
    })),
    {
      formula: months
        ? `${a1(row, other + 1)}-SUM(${a1(row, 1)}:${a1(row, months)})`
        : a1(row, other + 1),
    },
    { formula: `SUM(${budget('Planned')})` },
  ];
}

/** Planned amounts by month: projects down, the months budget lines were planned in across. */
export function monthMatrix(top: number, input: JointInput): Block {
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
          ['Planned by month', ...months, 'Other / none', 'Total'],
          ...projects.map((p, r) => monthRow(p, top, top + 1 + r, months.length)),
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
    refs: undefined,
  };
}
