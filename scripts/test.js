#!/usr/bin/env node
'use strict';
/**
 * `npm test`: makes sure the system tools the tests need are present (installing them with
 * apt-get when run as root, otherwise stopping at once with the exact line to run), then runs
 * jest and, when there are any, the browser tests with node's test runner.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

const NEEDS = [
  { pkg: 'libreoffice-calc-nogui', present: () => has('soffice') },
  { pkg: 'poppler-utils', present: () => has('pdftoppm') },
  { pkg: 'chromium', present: () => fs.existsSync('/usr/bin/chromium') },
  { pkg: 'fonts-dejavu-core', present: () => fs.existsSync('/usr/share/fonts/truetype/dejavu') },
  // The strict file check (../shared/ooxml-check) that every workbook the tests write must pass.
  {
    pkg: 'python3-lxml',
    present: () =>
      spawnSync('/usr/bin/python3', ['-c', 'import lxml'], { stdio: 'ignore' }).status === 0,
  },
];

function ensurePrerequisites() {
  const missing = NEEDS.filter((n) => !n.present()).map((n) => n.pkg);
  if (missing.length === 0) return;
  const line = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    console.error(
      `The tests need ${missing.join(', ')}. Install them, then run npm test again:\n  sudo apt-get update && sudo ${line}`,
    );
    process.exit(1);
  }
  console.log(`Installing what the tests need: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], line.split(' ').slice(1)]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed; install by hand: ${line}`);
      process.exit(1);
    }
  }
}

function run(args, capture = false) {
  const r = spawnSync(process.execPath, args, {
    stdio: capture ? ['inherit', 'pipe', 'inherit'] : 'inherit',
    cwd: root,
    encoding: 'utf8',
  });
  if (capture) process.stdout.write(r.stdout ?? '');
  return { code: r.status ?? 1, stdout: r.stdout ?? '' };
}

ensurePrerequisites();
const extra = process.argv.slice(2);
const report = path.join(require('node:os').tmpdir(), `implan-jest-${process.pid}.json`);
const jest = run([
  require.resolve('jest/bin/jest'),
  ...(process.env.CI ? ['--ci'] : []),
  '--json',
  `--outputFile=${report}`,
  ...extra,
]);
let passed = 0;
let failed = jest.code === 0 ? 0 : 1;
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed = r.numFailedTests + (jest.code !== 0 && r.numFailedTests === 0 ? 1 : 0);
  fs.rmSync(report, { force: true });
}
const browserDir = path.join(root, 'test', 'browser');
const browserTests = fs.existsSync(browserDir)
  ? fs
      .readdirSync(browserDir)
      .filter((f) => /\.test\.(m?js)$/.test(f))
      .map((f) => path.join(browserDir, f))
  : [];
if (extra.length === 0 && browserTests.length > 0) {
  const browser = run(['--test', ...browserTests], true);
  passed += Number(/^# pass (\d+)/m.exec(browser.stdout)?.[1] ?? 0);
  failed += Number(/^# fail (\d+)/m.exec(browser.stdout)?.[1] ?? (browser.code === 0 ? 0 : 1));
}
// One plain closing line, whatever the runners printed above it.
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
