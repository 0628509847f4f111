import { useState } from 'react';
import type { Diagnostic, Result } from '../domain/diagnostics';
import { hostProblem } from './host';

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
      onProblems(result.ok ? [] : result.problems);
      await onDone();
      return result.ok;
    } catch (e) {
      onProblems([hostProblem(e)]);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
