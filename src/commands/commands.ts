/**
 * The ribbon's Consolidate button: runs without the pane and reports in a small dialog. Uses the
 * same Office.js writer as the pane.
 */
import '../taskpane/no-eval';
import { consolidateLive } from '../excel/consolidate';
import { defaultRun, withRetries } from '../excel/host';
import { readWorkbookState } from '../excel/read-state';
import { officeReady } from '../taskpane/first-run';
import { hostProblem } from '../taskpane/host';
import { type CommandReport, commandReport } from './report';

/**
 * The ribbon's function runtime "closes when either the function completes or 5 minutes have
 * passed" (learn.microsoft.com/office/dev/add-ins/design/add-in-commands): a Consolidate still
 * running after four minutes is handed over to the pane, which may take as long as it needs.
 * Stopped half-way, the joint sheets say so and the pane's Consolidate finishes them.
 */
const RIBBON_TIME_MS = 4 * 60 * 1000;
const HANDED_OVER: CommandReport = {
  title: 'Consolidate is taking longer than a ribbon button may run',
  lines: [
    'Excel stops a ribbon command after five minutes. Open the Implan pane (Home > Open Implan) and use its Consolidate tab, which can take as long as this plan needs.',
  ],
};

/** Calls `f` the first time only: Office expects event.completed() exactly once. */
function once(f: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    f();
  };
}

function show(report: CommandReport, done: () => void): void {
  // Without the dialog API (DialogApi 1.1) the command still ran; it only cannot show the report.
  if (!Office.context.requirements.isSetSupported('DialogApi', '1.1')) return done();
  // Next to this page, so the add-in works in a folder of its host (ADDIN_URL=https://host/path).
  // The report travels as a query parameter: Office appends its own _host_info parameter after
  // the custom ones ("Don't use the _host_info value", dialog-best-practices), so reading
  // `report` by name is safe, where a hash could be rewritten.
  const url = new URL('report.html', window.location.href);
  url.hash = '';
  url.search = new URLSearchParams({ report: JSON.stringify(report) }).toString();
  Office.context.ui.displayDialogAsync(
    url.href,
    { height: 40, width: 30, displayInIframe: true },
    (r) => {
      if (r.status !== Office.AsyncResultStatus.Succeeded) return done();
      const dialog = r.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        done();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => done());
    },
  );
}

async function consolidate(event: Office.AddinCommands.Event): Promise<void> {
  const done = once(() => event.completed());
  const run = withRetries(defaultRun);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const handOver = new Promise<CommandReport>((resolve) => {
    timer = setTimeout(() => resolve(HANDED_OVER), RIBBON_TIME_MS);
  });
  const work = (async (): Promise<CommandReport> => {
    try {
      const state = await readWorkbookState(run);
      return commandReport(await consolidateLive({ run }), state.settings?.currency ?? 'EUR');
    } catch (e) {
      return { title: 'Nothing was consolidated', lines: [hostProblem(e).message] };
    }
  })();
  const report = await Promise.race([work, handOver]);
  clearTimeout(timer);
  show(report, done);
}

// Opened in a browser (no Excel), the function file says what it is instead of a blank page.
void officeReady().then((inExcel) => {
  if (!inExcel) return;
  Office.actions.associate('consolidate', (event: Office.AddinCommands.Event) => {
    void consolidate(event);
  });
});
