import { a1, block, columnLetter } from '../../plan/a1';
import { sheetRef } from '../../plan/references';
import type { Cell, SheetItem } from '../../plan/types';
import type { Settings } from '../../schema/settings';
import { cardCell } from '../../template/project-sheet';
import { styles } from '../../template/styles';
import { type Block, gridColumns, sourceColumns } from '../blocks';
import type { JointInput, JointProject } from '../input';
import { projectName } from '../joint-sheet';
import { matrixColumns, type MatrixRefs, moneyFormats, OVER } from './matrix';

/**
 * A block's cells and look: the header row, money below it (the last column signed, as it is
 * a difference that is negative, in red, when the estimate is the larger) and the bold Total row.
 */
function figureGrid(top: number, rows: readonly Cell[][], settings: Settings): SheetItem[] {
  const width = rows[0]?.length ?? 1;
  const body = rows.length - 1;
  const { money, signed } = moneyFormats(settings);
  const header = styles.header;
  return [
    { kind: 'cells', at: a1(top, 0), rows },
    { kind: 'format', range: a1(top, 0), style: header },
    {
      kind: 'format',
      range: block(a1(top, 1), 1, width - 1),
      style: { ...header, hAlign: 'right' },
    },
    {
      kind: 'format',
      range: block(a1(top + 1, 1), body, width - 2),
      style: { numberFormat: money },
    },
    {
      kind: 'format',
      range: block(a1(top + 1, width - 1), body, 1),
      style: { numberFormat: signed },
    },
    { kind: 'format', range: block(a1(top + body, 0), 1, width), style: { bold: true } },
  ];
}

/** Rows the estimate by project takes: header, one a project, the total. */
export const estimateRows = (projects: number): number => projects + 2;

/**
 * The columns of the estimate at completion by project, in order. A comparison with a saved
 * baseline is one more entry here ("Baseline planned", before "Ceiling - EAC": figureGrid
 * signs the last column); every formula finds its neighbours by header, never by position.
 */
const PROJECT_COLUMNS = [
  { header: 'Estimate at completion' },
  { header: 'Planned' },
  { header: 'Actual' },
  { header: 'Forecast' },
  { header: 'EAC' },
  { header: 'Budget ceiling' },
  { header: 'Ceiling - EAC' },
] as const;
type ProjectHeader = (typeof PROJECT_COLUMNS)[number]['header'];

export interface EstimateRefs {
  /** The EAC cells, one a project ("$E$40:$E$42"); null without projects. */
  readonly byProject: string | null;
  readonly total: string;
  readonly totalForecast: string;
}

/** One project's row: sums over its whole Budget columns, so no category or source is missed. */
function projectRow(p: JointProject, row: number, at: (h: ProjectHeader) => string): Cell[] {
  const budget = sourceColumns(p.entry.code).budget;
  const ceiling = sheetRef(p.entry.sheet, cardCell('budgetCeiling'));
  const cell = (h: ProjectHeader) => `${at(h)}${row + 1}`;
  const formulas: Record<Exclude<ProjectHeader, 'Estimate at completion'>, string> = {
    Planned: `SUM(${budget('Planned')})`,
    Actual: `SUM(${budget('Actual')})`,
    Forecast: `SUM(${budget('Forecast to complete')})`,
    EAC: `${cell('Actual')}+${cell('Forecast')}`,
    'Budget ceiling': `IF(ISNUMBER(${ceiling}),${ceiling},"")`,
    'Ceiling - EAC': `IF(ISNUMBER(${cell('Budget ceiling')}),${cell('Budget ceiling')}-${cell('EAC')},"")`,
  };
  return PROJECT_COLUMNS.map(({ header }) =>
    header === 'Estimate at completion' ? projectName(p.entry) : { formula: formulas[header] },
  );
}

/**
 * Estimate at completion (actual + forecast to complete) by project, against its planned total
 * and budget ceiling, live over the project tables; an EAC above the ceiling is red.
 */
