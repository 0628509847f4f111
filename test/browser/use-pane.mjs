// One file's browser session: the built pane served against the fake Excel host, started
// before the file's tests and closed after them (scripts/lib/pane-harness.mjs).
import { before, after } from 'node:test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { root, startPane } from '../../scripts/lib/pane-harness.mjs';

/** Where the browser tests leave their screenshots. */
export const shots = path.join(root, 'out', 'screenshots');

/** The pane's browser context and base address, set once the file's `before` has run. */
export function usePane() {
  let pane;
  before(async () => {
    pane = await startPane();
    mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await pane?.close();
  });
  return {
    get context() {
      return pane.context;
    },
    get base() {
      return pane.base;
    },
  };
}
