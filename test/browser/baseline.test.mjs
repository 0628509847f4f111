// The built task pane in headless Chromium against the fake Excel host: Save baseline on the
// Consolidate tab, and the Settings tab's choice of the baseline compared with, at 320 px
// (screenshots in out/screenshots).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { shots, usePane } from './use-pane.mjs';

const pane = usePane();

test('saves a baseline and shows it compared with, at 320 px', async () => {
  const page = await pane.context.newPage();
  await page.setViewportSize({ width: 320, height: 900 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${pane.base}/taskpane.html`);
  await page.getByRole('button', { name: 'Set up plan' }).click();
  await page.getByLabel('Project name').fill('Alpha Rollout');
  await page.getByLabel('Manager').fill('Dana Whitfield');
  await page.getByRole('button', { name: 'Add project' }).click();
  await page.getByText('1 project(s) in this plan.').waitFor({ timeout: 10000 });

  await page.getByRole('tab', { name: 'Consolidate' }).click();
  const name = page.getByLabel('Baseline name');
  assert.match(await name.inputValue(), /^Approved \d{4}-\d{2}-\d{2}$/);
  await name.fill('Approved by the board');
  await page.getByRole('button', { name: 'Save baseline' }).click();
  await page
    .getByText(
      'Saved "Approved by the board" on the Baselines sheet; Settings now compares with it.',
    )
    .waitFor({ timeout: 10000 });
  await page.screenshot({ path: path.join(shots, 'pane-baseline-320.png'), fullPage: true });
  const cells = await page.evaluate(() => ({
    sheets: window.__fake.sheets.map((s) => s.name),
    compared: window.__fake.sheet('Settings').cells.get('B7')?.value,
  }));
  assert.ok(cells.sheets.includes('Baselines'));
  assert.equal(cells.compared, 'Approved by the board');

  // The same name again is refused in a sentence, and nothing is written.
  await page.getByRole('button', { name: 'Save baseline' }).click();
  await page.getByText(/A baseline named "Approved by the board" already exists/).waitFor();

  await page.getByRole('tab', { name: 'Settings' }).click();
  assert.equal(
    await page.getByLabel('Compare with baseline').inputValue(),
    'Approved by the board',
  );
  await page.getByLabel('Review every (days)').fill('14');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Saved to the Settings sheet.').waitFor();
  await page.getByLabel('Review every (days)').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'pane-settings-baseline-320.png') });
  assert.equal(
    await page.evaluate(() => window.__fake.sheet('Settings').cells.get('B6')?.value),
    14,
  );
  assert.deepEqual(errors, []);
});
