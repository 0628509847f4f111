import { a1, block } from '../plan/a1';
import { sheetHeading } from './heading';
import type { Cell, SheetEdit, SheetItem, SheetPlan } from '../plan/types';
import { textLiteral, wholeColumn } from '../plan/references';
import { isoToSerial } from '../dates';
import { type Project, type ProjectHeader, RiskStatus } from '../schema/project';
import type { Settings } from '../schema/settings';
import { BUDGET_COLUMNS, RISK_COLUMNS, TASK_COLUMNS } from './columns';
import { sheetOf, tablesOf } from './project-identity';
import { bandRules } from './risk-bands';
import { SETTINGS_NAMES } from './settings-names';
import { numberFormats, styles } from './styles';
import { tableSection } from './table-section';
import { rules } from './validations';
import { REVIEW_DUE, REVIEW_DUE_STYLE, reviewStateFormula } from './review';

/**
 * Where things sit on a project sheet. The three tables stand side by side with their headers
 * on one row and nothing below them, so each can grow downwards with Excel's own commands
 * (typing under it, Tab in the last cell, Insert Table Rows) without ever shifting another
 * table's cells; and one frozen header row serves all three.
 */
export const PROJECT_LAYOUT = {
  headerRow: 3,
  cardColumn: 0,
  tasksColumn: 3,
  budgetColumn: 3 + TASK_COLUMNS.length + 1,
  risksColumn: 3 + TASK_COLUMNS.length + 1 + BUDGET_COLUMNS.length + 1,
} as const;

type CardKey = keyof Omit<ProjectHeader, 'sheet' | 'included'>;

/** Project card fields, in order, from row 5 down: label in column A, value in column B. */
export const CARD_FIELDS: readonly { key: CardKey; label: string }[] = [
  { key: 'name', label: 'Project' },
  { key: 'code', label: 'Code' },
  { key: 'manager', label: 'Manager' },
  { key: 'objective', label: 'Objective' },
  { key: 'expectedResults', label: 'Expected results' },
  { key: 'start', label: 'Start' },
  { key: 'end', label: 'End' },
  { key: 'budgetCeiling', label: 'Budget ceiling' },
  { key: 'status', label: 'Status' },
  { key: 'lastReviewed', label: 'Last reviewed on' },
];

/** The cell holding a card field's value, e.g. "B10" for start. */
export function cardCell(key: CardKey): string {
  const index = CARD_FIELDS.findIndex((f) => f.key === key);
  return a1(PROJECT_LAYOUT.headerRow + 1 + index, PROJECT_LAYOUT.cardColumn + 1);
}

/** First row (0-based) of the card's calculated summary, under its title. */
const SUMMARY_TOP = PROJECT_LAYOUT.headerRow + CARD_FIELDS.length + 2;
const SUMMARY_LENGTH = 5;

/**
 * The card's review row, added by template version 2 under the calculated summary: "Due" (in
 * red) when "Last reviewed on" is empty or older than the Settings' review period. A new sheet
 * and the upgrade of a version 1 sheet write the same items.
 */
export const PROJECT_REVIEW_CELL = a1(SUMMARY_TOP + SUMMARY_LENGTH, 1);
export const PROJECT_REVIEW_LABEL = 'Review';

export function projectReviewItems(): SheetEdit[] {
  const label = a1(SUMMARY_TOP + SUMMARY_LENGTH, 0);
  const cell = PROJECT_REVIEW_CELL;
  return [
    {
      kind: 'cells',
      at: label,
      rows: [[PROJECT_REVIEW_LABEL, { formula: reviewStateFormula(cardCell('lastReviewed')) }]],
    },
    { kind: 'format', range: label, style: styles.cardLabel },
    { kind: 'format', range: cell, style: styles.calculated },
    {
      kind: 'conditionalFormat',
      range: cell,
      rule: {
        kind: 'expression',
        formula: `${cell}=${textLiteral(REVIEW_DUE)}`,
        style: REVIEW_DUE_STYLE,
      },
    },
  ];
}

function cardValue(project: ProjectHeader, key: CardKey): Cell {
  const v = project[key];
  if (key === 'start' || key === 'end' || key === 'lastReviewed')
    return typeof v === 'string' ? isoToSerial(v) : null;
  return v ?? null;
}

