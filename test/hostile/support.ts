import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli } from '../cli/run-cli';
import { recalculate } from '../support/libreoffice';

export { cli };

const ROOT = path.resolve(__dirname, '..', '..');
/** The strict package checker, kept beside the repository (../shared/ooxml-check). */
const CHECKER = path.resolve(ROOT, '..', 'shared', 'ooxml-check', 'check');

/** A fresh folder per test, removed afterwards. */
export function hostileFolder(): { dir: () => string; file: (name: string) => string } {
  let dir = '';
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'implan-hostile-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  return { dir: () => dir, file: (name) => path.join(dir, name) };
}

/** Every file of a folder and its bytes: to show that a refusal wrote, renamed or left nothing. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await fs.readdir(dir)).sort()) {
    const full = path.join(dir, name);
    const stat = await fs.lstat(full);
    out[name] = stat.isSymbolicLink()
      ? `link -> ${await fs.readlink(full)}`
      : stat.isFile()
        ? (await fs.readFile(full)).toString('base64')
        : 'folder';
  }
  return out;
}

/**
 * What a finance user reads: sentences, each line "Error: ..." or "Warning: ..." or a project
 * heading, none of them a stack trace or a JavaScript error name, each ending with a full stop.
 */
export function expectSentences(text: string): void {
  expect(text).not.toMatch(/\n\s+at |TypeError|RangeError|SyntaxError|node_modules|undefined/);
  for (const line of text.split('\n').filter((l) => l.trim() !== ''))
    if (/^\s*(Error|Warning):/.test(line)) expect(line).toMatch(/[.)]$/);
}

/**
 * The output opens: it passes the strict package checker (skipped, saying so, if absent), and
 * LibreOffice loads it and saves it again (issue 12, item 8: "opens in LibreOffice and passes
 * the ooxml check"); a file LibreOffice cannot load makes the conversion fail with its reason.
 */
export async function expectOpens(...files: string[]): Promise<void> {
  if (!existsSync(CHECKER)) console.warn(`ooxml-check not found at ${CHECKER}; skipped.`);
  else {
    const r = spawnSync(CHECKER, ['--quiet', ...files], { encoding: 'utf8' });
    expect({ status: r.status, output: r.status === 0 ? '' : `${r.stdout}${r.stderr}` }).toEqual({
      status: 0,
      output: '',
    });
  }
  for (const f of files) {
    const saved = await recalculate(await fs.readFile(f));
    expect(saved.subarray(0, 2).toString()).toBe('PK');
  }
}

/**
 * The command line compiled once into out/hostile-cli, for tests that need real processes
 * (kill -9 mid-write, two commands at once). Returns the path of its entry script.
 */
export function compiledCli(): string {
  const outDir = path.join(ROOT, 'out', 'hostile-cli');
  const r = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json', '--outDir', outDir],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`tsc failed: ${r.stdout}${r.stderr}`);
  const entry = path.join(outDir, 'run.js');
  // The same two lines as bin/implan.js, pointed at this build.
  writeFileSync(
    entry,
    "const { runCli } = require('./cli/main.js');\n" +
      'runCli(process.argv.slice(2)).then((code) => { process.exitCode = code; });\n',
  );
  return entry;
}
