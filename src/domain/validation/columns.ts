import type { Settings } from '../schema/settings';
import {
  BUDGET_COLUMNS,
  type ColumnKind,
  type ProjectColumnSpec,
  RISK_COLUMNS,
  TASK_COLUMNS,
} from '../template/columns';

export type { ColumnKind };

/** How validation reads one column of a project table: taken from the template's column spec. */
export interface ColumnRule {
  readonly column: string;
  readonly kind: ColumnKind;
  readonly required?: boolean;
  /** A bare number here is almost surely a paste into the wrong column. */
  readonly textOnly?: boolean;
  /** For lists: the allowed values and what they are called. */
  readonly list?: (s: Settings) => { values: readonly string[]; name: string };
}

/** The rules of a table, one per column of its spec, in the sheet's order. */
function rulesOf<E>(specs: readonly ProjectColumnSpec<E>[]): readonly ColumnRule[] {
  return specs.map((c) => ({
    column: c.name,
    kind: c.reads,
    ...(c.required ? { required: true } : {}),
    ...(c.textOnly ? { textOnly: true } : {}),
    ...(c.list ? { list: c.list } : {}),
  }));
}

export const TASK_RULES = rulesOf(TASK_COLUMNS);
export const BUDGET_RULES = rulesOf(BUDGET_COLUMNS);
export const RISK_RULES = rulesOf(RISK_COLUMNS);
