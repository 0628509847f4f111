import type { Diagnostic, Result } from '../diagnostics';
import { fail, ok } from '../diagnostics';
import { serialToIso } from '../dates';
import type { PlanStep, WorkbookPlan } from '../plan/types';
import type { WorkbookState } from '../template/workbook';
import { NO_PLAN_YET } from '../template/workbook';
import { UPGRADE_HINT, versionProblem } from '../template/version';
import { BASELINE_CELL, SETTINGS_SHEET } from '../template/settings-sheet';
import type { RawPlan } from '../validation/raw';
import { validatePlan } from '../validation/validate';
import { BASELINE_LIST, BASELINE_ROWS, baselinesSheetPlan, listRow, snapshotRows } from './sheet';
import { snapshotOfRaw, snapshotTotals, type SnapshotTotals } from './snapshot';
import { sameBaselineName, type StoredBaseline, storedBaselinesOf } from './stored';

export const BASELINE_NAME_MAX = 60;

const refusal = (code: string, message: string): Diagnostic => ({
  severity: 'error',
  code,
  message,
});

/** The name a baseline gets when the user gives none: "Approved 2026-12-02". */
export function defaultBaselineName(today: number): string {
  return `Approved ${serialToIso(today)}`;
}

/** Why `name` cannot name a new baseline beside `saved`, as a sentence; null when it can. */
export function baselineNameProblem(
  name: string,
  saved: readonly StoredBaseline[],
): Diagnostic | null {
  const trimmed = name.trim();
  if (trimmed === '')
    return refusal('baseline-name', 'Give the baseline a name, e.g. "Approved 2026-12-02".');
  if (trimmed.length > BASELINE_NAME_MAX)
    return refusal(
      'baseline-name',
      `The baseline name has ${trimmed.length} characters; a baseline name can have ${BASELINE_NAME_MAX}.`,
    );
  if (/[\u0000-\u001f\u007f;]/.test(trimmed))
    return refusal(
      'baseline-name',
      'A baseline name cannot hold a line break, a tab or ";" (implan settings separates values with it); choose another name.',
    );
  if (/^[=+\-@]/.test(trimmed))
    return refusal(
      'baseline-name',
      `The baseline name "${trimmed}" starts with ${trimmed[0]}, which a spreadsheet may read as a formula; choose another name.`,
    );
  const same = saved.find((b) => sameBaselineName(b.name, trimmed));
  if (same) {
    const when = same.savedOn === null ? '' : ` (saved on ${serialToIso(same.savedOn)})`;
    return refusal(
      'baseline-exists',
      `A baseline named "${same.name}" already exists${when}; a baseline is never overwritten, so choose another name.`,
    );
  }
  return null;
}

/**
 * The plan that saves the included projects as they stand as a new baseline named `name`
 * (dated `savedOn`, a serial): a new Baselines sheet for the first, rows appended to its two
 * tables for the next. Refused with sentences when the plan has errors (a baseline records a
 * plan that checks), the name is taken or unusable, or the Baselines sheet is damaged.
 */
export function saveBaselinePlan(
  state: WorkbookState,
  raw: RawPlan,
  name: string,
  savedOn: number,
  upgradeHint = UPGRADE_HINT,
): Result<{ plan: WorkbookPlan; name: string; totals: SnapshotTotals; compared: boolean }> {
  if (state.registry === null || state.settings === null) return fail(NO_PLAN_YET);
  const version = versionProblem(state.templateVersion, upgradeHint);
  if (version) return fail(version);
  const stored = storedBaselinesOf(raw.baselines, state.sheets);
  if (!stored.ok) return stored;
  const nameProblem = baselineNameProblem(name, stored.value?.baselines ?? []);
  if (nameProblem) return fail(nameProblem);
  const included = { ...raw, projects: raw.projects.filter((p) => p.entry.included) };
  if (included.projects.length === 0)
    return fail(
      refusal(
        'baseline-empty',
        'No project is included in consolidation, so a baseline would hold nothing; include one first.',
      ),
    );
  const errors = validatePlan(included).filter((d) => d.severity === 'error');
  if (errors.length > 0) return fail(...errors);
  const trimmed = name.trim();
  const projects = snapshotOfRaw(included);
  const totals = snapshotTotals(projects, raw.settings);
  const list = listRow(trimmed, savedOn, totals);
  const rows = snapshotRows(trimmed, projects);
  const current = stored.value;
  const steps: PlanStep[] = current
    ? [
        {
          kind: 'fillTableRows',
          table: BASELINE_LIST,
          existingRows: current.list.bodyRows,
          firstRow: current.list.nextRow,
          rows: [list],
        },
        {
          kind: 'fillTableRows',
          table: BASELINE_ROWS,
          existingRows: current.rows.bodyRows,
          firstRow: current.rows.nextRow,
          rows,
        },
      ]
    : [{ kind: 'addSheet', sheet: baselinesSheetPlan(list, rows, raw.settings) }];
  // Where Settings compares with no baseline yet, the one just saved becomes the one compared.
  const compared = state.settings.compareBaseline === '';
  if (compared)
    steps.push({ kind: 'setCells', sheet: SETTINGS_SHEET, at: BASELINE_CELL, rows: [[trimmed]] });
  return ok({ plan: { steps }, name: trimmed, totals, compared });
}
