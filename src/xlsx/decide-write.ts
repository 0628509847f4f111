import type { Result } from '../domain/diagnostics';
import { fail, ok } from '../domain/diagnostics';
import type { WorkbookPlan } from '../domain/plan/types';
import { writeRefusals } from '../domain/template/write-check';
import type { WorkbookState } from '../domain/template/workbook';
import { changeWorkbook, readWorkbookState } from './workbook-file';

/** What the domain decided for a workbook file: a plan to write (or none) and what it means. */
export type FileDecision<T> = Result<{ readonly plan: WorkbookPlan | null; readonly value: T }>;

/** The new bytes (null when the decision writes nothing) and the decision's value. */
export type FileChange<T> = Result<{ readonly bytes: Buffer | null; readonly value: T }> & {
  /** The workbook as read, for what a refusal goes on to suggest (a legal sheet name). */
  readonly state: WorkbookState;
};

/**
 * One change of a workbook file, as the pane's readDecideWrite makes one live: read the
 * workbook's state, let the domain decide (given the bytes too, for a decision that reads more), refuse first what the workbook's structure would
 * stop half-way (protection, merged cells where a table grows), then apply the plan at the part
 * level. add-project, init on an existing workbook and the edit commands all come through here,
 * so every file write is checked once, just before it is made. The caller writes the bytes.
 */
export async function decideCheckWrite<T>(
  bytes: Uint8Array,
  label: string,
  decide: (state: WorkbookState, bytes: Uint8Array) => FileDecision<T> | Promise<FileDecision<T>>,
): Promise<FileChange<T>> {
  const state = await readWorkbookState(bytes, label);
  const decision = await decide(state, bytes);
  if (!decision.ok) return { ...decision, state };
  const { plan, value } = decision.value;
  if (plan === null) return { ...ok({ bytes: null, value }), state };
  const refusals = writeRefusals(state, plan);
  if (refusals.length > 0) return { ...fail(...refusals), state };
  return { ...ok({ bytes: await changeWorkbook(bytes, plan, label), value }), state };
}
