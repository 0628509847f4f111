import { createRoot } from 'react-dom/client';
import { App } from './App';
import { officeReady } from '../excel/office';

officeReady()
  .then(() => {
    const root = document.getElementById('root');
    if (root) createRoot(root).render(<App />);
  })
  .catch((e: unknown) => {
    document.body.textContent = `Implan could not start: ${String(e)}`;
  });
