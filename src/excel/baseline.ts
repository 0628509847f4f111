import type { Result } from '../domain/diagnostics';
import { fail, ok } from '../domain/diagnostics';
import { saveBaselinePlan } from '../domain/baseline/save';
import type { SnapshotTotals } from '../domain/baseline/snapshot';
import { todaySerial } from '../domain/dates';
import { writeRefusals } from '../domain/template/write-check';
import { hasPlan } from '../domain/template/workbook';
import type { ActionOptions, Applied } from './actions';
import { WriteQueue, queuePlan } from './apply-plan';
import { defaultRun, detectCapabilities } from './host';
import { Loads } from './loads';
import { NO_PLAN, queueRawPlanRead } from './read-plan';
import { queueStateRead } from './read-state';

export interface SavedBaseline {
  readonly name: string;
  readonly totals: SnapshotTotals;
  /** Whether Settings now compares with it (it compared with none before). */
  readonly compared: boolean;
}

/**
 * The pane's Save baseline: the included projects as they stand, saved as values under `name`
 * on the Baselines sheet (decision 0010). One run with four syncs whatever the number of
 * projects (more only where the tables pass a response, loads.ts): the state, then the project
 * and Baselines tables in one banded read (their addresses, their values), then the write.
 */
export async function saveBaseline(
  name: string,
  options: ActionOptions & { readonly today?: number } = {},
): Promise<Result<Applied<SavedBaseline>>> {
  const run = options.run ?? defaultRun;
  const caps = options.capabilities ?? detectCapabilities();
  const today = options.today ?? todaySerial();
  return await run(
    async (context) => {
      const loads = new Loads(context);
      const readState = queueStateRead(context, loads, caps);
      await loads.sync();
      const state = readState();
      if (!hasPlan(state)) return fail(NO_PLAN);
      const readRaw = queueRawPlanRead(context, state, loads);
      await loads.sync();
      const r = saveBaselinePlan(state, readRaw(), name, today, 'click Upgrade in the pane');
      if (!r.ok) return r;
      const blocked = writeRefusals(state, r.value.plan);
      if (blocked.length > 0) return fail(...blocked);
      const q = new WriteQueue(context);
      q.syncs = loads.syncs;
      const skipped = await queuePlan(q, r.value.plan, caps);
      await q.flush();
      const { totals, compared } = r.value;
      return ok({ value: { name: r.value.name, totals, compared }, syncs: q.syncs, skipped });
    },
    caps.undoGroup ? { mergeUndoGroup: true } : undefined,
  );
}
