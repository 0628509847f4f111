import type { Scalar, ValidationRule } from '../plan/types';
import { thisRow } from '../plan/references';
import { isoToSerial, monthToSerial } from '../dates';
import { type BudgetLine, type Risk, RiskStatus, type Task } from '../schema/project';
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

/** How validation reads the raw cells of a project table column. */
export type ColumnKind =
  | 'id'
  | 'text'
  | 'date'
  | 'month'
  | 'money'
  | 'scale'
  | 'percent'
  | 'yesNo'
  | 'list'
  | 'calculated';

/**
 * A column of a project table (Tasks, Budget, Risks): besides how the sheet lays it out, how
 * validation reads it. One list serves the sheet, validation and the joint sheets' references.
 */
export interface ProjectColumnSpec<E, N extends string = string> extends ColumnSpec<E> {
  readonly name: N;
  /** How validation reads the raw cell; `calculated` exactly for columns with a formula. */
  readonly reads: ColumnKind;
  readonly required?: boolean;
  /** A bare number here is almost surely a paste into the wrong column. */
  readonly textOnly?: boolean;
  /** For lists: the allowed values and what they are called. */
  readonly list?: (s: Settings) => { values: readonly string[]; name: string };
}

/** Declares a project table's columns, keeping their names as a union of literal types. */
const projectColumns =
  <E>() =>
  <const N extends string>(
    specs: readonly ProjectColumnSpec<E, N>[],
  ): readonly ProjectColumnSpec<E, N>[] =>
    specs;

/** The name of a column of `T`, checked by the compiler against the template. */
export type ColumnName<T extends readonly { readonly name: string }[]> = T[number]['name'];

const date = (iso: string | null): Scalar => (iso === null ? null : isoToSerial(iso));
/** What a Yes/No column holds for yes, as the sheet's list offers it. */
export const YES = 'Yes';
const yesNo = (b: boolean): Scalar => (b ? YES : 'No');
const money = (s: Settings) => numberFormats.money(s.currency);
const blankIfAny = (table: string, cols: string[], expr: string, op: 'OR' | 'AND' = 'OR') =>
  `IF(${op}(${cols.map((c) => `${thisRow(table, c)}=""`).join(',')}),"",${expr})`;

export const TASK_COLUMNS = projectColumns<Task>()([
  { name: 'ID', width: 7, reads: 'id', required: true, toCell: (t) => t.id },
  { name: 'Task', width: 34, reads: 'text', required: true, textOnly: true, toCell: (t) => t.task },
  { name: 'Phase', width: 14, reads: 'text', toCell: (t) => t.phase },
  {
    name: 'Milestone',
    width: 11,
    reads: 'yesNo',
    validation: rules.yesNo('Milestone'),
    toCell: (t) => yesNo(t.milestone),
  },
  {
    name: 'Responsible',
    width: 18,
    reads: 'text',
    required: true,
    textOnly: true,
    toCell: (t) => t.responsible,
  },
  { name: 'Resources', width: 20, reads: 'text', toCell: (t) => t.resources },
  {
    name: 'Start',
    width: 12,
    reads: 'date',
    required: true,
    numberFormat: () => numberFormats.date,
    validation: rules.date('Start'),
    toCell: (t) => date(t.start),
  },
  {
    name: 'End',
    width: 12,
    reads: 'date',
    required: true,
    numberFormat: () => numberFormats.date,
    guard: (at) => rules.endAfterStart(at('End'), at('Start')),
    toCell: (t) => date(t.end),
  },
  {
    name: 'Working days',
    width: 13,
    reads: 'calculated',
    numberFormat: () => numberFormats.days,
    formula: (t) =>
      blankIfAny(
        t,
        ['Start', 'End'],
        `NETWORKDAYS(${thisRow(t, 'Start')},${thisRow(t, 'End')},${N.holidays})`,
      ),
  },
  { name: 'Depends on', width: 12, reads: 'text', toCell: (t) => t.dependsOn.join(', ') },
  {
    name: 'Status',
    width: 13,
    reads: 'list',
    list: (s) => ({ values: s.taskStatuses, name: 'task statuses' }),
    validation: rules.list(`=${N.taskStatuses}`, 'Status'),
    toCell: (t) => t.status,
  },
  {
    name: '% complete',
    width: 11,
    reads: 'percent',
    numberFormat: () => numberFormats.percent,
    validation: rules.percent(),
    toCell: (t) => t.percentComplete,
  },
  { name: 'Deliverable', width: 26, reads: 'text', toCell: (t) => t.deliverable },
]);

