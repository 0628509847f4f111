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

function run(args) {
  return spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root }).status ?? 1;
}

ensurePrerequisites();
const extra = process.argv.slice(2);
let failed =
  run([require.resolve('jest/bin/jest'), ...(process.env.CI ? ['--ci'] : []), ...extra]) !== 0;
const browserDir = path.join(root, 'test', 'browser');
const browserTests = fs.existsSync(browserDir)
  ? fs
      .readdirSync(browserDir)
      .filter((f) => /\.test\.(m?js)$/.test(f))
      .map((f) => path.join(browserDir, f))
  : [];
if (extra.length === 0 && browserTests.length > 0)
  failed = run(['--test', ...browserTests]) !== 0 || failed;
process.exit(failed ? 1 : 0);
