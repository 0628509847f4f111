import type { Result } from '../diagnostics';
import { fail, ok } from '../diagnostics';
import type { WorkbookPlan } from '../plan/types';
import { PlanFile } from '../schema/plan-file';
import { REGISTRY_SHEET } from './registry-sheet';
import { type WorkbookState, newWorkbookPlan } from './workbook';
import { nameProblems } from '../validation/structure';

/**
 * The plan that sets up implan (How to use, Projects, Settings) in a workbook that has none,
 * or why it cannot: a plan is there already, or a sheet has one of implan's names. The pane's
 * Set up button and `implan init` on an existing workbook both decide here.
 */
export function setUpPlan(state: WorkbookState): Result<WorkbookPlan> {
  if (state.registry !== null || state.sheets.some((s) => s === REGISTRY_SHEET))
    return fail({
      severity: 'error',
      code: 'plan-exists',
      message: 'This workbook already has a plan (a Projects sheet); nothing was changed.',
    });
  const plan = newWorkbookPlan(PlanFile.parse({}));
  const taken = plan.steps
    .flatMap((s) => (s.kind === 'addSheet' ? [s.sheet.name] : []))
    .find((name) => state.sheets.some((s) => s.toLowerCase() === name.toLowerCase()));
  if (taken)
    return fail({
      severity: 'error',
      code: 'duplicate-sheet',
      message: `This workbook already has a sheet named "${taken}"; rename it, then set up the plan again.`,
    });
  // Names implan is about to set (Settings_*) or tables it is about to make, already taken.
  // (What protection stops is checked where the plan is written: writeRefusals.)
  const names = state.structure ? nameProblems(state.structure, []) : [];
  return names.length > 0 ? fail(...names) : ok(plan);
}
