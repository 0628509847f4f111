// `npm run bench` (second half): the production pane's bundle size and how soon it is usable in
// headless Chromium with the fake host; printed, not asserted.
import { bundleSize, startPane } from './lib/pane-harness.mjs';

const pane = await startPane();
try {
  const size = bundleSize(pane.out);
  console.log(
    `pane bundle (${size.files.length} file(s)): ${(size.minified / 1024).toFixed(0)} KB minified, ${(size.gzipped / 1024).toFixed(0)} KB gzipped`,
  );
  const load = [];
  const ready = [];
  for (let i = 0; i < 7; i++) {
    const page = await pane.context.newPage();
    await page.setViewportSize({ width: 320, height: 760 });
    await page.goto(`${pane.base}/taskpane.html`);
    // Interactive: the first button a user can press is on screen and enabled.
    await page.getByRole('button', { name: 'Set up plan' }).waitFor();
    const t = await page.evaluate(() => ({ now: performance.now(), onReady: window.__onReadyAt }));
    load.push(t.now);
    ready.push(t.now - t.onReady);
    await page.close();
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `pane interactive: median ${median(load).toFixed(0)} ms from navigation, ${median(ready).toFixed(0)} ms from Office.onReady (7 loads, headless Chromium)`,
  );
} finally {
  await pane.close();
}
