import './no-eval';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { officeReady, showFirstRun } from './first-run';

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
