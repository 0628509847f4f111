import { a1, block } from '../../plan/a1';
import type { Cell } from '../../plan/types';
import { styles } from '../../template/styles';
import { type Block, sourceColumns } from '../blocks';
import type { JointInput } from '../input';
import { projectName, staleSentence } from '../joint-sheet';

/** Rows the check table takes for `projects` projects: header, one a project, and the total. */
export const checkTableRows = (projects: number): number => projects + 2;

/** The check table's sentences, one a project, for the sheet's overall check; null without projects. */
export interface CheckRefs {
  readonly sentences: string | null;
}

/** Risks per project, now and when the register was built, with a sentence when they differ. */
export function riskCheckTable(
  headerRow: number,
  input: JointInput,
  registered: number,
): Block<CheckRefs> {
  const { projects } = input;
  const first = headerRow + 1;
  const total = first + projects.length;
  const rows: Cell[][] = projects.map((p, i) => [
    projectName(p.entry),
    { formula: `COUNTA(${sourceColumns(p.entry.code).risks('ID')})` },
    p.risks.length,
    {
      formula: staleSentence(
        p.entry.name,
        a1(first + i, 1),
        p.risks.length,
        'risk',
        'this register',
      ),
    },
  ]);
  const all: Cell[] = [
    'All projects',
    { formula: projects.length ? `SUM(${a1(first, 1)}:${a1(total - 1, 1)})` : '0' },
    registered,
    null,
  ];
  return {
    items: [
      {
        kind: 'cells',
        at: a1(headerRow, 0),
        rows: [['Project', 'Now', 'In this register', 'Check'], ...rows, all],
      },
      { kind: 'format', range: block(a1(headerRow, 0), 1, 4), style: styles.header },
      {
        kind: 'format',
        range: block(a1(first, 1), projects.length + 1, 2),
        style: { hAlign: 'center' },
      },
      {
        kind: 'format',
        range: block(a1(first, 3), projects.length + 1, 1),
        style: { fontColor: '#9C0006', bold: true },
      },
      { kind: 'format', range: block(a1(total, 0), 1, 4), style: { bold: true, fill: '#E8F1EF' } },
    ],
    refs: { sentences: projects.length ? `${a1(first, 3)}:${a1(total - 1, 3)}` : null },
  };
}
