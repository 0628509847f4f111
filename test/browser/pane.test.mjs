// The built task pane in headless Chromium against the fake Excel host: set up a plan, add a
// project, and look at it (screenshots in out/screenshots).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { shots, usePane } from './use-pane.mjs';

const pane = usePane();
/** The joint sheets Consolidate leaves at the end of the workbook, in order. */
const JOINT_SHEETS = [
  'Joint Schedule',
  'Joint Budget',
  'Contingency Plan',
  'Baseline Variance',
  'Dashboard',
];

for (const width of [320, 500]) {
  test(`sets up a plan and adds a project at ${width} px`, async () => {
    const page = await pane.context.newPage();
    await page.setViewportSize({ width, height: 760 });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${pane.base}/taskpane.html`);
    await page.getByRole('button', { name: 'Set up plan' }).click();
    await page.getByText('No projects yet').waitFor();
    await page.screenshot({ path: path.join(shots, `pane-empty-${width}.png`), fullPage: true });
    await page.getByLabel('Project name').fill('<img src=x onerror=alert(1)>');
    await page.getByLabel('Manager').fill('Dana Whitfield');
    await page.getByRole('button', { name: 'Add project' }).click();
    await page
      .getByText('1 project(s) in this plan.')
      .waitFor({ timeout: 10000 })
      .catch(async (e) => {
        await page.screenshot({
          path: path.join(shots, `pane-failed-${width}.png`),
          fullPage: true,
        });
        throw new Error(`${e.message}\nPane text: ${await page.locator('main').innerText()}`);
      });
    const item = page.getByRole('list', { name: 'Projects' }).getByRole('listitem');
    assert.equal(await item.locator('img').count(), 0, 'cell text must render as text');
    assert.match(await item.innerText(), /<img src=x onerror=alert\(1\)>/);
    const sheets = await page.evaluate(() => window.__fake.sheets.map((s) => s.name));
    assert.deepEqual(sheets, [
      'How to use',
      'Projects',
      'Settings',
      '<img src=x onerror=alert(1)>',
    ]);
    await page.screenshot({ path: path.join(shots, `pane-project-${width}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('says so when this Excel cannot apply the in-sheet guards', async () => {
  const page = await pane.context.newPage();
  await page.setViewportSize({ width: 320, height: 760 });
  await page.addInitScript(() => {
    window.__implanMaxExcelApi = 1.7;
  });
  await page.goto(`${pane.base}/taskpane.html`);
  await page.getByRole('button', { name: 'Set up plan' }).click();
  await page.getByText('In-sheet guards (data validation) were not applied').waitFor();
  await page.getByLabel('Project name').fill('Alpha Rollout');
  await page.getByRole('button', { name: 'Add project' }).click();
  await page.getByText('1 project(s) in this plan.').waitFor();
  const validations = await page.evaluate(
    () => window.__fake.sheets.flatMap((s) => s.validations).length,
  );
  assert.equal(validations, 0);
  await page.screenshot({ path: path.join(shots, 'pane-no-excelapi-1.8-320.png'), fullPage: true });
  await page.close();
});

/** Types rows into a table's first body rows through the page's own (fake) Excel. */
async function typeRows(page, table, rows) {
  await page.evaluate(
    async ([name, values]) => {
      await window.Excel.run(async (context) => {
        const body = context.workbook.tables.getItem(name).getDataBodyRange();
        body.getRow(0).getResizedRange(values.length - 1, 0).formulas = values;
        await context.sync();
      });
    },
    [table, rows],
  );
}

for (const width of [320, 500]) {
  test(`checks, selects a problem's cell, and consolidates at ${width} px`, async () => {
    const page = await pane.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Check and Consolidate run the domain in a Web Worker of the pane's own origin.
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(`${pane.base}/taskpane.html`);
    await page.getByRole('button', { name: 'Set up plan' }).click();
    for (const [name, count] of [
      ['Alpha Rollout', 1],
      ["Ørsted's Façade", 2],
    ]) {
      await page.getByLabel('Project name').fill(name);
      await page.getByLabel('Manager').fill('Dana Whitfield');
      await page.getByRole('button', { name: 'Add project' }).click();
      await page.getByText(`${count} project(s) in this plan.`).waitFor();
    }
    // People fill the project sheets in Excel; one amount is typed as text.
    const task = (id, name, start, end) => [
      id,
      name,
      'Build',
      'No',
      'Dana Whitfield',
      '',
      start,
      end,
      null,
      '',
      'In progress',
      0.5,
      '',
    ];
    await typeRows(page, 'Tasks_ALPHA', [task('T1', 'Design', 45691, 45702)]);
    await typeRows(page, 'Budget_ALPHA', [
      ['Personnel', 'Team', null, '12,000 EUR', 9000, null, '', null],
    ]);
    await typeRows(page, 'Tasks_ORSTED', [task('F1', 'Survey', 45700, 45720)]);
    await typeRows(page, 'Risks_ORSTED', [
      [
        'R1',
        'Storms',
        'External',
        4,
        4,
        null,
        null,
        '',
        'Buffer',
        'Tarp',
        'Mette',
        20000,
        null,
        'Open',
      ],
    ]);

    await page.getByRole('tab', { name: 'Check' }).click();
    await page.getByRole('button', { name: 'Check entries' }).click();
    await page.getByText('1 error(s) and').waitFor();
    const problem = page.getByRole('button', { name: /Alpha Rollout, Budget, row 1.*12,000 EUR/ });
    await problem.waitFor();
    await page.screenshot({ path: path.join(shots, `pane-check-${width}.png`), fullPage: true });
    await problem.click();
    await page.waitForFunction(() => window.__fake.selection !== null);
    const selection = await page.evaluate(() => window.__fake.selection);
    assert.match(selection, /^Alpha Rollout![A-Z]+5$/);

    // Consolidate is blocked while the error stands, and says where to look.
    await page.getByRole('tab', { name: 'Consolidate' }).click();
    await page.getByRole('button', { name: 'Consolidate' }).click();
    await page.getByText('1 error(s) block consolidation').waitFor();

    await typeRows(page, 'Budget_ALPHA', [
      ['Personnel', 'Team', null, 12000, 9000, null, '', null],
    ]);
    await page.getByRole('button', { name: 'Consolidate' }).click();
    const totals = page.getByRole('definition');
    await page.getByRole('heading', { name: 'Totals' }).waitFor();
    assert.deepEqual(await totals.allInnerTexts(), [
      'EUR 12,000.00',
      'EUR 9,000.00',
      'EUR 3,000.00',
      'EUR 14,000.00',
      '3 Feb 2025',
      '4 Mar 2025',
      '2',
      '1',
      '1',
    ]);
    const sheets = await page.evaluate(() => window.__fake.sheets.map((s) => s.name));
    assert.deepEqual(sheets.slice(-JOINT_SHEETS.length), JOINT_SHEETS);
    assert.equal(workers.length, 1, 'one domain worker, started on the first Check');
    assert.match(workers[0], new RegExp(`^${pane.base}/implan-domain\\.[0-9a-f]+\\.js$`));
    await page.getByText('Last consolidated on').waitFor();
    assert.match(await page.getByLabel('Plan status').innerText(), /0\s+error/);
    await page.screenshot({
      path: path.join(shots, `pane-consolidate-${width}.png`),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Open Joint Budget' }).click();
    await page.waitForFunction(() => window.__fake.selection === 'Joint Budget!A1');

    // Someone types into a joint sheet: the pane asks before replacing it.
    await page.evaluate(() => window.__fake.sheet('Joint Budget').cells.set('A80', { value: 'x' }));
    await page.getByRole('button', { name: 'Consolidate', exact: true }).click();
    await page.getByRole('dialog').getByText('Someone has typed into Joint Budget').waitFor();
    await page.waitForTimeout(500); // let the dialog finish fading in before the picture
    await page.screenshot({ path: path.join(shots, `pane-confirm-${width}.png`) });
    await page.getByRole('button', { name: 'Keep them and cancel' }).click();

    // Settings: edited in the pane, stored on the Settings sheet.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel(/^Currency/).fill('CHF');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved to the Settings sheet.').waitFor();
    await page.screenshot({ path: path.join(shots, `pane-settings-${width}.png`), fullPage: true });
    assert.equal(
      await page.evaluate(() => window.__fake.sheet('Settings').cells.get('B5')?.value),
      'CHF',
    );
    assert.equal(
      await page.evaluate(() => window.__fake.sheet('Joint Budget').cells.get('A80')?.value),
      'x',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('checks and consolidates in its own thread where no Web Worker can run', async () => {
  const page = await pane.context.newPage();
  await page.setViewportSize({ width: 320, height: 760 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    delete window.Worker;
  });
  await page.goto(`${pane.base}/taskpane.html`);
  await page.getByRole('button', { name: 'Set up plan' }).click();
  await page.getByLabel('Project name').fill('Alpha Rollout');
  await page.getByLabel('Manager').fill('Dana Whitfield');
  await page.getByRole('button', { name: 'Add project' }).click();
  await page.getByText('1 project(s) in this plan.').waitFor();
  await page.getByRole('tab', { name: 'Check' }).click();
  await page.getByRole('button', { name: 'Check entries' }).click();
  await page.getByText(/error\(s\) and|No problems found/).waitFor();
  await page.getByRole('tab', { name: 'Consolidate' }).click();
  await page.getByRole('button', { name: 'Consolidate' }).click();
  await page.getByText('Last consolidated on').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('the ribbon Consolidate runs without the pane and reports in a dialog', async () => {
  const page = await pane.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${pane.base}/commands.html`);
  await page.evaluate(() => window.__seedDemo());
  await page.evaluate(() => window.__press('consolidate'));
  const { sheets, dialogs } = await page.evaluate(() => ({
    sheets: window.__fake.sheets.map((s) => s.name),
    dialogs: window.__dialogs,
  }));
  assert.deepEqual(sheets.slice(-JOINT_SHEETS.length), JOINT_SHEETS);
  assert.equal(dialogs.length, 1);
  // The report travels as the `report` query parameter, never in the hash Office may rewrite;
  // Office appends its own _host_info parameter after it (dialog best practices).
  const sent = new URL(dialogs[0]);
  assert.equal(sent.hash, '');
  assert.ok(sent.searchParams.get('report'));
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__completions), 1);
  const report = await pane.context.newPage();
  await report.setViewportSize({ width: 420, height: 320 });
  const opened = `${dialogs[0].replace(/^https?:\/\/[^/]+/, pane.base)}&_host_info=Excel$Win32$16.01$en-US$$$$0`;
  await report.goto(opened);
  await report.getByRole('heading', { name: 'Consolidated' }).waitFor();
  const text = await report.getByRole('status').innerText();
  assert.match(text, /3 project\(s\), 17 task\(s\) and 10 risk\(s\)/);
  assert.match(text, /Planned EUR 826,500\.00/);
  await report.screenshot({ path: path.join(shots, 'ribbon-consolidate-report.png') });
  await report.getByRole('button', { name: 'Close' }).click();
  assert.deepEqual(await report.evaluate(() => window.__messages), ['close']);
  assert.deepEqual(errors, []);
  await page.close();
  await report.close();
});

test('offers Upgrade on a version 1 workbook, then flags the projects due for review at 320 px', async () => {
  const page = await pane.context.newPage();
  await page.setViewportSize({ width: 320, height: 760 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__implanSeed = 'v1-demo';
  });
  await page.goto(`${pane.base}/taskpane.html`);
  const upgrade = page.getByRole('button', { name: 'Upgrade' });
  await upgrade.waitFor();
  assert.match(
    await page.getByLabel('Template version').innerText(),
    /Made with template version 1: Upgrade adds review dates/,
  );
  // Until upgraded, the tabs that would write to the workbook are not offered.
  assert.equal(await page.getByRole('tab', { name: 'Consolidate' }).count(), 0);
  await page.screenshot({ path: path.join(shots, 'pane-upgrade-320.png'), fullPage: true });
  await upgrade.click();
  await page.getByRole('tab', { name: 'Consolidate' }).waitFor();
  const due = await page.getByLabel('Due for review').innerText();
  // The demo's review dates are in 2025: every project is due on the pane's clock today.
  assert.equal(
    due,
    "Due for review: Alpha Rollout (Dana Whitfield), Ørsted's Façade Upgrade (Søren Kjær), Customer Portal Relaunch (Ama Mensah).",
  );
  const version = await page.evaluate(() => window.__fake.names.get('Implan_TemplateVersion'));
  assert.equal(version, '=3'); // TEMPLATE_VERSION (src/domain/template/version.ts)
  await page.screenshot({ path: path.join(shots, 'pane-review-320.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
