import { a1, block } from '../plan/a1';
import { sheetHeading } from './heading';
import type { NamePlan, Scalar, SheetEdit, SheetItem, SheetPlan } from '../plan/types';
import { sheetRef, wholeColumn } from '../plan/references';
import { isoToSerial } from '../dates';
import type { Settings } from '../schema/settings';
import type { ColumnSpec } from './columns';
import { SETTINGS_NAMES as N, SETTINGS_TABLES as T } from './settings-names';
import { numberFormats, styles } from './styles';
import { tableSection } from './table-section';
import { rules } from './validations';

export const SETTINGS_SHEET = 'Settings';
export const SETTINGS_HEADER_ROW = 3;
/** The currency sits in a one-line card rather than a table: it is a single value. */
export const CURRENCY_CELL = 'B5';
/** Added by template version 2 (review freshness), on the card's next row. */
export const REVIEW_DAYS_CELL = 'B6';
export const REVIEW_DAYS_LABEL = 'Review every (days)';
/** Added by template version 3 (baselines): the saved baseline the Variance sheet compares with. */
export const BASELINE_CELL = 'B7';
export const BASELINE_LABEL = 'Compare with baseline';

type Row = readonly Scalar[];
const col = (
  name: string,
  width: number,
  index: number,
  numberFormat?: string,
): ColumnSpec<Row> => ({
  name,
  width,
  toCell: (r) => r[index] ?? null,
  ...(numberFormat ? { numberFormat: () => numberFormat } : {}),
});

interface SettingsTableSpec {
  readonly table: string;
  readonly title: string;
  readonly columns: readonly ColumnSpec<Row>[];
  readonly rows: (s: Settings) => Row[];
}

export const SETTINGS_TABLE_SPECS: readonly SettingsTableSpec[] = [
  {
    table: T.ratingBands,
    title: 'Risk rating bands',
    columns: [col('Rating', 12, 0), col('Min score', 10, 1), col('Max score', 10, 2)],
    rows: (s) => s.ratingBands.map((b) => [b.name, b.min, b.max]),
  },
  {
    table: T.probability,
    title: 'Probability scale',
    columns: [col('Level', 8, 0), col('Percent', 10, 1, numberFormats.percent)],
    rows: (s) => s.probability.map((p) => [p.level, p.percent]),
  },
  {
    table: T.budgetCategories,
    title: 'Budget categories',
    columns: [col('Category', 20, 0)],
    rows: (s) => s.budgetCategories.map((c) => [c]),
  },
  {
    table: T.riskCategories,
    title: 'Risk categories',
    columns: [col('Category', 18, 0)],
    rows: (s) => s.riskCategories.map((c) => [c]),
  },
  {
    table: T.taskStatuses,
    title: 'Task statuses',
    columns: [col('Status', 16, 0)],
    rows: (s) => s.taskStatuses.map((c) => [c]),
  },
  {
    table: T.projectStatuses,
    title: 'Project statuses',
    columns: [col('Status', 16, 0)],
    rows: (s) => s.projectStatuses.map((c) => [c]),
  },
  {
    table: T.holidays,
    title: 'Holidays',
    columns: [col('Date', 13, 0, numberFormats.date), col('Holiday', 24, 1)],
    rows: (s) => s.holidays.map((h) => [isoToSerial(h.date), h.name]),
  },
];

/** The names formulas use; each points at a Settings table column (see SETTINGS_NAMES). */
export function settingsNames(): NamePlan[] {
  const names: [string, string][] = [
    [N.ratingName, wholeColumn(T.ratingBands, 'Rating')],
    [N.ratingMin, wholeColumn(T.ratingBands, 'Min score')],
    [N.ratingMax, wholeColumn(T.ratingBands, 'Max score')],
    [N.probabilityLevel, wholeColumn(T.probability, 'Level')],
    [N.probabilityPercent, wholeColumn(T.probability, 'Percent')],
    [N.budgetCategories, wholeColumn(T.budgetCategories, 'Category')],
    [N.riskCategories, wholeColumn(T.riskCategories, 'Category')],
    [N.taskStatuses, wholeColumn(T.taskStatuses, 'Status')],
    [N.projectStatuses, wholeColumn(T.projectStatuses, 'Status')],
    [N.holidays, wholeColumn(T.holidays, 'Date')],
    [N.currency, sheetRef(SETTINGS_SHEET, CURRENCY_CELL)],
    [N.reviewDays, sheetRef(SETTINGS_SHEET, REVIEW_DAYS_CELL)],
    [N.baseline, sheetRef(SETTINGS_SHEET, BASELINE_CELL)],
  ];
  return names.map(([name, refersTo]) => ({ name, refersTo }));
}

