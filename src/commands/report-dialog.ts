/** The ribbon command's report: title and sentences from the URL, shown as text only. */
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

Office.onReady(() => {
  try {
    render(JSON.parse(decodeURIComponent(window.location.hash.slice(1))) as CommandReport);
  } catch {
    render({ title: 'Implan', lines: ['The report could not be read.'] });
  }
  document.getElementById('close')?.addEventListener('click', () => {
    Office.context.ui.messageParent('close');
  });
}).catch(() => undefined);
