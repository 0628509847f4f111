/**
 * The fake host for the browser tests: the same fake Excel the unit tests use, exposed as the
 * `Office` and `Excel` globals that the production pane and commands expect from office.js,
 * with the ribbon's function registry and the dialog API recorded for the test to drive.
 */
// Like the pages it stands in for, the fake parses with zod without evaluating strings.
import '../../src/taskpane/no-eval';
import { demoPlan } from '../../src/domain/demo';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { createFakeExcel, type FakeRunOptions } from '../excel/fake-excel';
import { v1WorkbookPlan } from '../fixtures/template-v1';

const fake = createFakeExcel();

function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}
const w = window as unknown as Record<string, unknown>;
const actions = new Map<string, (event: { completed: () => void }) => unknown>();
w.__fake = fake;
w.__dialogs = [] as string[];
w.__messages = [] as string[];
/** Fills the fake workbook with the demo plan, as if the user had it open. */
w.__seedDemo = () =>
  applyPlan(newWorkbookPlan(demoPlan()), {
    run: fake.run,
    capabilities: { dataValidation: true, pageLayout: true },
  });
/** Presses a ribbon button: runs its function and resolves when it calls event.completed(). */
w.__press = (name: string) =>
  new Promise<void>((resolve, reject) => {
    const action = actions.get(name);
    if (!action) return reject(new Error(`No function ${name} was associated`));
    // Office expects completed() exactly once per press; the test reads how often it came.
    w.__completions = 0;
    void action({
      completed: () => {
        w.__completions = (w.__completions as number) + 1;
        resolve();
      },
    });
  });
/**
 * `npm run bench` sets __implanTimeSyncs before load: every sync then waits a macrotask before
 * and after, as a round trip to Excel does, and the stretch the fake spends in it is recorded
 * (__syncSpans), so long tasks the pane causes can be told from the fake host's own work, which
 * in Excel happens in another process.
 */
const spans: [number, number][] = [];
w.__syncSpans = spans;
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** A sync that records the fake's own stretch between two macrotasks. */
const timedSync = (context: Excel.RequestContext) => async () => {
  await macrotask();
  const start = performance.now();
  try {
    await context.sync();
  } finally {
    spans.push([start, performance.now()]);
    await macrotask();
  }
};
type Batch = (context: Excel.RequestContext) => Promise<unknown>;
/**
 * Excel.run(batch), (options, batch) or (batch, options), as the fake takes them. Runs go one at
 * a time: the fake keeps one queue of operations for every context, which the waits added here
 * would otherwise let two runs (the pane refreshing while it acts) fill at once.
 */
let previous: Promise<unknown> = Promise.resolve();
const timedRun = (a: Batch | object, b?: Batch | object): Promise<unknown> => {
  const batch = (typeof a === 'function' ? a : b) as Batch;
  const options = (typeof a === 'function' ? b : a) as FakeRunOptions | undefined;
  const run = () =>
    fake.run(
      (context: Excel.RequestContext) =>
        batch(
          new Proxy(context, {
            get: (target, prop) =>
              prop === 'sync' ? timedSync(target) : (Reflect.get(target, prop) as unknown),
          }),
        ),
      options,
    );
  const mine = previous.then(run, run);
  previous = mine.catch(() => undefined);
  return mine;
};
w.Excel = { run: w.__implanTimeSyncs ? timedRun : fake.run };
/**
 * A test page can open on a workbook made by implan's template version 1 (the demo plan) by
 * setting __implanSeed = 'v1-demo' before load: the pane then starts on it, as a user would.
 */
const seedPlan =
  w.__implanSeed === 'v1-demo'
    ? v1WorkbookPlan(demoPlan())
    : // The bench opens the pane on a plan of its own (plan file input).
      w.__implanSeedPlan
      ? newWorkbookPlan(PlanFile.parse(w.__implanSeedPlan))
      : null;
const seeded = seedPlan
  ? applyPlan(seedPlan, {
      run: fake.run,
      capabilities: { dataValidation: true, pageLayout: true },
    })
  : null;
w.Office = {
  onReady: (callback?: (info: unknown) => void) => {
    w.__onReadyAt = performance.now();
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    if (seeded) return seeded.then(() => (callback?.(info), info));
    callback?.(info);
    return Promise.resolve(info);
  },
  actions: {
    associate: (name: string, action: (event: { completed: () => void }) => unknown) =>
      actions.set(name, action),
  },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: {
    DialogMessageReceived: 'dialogMessageReceived',
    DialogEventReceived: 'dialogEventReceived',
  },
  context: {
    // A test page can play an older Excel by setting __implanMaxExcelApi before load.
    // Versions compare part by part: 1.10 is above 1.9. Other sets (DialogApi) are all there.
    requirements: {
      isSetSupported: (set: string, version = '1.1') =>
        set !== 'ExcelApi' ||
        compareVersions(
          version,
          String((w.__implanMaxExcelApi as string | number | undefined) ?? '99'),
        ) <= 0,
    },
    officeTheme: undefined,
    ui: {
      // The test opens the recorded URL itself; the command sees the user close the dialog.
      displayDialogAsync: (url: string, _options: unknown, callback: (r: unknown) => void) => {
        (w.__dialogs as string[]).push(url);
        callback({
          status: 'succeeded',
          value: {
            addEventHandler: (type: string, handler: () => void) => {
              if (type === 'dialogEventReceived') setTimeout(handler, 0);
            },
            close: () => undefined,
          },
        });
      },
      messageParent: (message: string) => (w.__messages as string[]).push(message),
    },
  },
};
