import { a1, block } from '../../plan/a1';
import type { Cell } from '../../plan/types';
import { styles } from '../../template/styles';
import { type Block, OPEN, sourceColumns } from '../blocks';
import type { JointInput } from '../input';
import { projectName } from '../joint-sheet';
import { moneyFormats } from './matrix';

/** Rows the reserve takes for `projects` projects: header, one a project, and the total. */
export const reserveRows = (projects: number): number => projects + 2;

/** The contingency reserve per project: the expected value of its open risks, live. */
export function contingencyReserve(top: number, input: JointInput): Block<{ total: string }> {
  const { projects } = input;
  const totalRow = top + 1 + projects.length;
  const rows: Cell[][] = projects.map((p) => {
    const risks = sourceColumns(p.entry.code).risks;
    return [
      projectName(p.entry),
      { formula: `SUMIFS(${risks('Expected value')},${risks('Status')},${OPEN})` },
    ];
  });
  const total: Cell[] = [
    'Total',
    { formula: projects.length === 0 ? '0' : `SUM(${a1(top + 1, 1)}:${a1(totalRow - 1, 1)})` },
  ];
  return {
    items: [
      {
        kind: 'cells',
        at: a1(top, 0),
        rows: [['Contingency reserve', 'Open risks (EV)'], ...rows, total],
      },
      {
        kind: 'format',
        range: block(a1(top, 0), 1, 2),
        style: { ...styles.header, wrap: true },
      },
      {
        kind: 'format',
        range: block(a1(top + 1, 1), projects.length + 1, 1),
        style: { numberFormat: moneyFormats(input.settings).money },
      },
      { kind: 'format', range: block(a1(totalRow, 0), 1, 2), style: { bold: true } },
    ],
    refs: { total: a1(totalRow, 1) },
  };
}
