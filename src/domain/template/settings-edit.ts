import type { Result } from '../diagnostics';
import { fail, ok } from '../diagnostics';
import type { PlanStep, WorkbookPlan } from '../plan/types';
import type { Settings } from '../schema/settings';
import { CURRENCY_CELL, SETTINGS_SHEET, SETTINGS_TABLE_SPECS } from './settings-sheet';
import { NO_PLAN_YET, type WorkbookState } from './workbook';
import { UPGRADE_HINT, versionProblem } from './version';

/**
 * The plan that stores checked settings in the workbook's Settings sheet, where co-authors and
 * every formula see them: each Settings table becomes its new list (the names and validations
 * that point at whole columns follow it) and the card's values (currency, review period, baseline
 * compared with) go in their cells. The pane's Save
 * settings and `implan settings --set` both decide here.
 */
export function settingsPlan(state: WorkbookState, settings: Settings): Result<WorkbookPlan> {
  // Settings that no longer read (a gap typed into the bands) are exactly what a save mends:
  // only the register and the Settings tables must be there.
  if (state.registry === null) return fail(NO_PLAN_YET);
  const version = versionProblem(state.templateVersion, UPGRADE_HINT);
  if (version) return fail(version);
  const steps: PlanStep[] = [];
  for (const spec of SETTINGS_TABLE_SPECS) {
    const existingRows = state.settingsRows?.[spec.table];
    if (existingRows === undefined || !state.tables.includes(spec.table))
      return fail({
        severity: 'error',
        code: 'settings-table-missing',
        sheet: SETTINGS_SHEET,
        message: `The Settings sheet has lost its table ${spec.table} (${spec.title.toLowerCase()}); undo the change that removed it, then save the settings again.`,
      });
    const rows = spec.rows(settings);
    // A table keeps at least one body row: an empty list (no holidays) is one blank line.
    const blank = [spec.columns.map(() => null)];
    steps.push({
      kind: 'setTableRows',
      table: spec.table,
      existingRows,
      rows: rows.length > 0 ? rows : blank,
    });
  }
  // The card, one value under the other: currency, review period, baseline compared with.
  steps.push({
    kind: 'setCells',
    sheet: SETTINGS_SHEET,
    at: CURRENCY_CELL,
    rows: [[settings.currency], [settings.reviewEveryDays], [settings.compareBaseline || null]],
  });
  return ok({ steps });
}
