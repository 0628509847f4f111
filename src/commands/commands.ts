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

function show(report: CommandReport, done: () => void): void {
  // Without the dialog API (DialogApi 1.1) the command still ran; it only cannot show the report.
  if (!Office.context.requirements.isSetSupported('DialogApi', '1.1')) return done();
  // Next to this page, so the add-in works in a folder of its host (ADDIN_URL=https://host/path).
  const url = `${new URL('report.html', window.location.href).href.split('#')[0]}#${encodeURIComponent(JSON.stringify(report))}`;
  Office.context.ui.displayDialogAsync(
    url,
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
  const run = withRetries(defaultRun);
  let report: CommandReport;
  try {
    const state = await readWorkbookState(run);
    report = commandReport(await consolidateLive({ run }), state.settings?.currency ?? 'EUR');
  } catch (e) {
    report = { title: 'Nothing was consolidated', lines: [hostProblem(e).message] };
  }
  show(report, () => event.completed());
}

// Opened in a browser (no Excel), the function file says what it is instead of a blank page.
void officeReady().then((inExcel) => {
  if (!inExcel) return;
  Office.actions.associate('consolidate', (event: Office.AddinCommands.Event) => {
    void consolidate(event);
  });
});
