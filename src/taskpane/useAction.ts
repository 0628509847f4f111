import { useState } from 'react';
import type { Diagnostic, Result } from '../domain/diagnostics';
import { ok } from '../domain/diagnostics';
import { hostProblem } from './host';

/** What the host could not apply (e.g. no ExcelApi 1.8) is said, as a warning, not hidden. */
function skippedWarnings(value: unknown): Diagnostic[] {
  const skipped = (value as { skipped?: unknown } | null)?.skipped;
  if (!Array.isArray(skipped)) return [];
  return skipped.map((message) => ({
    severity: 'warning',
    code: 'host.skipped',
    message: String(message),
  }));
}

/**
 * Runs a pane action: marks it busy, reports the domain's problems or a host error as
 * sentences, and refreshes what the pane shows afterwards.
 */
export function useAction(
  onDone: () => Promise<void>,
  onProblems: (problems: Diagnostic[]) => void,
) {
  const [busy, setBusy] = useState(false);
  const run = async <T>(action: () => Promise<Result<T>>): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await action();
      onProblems(result.ok ? skippedWarnings(result.value) : result.problems);
      await onDone();
      return result.ok;
    } catch (e) {
      onProblems([hostProblem(e)]);
      return false;
    } finally {
      setBusy(false);
    }
  };
  /** The same for an action with no domain result: it succeeds unless the host refuses it. */
  const attempt = (action: () => Promise<unknown>): Promise<boolean> =>
    run(async () => {
      await action();
      return ok(null);
    });
  return { busy, run, attempt };
}
