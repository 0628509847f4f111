/**
 * The pane's domain work in a Web Worker: the same answers as the domain in the pane's thread,
 * and the thread as the fallback wherever a worker cannot start, load, clone or answer. The
 * worker here is the real worker module, run behind a stand-in for the browser's Worker that
 * copies every message with structuredClone and delivers it a macrotask later, as browsers do.
 */
import { planConsolidation } from '../../../src/domain/consolidation/consolidate';
import { demoPlan } from '../../../src/domain/demo';
import { validatePlan } from '../../../src/domain/validation/validate';
import { DomainWorker } from '../../../src/taskpane/background/client';
import { rawPlanOf } from '../../domain/validation/raw-plan';

type Listener = ((event: { data: unknown }) => void) | null;

/** A Worker whose other side is src/taskpane/background/domain.worker.ts, loaded afresh. */
class ModuleWorker {
  onmessage: Listener = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  readonly received: unknown[] = [];
  /** Messages the worker posted back. */
  sent = 0;
  private readonly scope: { onmessage: Listener; postMessage(message: unknown): void };

  constructor() {
    this.scope = {
      onmessage: null,
      postMessage: (message) => {
        this.sent++;
        const copy = structuredClone(message);
        setTimeout(() => this.onmessage?.({ data: copy }), 0);
      },
    };
    const global = globalThis as { self?: unknown };
    global.self = this.scope;
    jest.isolateModules(() => jest.requireActual('../../../src/taskpane/background/domain.worker'));
    delete global.self;
  }

  postMessage(message: unknown): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => this.scope.onmessage?.({ data: copy }), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

const raw = rawPlanOf(demoPlan());
const options = { builtAt: '1 Dec 2026 09:00 UTC', existing: [] };

describe('the domain worker', () => {
  it('answers validation and planning as the domain does in the thread', async () => {
    const workers: ModuleWorker[] = [];
    const domain = new DomainWorker(() => {
      workers.push(new ModuleWorker());
      return workers.at(-1) as unknown as Worker;
    });
    expect(await domain.run({ kind: 'validate', raw })).toEqual({
      kind: 'validate',
      diagnostics: validatePlan(raw),
    });
    expect(await domain.run({ kind: 'consolidate', raw, options })).toEqual({
      kind: 'consolidate',
      consolidation: planConsolidation(raw, options),
    });
    // One worker, started on first use, did both.
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received).toHaveLength(2);
  });

  it('takes a large plan in pieces, each a message of its own, and puts it back together', async () => {
    // A project of 2,000 tasks: its schedule rows pass one piece's cells (pieces.ts).
    const demo = demoPlan();
    const first = demo.projects[0]!;
    const tasks = Array.from({ length: 2000 }, (_, i) => ({
      ...first.tasks[0]!,
      id: `T${i + 1}`,
      dependsOn: [],
    }));
    const big = rawPlanOf({ ...demo, projects: [{ ...first, tasks }, ...demo.projects.slice(1)] });
    const worker = new ModuleWorker();
    const domain = new DomainWorker(() => worker as unknown as Worker);
    expect(await domain.run({ kind: 'consolidate', raw: big, options })).toEqual({
      kind: 'consolidate',
      consolidation: planConsolidation(big, options),
    });
    expect(worker.sent).toBeGreaterThan(2);
  });

  it('runs in the thread where no worker can start', async () => {
    const domain = new DomainWorker(() => {
      throw new DOMException('Refused by the page policy', 'SecurityError');
    });
    expect(await domain.run({ kind: 'validate', raw })).toEqual({
      kind: 'validate',
      diagnostics: validatePlan(raw),
    });
    expect(await new DomainWorker(null).run({ kind: 'validate', raw })).toEqual({
      kind: 'validate',
      diagnostics: validatePlan(raw),
    });
  });

  it('runs what was waiting in the thread when the worker fails to load, and stops using it', async () => {
    let spawned = 0;
    const worker = new ModuleWorker();
    // Its script never loads: the browser fires error and nothing answers.
    worker.postMessage = () =>
      setTimeout(() => worker.onerror?.({ preventDefault: () => undefined }), 0);
    const domain = new DomainWorker(() => {
      spawned++;
      return worker as unknown as Worker;
    });
    const expected = { kind: 'validate', diagnostics: validatePlan(raw) };
    expect(await domain.run({ kind: 'validate', raw })).toEqual(expected);
    expect(worker.terminated).toBe(true);
    expect(await domain.run({ kind: 'validate', raw })).toEqual(expected);
    expect(spawned).toBe(1);
  });

  it('runs a task in the thread when the worker says it failed', async () => {
    const worker = new ModuleWorker();
    const domain = new DomainWorker(() => worker as unknown as Worker);
    // Something the domain trips over: in the thread it throws, as a bug should.
    const broken = { ...raw, projects: null } as unknown as typeof raw;
    await expect(domain.run({ kind: 'validate', raw: broken })).rejects.toThrow(TypeError);
    expect(worker.terminated).toBe(false);
    expect(await domain.run({ kind: 'validate', raw })).toEqual({
      kind: 'validate',
      diagnostics: validatePlan(raw),
    });
  });

  it('runs in the thread what structured clone cannot copy', async () => {
    const worker = new ModuleWorker();
    const domain = new DomainWorker(() => worker as unknown as Worker);
    const uncloneable = { ...raw, note: () => undefined } as unknown as typeof raw;
    expect(await domain.run({ kind: 'validate', raw: uncloneable })).toEqual({
      kind: 'validate',
      diagnostics: validatePlan(raw),
    });
    expect(worker.received).toHaveLength(0);
  });
});
