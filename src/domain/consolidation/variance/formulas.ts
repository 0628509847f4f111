import { textLiteral, wholeColumn } from '../../plan/references';
import type { Cell } from '../../plan/types';
import { BASELINE_ROWS, type RowColumn } from '../../baseline/sheet';
import { SETTINGS_NAMES } from '../../template/settings-names';

/**
 * The formulas of the Baseline Variance sheet. Each reads one cell of the baseline (an INDEX at
 * the row the baseline's key was found on when the sheet was built) and one of the project's
 * live tables: constant work per row, never a lookup over every baseline row (issue 14).
 */

/** A value the baseline saved, blank where it saved none (INDEX of a blank cell gives 0). */
export function saved(row: number | undefined, column: RowColumn): Cell {
  if (row === undefined) return null;
  const at = `INDEX(${wholeColumn(BASELINE_ROWS, column)},${row})`;
  return { formula: `IF(${at}="","",${at})` };
}

/** A saved text, as text. */
export function savedText(row: number | undefined, column: RowColumn): Cell {
  if (row === undefined) return null;
  return { formula: `INDEX(${wholeColumn(BASELINE_ROWS, column)},${row})&""` };
}

/** A live value of a project table's row, blank where the cell is. */
export function live(column: string, row: number): { formula: string } {
  const at = `INDEX(${column},${row})`;
  return { formula: `IF(${at}="","",${at})` };
}

/**
 * How many working days (over the plan's holidays) a date moved from `was` to `now`: the
 * working days after the earlier date up to and including the later one, positive when it
 * moved later, 0 when it did not move; blank unless both are dates. Moving from a Saturday to
 * the Monday after is 1 day; from a Friday to the Saturday after is 0.
 */
export function slip(was: string, now: string): { formula: string } {
  const h = SETTINGS_NAMES.holidays;
  return {
    formula:
      `IF(OR(NOT(ISNUMBER(${was})),NOT(ISNUMBER(${now}))),"",` +
      `IF(${now}>${was},NETWORKDAYS(${was}+1,${now},${h}),` +
      `IF(${now}<${was},-NETWORKDAYS(${now}+1,${was},${h}),0)))`,
  };
}

export const CHANGES = {
  added: 'Added',
  closed: 'Closed',
  reopened: 'Reopened',
  rescored: 'Re-scored',
  removed: 'Removed',
} as const;

/** What happened to a risk since the baseline, from its saved and live score and status. */
export function riskChange(
  savedScore: string,
  score: string,
  savedStatus: string,
  status: string,
): { formula: string } {
  const t = textLiteral;
  return {
    formula:
      `IF(${savedScore}="",${t(CHANGES.added)},` +
      `IF(AND(${savedStatus}="Open",${status}="Closed"),${t(CHANGES.closed)},` +
      `IF(AND(${savedStatus}="Closed",${status}="Open"),${t(CHANGES.reopened)},` +
      `IF(${score}<>${savedScore},${t(CHANGES.rescored)},""))))`,
  };
}
