import './no-eval';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { runDomainInWorker } from './background/client';
import { spawnDomainWorker } from './background/spawn.mjs';
import { officeReady, showFirstRun } from './first-run';

// Validation and planning run in a Web Worker, so the pane repaints while they work.
runDomainInWorker(spawnDomainWorker);

// Outside Excel, without Office.js or in an Excel too old, the page says so instead of going blank.
void officeReady().then((inExcel) => {
  if (!inExcel) return;
  const root = document.getElementById('root');
  try {
    if (root) createRoot(root).render(<App />);
  } catch {
    showFirstRun('outside-office');
  }
});
