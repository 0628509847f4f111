import { type Consolidation, planConsolidation } from '../../domain/consolidation/consolidate';
import type { Diagnostic } from '../../domain/diagnostics';
import type { RawPlan } from '../../domain/validation/raw';
import { validatePlan } from '../../domain/validation/validate';

/** What `planConsolidation` takes besides the raw plan. */
export type PlanOptions = Parameters<typeof planConsolidation>[1];

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
