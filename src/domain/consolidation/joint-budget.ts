import { a1, block, columnLetter } from '../plan/a1';
import { sheetRef, textLiteral, wholeColumn } from '../plan/references';
import type { Cell, NamePlan, SheetItem, SheetPlan } from '../plan/types';
import { tablesOf } from '../template/project-identity';
import { cardCell } from '../template/project-sheet';
import { numberFormats, styles } from '../template/styles';
import type { JointInput } from './input';
import { jointHeading, overallCheck, projectName } from './joint-sheet';

export const JOINT_BUDGET_SHEET = 'Joint Budget';

/** Row (0-based) of the first block's header; one block per measure, projects down, categories across. */
const FIRST_BLOCK_ROW = 4;

type Measure = 'Planned' | 'Actual' | 'Variance';
const OVER = { fill: '#FFC7CE', fontColor: '#9C0006', bold: true } as const;

function measureCell(table: string, measure: Measure, category: string): string {
  const sum = (m: 'Planned' | 'Actual') =>
    `SUMIFS(${wholeColumn(table, m)},${wholeColumn(table, 'Category')},${category})`;
  return measure === 'Variance' ? `${sum('Planned')}-${sum('Actual')}` : sum(measure);
}

/**
 * The joint budget: for planned, actual and variance, a project x category matrix of SUMIFS
 * over the project budget tables with totals per project and per category; each project's
 * budget ceiling and a check for amounts in categories the matrix does not show; the
 * contingency reserve (expected value of open risks) per project; and planned amounts by
 * month. Every figure is a live formula; actuals above plan and plans above the ceiling are
 * highlighted.
 */
