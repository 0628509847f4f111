import { a1, block, columnLetter } from '../../plan/a1';
import { sheetRef } from '../../plan/references';
import type { Cell, SheetItem } from '../../plan/types';
import type { Settings } from '../../schema/settings';
import { cardCell } from '../../template/project-sheet';
import { styles } from '../../template/styles';
import { type Block, gridColumns, sourceColumns } from '../blocks';
import type { JointInput, JointProject } from '../input';
import { projectName } from '../joint-sheet';
import { KINDS } from '../../baseline/sheet';
import type { ComparedBaseline } from '../compared';
import { savedPlannedSum, savedProjectPlanned } from './against-baseline';
import { matrixColumns, type MatrixRefs, moneyFormats, OVER } from './matrix';

/**
 * A block's cells and look: the header row, money below it (the differences, headed "... -
 * EAC", signed, as they are negative, in red, when the estimate is the larger) and the bold
 * last row, the bold Total.
 */
function figureGrid(top: number, rows: readonly Cell[][], settings: Settings): SheetItem[] {
  const width = rows[0]?.length ?? 1;
  const body = rows.length - 1;
  const totalRow = top + body;
  const { money, signed } = moneyFormats(settings);
  const header = styles.header;
  const headers = rows[0] ?? [];
  const formatOf = (c: number) =>
    typeof headers[c] === 'string' && headers[c].endsWith(' - EAC') ? signed : money;
  return [
    { kind: 'cells', at: a1(top, 0), rows },
    { kind: 'format', range: a1(top, 0), style: header },
    {
      kind: 'format',
      range: block(a1(top, 1), 1, width - 1),
      style: { ...header, hAlign: 'right' },
    },
    ...Array.from({ length: width - 1 }, (_, i): SheetItem => ({
      kind: 'format',
      range: block(a1(top + 1, i + 1), body, 1),
      style: { numberFormat: formatOf(i + 1) },
    })),
    { kind: 'format', range: block(a1(totalRow, 0), 1, width), style: { bold: true } },
  ];
}

/** Rows the estimate by project takes: header, one a project, the total. */
export const estimateRows = (projects: number): number => projects + 2;

/**
 * The columns of the estimate at completion by project, in order, with the compared
 * baseline's planned total and the difference when a baseline is compared; every formula
 * finds its neighbours by header, never by position.
 */
const PROJECT_COLUMNS = [
  { header: 'Estimate at completion' },
  { header: 'Planned' },
  { header: 'Actual' },
  { header: 'Forecast' },
  { header: 'EAC' },
  { header: 'Budget ceiling' },
  { header: 'Ceiling - EAC' },
  { header: 'Baseline planned' },
  { header: 'Baseline - EAC' },
] as const;
type ProjectHeader = (typeof PROJECT_COLUMNS)[number]['header'];
const BASELINE_HEADERS: readonly string[] = ['Baseline planned', 'Baseline - EAC'];
const columnsFor = <C extends { readonly header: string }>(all: readonly C[], compared: boolean) =>
  compared ? all : all.filter((c) => !BASELINE_HEADERS.includes(c.header));

export interface EstimateRefs {
  /** The EAC cells, one a project ("$E$40:$E$42"); null without projects. */
  readonly byProject: string | null;
  readonly total: string;
  readonly totalForecast: string;
}

/** One project's row: sums over its whole Budget columns, so no category or source is missed. */
function projectRow(
  p: JointProject,
  row: number,
  at: (h: ProjectHeader) => string,
  columns: readonly { readonly header: ProjectHeader }[],
  base: ComparedBaseline | null,
): Cell[] {
  const budget = sourceColumns(p.entry.code).budget;
  const ceiling = sheetRef(p.entry.sheet, cardCell('budgetCeiling'));
  const cell = (h: ProjectHeader) => `${at(h)}${row + 1}`;
  const formulas: Record<
    Exclude<ProjectHeader, 'Estimate at completion' | 'Baseline planned' | 'Baseline - EAC'>,
    string
  > = {
    Planned: `SUM(${budget('Planned')})`,
    Actual: `SUM(${budget('Actual')})`,
    Forecast: `SUM(${budget('Forecast to complete')})`,
    EAC: `${cell('Actual')}+${cell('Forecast')}`,
    'Budget ceiling': `IF(ISNUMBER(${ceiling}),${ceiling},"")`,
    'Ceiling - EAC': `IF(ISNUMBER(${cell('Budget ceiling')}),${cell('Budget ceiling')}-${cell('EAC')},"")`,
  };
  // Only with a compared baseline is there a Baseline planned column to subtract from.
  const difference = () => `N(${cell('Baseline planned')})-${cell('EAC')}`;
  return columns.map(({ header }): Cell => {
    if (header === 'Estimate at completion') return projectName(p.entry);
    if (header === 'Baseline planned') return base ? savedProjectPlanned(base, p.entry.code) : null;
    if (header === 'Baseline - EAC') return { formula: difference() };
    return { formula: formulas[header] };
  });
}

