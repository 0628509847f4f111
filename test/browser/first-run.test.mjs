// The production build opened as a person might outside Excel: with Microsoft's CDN blocked,
// and with the real (pinned) Office.js but no Office host. Every page must say what implan is
// and how to open it in Excel, never go blank. Then in fake Excels reporting ExcelApi 1.1, 1.7
// and 1.20: below the minimum it says so, above it says what is off. The build is made for a
// tenant's host (ADDIN_URL), so its manifest is checked here too; no page may fetch anything
// but its own files and Office.js, or evaluate code from strings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root, startPane } from '../../scripts/lib/pane-harness.mjs';

const require = createRequire(import.meta.url);
const { checkManifest } = require('../../scripts/manifest-check.js');
const shots = path.join(root, 'out', 'screenshots');
const ADDIN_URL = 'https://addins.contoso.com/implan';
let blocked;
let outside;
let excel;

before(async () => {
  mkdirSync(shots, { recursive: true });
  blocked = await startPane({ office: 'blocked', addinUrl: ADDIN_URL });
  outside = await startPane({ office: 'package', built: blocked.out });
  excel = await startPane({ office: 'fake', built: blocked.out });
  // Every page records code evaluated from strings and what the content security policy refused.
  for (const pane of [blocked, outside, excel])
    await pane.context.addInitScript(() => {
      window.__evaluated = [];
      // Only calls from the page's own scripts count: the test driver evaluates its own code.
      const record = (what) => {
        const stack = new Error().stack ?? '';
        if (stack.includes(`${location.origin}/`) || stack.includes('appsforoffice'))
          window.__evaluated.push(`${what}\n${stack}`);
      };
      const RealFunction = window.Function;
      window.Function = new Proxy(RealFunction, {
        construct: (target, args) => (record('new Function'), Reflect.construct(target, args)),
        apply: (target, self, args) => (record('Function()'), Reflect.apply(target, self, args)),
      });
      const realEval = window.eval;
      window.eval = (code) => (record('eval'), realEval(code));
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__evaluated.push(`CSP refused ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
});

after(async () => {
  await excel?.close();
  await outside?.close();
  await blocked?.close();
});

/** Opens a page and returns its text, the errors it threw and what the CSP refused. */
async function open(pane, file, width = 320) {
  const page = await pane.context.newPage();
  await page.setViewportSize({ width, height: 700 });
  const errors = [];
  const refused = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await page.goto(`${pane.base}/${file}`);
  await page.getByRole('heading', { name: 'How to open Implan in Excel' }).waitFor();
  const text = await page.locator('main').innerText();
  assert.deepEqual(
    await page.evaluate(() => window.__evaluated),
    [],
    `${file} evaluates no strings`,
  );
  return { page, errors, refused, text };
}

test('the pane with the Office.js CDN blocked says what implan is and how to open it', async () => {
  const { page, errors, text } = await open(blocked, 'taskpane.html');
  assert.match(text, /Implan turns an Excel workbook into an implementation plan/);
  assert.match(text, /Office\.js, the library every Excel add-in loads from Microsoft/);
  assert.match(text, /appsforoffice\.microsoft\.com/);
  const help = page.getByRole('link', { name: 'How to sideload Implan (help)' });
  assert.equal(await help.getAttribute('href'), `${blocked.base}/help.html#sideload`);
  await page.screenshot({
    path: path.join(shots, 'first-run-no-office-js-320.png'),
    fullPage: true,
  });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the pane outside Office, with the pinned Office.js, says it runs inside Excel', async () => {
  const { page, errors, refused, text } = await open(outside, 'taskpane.html');
  assert.match(text, /opened in a browser on its own/);
  assert.match(text, /Open a workbook in Excel on the web, on Windows or on a Mac/);
  await page.screenshot({
    path: path.join(shots, 'first-run-outside-office-320.png'),
    fullPage: true,
  });
  assert.deepEqual(errors, []);
  assert.deepEqual(refused, [], 'the content security policy lets Office.js run');
  await page.close();
});

for (const file of ['commands.html', 'report.html']) {
  test(`${file} opened on its own says the same, with the CDN blocked or no host`, async () => {
    for (const [pane, why] of [
      [blocked, /could not be loaded/],
      [outside, /opened in a browser on its own/],
    ]) {
      const { page, errors, text } = await open(pane, file);
      assert.match(text, why);
      assert.deepEqual(errors, []);
      await page.close();
    }
  });
}

test('the sideload help the pages link to says how, for each kind of Excel', async () => {
  const page = await outside.context.newPage();
  await page.goto(`${outside.base}/help.html#sideload`);
  const text = await page.locator('body').innerText();
  for (const where of ['Excel on the web:', 'Excel on Windows:', 'Excel on a Mac:'])
    assert.ok(text.includes(where), where);
  await page.close();
});

test('the build for ADDIN_URL has a manifest at that host, none at localhost', () => {
  const xml = readFileSync(path.join(outside.out, 'manifest.xml'), 'utf8');
  assert.doesNotMatch(xml, /localhost/);
  const files = {
    readFile: (rel) => {
      try {
        return readFileSync(path.join(outside.out, rel));
      } catch {
        return null;
      }
    },
  };
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.deepEqual(checkManifest(xml, files, { base: ADDIN_URL, version, source: false }), []);
});

/** Opens the pane in a fake Excel that reports ExcelApi up to `version`. */
async function inExcel(version) {
  const page = await excel.context.newPage();
  await page.setViewportSize({ width: 320, height: 760 });
  await page.addInitScript((v) => {
    window.__implanMaxExcelApi = v;
  }, version);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${excel.base}/taskpane.html`);
  return { page, errors };
}

test('an Excel with ExcelApi 1.1 (below the minimum 1.7) is told so, not a broken pane', async () => {
  const { page, errors } = await inExcel('1.1');
  await page.getByRole('heading', { name: 'How to open Implan in Excel' }).waitFor();
  assert.match(
    await page.locator('main').innerText(),
    /This version of Excel is too old for Implan \(it lacks the Excel JavaScript API 1\.7\)/,
  );
  await page.screenshot({
    path: path.join(shots, 'first-run-excelapi-1.1-320.png'),
    fullPage: true,
  });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an Excel with ExcelApi 1.7 gets the pane, which says on load what is off and why', async () => {
  const { page, errors } = await inExcel('1.7');
  const notice = page.getByLabel('Features off in this Excel');
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /In-sheet guards .* are off: this Excel lacks ExcelApi 1\.8\./);
  assert.match(text, /Print settings .* are off: this Excel lacks ExcelApi 1\.9\./);
  await page.getByRole('button', { name: 'Set up plan' }).click();
  await page.getByText('No projects yet').waitFor();
  await page.screenshot({ path: path.join(shots, 'pane-excelapi-1.7-320.png'), fullPage: true });
  assert.deepEqual(await page.evaluate(() => window.__evaluated), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an Excel with ExcelApi 1.20 gets every feature and no notice', async () => {
  const { page, errors } = await inExcel('1.20');
  await page.getByRole('button', { name: 'Set up plan' }).click();
  await page.getByText('No projects yet').waitFor();
  await page.getByLabel('Project name').fill('Alpha Rollout');
  await page.getByRole('button', { name: 'Add project' }).click();
  await page.getByText('1 project(s) in this plan.').waitFor();
  assert.equal(await page.getByLabel('Features off in this Excel').count(), 0);
  const validations = await page.evaluate(
    () => window.__fake.sheets.flatMap((s) => s.validations).length,
  );
  assert.ok(validations > 0, 'the in-sheet guards were applied');
  assert.deepEqual(await page.evaluate(() => window.__evaluated), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('no page asked for anything but its own files and Office.js', () => {
  assert.deepEqual([...blocked.refused, ...outside.refused, ...excel.refused], []);
});
