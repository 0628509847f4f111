import {
  type Consolidation,
  planConsolidation,
  planConsolidationPausing,
  type PlanOptions,
} from '../../domain/consolidation/consolidate';
import type { Diagnostic } from '../../domain/diagnostics';
import type { RawPlan } from '../../domain/validation/raw';
import { validatePlan } from '../../domain/validation/validate';

export type { PlanOptions };

/**
 * The domain's two long computations, as messages: plain data both ways, so they can run in a
 * Web Worker (structured clone) or in the pane's own thread with the same answer.
 */
export type DomainTask =
  | { readonly kind: 'validate'; readonly raw: RawPlan }
  | { readonly kind: 'consolidate'; readonly raw: RawPlan; readonly options: PlanOptions };

export type DomainAnswer =
  | { readonly kind: 'validate'; readonly diagnostics: Diagnostic[] }
  | { readonly kind: 'consolidate'; readonly consolidation: Consolidation };

/** Does a task: the one place both the worker and the pane's fallback call the domain. */
export function answer(task: DomainTask): DomainAnswer {
  switch (task.kind) {
    case 'validate':
      return { kind: 'validate', diagnostics: validatePlan(task.raw) };
    case 'consolidate':
      return {
        kind: 'consolidate',
        consolidation: planConsolidation(task.raw, task.options),
      };
  }
}

/**
 * `answer` in the pane's own thread, where no worker runs: a consolidation pauses between its
 * parts (`pause`, a turn of the event loop) so the pane repaints while it plans; a
 * validation is one part (about 0.15 s at 400 projects).
 */
export async function answerInSteps(
  task: DomainTask,
  pause: () => Promise<void>,
): Promise<DomainAnswer> {
  if (task.kind !== 'consolidate') return answer(task);
  return {
    kind: 'consolidate',
    consolidation: await planConsolidationPausing(task.raw, task.options, pause),
  };
}
