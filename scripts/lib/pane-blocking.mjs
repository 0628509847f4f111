// `npm run bench`: how long the production pane keeps its thread while it checks and
// consolidates a large plan in headless Chromium, against the fake host. Long tasks (the
// browser's Long Tasks API: any task over 50 ms) that hold one of the fake host's syncs are the
// fake's own work, which in Excel happens in another process; the rest are the pane's.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { benchPlanInput } = require('./bench-plans.js');

/** Before the pane's scripts: long tasks, and every painted frame's progress bar value. */
function observe() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  window.__frames = [];
  const frame = (t) => {
    const bar = document.querySelector('[role=progressbar]');
    window.__frames.push([t, bar ? bar.getAttribute('aria-valuenow') : null]);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** What the page saw between t0 and t1: the pane's longest task, the fake's, frames. */
function blocking([t0, t1]) {
  const spans = window.__syncSpans.filter(([s, e]) => e >= t0 && s <= t1);
  const tasks = window.__longTasks.filter(([s, d]) => s + d >= t0 && s <= t1);
  const isHost = ([s, d]) => spans.some(([a, b]) => a < s + d && b > s);
  const pane = tasks.filter((t) => !isHost(t)).map(([, d]) => d);
  const host = tasks.filter(isHost).map(([, d]) => d);
  const frames = window.__frames.filter(([t]) => t >= t0 && t <= t1);
  let gap = 0;
  for (let i = 1; i < frames.length; i++) gap = Math.max(gap, frames[i][0] - frames[i - 1][0]);
  return {
    ms: t1 - t0,
    pane: Math.max(0, ...pane),
    host: Math.max(0, ...host),
    frames: frames.length,
    gap,
    progress: new Set(frames.map(([, v]) => v).filter((v) => v !== null)).size,
  };
}

/** Runs `act` (a click) and waits for `done`; returns what the page saw meanwhile. */
async function during(page, act, done) {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  await done();
  const t1 = await page.evaluate(() => performance.now());
  return page.evaluate(blocking, [t0, t1]);
}

/**
 * Opens the pane on `n` bench projects and measures Check, a first Consolidate and a second
 * (which also reads the joint sheets back). `worker: false` takes Worker away, so the pane
 * runs the domain in its own thread as its fallback does.
 */
export async function paneBlocking(pane, n, { worker = true } = {}) {
  const page = await pane.context.newPage();
  await page.setViewportSize({ width: 320, height: 900 });
  const input = benchPlanInput(n);
  await page.addInitScript(
    ([plan, keepWorker]) => {
      window.__implanSeedPlan = plan;
      window.__implanTimeSyncs = true;
      if (!keepWorker) delete window.Worker;
    },
    [input, worker],
  );
  await page.addInitScript(observe);
  const long = { timeout: Number(process.env.PANE_TIMEOUT ?? 20 * 60 * 1000) };
  try {
    // The fake host seeds the plan while the page loads: wait for the pane, not for "load".
    await page.goto(`${pane.base}/taskpane.html`, { waitUntil: 'commit' });
    await page
      .getByRole('tab', { name: 'Check' })
      .waitFor(long)
      .catch(async (e) => {
        throw new Error(`${e.message}\nPane text: ${await page.locator('body').innerText()}`);
      });
    await page.getByRole('tab', { name: 'Check' }).click();
    const check = await during(
      page,
      () => page.getByRole('button', { name: 'Check entries' }).click(),
      () => page.getByText(/No problems found|error\(s\) and/).waitFor(long),
    );
    await page.getByRole('tab', { name: 'Consolidate' }).click();
    const button = page.getByRole('button', { name: 'Consolidate', exact: true });
    const consolidate = async () => {
      await button.click();
      await page.getByRole('button', { name: 'Consolidating…' }).waitFor(long);
      await button.waitFor(long);
    };
    const first = await during(page, consolidate, () =>
      page.getByText('Last consolidated on').waitFor(long),
    );
    const again = await during(page, consolidate, () => button.waitFor(long));
    return { n, worker, check, first, again };
  } finally {
    await page.close();
  }
}
