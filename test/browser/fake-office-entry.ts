/**
 * The fake host for the browser tests: the same fake Excel the unit tests use, exposed as the
 * `Office` and `Excel` globals that the production pane and commands expect from office.js,
 * with the ribbon's function registry and the dialog API recorded for the test to drive.
 */
// Like the pages it stands in for, the fake parses with zod without evaluating strings.
import '../../src/taskpane/no-eval';
import { demoPlan } from '../../src/domain/demo';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { createFakeExcel } from '../excel/fake-excel';
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
w.Excel = { run: fake.run };
/**
 * A test page can open on a workbook made by implan's template version 1 (the demo plan) by
 * setting __implanSeed = 'v1-demo' before load: the pane then starts on it, as a user would.
 */
const seeded =
  w.__implanSeed === 'v1-demo'
    ? applyPlan(v1WorkbookPlan(demoPlan()), {
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
