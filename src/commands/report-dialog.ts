/** The ribbon command's report: title and sentences from the URL's `report` parameter, shown as text only. */
import { officeReady } from '../taskpane/first-run';
import type { CommandReport } from './report';

function render(report: CommandReport): void {
  const title = document.getElementById('title');
  const lines = document.getElementById('lines');
  if (title) title.textContent = report.title;
  for (const line of report.lines) {
    const p = document.createElement('p');
    p.textContent = line;
    lines?.appendChild(p);
  }
}

// The dialog only ever opens from the ribbon's command; on its own it says what implan is.
void officeReady({ needsApi: false }).then((inExcel) => {
  if (!inExcel) return;
  try {
    // By name: Office appends its own _host_info parameter to the dialog's URL.
    const report = new URLSearchParams(window.location.search).get('report');
    render(JSON.parse(report ?? '') as CommandReport);
  } catch {
    render({ title: 'Implan', lines: ['The report could not be read.'] });
  }
  document.getElementById('close')?.addEventListener('click', () => {
    Office.context.ui.messageParent('close');
  });
});
