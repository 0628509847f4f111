import type { Scalar, ValidationRule } from '../plan/types';
import { thisRow } from '../plan/references';
import { isoToSerial, monthToSerial } from '../dates';
import type { BudgetLine, Risk, Task } from '../schema/project';
import type { Settings } from '../schema/settings';
import { SETTINGS_NAMES as N } from './settings-names';
import { numberFormats } from './styles';
import { rules } from './validations';

/** One column of a project table: header, look, guard, and how an entity fills it. */
export interface ColumnSpec<E> {
  readonly name: string;
  readonly width: number;
  readonly numberFormat?: (settings: Settings) => string;
  readonly validation?: ValidationRule;
  /** A guard that refers to other columns; `at(name)` is that column's first body cell. */
  readonly guard?: (at: (column: string) => string) => ValidationRule;
  /** Calculated column formula, given the table name. */
  readonly formula?: (table: string) => string;
  /** The cell an entity puts in this column; absent for calculated columns. */
  readonly toCell?: (entity: E) => Scalar;
}

const date = (iso: string | null): Scalar => (iso === null ? null : isoToSerial(iso));
const yesNo = (b: boolean): Scalar => (b ? 'Yes' : 'No');
const money = (s: Settings) => numberFormats.money(s.currency);
const blankIfAny = (table: string, cols: string[], expr: string, op: 'OR' | 'AND' = 'OR') =>
  `IF(${op}(${cols.map((c) => `${thisRow(table, c)}=""`).join(',')}),"",${expr})`;

export const TASK_COLUMNS: readonly ColumnSpec<Task>[] = [
  { name: 'ID', width: 7, toCell: (t) => t.id },
  { name: 'Task', width: 34, toCell: (t) => t.task },
  { name: 'Phase', width: 14, toCell: (t) => t.phase },
  {
    name: 'Milestone',
    width: 11,
    validation: rules.yesNo('Milestone'),
    toCell: (t) => yesNo(t.milestone),
  },
  { name: 'Responsible', width: 18, toCell: (t) => t.responsible },
  { name: 'Resources', width: 20, toCell: (t) => t.resources },
  {
    name: 'Start',
    width: 12,
    numberFormat: () => numberFormats.date,
    validation: rules.date('Start'),
    toCell: (t) => date(t.start),
  },
  {
    name: 'End',
    width: 12,
    numberFormat: () => numberFormats.date,
    guard: (at) => rules.endAfterStart(at('End'), at('Start')),
    toCell: (t) => date(t.end),
  },
  {
    name: 'Working days',
    width: 13,
    numberFormat: () => numberFormats.days,
    formula: (t) =>
      blankIfAny(
        t,
        ['Start', 'End'],
        `NETWORKDAYS(${thisRow(t, 'Start')},${thisRow(t, 'End')},${N.holidays})`,
      ),
  },
  { name: 'Depends on', width: 12, toCell: (t) => t.dependsOn.join(', ') },
  {
    name: 'Status',
    width: 13,
    validation: rules.list(`=${N.taskStatuses}`, 'Status'),
    toCell: (t) => t.status,
  },
  {
    name: '% complete',
    width: 11,
    numberFormat: () => numberFormats.percent,
    validation: rules.percent(),
    toCell: (t) => t.percentComplete,
  },
  { name: 'Deliverable', width: 26, toCell: (t) => t.deliverable },
];

export const BUDGET_COLUMNS: readonly ColumnSpec<BudgetLine>[] = [
  {
    name: 'Category',
    width: 16,
    validation: rules.list(`=${N.budgetCategories}`, 'Category'),
    toCell: (b) => b.category,
  },
  { name: 'Item', width: 30, toCell: (b) => b.item },
  {
    name: 'Period',
    width: 11,
    numberFormat: () => numberFormats.month,
    validation: rules.date('Period'),
    toCell: (b) => (b.period === null ? null : monthToSerial(b.period)),
  },
  {
    name: 'Planned',
    width: 16,
    numberFormat: money,
    validation: rules.money('Planned'),
    toCell: (b) => b.planned,
  },
  {
    name: 'Actual',
    width: 16,
    numberFormat: money,
    validation: rules.money('Actual'),
    toCell: (b) => b.actual,
  },
  {
    name: 'Variance',
    width: 16,
    numberFormat: money,
    formula: (t) =>
      blankIfAny(
        t,
        ['Planned', 'Actual'],
        `N(${thisRow(t, 'Planned')})-N(${thisRow(t, 'Actual')})`,
        'AND',
      ),
  },
  { name: 'Funding source', width: 18, toCell: (b) => b.fundingSource },
];

export const RISK_COLUMNS: readonly ColumnSpec<Risk>[] = [
  { name: 'ID', width: 7, toCell: (r) => r.id },
  { name: 'Risk', width: 34, toCell: (r) => r.risk },
  {
    name: 'Category',
    width: 14,
    validation: rules.list(`=${N.riskCategories}`, 'Category'),
    toCell: (r) => r.category,
  },
  {
    name: 'Probability',
    width: 11,
    numberFormat: () => numberFormats.integer,
    validation: rules.scale('Probability'),
    toCell: (r) => r.probability,
  },
  {
    name: 'Impact',
    width: 10,
    numberFormat: () => numberFormats.integer,
    validation: rules.scale('Impact'),
    toCell: (r) => r.impact,
  },
  {
    name: 'Score',
    width: 8,
    numberFormat: () => numberFormats.integer,
    formula: (t) =>
      blankIfAny(
        t,
        ['Probability', 'Impact'],
        `${thisRow(t, 'Probability')}*${thisRow(t, 'Impact')}`,
      ),
  },
  {
    name: 'Rating',
    width: 10,
    formula: (t) =>
      blankIfAny(
        t,
        ['Score'],
        `INDEX(${N.ratingName},MATCH(${thisRow(t, 'Score')},${N.ratingMin},1))`,
      ),
  },
  { name: 'Trigger', width: 24, toCell: (r) => r.trigger },
  { name: 'Mitigation', width: 30, toCell: (r) => r.mitigation },
  { name: 'Contingency action', width: 30, toCell: (r) => r.contingency },
  { name: 'Owner', width: 16, toCell: (r) => r.owner },
  {
    name: 'Cost impact',
    width: 16,
    numberFormat: money,
    validation: rules.money('Cost impact'),
    toCell: (r) => r.costImpact,
  },
  {
    name: 'Expected value',
    width: 16,
    numberFormat: money,
    formula: (t) =>
      blankIfAny(
        t,
        ['Probability', 'Cost impact'],
        `INDEX(${N.probabilityPercent},MATCH(${thisRow(t, 'Probability')},${N.probabilityLevel},0))*${thisRow(t, 'Cost impact')}`,
      ),
  },
  {
    name: 'Status',
    width: 9,
    validation: rules.list('Open,Closed', 'Status'),
    toCell: (r) => r.status,
  },
];
