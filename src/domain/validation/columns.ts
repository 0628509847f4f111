import type { Settings } from '../schema/settings';

/** How validation reads each column of a project table. */
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

export interface ColumnRule {
  readonly column: string;
  readonly kind: ColumnKind;
  readonly required?: boolean;
  /** For lists: the allowed values and what they are called. */
  readonly list?: (s: Settings) => { values: readonly string[]; name: string };
}

const rule = (column: string, kind: ColumnKind, extra: Partial<ColumnRule> = {}): ColumnRule => ({
  column,
  kind,
  ...extra,
});

export const TASK_RULES: readonly ColumnRule[] = [
  rule('ID', 'id', { required: true }),
  rule('Task', 'text', { required: true }),
  rule('Phase', 'text'),
  rule('Milestone', 'yesNo'),
  rule('Responsible', 'text', { required: true }),
  rule('Resources', 'text'),
  rule('Start', 'date', { required: true }),
  rule('End', 'date', { required: true }),
  rule('Working days', 'calculated'),
  rule('Depends on', 'text'),
  rule('Status', 'list', { list: (s) => ({ values: s.taskStatuses, name: 'task statuses' }) }),
  rule('% complete', 'percent'),
  rule('Deliverable', 'text'),
];

export const BUDGET_RULES: readonly ColumnRule[] = [
  rule('Category', 'list', {
    required: true,
    list: (s) => ({ values: s.budgetCategories, name: 'budget categories' }),
  }),
  rule('Item', 'text'),
  rule('Period', 'month'),
  rule('Planned', 'money', { required: true }),
  rule('Actual', 'money'),
  rule('Variance', 'calculated'),
  rule('Funding source', 'text'),
];

export const RISK_RULES: readonly ColumnRule[] = [
  rule('ID', 'id', { required: true }),
  rule('Risk', 'text', { required: true }),
  rule('Category', 'list', {
    list: (s) => ({ values: s.riskCategories, name: 'risk categories' }),
  }),
  rule('Probability', 'scale', { required: true }),
  rule('Impact', 'scale', { required: true }),
  rule('Score', 'calculated'),
  rule('Rating', 'calculated'),
  rule('Trigger', 'text'),
  rule('Mitigation', 'text'),
  rule('Contingency action', 'text'),
  rule('Owner', 'text'),
  rule('Cost impact', 'money'),
  rule('Expected value', 'calculated'),
  rule('Status', 'list', {
    list: () => ({ values: ['Open', 'Closed'], name: 'risk statuses (Open, Closed)' }),
  }),
];
