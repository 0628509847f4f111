/**
 * The pane's Web Worker: validation and the consolidation plan of hundreds of projects take
 * seconds of CPU, which in the pane's thread would freeze its progress bar and buttons
 * (Microsoft's advice for CPU-intensive add-in work: docs/concepts/
 * resource-limits-and-performance-optimization.md, "use web workers"). The domain is pure, so
 * the worker runs the same functions on the same data and posts the answer back.
 */
// The pages' policy allows no eval, and a worker is under the same policy: zod stays jitless.
import '../no-eval';
import { splitAnswer } from './pieces';
import { answer, type DomainTask } from './tasks';

/** A request as the pane posts it: an id to match the answer to, and the task. */
export interface WorkerRequest {
  readonly id: number;
  readonly task: DomainTask;
}

/** The worker's side of the channel, typed here: the project's lib is DOM, not WebWorker. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = ({ data }) => {
  try {
    // A large plan goes in pieces, then the rest (pieces.ts): the pane takes each in turn.
    const { head, pieces } = splitAnswer(answer(data.task));
    for (const piece of pieces) scope.postMessage({ id: data.id, piece });
    scope.postMessage({ id: data.id, answer: head });
  } catch (e) {
    // A bug, not user data: the pane then runs the task itself, where it throws as it would.
    scope.postMessage({ id: data.id, failed: String(e) });
  }
};