/**
 * Estimate at completion (actual + forecast to complete) by project, against its planned total,
 * its budget ceiling and, when Settings names one, the compared baseline's planned total, live
 * over the project tables; an EAC above the ceiling is red.
 */
export function estimateByProject(
  top: number,
  input: JointInput,
  base: ComparedBaseline | null,
): Block<EstimateRefs> {
  const n = input.projects.length;
  const columns = columnsFor(PROJECT_COLUMNS, base !== null);
  const col = gridColumns(columns);
  const at = (h: ProjectHeader) => col.letter(h);
  const totalRow = top + 1 + n;
  const sumOf = (h: ProjectHeader): Cell => ({
    formula: n === 0 ? '0' : `SUM(${at(h)}${top + 2}:${at(h)}${totalRow})`,
  });
  const rows: Cell[][] = [
    columns.map((c) => c.header),
    ...input.projects.map((p, r) => projectRow(p, top + 1 + r, at, columns, base)),
    columns.map(({ header }) => (header === 'Estimate at completion' ? 'Total' : sumOf(header))),
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
  { header: 'Baseline planned' },
  { header: 'Baseline - EAC' },
] as const;
type CategoryHeader = (typeof CATEGORY_COLUMNS)[number]['header'];

/**
 * Estimate at completion by budget category, read from the Total rows of the planned, actual
 * and forecast matrices (no formula of its own over the project tables, so its cost does not
 * grow with projects times categories), and, when one is compared, against the planned amount
 * the baseline saved in the category for all its projects; an EAC above plan is red.
 */
export function estimateByCategory(
  top: number,
  input: JointInput,
  matrices: { planned: MatrixRefs; actual: MatrixRefs; forecast: MatrixRefs },
  base: ComparedBaseline | null,
): Block {
  const categories = input.settings.budgetCategories;
  const columns = columnsFor(CATEGORY_COLUMNS, base !== null);
  const col = gridColumns(columns);
  const at = (h: CategoryHeader) => col.letter(h);
  const source = matrixColumns(categories.length);
  const fromMatrix = (m: MatrixRefs, c: number) =>
    `${columnLetter(source.category(c))}${m.totalRow + 1}`;
  const totalRow = top + 1 + categories.length;
  const rowOf = (name: string, c: number): Cell[] => {
    const r = top + 2 + c;
    const formulas: Record<
      Exclude<CategoryHeader, 'EAC by category' | 'Baseline planned' | 'Baseline - EAC'>,
      string
    > = {
      Planned: fromMatrix(matrices.planned, c),
      Actual: fromMatrix(matrices.actual, c),
      Forecast: fromMatrix(matrices.forecast, c),
      EAC: `${at('Actual')}${r}+${at('Forecast')}${r}`,
      'Planned - EAC': `${at('Planned')}${r}-${at('EAC')}${r}`,
    };
    return columns.map(({ header }): Cell => {
      if (header === 'EAC by category') return name;
      if (header === 'Baseline planned')
        return { formula: base ? savedPlannedSum(base, KINDS.category, name) : '0' };
      if (header === 'Baseline - EAC')
        return { formula: `${at('Baseline planned')}${r}-${at('EAC')}${r}` };
      return { formula: formulas[header] };
    });
  };
  const rows: Cell[][] = [
    columns.map((c) => c.header),
    ...categories.map(rowOf),
    columns.map(({ header }, i) =>
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