export function jointBudgetPlan(input: JointInput): { sheet: SheetPlan; names: NamePlan[] } {
  const { projects, settings } = input;
  const categories = settings.budgetCategories;
  const base = numberFormats.money(settings.currency);
  // Zero shows as a dash, as finance reports print it, so the figures that matter stand out.
  const money = `${base};-${base};"–"`;
  const signed = `${base};[Red]-${base};"–"`;
  const width = categories.length + 2;
  const height = projects.length + 2; // header, projects, total
  const stride = height + 2;
  const totalCol = width - 1;
  const ceilingCol = width;
  const checkCol = width + 1;
  const items: SheetItem[] = [];
  const totals: Record<string, string> = {};
  (['Planned', 'Actual', 'Variance'] as const).forEach((measure, m) => {
    const top = FIRST_BLOCK_ROW + m * stride;
    const planned = measure === 'Planned';
    const header: Cell[] = [
      measure === 'Variance' ? 'Variance (planned - actual)' : measure,
      ...categories,
      'Total',
      ...(planned ? ['Budget ceiling', 'Check'] : []),
    ];
    const rows: Cell[][] = projects.map((p, r) => {
      const table = tablesOf(p.entry.code).budget;
      const row = top + 1 + r;
      const total = a1(row, totalCol);
      const ceiling = sheetRef(p.entry.sheet, cardCell('budgetCeiling'));
      const gap = `ROUND(SUM(${wholeColumn(table, 'Planned')})-${total},2)`;
      return [
        projectName(p.entry),
        ...categories.map((_, c) => ({
          formula: measureCell(table, measure, `${columnLetter(1 + c)}$${top + 1}`),
        })),
        { formula: `SUM(${a1(row, 1)}:${a1(row, categories.length)})` },
        ...(planned
          ? [
              { formula: `IF(ISNUMBER(${ceiling}),${ceiling},"")` },
              {
                formula:
                  `IF(${gap}=0,"",${textLiteral(p.entry.name)}&" has "&TEXT(${gap},"#,##0.00")&" ` +
                  `planned in categories not in this budget: add them to Settings, then click Consolidate")`,
              },
            ]
          : []),
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
    items.push(
      { kind: 'cells', at: a1(top, 0), rows: [header, ...rows, total] },
      { kind: 'format', range: a1(top, 0), style: styles.header },
      {
        kind: 'format',
        range: block(a1(top, 1), 1, header.length - 1),
        style: { ...styles.header, hAlign: 'right' },
      },
      {
        kind: 'format',
        range: block(a1(top + 1, 1), projects.length + 1, width - 1 + (planned ? 1 : 0)),
        style: { numberFormat: measure === 'Variance' ? signed : money },
      },
      {
        kind: 'format',
        range: block(a1(totalRow, 0), 1, width + (planned ? 1 : 0)),
        style: { bold: true },
      },
    );
    if (planned && projects.length > 0) {
      const r = top + 2;
      items.push(
        { kind: 'format', range: a1(top, checkCol), style: { hAlign: 'left' } },
        {
          kind: 'format',
          range: block(a1(top + 1, checkCol), projects.length, 1),
          style: { fontColor: '#9C0006', bold: true },
        },
        {
          kind: 'conditionalFormat',
          range: block(a1(top + 1, totalCol), projects.length, 1),
          rule: {
            kind: 'expression',
            formula: `AND(ISNUMBER(${columnLetter(ceilingCol)}${r}),${columnLetter(totalCol)}${r}>${columnLetter(ceilingCol)}${r})`,
            style: OVER,
          },
        },
      );
    }
    if (measure === 'Actual' && projects.length > 0) {
      const r = top + 2;
      items.push({
        kind: 'conditionalFormat',
        range: block(a1(top + 1, 1), projects.length + 1, width - 1),
        rule: {
          kind: 'expression',
          formula: `B${r}>ROUND(B${r - stride},2)+0.005`,
          style: OVER,
        },
      });
    }
    totals[measure] = a1(totalRow, totalCol);
  });

  const plannedTop = FIRST_BLOCK_ROW;
  const reserveTop = FIRST_BLOCK_ROW + 3 * stride;
  const reserveRows: Cell[][] = projects.map((p) => {
    const risks = tablesOf(p.entry.code).risks;
    return [
      projectName(p.entry),
      {
        formula: `SUMIFS(${wholeColumn(risks, 'Expected value')},${wholeColumn(risks, 'Status')},${textLiteral('Open')})`,
      },
    ];
  });
  const reserveTotal = reserveTop + 1 + projects.length;
  items.push(
    {
      kind: 'cells',
      at: a1(reserveTop, 0),
      rows: [
        ['Contingency reserve', 'Open risks (EV)'],
        ...reserveRows,
        [
          'Total',
          {
            formula:
              projects.length === 0
                ? '0'
                : `SUM(${a1(reserveTop + 1, 1)}:${a1(reserveTotal - 1, 1)})`,
          },
        ],
      ],
    },
    {
      kind: 'format',
      range: block(a1(reserveTop, 0), 1, 2),
      style: { ...styles.header, wrap: true },
    },
    {
      kind: 'format',
      range: block(a1(reserveTop + 1, 1), projects.length + 1, 1),
      style: { numberFormat: money },
    },
    { kind: 'format', range: block(a1(reserveTotal, 0), 1, 2), style: { bold: true } },
  );

  // Planned by month: the months budget lines were planned in when the sheet was built.
  const months = [...new Set(projects.flatMap((p) => p.months))].sort((a, b) => a - b);
  const monthTop = reserveTotal + 3;
  const monthTotal = monthTop + 1 + projects.length;
  const otherCol = 1 + months.length;
  const monthRows: Cell[][] = projects.map((p, r) => {
    const t = tablesOf(p.entry.code).budget;
    const row = monthTop + 1 + r;
    const h = (c: number) => `${columnLetter(1 + c)}$${monthTop + 1}`;
    return [
      projectName(p.entry),
      ...months.map((_, c) => ({
        formula:
          `SUMIFS(${wholeColumn(t, 'Planned')},${wholeColumn(t, 'Period')},">="&${h(c)},` +
          `${wholeColumn(t, 'Period')},"<"&DATE(YEAR(${h(c)}),MONTH(${h(c)})+1,1))`,
      })),
      {
        formula: months.length
          ? `${a1(row, otherCol + 1)}-SUM(${a1(row, 1)}:${a1(row, months.length)})`
          : a1(row, otherCol + 1),
      },
      { formula: `SUM(${wholeColumn(t, 'Planned')})` },
    ];
  });
  items.push(
    {
      kind: 'cells',
      at: a1(monthTop, 0),
      rows: [
        ['Planned by month', ...months, 'Other / none', 'Total'],
        ...monthRows,
        [
          'Total',
          ...Array.from({ length: months.length + 2 }, (_, c) => ({
            formula:
              projects.length === 0
                ? '0'
                : `SUM(${a1(monthTop + 1, 1 + c)}:${a1(monthTotal - 1, 1 + c)})`,
          })),
        ],
      ],
    },
    { kind: 'format', range: a1(monthTop, 0), style: styles.header },
    {
      kind: 'format',
      range: block(a1(monthTop, 1), 1, months.length + 2),
      style: { ...styles.header, hAlign: 'right', numberFormat: numberFormats.month },
    },
    {
      kind: 'format',
      range: block(a1(monthTop + 1, 1), projects.length + 1, months.length + 2),
      style: { numberFormat: money },
    },
    {
      kind: 'format',
      range: block(a1(monthTotal, 0), 1, months.length + 3),
      style: { bold: true },
    },
  );

  const checks =
    projects.length > 0
      ? `${a1(plannedTop + 1, checkCol)}:${a1(plannedTop + projects.length, checkCol)}`
      : null;
  const heading = jointHeading(
    'Joint budget',
    `All included projects (${settings.currency}). Every figure is a live formula over the project sheets; red marks actuals above plan and plans above the budget ceiling.`,
    input.builtAt,
    overallCheck(checks, 'every planned amount'),
  );
  const abs = (ref: string) => sheetRef(JOINT_BUDGET_SHEET, ref);
  const widest = Math.max(width + 2, months.length + 3);
  return {
    sheet: {
      name: JOINT_BUDGET_SHEET,
      tabColor: '#0F5C4D',
      columnWidths: [
        { column: 0, width: 30 },
        ...Array.from({ length: widest - 1 }, (_, i) => ({ column: i + 1, width: 16 })),
      ],
      print: { landscape: true, fitToWidth: 1 },
      items: [...heading, ...items],
    },
    names: [
      { name: 'Joint_TotalPlanned', refersTo: abs(totals.Planned ?? 'A1') },
      { name: 'Joint_TotalActual', refersTo: abs(totals.Actual ?? 'A1') },
      { name: 'Joint_TotalVariance', refersTo: abs(totals.Variance ?? 'A1') },
      { name: 'Joint_ContingencyReserve', refersTo: abs(a1(reserveTotal, 1)) },
    ],
  };
}
