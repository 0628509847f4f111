import { columnLetter } from '../../plan/a1';
import { textLiteral } from '../../plan/references';
import type { Cell, SheetItem, SheetPlan } from '../../plan/types';
import type { Diagnostic } from '../../diagnostics';
import { numberFormats } from '../../template/styles';
import type { RawPlan } from '../../validation/raw';
import type { Comparison } from '../compared';
import type { JointInput } from '../input';
import { jointHeading } from '../joint-sheet';
import { budgetRows, projectRow, type RiskBlock, riskRows, taskRows } from './rows';
import { CHANGED, SLIP_HIGHLIGHTS, section, type VarianceColumn } from './section';

export const VARIANCE_SHEET = 'Baseline Variance';

const date = numberFormats.date;
const days = numberFormats.days;
const col = (header: string, format?: string, highlights?: VarianceColumn['highlights']) => ({
  header,
  width: 15,
  ...(format ? { format } : {}),
  ...(highlights ? { highlights } : {}),
});
const GROWTH = [{ when: 'AND(ISNUMBER({}),{}<>0)', style: CHANGED }];
const ANY = [{ when: '{}<>""', style: CHANGED }];

function columns(money: string) {
  const slipCol = (h: string) => col(h, days, SLIP_HIGHLIGHTS);
  // Saved and live dates with their slips: the same six columns for projects and tasks.
  const dated = [
    col('Baseline start', date),
    col('Start', date),
    slipCol('Start slip (days)'),
    col('Baseline end', date),
    col('End', date),
    slipCol('End slip (days)'),
  ];
  const planned = [
    col('Baseline planned', money),
    col('Planned', money),
    col('Planned change', money, GROWTH),
  ];
  return {
    projects: [
      col('Project'),
      ...dated,
      ...planned,
      col('Risks added', '0', GROWTH),
      col('Risks closed', '0'),
      col('Risks re-scored', '0', GROWTH),
    ],
    budget: [col('Project'), col('Category'), ...planned],
    tasks: [
      col('Project'),
      col('ID'),
      ...dated,
      col('Baseline status'),
      col('Status'),
      col('Task'),
    ],
    risks: [
      col('Project'),
      col('ID'),
      col('Baseline score', '0'),
      col('Score', '0'),
      col('Baseline status'),
      col('Status'),
      col('Change since', undefined, ANY),
      col('Risk'),
    ],
  };
}

const TOP = 6;

/**
 * The Baseline Variance sheet: per project its start and end slip, planned change and risk
 * changes; then planned by category, every task's slips and every risk's change, each a live
 * formula over the project tables and the compared baseline's saved values.
 */
export function variancePlan(
  input: JointInput,
  raw: RawPlan,
  comparison: Comparison,
): { sheet: SheetPlan; warnings: Diagnostic[] } {
  const { sentence, warnings } = comparison;
  const base = comparison.base?.rows ?? null;
  const items: SheetItem[] = [
    ...jointHeading(
      'Baseline variance',
      'Every figure compares the project sheets, live, with the baseline saved; rows are fixed until the next Consolidate.',
      input.builtAt,
      textLiteral(
        base ? 'Up to date: the rows are those of the last Consolidate.' : 'No baseline compared.',
      ),
    ),
    { kind: 'cells', at: 'A5', rows: [[sentence]] },
    { kind: 'format', range: 'A5', style: { bold: true } },
  ];
  const cols = columns(numberFormats.money(input.settings.currency));
  const sheet = (more: SheetItem[]): SheetPlan => ({
    name: VARIANCE_SHEET,
    tabColor: '#5B4A8B',
    columnWidths: cols.projects.map((c, i) => ({ column: i, width: i === 0 ? 26 : c.width + 2 })),
    print: { landscape: true, fitToWidth: 1 },
    items: [...items, ...more],
  });
  if (!base) return { sheet: sheet([]), warnings };
  const ps = input.projects;
  const rawOf = (code: string) => raw.projects.find((p) => p.entry.code === code);
  const budgetTop = TOP + 2 + Math.max(ps.length, 1) + 1;
  let next = budgetTop + 2;
  const budget = ps.flatMap((p) => {
    const rows = budgetRows(p, rawOf(p.entry.code), base, next);
    next += rows.length;
    return rows;
  });
  const budgetSection = section(
    budgetTop,
    'Planned budget by category',
    cols.budget,
    budget,
    'No budget lines.',
  );
  const taskTop = budgetSection.next;
  next = taskTop + 2;
  const tasks = ps.flatMap((p) => {
    const rows = taskRows(p, base, next);
    next += rows.length;
    return rows;
  });
  const taskSection = section(taskTop, 'Tasks', cols.tasks, tasks, 'No tasks.');
  const riskTop = taskSection.next;
  next = riskTop + 2;
  const blocks: RiskBlock[] = [];
  const risks = ps.flatMap((p) => {
    const rows = riskRows(p, base, next);
    blocks.push({ first: next, count: rows.length });
    next += rows.length;
    return rows;
  });
  const riskSection = section(riskTop, 'Risks', cols.risks, risks, 'No risks.');
  const changeColumn = columnLetter(cols.risks.findIndex((c) => c.header === 'Change since'));
  const projects: Cell[][] = ps.map((p, i) =>
    projectRow(p, base, TOP + 2 + i, blocks[i] ?? { first: 0, count: 0 }, changeColumn),
  );
  const projectSection = section(
    TOP,
    'By project',
    cols.projects,
    projects,
    'No project is included.',
  );
  return {
    sheet: sheet([
      ...projectSection.items,
      ...budgetSection.items,
      ...taskSection.items,
      ...riskSection.items,
    ]),
    warnings,
  };
}
