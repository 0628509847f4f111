import type { Consolidation } from '../../domain/consolidation/consolidate';
import type { Diagnostic } from '../../domain/diagnostics';
import type { RawPlan } from '../../domain/validation/raw';
import { joinAnswer, type RowsPiece } from './pieces';
import { answerInSteps, type DomainAnswer, type DomainTask, type PlanOptions } from './tasks';

/**
 * What the worker posts back for request `id`: pieces of a large answer's rows (pieces.ts), then
 * the answer; or that it failed.
 */
type WorkerReply =
  | { readonly id: number; readonly piece: RowsPiece }
  | { readonly id: number; readonly answer: DomainAnswer }
  | { readonly id: number; readonly failed: string };

interface Pending {
  /** The rows sent ahead of the answer, in order. */
  readonly pieces: RowsPiece[];
  readonly resolve: (answer: DomainAnswer) => void;
  /** Runs the task in the pane's thread instead, settling the same promise. */
  readonly fallBack: () => void;
}

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The task in the pane's own thread, after a turn of the event loop (as a worker's would be),
 * with a turn between the parts of a consolidation.
 */
const inThread = (task: DomainTask): Promise<DomainAnswer> =>
  turn().then(() => answerInSteps(task, turn));

/**
 * The domain's long computations off the pane's thread, in one Web Worker started on first use.
 * Wherever a worker cannot run (no `Worker`, as in the ribbon's function file on some hosts; a
 * policy or a network that refuses its script; a value that cannot be cloned; a bug inside it)
 * the same task runs in the pane's thread instead: slower to repaint, same answer.
 */
export class DomainWorker {
  private worker: Worker | null = null;
  private broken = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly spawn: (() => Worker) | null) {}

  run(task: DomainTask): Promise<DomainAnswer> {
    const worker = this.started();
    if (!worker) return inThread(task);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const fallBack = () => void inThread(task).then(resolve, reject);
      this.pending.set(id, { pieces: [], resolve, fallBack });
      try {
        worker.postMessage({ id, task });
      } catch {
        // DataCloneError: the task holds something structured clone cannot copy.
        this.pending.delete(id);
        fallBack();
      }
    });
  }

  private started(): Worker | null {
    if (this.worker || this.broken || !this.spawn) return this.worker;
    try {
      this.worker = this.spawn();
    } catch {
      // A SecurityError where the page's policy refuses workers: never try again.
      this.broken = true;
      return null;
    }
    this.worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
      const pending = this.pending.get(data.id);
      if (!pending) return;
      if ('piece' in data) {
        pending.pieces.push(data.piece);
        return;
      }
      this.pending.delete(data.id);
      if ('answer' in data) pending.resolve(joinAnswer(data.answer, pending.pieces));
      else pending.fallBack();
    };
    // The script did not load or the worker died: everything waiting runs here, and so does
    // everything after.
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.giveUp();
    };
    this.worker.onmessageerror = () => this.giveUp();
    return this.worker;
  }

  private giveUp(): void {
    this.broken = true;
    this.worker?.terminate();
    this.worker = null;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.fallBack();
  }
}

let shared = new DomainWorker(null);

/** The pane's entry point says how to start the worker; until then tasks run in the thread. */
export function runDomainInWorker(spawn: () => Worker): void {
  shared = new DomainWorker(spawn);
}

/** `validatePlan`, off the pane's thread where it can be. */
export async function validateInBackground(raw: RawPlan): Promise<Diagnostic[]> {
  const done = await shared.run({ kind: 'validate', raw });
  if (done.kind !== 'validate') throw new Error(`The domain worker answered ${done.kind}`);
  return done.diagnostics;
}

/** `planConsolidation`, off the pane's thread where it can be. */
export async function planInBackground(raw: RawPlan, options: PlanOptions): Promise<Consolidation> {
  const done = await shared.run({ kind: 'consolidate', raw, options });
  if (done.kind !== 'consolidate') throw new Error(`The domain worker answered ${done.kind}`);
  return done.consolidation;
}