export function estimateByProject(top: number, input: JointInput): Block<EstimateRefs> {
  const n = input.projects.length;
  const col = gridColumns(PROJECT_COLUMNS);
  const at = (h: ProjectHeader) => col.letter(h);
  const totalRow = top + 1 + n;
  const sumOf = (h: ProjectHeader): Cell => ({
    formula: n === 0 ? '0' : `SUM(${at(h)}${top + 2}:${at(h)}${totalRow})`,
  });
  const rows: Cell[][] = [
    PROJECT_COLUMNS.map((c) => c.header),
    ...input.projects.map((p, r) => projectRow(p, top + 1 + r, at)),
    PROJECT_COLUMNS.map(({ header }) =>
      header === 'Estimate at completion' ? 'Total' : sumOf(header),
    ),
  ];
  const items = figureGrid(top, rows, input.settings);

  if (n > 0)
    items.push({
      kind: 'conditionalFormat',
      range: block(a1(top + 1, col.index('EAC')), n, 1),
      rule: {
        kind: 'expression',
        formula: `AND(ISNUMBER(${at('Budget ceiling')}${top + 2}),${at('EAC')}${top + 2}>${at('Budget ceiling')}${top + 2})`,
        style: OVER,
      },
    });
  return {
    items,
    refs: {
      byProject: n === 0 ? null : col.range('EAC', top + 1, top + n),
      total: a1(totalRow, col.index('EAC')),
      totalForecast: a1(totalRow, col.index('Forecast')),
    },
  };
}

/** Rows the estimate by category takes: header, one a category, the total. */
export const categoryRows = (categories: number): number => categories + 2;

const CATEGORY_COLUMNS = [
  { header: 'EAC by category' },
  { header: 'Planned' },
  { header: 'Actual' },
  { header: 'Forecast' },
  { header: 'EAC' },
  { header: 'Planned - EAC' },
] as const;
type CategoryHeader = (typeof CATEGORY_COLUMNS)[number]['header'];

/**
 * Estimate at completion by budget category, read from the Total rows of the planned, actual
 * and forecast matrices (no formula of its own over the project tables, so its cost does not
 * grow with projects times categories); an EAC above plan is red.
 */
export function estimateByCategory(
  top: number,
  input: JointInput,
  matrices: { planned: MatrixRefs; actual: MatrixRefs; forecast: MatrixRefs },
): Block {
  const categories = input.settings.budgetCategories;
  const col = gridColumns(CATEGORY_COLUMNS);
  const at = (h: CategoryHeader) => col.letter(h);
  const source = matrixColumns(categories.length);
  const fromMatrix = (m: MatrixRefs, c: number) =>
    `${columnLetter(source.category(c))}${m.totalRow + 1}`;
  const totalRow = top + 1 + categories.length;
  const rows: Cell[][] = [
    CATEGORY_COLUMNS.map((c) => c.header),
    ...categories.map((name, c): Cell[] => {
      const r = top + 2 + c;
      return [
        name,
        { formula: fromMatrix(matrices.planned, c) },
        { formula: fromMatrix(matrices.actual, c) },
        { formula: fromMatrix(matrices.forecast, c) },
        { formula: `${at('Actual')}${r}+${at('Forecast')}${r}` },
        { formula: `${at('Planned')}${r}-${at('EAC')}${r}` },
      ];
    }),
    CATEGORY_COLUMNS.map(({ header }, i) =>
      i === 0 ? 'Total' : { formula: `SUM(${at(header)}${top + 2}:${at(header)}${totalRow})` },
    ),
  ];
  const items: SheetItem[] = [
    ...figureGrid(top, rows, input.settings),
    {
      kind: 'conditionalFormat',
      range: block(a1(top + 1, col.index('EAC')), categories.length + 1, 1),
      rule: {
        kind: 'expression',
        formula: `${at('EAC')}${top + 2}>ROUND(${at('Planned')}${top + 2},2)+0.005`,
        style: OVER,
      },
    },
  ];
  return { items, refs: undefined };
}
