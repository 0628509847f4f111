'use strict';
/**
 * Headless LibreOffice for the test suite and the render script: each run gets its own profile
 * (so parallel runs never collide) that forces recalculation on load and an en-US locale, and
 * the whole soffice process group is killed on timeout.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const profileXml = (recalc) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalc ? 0 : 1}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${recalc ? 0 : 1}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
`;

const INSTALL = 'apt-get install -y --no-install-recommends libreoffice-calc-nogui';

function hasSoffice() {
  return spawnSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' }).status === 0;
}

/** Throws loudly when LibreOffice is missing: tests that need it fail, never skip. */
function requireLibreOffice() {
  if (!hasSoffice())
    throw new Error(
      `LibreOffice (soffice) is not installed; these tests need it. Install it with: ${INSTALL}`,
    );
}

/** A fresh soffice profile in `dir` with the settings above; returns its path. */
function newProfile(dir, recalc) {
  const profile = path.join(dir, 'profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), profileXml(recalc));
  return profile;
}

/**
 * Runs headless soffice on `profile` with `args`, in its own process group, the whole group
 * killed after `timeoutMs`; under /usr/bin/time with `timeArgs` when given. Resolves with
 * soffice's standard error.
 */
function runSoffice(profile, args, timeoutMs, timeArgs) {
  const soffice = [
    'soffice',
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--norestore',
    '--nologo',
    ...args,
  ];
  const [command, ...argv] = timeArgs ? ['/usr/bin/time', ...timeArgs, ...soffice] : soffice;
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', () => {});
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      reject(new Error(`LibreOffice did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve(err);
    });
  });
}

/**
 * Converts `bytes` (an .xlsx) with soffice to the given filter ("xlsx", "pdf") and returns the
 * converted file's bytes.
 * `recalc: false` loads the cached values instead (for timing recalculation against a plain load).
 * @param {Uint8Array} bytes
 * @param {string} to
 * @param {{ timeoutMs?: number, recalc?: boolean }} [options]
 * @returns {Promise<Buffer>}
 */
async function convert(bytes, to, options = {}) {
  return (await convertTimed(bytes, to, options)).bytes;
}

/**
 * `convert`, run under /usr/bin/time: also gives soffice's wall and CPU seconds (user + system),
 * which the bench reads because a shared machine makes wall time noisy.
 * @param {Uint8Array} bytes
 * @param {string} to
 * @param {{ timeoutMs?: number, recalc?: boolean }} [options]
 * @returns {Promise<{ bytes: Buffer, wall: number, cpu: number }>}
 */
async function convertTimed(bytes, to, options = {}) {
  requireLibreOffice();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'implan-lo-'));
  const profile = newProfile(dir, options.recalc ?? true);
  const input = path.join(dir, 'in.xlsx');
  const outDir = path.join(dir, 'out');
  const timing = path.join(dir, 'time.txt');
  fs.writeFileSync(input, bytes);
  try {
    const stderr = await runSoffice(
      profile,
      ['--nodefault', '--convert-to', to, '--outdir', outDir, input],
      options.timeoutMs ?? 60000,
      ['-f', '%e %U %S', '-o', timing],
    );
    const out = path.join(outDir, `in.${to.split(':')[0]}`);
    if (!fs.existsSync(out))
      throw new Error(
        `LibreOffice could not convert the workbook to ${to}: ${String(stderr).trim()}`,
      );
    const [wall, user, system] = fs.readFileSync(timing, 'utf8').trim().split(/\s+/).map(Number);
    return { bytes: fs.readFileSync(out), wall: wall ?? NaN, cpu: (user ?? NaN) + (system ?? NaN) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Renders every sheet of a workbook to PNG pages in `outDir`; returns the PNG paths.
 * @param {Uint8Array} bytes
 * @param {string} outDir
 * @param {{ dpi?: number, prefix?: string }} [options]
 * @returns {Promise<string[]>}
 */
async function renderToPng(bytes, outDir, options = {}) {
  const pdf = await convert(bytes, 'pdf');
  fs.mkdirSync(outDir, { recursive: true });
  const prefix = path.join(outDir, options.prefix ?? 'page');
  const pdfPath = `${prefix}.pdf`;
  fs.writeFileSync(pdfPath, pdf);
  const r = spawnSync('pdftoppm', ['-png', '-r', String(options.dpi ?? 70), pdfPath, prefix], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr || r.error}`);
  return fs
    .readdirSync(outDir)
    .filter((f) => f.startsWith(path.basename(prefix)) && f.endsWith('.png'))
    .sort()
    .map((f) => path.join(outDir, f));
}

module.exports = {
  convert,
  convertTimed,
  newProfile,
  renderToPng,
  requireLibreOffice,
  runSoffice,
  INSTALL,
};
