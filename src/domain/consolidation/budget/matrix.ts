import { a1, block, columnLetter } from '../../plan/a1';
import { sheetRef, textLiteral } from '../../plan/references';
import type { Cell, SheetItem } from '../../plan/types';
import type { Settings } from '../../schema/settings';
import { cardCell } from '../../template/project-sheet';
import { numberFormats, styles } from '../../template/styles';
import { type Block, sourceColumns } from '../blocks';
import type { JointInput, JointProject } from '../input';
import { projectName } from '../joint-sheet';

export type Measure = 'Planned' | 'Actual' | 'Variance' | 'Forecast to complete';
export const OVER = { fill: '#FFC7CE', fontColor: '#9C0006', bold: true } as const;

/** Rows a matrix takes for `projects` projects: header, one a project, and the total. */
export const matrixRows = (projects: number): number => projects + 2;

/** Money as finance reports print it: zero as a dash, so the figures that matter stand out. */
export function moneyFormats(settings: Settings): { money: string; signed: string } {
  const base = numberFormats.money(settings.currency);
  return { money: `${base};-${base};"–"`, signed: `${base};[Red]-${base};"–"` };
}

/** Columns of a matrix: the project, one a category, the total, and (planned) ceiling and check. */
export function matrixColumns(categories: number) {
  return {
    category: (c: number) => 1 + c,
    total: 1 + categories,
    ceiling: 2 + categories,
    check: 3 + categories,
  };
}

/** What other blocks and names refer to in a matrix. */
export interface MatrixRefs {
  /** Its grand total cell. */
  readonly total: string;
  /** Its first body cell (first project, first category), for rules comparing matrices. */
  readonly firstCell: string;
  /** The check sentences, one a project (planned only, with projects). */
  readonly checks: string | null;
  /** The 0-based row of its Total row, whose category columns other blocks read. */
  readonly totalRow: number;
}

function measureCell(project: JointProject, measure: Measure, category: string): string {
  const budget = sourceColumns(project.entry.code).budget;
  const sum = (m: Exclude<Measure, 'Variance'>) =>
    `SUMIFS(${budget(m)},${budget('Category')},${category})`;
  return measure === 'Variance' ? `${sum('Planned')}-${sum('Actual')}` : sum(measure);
}

/** The ceiling and the sentence for amounts in categories the matrix does not show. */
function ceilingCells(p: JointProject, total: string): Cell[] {
  const ceiling = sheetRef(p.entry.sheet, cardCell('budgetCeiling'));
  const gap = `ROUND(SUM(${sourceColumns(p.entry.code).budget('Planned')})-${total},2)`;
  return [
    { formula: `IF(ISNUMBER(${ceiling}),${ceiling},"")` },
    {
      formula:
        `IF(${gap}=0,"",${textLiteral(p.entry.name)}&" has "&TEXT(${gap},"#,##0.00")&" ` +
        `planned in categories not in this budget: add them to Settings, then click Consolidate")`,
    },
  ];
}

function matrixCells(top: number, input: JointInput, measure: Measure): Cell[][] {
  const { projects } = input;
  const categories = input.settings.budgetCategories;
  const col = matrixColumns(categories.length);
  const planned = measure === 'Planned';
  const header: Cell[] = [
    measure === 'Variance' ? 'Variance (planned - actual)' : measure,
    ...categories,
    'Total',
    ...(planned ? ['Budget ceiling', 'Check'] : []),
  ];
  const rows = projects.map((p, r): Cell[] => {
    const row = top + 1 + r;
    return [
      projectName(p.entry),
      ...categories.map((_, c) => ({
        formula: measureCell(p, measure, `${columnLetter(col.category(c))}$${top + 1}`),
      })),
      { formula: `SUM(${a1(row, col.category(0))}:${a1(row, col.total - 1)})` },
      ...(planned ? ceilingCells(p, a1(row, col.total)) : []),
    ];
  });
  const totalRow = top + 1 + projects.length;
  const total: Cell[] = [
    'Total',
    ...Array.from({ length: categories.length + (planned ? 2 : 1) }, (_, c) => ({
      formula:
        projects.length === 0 ? '0' : `SUM(${a1(top + 1, 1 + c)}:${a1(totalRow - 1, 1 + c)})`,
    })),
    ...(planned ? [null] : []),
  ];
  return [header, ...rows, total];
}

/** Plans above the budget ceiling in red, and the check column's look. */
function ceilingRules(top: number, projects: number, categories: number): SheetItem[] {
  const col = matrixColumns(categories);
  const r = top + 2;
  const total = `${columnLetter(col.total)}${r}`;
  const ceiling = `${columnLetter(col.ceiling)}${r}`;
  return [
    { kind: 'format', range: a1(top, col.check), style: { hAlign: 'left' } },
    {
      kind: 'format',
      range: block(a1(top + 1, col.check), projects, 1),
      style: { fontColor: '#9C0006', bold: true },
    },
    {
      kind: 'conditionalFormat',
      range: block(a1(top + 1, col.total), projects, 1),
      rule: {
        kind: 'expression',
        formula: `AND(ISNUMBER(${ceiling}),${total}>${ceiling})`,
        style: OVER,
      },
    },
  ];
}

/**
 * A project x category matrix of one measure, SUMIFS over the project budget tables, with totals
 * per project and per category; the planned one also shows each ceiling and a check, and the
 * actual one marks actuals above the planned matrix's figure (`planned`).
 */
export function budgetMatrix(
  top: number,
  input: JointInput,
  measure: Measure,
  planned: MatrixRefs | null,
): Block<MatrixRefs> {
  const n = input.projects.length;
  const categories = input.settings.budgetCategories.length;
  const col = matrixColumns(categories);
  const isPlanned = measure === 'Planned';
  const extra = isPlanned ? 1 : 0;
  const { money, signed } = moneyFormats(input.settings);
  const cells = matrixCells(top, input, measure);
  const totalRow = top + 1 + n;
  const items: SheetItem[] = [
    { kind: 'cells', at: a1(top, 0), rows: cells },
    { kind: 'format', range: a1(top, 0), style: styles.header },
    {
      kind: 'format',
      range: block(a1(top, 1), 1, cells[0]!.length - 1),
      style: { ...styles.header, hAlign: 'right' },
    },
    {
      kind: 'format',
      range: block(a1(top + 1, 1), n + 1, col.total + extra),
      style: { numberFormat: measure === 'Variance' ? signed : money },
    },
    {
      kind: 'format',
      range: block(a1(totalRow, 0), 1, col.total + 1 + extra),
      style: { bold: true },
    },
  ];
  if (isPlanned && n > 0) items.push(...ceilingRules(top, n, categories));
  if (measure === 'Actual' && n > 0) {
    if (!planned) throw new Error('The actual matrix is compared with the planned one: pass it.');
    items.push({
      kind: 'conditionalFormat',
      range: block(a1(top + 1, 1), n + 1, col.total),
      rule: {
        kind: 'expression',
        formula: `${a1(top + 1, 1)}>ROUND(${planned.firstCell},2)+0.005`,
        style: OVER,
      },
    });
  }
  return {
    items,
    refs: {
      total: a1(totalRow, col.total),
      firstCell: a1(top + 1, 1),
      checks: isPlanned && n > 0 ? `${a1(top + 1, col.check)}:${a1(top + n, col.check)}` : null,
      totalRow,
    },
  };
}
