import { columnLetter } from '../plan/a1';
import { textLiteral, wholeColumn } from '../plan/references';
import type { SheetItem } from '../plan/types';
import { RiskStatus } from '../schema/project';
import type { BudgetColumn, RiskColumn, TaskColumn } from '../template/columns';
import { tablesOf } from '../template/project-identity';

/** The open status of a risk, as a formula literal. */
export const OPEN = textLiteral(RiskStatus.enum.Open);

/** Where a block of a joint sheet starts: the 0-based row and column of its top-left cell. */
export interface Anchor {
  readonly row: number;
  readonly col: number;
}

/** A block of a joint sheet: the items it writes and the cells other blocks and names refer to. */
export interface Block<Refs = undefined> {
  readonly items: readonly SheetItem[];
  readonly refs: Refs;
}

/**
 * The columns of a grid laid out from its spec, found by header. A header the spec does not
 * have is an error, never a default column.
 */
export function gridColumns<H extends string>(
  specs: readonly { readonly header: H }[],
  left = 0,
): {
  readonly index: (header: H) => number;
  readonly letter: (header: H) => string;
  /** `$X$a:$X$b`: the column from 0-based row `first` to `last`. */
  readonly range: (header: H, first: number, last: number) => string;
} {
  const index = (header: H): number => {
    const i = specs.findIndex((c) => c.header === header);
    if (i < 0) throw new Error(`No column "${header}" in this grid.`);
    return left + i;
  };
  // Memoised: the joint sheets ask for a few letters once per row of 20,000-row grids.
  const letters = new Map<H, string>();
  const letter = (header: H) => {
    let found = letters.get(header);
    if (found === undefined) {
      found = columnLetter(index(header));
      letters.set(header, found);
    }
    return found;
  };
  return {
    index,
    letter,
    range: (header, first, last) =>
      `$${letter(header)}$${first + 1}:$${letter(header)}$${last + 1}`,
  };
}

/** Whole columns of a project's tables, by the names the template's column specs define. */
export function sourceColumns(code: string): {
  readonly tasks: (column: TaskColumn) => string;
  readonly budget: (column: BudgetColumn) => string;
  readonly risks: (column: RiskColumn) => string;
} {
  const t = tablesOf(code);
  return {
    tasks: (column) => wholeColumn(t.tasks, column),
    budget: (column) => wholeColumn(t.budget, column),
    risks: (column) => wholeColumn(t.risks, column),
  };
}