/**
 * The card row that says how often projects are reviewed: written by a new Settings sheet and,
 * into a version 1 workbook, by the upgrade (so both get the same cells, look and guard).
 */
export function reviewSettingItems(settings: Settings): SheetEdit[] {
  const label = `A${Number(REVIEW_DAYS_CELL.slice(1))}`;
  return [
    { kind: 'cells', at: label, rows: [[REVIEW_DAYS_LABEL, settings.reviewEveryDays]] },
    { kind: 'format', range: label, style: styles.cardLabel },
    { kind: 'format', range: REVIEW_DAYS_CELL, style: styles.cardInput },
    { kind: 'validation', range: REVIEW_DAYS_CELL, rule: rules.reviewDays() },
  ];
}

/**
 * The card row that names the baseline compared with: written by a new Settings sheet and, into
 * a version 2 workbook, by the upgrade. Free text, since a list guard pointing at the Baselines
 * sheet would break where none is saved yet; Consolidate says when the name matches none.
 */
export function baselineSettingItems(settings: Settings): SheetEdit[] {
  const label = `A${Number(BASELINE_CELL.slice(1))}`;
  return [
    { kind: 'cells', at: label, rows: [[BASELINE_LABEL, settings.compareBaseline || null]] },
    { kind: 'format', range: label, style: styles.cardLabel },
    { kind: 'format', range: BASELINE_CELL, style: styles.cardInput },
  ];
}

/** The Settings sheet: one card for the currency, then one small table per list, side by side. */
export function settingsSheetPlan(settings: Settings): SheetPlan {
  const top = SETTINGS_HEADER_ROW;
  const items: SheetItem[] = [
    ...sheetHeading(
      'Plan settings',
      'Shared by every project sheet and by consolidation. Add rows to a list by typing just below it; keep rating bands climbing from 1 to 25 without gaps.',
    ),
    { kind: 'cells', at: a1(top - 1, 0), rows: [['Plan']] },
    { kind: 'format', range: block(a1(top - 1, 0), 1, 2), style: styles.section },
    {
      kind: 'cells',
      at: a1(top, 0),
      rows: [
        ['Setting', 'Value'],
        ['Currency', settings.currency],
      ],
    },
    { kind: 'format', range: block(a1(top, 0), 1, 2), style: styles.header },
    { kind: 'format', range: a1(top + 1, 0), style: styles.cardLabel },
    { kind: 'format', range: CURRENCY_CELL, style: styles.cardInput },
    ...reviewSettingItems(settings),
    ...baselineSettingItems(settings),
  ];
  const widths = [
    // Wide enough for the card's labels ("Compare with baseline") and a baseline's name.
    { column: 0, width: 21 },
    { column: 1, width: 22 },
    { column: 2, width: 3 },
  ];
  let column = 3;
  for (const spec of SETTINGS_TABLE_SPECS) {
    const section = tableSection(
      spec.table,
      a1(top, column),
      spec.columns,
      spec.rows(settings),
      settings,
    );
    items.push(
      { kind: 'cells', at: a1(top - 1, column), rows: [[spec.title]] },
      {
        kind: 'format',
        range: block(a1(top - 1, column), 1, spec.columns.length),
        style: styles.section,
      },
      ...section.items,
    );
    widths.push(...section.widths, { column: column + spec.columns.length, width: 3 });
    column += spec.columns.length + 1;
  }
  return {
    name: SETTINGS_SHEET,
    tabColor: '#7F8C8D',
    columnWidths: widths,
    freezeRows: top + 1,
    print: { landscape: true, fitToWidth: 1 },
    items,
  };
}
