import { a1, block } from '../plan/a1';
import { textLiteral, wholeColumn } from '../plan/references';
import type { Cell, NamePlan, SheetItem, SheetPlan } from '../plan/types';
import type { Settings } from '../schema/settings';
import { sheetHeading } from '../template/heading';
import { tablesOf } from '../template/project-identity';
import type { RegistryEntry } from '../template/registry-sheet';
import { numberFormats, styles } from '../template/styles';

export const JOINT_BUDGET_SHEET = 'Joint Budget';

/** Where each block of the joint budget starts; one block per measure, projects down, categories across. */
const FIRST_BLOCK_ROW = 3;

type Measure = 'Planned' | 'Actual' | 'Variance';

function measureCell(table: string, measure: Measure, category: string): string {
  const sum = (m: 'Planned' | 'Actual') =>
    `SUMIFS(${wholeColumn(table, m)},${wholeColumn(table, 'Category')},${category})`;
  return measure === 'Variance' ? `${sum('Planned')}-${sum('Actual')}` : sum(measure);
}

/**
 * The joint budget: for planned, actual and variance, a project x category matrix of SUMIFS
 * over the project budget tables, with totals per project and per category, and the
 * contingency reserve (expected value of open risks) per project. Every cell is a live
 * formula; the named totals point at the grand totals.
 */
export function jointBudgetPlan(
  projects: readonly RegistryEntry[],
  settings: Settings,
): { sheet: SheetPlan; names: NamePlan[] } {
  const categories = settings.budgetCategories;
  const money = numberFormats.money(settings.currency);
  const width = categories.length + 2;
  const height = projects.length + 2; // header, projects, total
  const items: SheetItem[] = [
    ...sheetHeading(
      'Joint budget',
      `All included projects, by budget category (${settings.currency}). Every figure is a live formula over the project sheets.`,
    ),
  ];
  const names: NamePlan[] = [];
  const totals: Record<string, string> = {};
  (['Planned', 'Actual', 'Variance'] as const).forEach((measure, m) => {
    const top = FIRST_BLOCK_ROW + m * (height + 2);
    const header: Cell[] = [measure, ...categories, 'Total'];
    const rows: Cell[][] = projects.map((p, r) => {
      const table = tablesOf(p.code).budget;
      const row = top + 1 + r;
      return [
        p.name,
        ...categories.map((_, c) => ({
          formula: measureCell(table, measure, `${a1(top, 1 + c).replace(/(\d+)$/, '$$$1')}`),
        })),
        { formula: `SUM(${a1(row, 1)}:${a1(row, categories.length)})` },
      ];
    });
    const totalRow = top + 1 + projects.length;
    const total: Cell[] = [
      'Total',
      ...Array.from({ length: categories.length + 1 }, (_, c) => ({
        formula:
          projects.length === 0 ? '0' : `SUM(${a1(top + 1, 1 + c)}:${a1(totalRow - 1, 1 + c)})`,
      })),
    ];
    items.push(
      { kind: 'cells', at: a1(top, 0), rows: [header, ...rows, total] },
      { kind: 'format', range: block(a1(top, 0), 1, width), style: styles.header },
      {
        kind: 'format',
        range: block(a1(top + 1, 1), projects.length + 1, width - 1),
        style: { numberFormat: money },
      },
      { kind: 'format', range: block(a1(totalRow, 0), 1, width), style: { bold: true } },
    );
    totals[measure] = a1(totalRow, width - 1);
  });
  const reserveTop = FIRST_BLOCK_ROW + 3 * (height + 2);
  const reserveRows: Cell[][] = projects.map((p) => {
    const risks = tablesOf(p.code).risks;
    return [
      p.name,
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
        ['Contingency reserve (open risks)', 'Expected value'],
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
    { kind: 'format', range: block(a1(reserveTop, 0), 1, 2), style: styles.header },
    {
      kind: 'format',
      range: block(a1(reserveTop + 1, 1), projects.length + 1, 1),
      style: { numberFormat: money },
    },
    { kind: 'format', range: block(a1(reserveTotal, 0), 1, 2), style: { bold: true } },
  );
  const abs = (ref: string) =>
    `'${JOINT_BUDGET_SHEET}'!${ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2')}`;
  names.push(
    { name: 'Joint_TotalPlanned', refersTo: abs(totals.Planned ?? 'A1') },
    { name: 'Joint_TotalActual', refersTo: abs(totals.Actual ?? 'A1') },
    { name: 'Joint_TotalVariance', refersTo: abs(totals.Variance ?? 'A1') },
    { name: 'Joint_ContingencyReserve', refersTo: abs(a1(reserveTotal, 1)) },
  );
  return {
    sheet: {
      name: JOINT_BUDGET_SHEET,
      tabColor: '#0F5C4D',
      columnWidths: [
        { column: 0, width: 30 },
        ...Array.from({ length: width - 1 }, (_, i) => ({ column: i + 1, width: 16 })),
      ],
      print: { landscape: true, fitToWidth: 1 },
      items,
    },
    names,
  };
}
