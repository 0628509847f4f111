import type { Result } from '../domain/diagnostics';
import { fail, ok } from '../domain/diagnostics';
import { writeRefusals } from '../domain/template/write-check';
import type { Project } from '../domain/schema/project';
import type { Settings } from '../domain/schema/settings';
import { removeProjectPlan, setIncludedPlan } from '../domain/template/registry-edits';
import { settingsPlan } from '../domain/template/settings-edit';
import { sheetOf } from '../domain/template/project-identity';
import { REGISTRY_SHEET, type RegistryEntry } from '../domain/template/registry-sheet';
import { setUpPlan as setUpPlanOf } from '../domain/template/set-up';
import { type NewProjectInput, addProjectPlan } from '../domain/template/workbook';
import type { WorkbookPlan } from '../domain/plan/types';
import { PAYLOAD_BUDGET, WriteQueue, queuePlan } from './apply-plan';
import { defaultRun, detectCapabilities, type ExcelRun, type HostCapabilities } from './host';
import { queueStateRead } from './read-state';
import type { WorkbookState } from '../domain/template/workbook';

export interface ActionOptions {
  readonly run?: ExcelRun;
  readonly capabilities?: HostCapabilities;
}

export interface Applied<T> {
  readonly value: T;
  readonly syncs: number;
  readonly skipped: readonly string[];
}

/** Bytes per request below which a refused request is not tried again in smaller ones. */
const SMALLEST_BUDGET = 10_000;
const TOO_LARGE = 'RequestPayloadSizeLimitExceeded';

/**
 * One user action: read the workbook (one sync), let the domain decide, write (one sync).
 * Two syncs whatever the number of projects; more only for payloads over the request limit.
 * Where Excel has ExcelApi 1.20 the action is one step of Excel's undo. A write request Excel
 * refuses as too large (its limit varies by host) is made again in requests a quarter of the
 * size, as long as no write of the action had been applied: so a retry never adds a sheet twice.
 */
async function readDecideWrite<T>(
  options: ActionOptions & { readonly budget?: number },
  decide: (state: WorkbookState) => Result<{ plan: WorkbookPlan; value: T; activate?: string }>,
): Promise<Result<Applied<T>>> {
  return await inSmallerRequests(options, (o, write) => readDecideWriteOnce(o, decide, write));
}

/** Whether a write of the action had been applied when it failed; set by the action. */
export interface WriteMark {
  untouched: boolean;
}

/**
 * Runs an action; when Excel refuses one of its requests as too large (its limit varies by
 * host) before any write of it was applied (`mark.untouched`), runs it again with requests a
 * quarter of the size, down to SMALLEST_BUDGET: a retry never writes anything twice.
 */
export async function inSmallerRequests<O extends { readonly budget?: number }, T>(
  options: O,
  action: (options: O, mark: WriteMark) => Promise<T>,
): Promise<T> {
  const mark: WriteMark = { untouched: false };
  try {
    return await action(options, mark);
  } catch (e) {
    const budget = options.budget ?? PAYLOAD_BUDGET;
    const code = (e as { code?: unknown } | null)?.code;
    if (code !== TOO_LARGE || !mark.untouched || budget <= SMALLEST_BUDGET) throw e;
    return await inSmallerRequests({ ...options, budget: Math.floor(budget / 4) }, action);
  }
}

async function readDecideWriteOnce<T>(
  options: ActionOptions & { readonly budget?: number },
  decide: (state: WorkbookState) => Result<{ plan: WorkbookPlan; value: T; activate?: string }>,
  mark: WriteMark,
): Promise<Result<Applied<T>>> {
  const run = options.run ?? defaultRun;
  const caps = options.capabilities ?? detectCapabilities();
  return await run(
    async (context) => {
      const q = new WriteQueue(context, options.budget);
      const state = queueStateRead(context, undefined, caps);
      await q.flush();
      const read = state();
      const decision = decide(read);
      if (!decision.ok) return decision;
      // Whatever the action, nothing is sent that Excel would refuse half-way.
      const blocked = writeRefusals(read, decision.value.plan);
      if (blocked.length > 0) return fail(...blocked);
      const syncsRead = q.syncs;
      try {
        const skipped = await queuePlan(q, decision.value.plan, caps);
        const activate = decision.value.activate;
        if (activate !== undefined) context.workbook.worksheets.getItem(activate).activate();
        await q.flush();
        return ok({ value: decision.value.value, syncs: q.syncs, skipped });
      } catch (e) {
        mark.untouched = q.syncs === syncsRead;
        throw e;
      }
    },
    caps.undoGroup ? { mergeUndoGroup: true } : undefined,
  );
}

/** Set up a plan (Settings, Projects, How to use) in a workbook that has none. */
export async function setUpPlan(options: ActionOptions = {}): Promise<Result<Applied<null>>> {
  return await readDecideWrite(options, (state) => {
    const plan = setUpPlanOf(state);
    return plan.ok ? ok({ plan: plan.value, value: null, activate: REGISTRY_SHEET }) : plan;
  });
}

/** Add a templated project sheet and register it. */
export async function addProject(
  input: NewProjectInput,
  options: ActionOptions = {},
): Promise<Result<Applied<Project>>> {
  return await readDecideWrite(options, (state) => {
    const r = addProjectPlan(state, input);
    if (!r.ok) return r;
    return ok({ plan: r.value.plan, value: r.value.project, activate: sheetOf(r.value.project) });
  });
}

/** Include projects in consolidation or leave them out: their registry lines' Included cells. */
export async function setIncluded(
  codes: readonly string[],
  included: boolean,
  options: ActionOptions = {},
): Promise<Result<Applied<RegistryEntry[]>>> {
  return await readDecideWrite(options, (state) => {
    const r = setIncludedPlan(state, codes, included);
    return r.ok ? ok({ plan: r.value.plan, value: r.value.entries }) : r;
  });
}

/**
 * Take a project out of the plan: its registry line goes; its sheet, and everything typed in
 * it, stays unless `deleteSheet` says otherwise (the pane asks for that separately).
 */
export async function removeProject(
  code: string,
  options: ActionOptions & { readonly deleteSheet: boolean },
): Promise<Result<Applied<RegistryEntry>>> {
  return await readDecideWrite(options, (state) => {
    const r = removeProjectPlan(state, code, options);
    return r.ok ? ok({ plan: r.value.plan, value: r.value.entry }) : r;
  });
}

/**
 * Store checked settings in the workbook's Settings sheet, where co-authors and every formula
 * see them. Two syncs: one to read the workbook (the lists' sizes among it), one to write.
 */
export async function saveSettings(
  settings: Settings,
  options: ActionOptions = {},
): Promise<Result<Applied<Settings>>> {
  return await readDecideWrite(options, (state) => {
    const r = settingsPlan(state, settings);
    return r.ok ? ok({ plan: r.value, value: settings }) : r;
  });
}