function cardItems(project: ProjectHeader, settings: Settings): SheetItem[] {
  const top = PROJECT_LAYOUT.headerRow;
  const t = tablesOf(project.code);
  const valueCol = 'B';
  const money = numberFormats.money(settings.currency);
  const items: SheetItem[] = [
    { kind: 'cells', at: a1(top, 0), rows: [['Field', 'Value']] },
    { kind: 'format', range: block(a1(top, 0), 1, 2), style: styles.header },
    {
      kind: 'cells',
      at: a1(top + 1, 0),
      rows: CARD_FIELDS.map((f) => [f.label, cardValue(project, f.key)]),
    },
    {
      kind: 'format',
      range: block(a1(top + 1, 0), CARD_FIELDS.length, 1),
      style: styles.cardLabel,
    },
    {
      kind: 'format',
      range: block(a1(top + 1, 1), CARD_FIELDS.length, 1),
      style: styles.cardInput,
    },
  ];
  for (const key of ['start', 'end', 'lastReviewed'] as const) {
    items.push({
      kind: 'format',
      range: cardCell(key),
      style: { numberFormat: numberFormats.date },
    });
    const rule =
      key === 'end' ? rules.endAfterStart(cardCell('end'), cardCell('start')) : rules.date('Date');
    items.push({ kind: 'validation', range: cardCell(key), rule });
  }
  items.push(
    { kind: 'format', range: cardCell('budgetCeiling'), style: { numberFormat: money } },
    { kind: 'validation', range: cardCell('budgetCeiling'), rule: rules.money('Budget ceiling') },
    {
      kind: 'validation',
      range: cardCell('status'),
      rule: rules.list(`=${SETTINGS_NAMES.projectStatuses}`, 'Project status'),
    },
  );
  const summaryTop = SUMMARY_TOP;
  const summary: [string, Cell, string][] = [
    ['Planned total', { formula: `SUM(${wholeColumn(t.budget, 'Planned')})` }, money],
    ['Actual total', { formula: `SUM(${wholeColumn(t.budget, 'Actual')})` }, money],
    [
      'Variance',
      {
        formula: `SUM(${wholeColumn(t.budget, 'Planned')})-SUM(${wholeColumn(t.budget, 'Actual')})`,
      },
      money,
    ],
    [
      'Open risk exposure',
      {
        formula: `SUMIFS(${wholeColumn(t.risks, 'Expected value')},${wholeColumn(t.risks, 'Status')},${textLiteral(RiskStatus.enum.Open)})`,
      },
      money,
    ],
    [
      // A sum over tasks, not the project's span: the joint schedule's "Work days" is the span
      // (NETWORKDAYS from first start to last end), so the two must not share a label.
      'Sum of working days',
      { formula: `SUM(${wholeColumn(t.tasks, 'Working days')})` },
      numberFormats.days,
    ],
  ];
  items.push(
    { kind: 'cells', at: a1(summaryTop - 1, 0), rows: [['Summary (calculated)']] },
    { kind: 'format', range: block(a1(summaryTop - 1, 0), 1, 2), style: styles.section },
    { kind: 'cells', at: a1(summaryTop, 0), rows: summary.map(([label, f]) => [label, f]) },
    { kind: 'format', range: block(a1(summaryTop, 0), summary.length, 1), style: styles.cardLabel },
    {
      kind: 'format',
      range: block(a1(summaryTop, 1), summary.length, 1),
      style: styles.calculated,
    },
  );
  summary.forEach(([, , fmt], i) =>
    items.push({
      kind: 'format',
      range: `${valueCol}${summaryTop + i + 1}`,
      style: { numberFormat: fmt },
    }),
  );
  // The review row (projectReviewItems) sits right under the summary.
  if (summary.length !== SUMMARY_LENGTH) throw new Error('The review row must follow the summary');
  return items;
}

/** The templated sheet of one project, its tables filled with the project's rows. */
export function projectSheetPlan(project: Project, settings: Settings): SheetPlan {
  const L = PROJECT_LAYOUT;
  const t = tablesOf(project.code);
  const tasks = tableSection(
    t.tasks,
    a1(L.headerRow, L.tasksColumn),
    TASK_COLUMNS,
    project.tasks,
    settings,
  );
  const budget = tableSection(
    t.budget,
    a1(L.headerRow, L.budgetColumn),
    BUDGET_COLUMNS,
    project.budget,
    settings,
  );
  const risks = tableSection(
    t.risks,
    a1(L.headerRow, L.risksColumn),
    RISK_COLUMNS,
    project.risks,
    settings,
  );
  const sectionRow = L.headerRow - 1;
  const sections: [number, number, string][] = [
    [L.cardColumn, 2, 'Project card'],
    [L.tasksColumn, TASK_COLUMNS.length, 'Tasks'],
    [L.budgetColumn, BUDGET_COLUMNS.length, `Budget (${settings.currency})`],
    [L.risksColumn, RISK_COLUMNS.length, 'Risks'],
  ];
  const items: SheetItem[] = [
    ...sheetHeading(
      project.name,
      'Fill in the pale cells of the project card and the rows of each table. To add a row, type just below a table or press Tab in its last cell. Shaded columns are calculated.',
    ),
    ...sections.flatMap(([col, width, title]): SheetItem[] => [
      { kind: 'cells', at: a1(sectionRow, col), rows: [[title]] },
      { kind: 'format', range: block(a1(sectionRow, col), 1, width), style: styles.section },
    ]),
    ...cardItems(project, settings),
    ...tasks.items,
    ...budget.items,
    ...risks.items,
    ...bandRules(
      risks.body,
      RISK_COLUMNS.map((c) => c.name),
      settings,
    ),
    // Last, so the band colours keep the first priorities they had in version 1.
    ...projectReviewItems(),
  ];
  return {
    name: sheetOf(project),
    tabColor: '#2E8B75',
    columnWidths: [
      { column: 0, width: 20 },
      { column: 1, width: 36 },
      { column: 2, width: 3 },
      ...tasks.widths,
      { column: L.budgetColumn - 1, width: 3 },
      ...budget.widths,
      { column: L.risksColumn - 1, width: 3 },
      ...risks.widths,
    ],
    freezeRows: L.headerRow + 1,
    // Card and tasks on the first page, budget and risks after: readable, not shrunk to nothing.
    print: { landscape: true, fitToWidth: 3 },
    items,
  };
}