export const BUDGET_COLUMNS = projectColumns<BudgetLine>()([
  {
    name: 'Category',
    width: 16,
    reads: 'list',
    required: true,
    list: (s) => ({ values: s.budgetCategories, name: 'budget categories' }),
    validation: rules.list(`=${N.budgetCategories}`, 'Category'),
    toCell: (b) => b.category,
  },
  { name: 'Item', width: 30, reads: 'text', toCell: (b) => b.item },
  {
    name: 'Period',
    width: 11,
    reads: 'month',
    numberFormat: () => numberFormats.month,
    validation: rules.date('Period'),
    toCell: (b) => (b.period === null ? null : monthToSerial(b.period)),
  },
  {
    name: 'Planned',
    width: 16,
    reads: 'money',
    required: true,
    numberFormat: money,
    validation: rules.money('Planned'),
    toCell: (b) => b.planned,
  },
  {
    name: 'Actual',
    width: 16,
    reads: 'money',
    numberFormat: money,
    validation: rules.money('Actual'),
    toCell: (b) => b.actual,
  },
  {
    name: 'Variance',
    width: 16,
    reads: 'calculated',
    numberFormat: money,
    formula: (t) =>
      blankIfAny(
        t,
        ['Planned', 'Actual'],
        `N(${thisRow(t, 'Planned')})-N(${thisRow(t, 'Actual')})`,
        'AND',
      ),
  },
  { name: 'Funding source', width: 18, reads: 'text', toCell: (b) => b.fundingSource },
  // Template version 3, last so an upgrade adds it at the table's end (decision 0012).
  {
    name: 'Forecast to complete',
    // Wide enough for its header, which the render showed cut at 16.
    width: 20,
    reads: 'money',
    numberFormat: money,
    validation: rules.money('Forecast to complete'),
    toCell: (b) => b.forecastToComplete,
  },
]);

export const RISK_COLUMNS = projectColumns<Risk>()([
  { name: 'ID', width: 7, reads: 'id', required: true, toCell: (r) => r.id },
  { name: 'Risk', width: 34, reads: 'text', required: true, textOnly: true, toCell: (r) => r.risk },
  {
    name: 'Category',
    width: 14,
    reads: 'list',
    list: (s) => ({ values: s.riskCategories, name: 'risk categories' }),
    validation: rules.list(`=${N.riskCategories}`, 'Category'),
    toCell: (r) => r.category,
  },
  {
    name: 'Probability',
    width: 11,
    reads: 'scale',
    required: true,
    numberFormat: () => numberFormats.integer,
    validation: rules.scale('Probability'),
    toCell: (r) => r.probability,
  },
  {
    name: 'Impact',
    width: 10,
    reads: 'scale',
    required: true,
    numberFormat: () => numberFormats.integer,
    validation: rules.scale('Impact'),
    toCell: (r) => r.impact,
  },
  {
    name: 'Score',
    width: 8,
    reads: 'calculated',
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
    reads: 'calculated',
    formula: (t) =>
      blankIfAny(
        t,
        ['Score'],
        `INDEX(${N.ratingName},MATCH(${thisRow(t, 'Score')},${N.ratingMin},1))`,
      ),
  },
  { name: 'Trigger', width: 24, reads: 'text', toCell: (r) => r.trigger },
  { name: 'Mitigation', width: 30, reads: 'text', textOnly: true, toCell: (r) => r.mitigation },
  {
    name: 'Contingency action',
    width: 30,
    reads: 'text',
    textOnly: true,
    toCell: (r) => r.contingency,
  },
  { name: 'Owner', width: 16, reads: 'text', textOnly: true, toCell: (r) => r.owner },
  {
    name: 'Cost impact',
    width: 16,
    reads: 'money',
    numberFormat: money,
    validation: rules.money('Cost impact'),
    toCell: (r) => r.costImpact,
  },
  {
    name: 'Expected value',
    width: 16,
    reads: 'calculated',
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
    reads: 'list',
    list: () => ({
      values: RiskStatus.options,
      name: `risk statuses (${RiskStatus.options.join(', ')})`,
    }),
    validation: rules.list(RiskStatus.options.join(','), 'Status'),
    toCell: (r) => r.status,
  },
]);

export type TaskColumn = ColumnName<typeof TASK_COLUMNS>;
export type BudgetColumn = ColumnName<typeof BUDGET_COLUMNS>;
export type RiskColumn = ColumnName<typeof RISK_COLUMNS>;
