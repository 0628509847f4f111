import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

describe('bin/implan.js', () => {
  beforeAll(() => {
    if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js')))
      spawnSync(
        process.execPath,
        [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'],
        {
          cwd: root,
        },
      );
  });

  it('says what to run, not a stack trace, before the command line is built', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'implan-bin-'));
    try {
      mkdirSync(path.join(dir, 'bin'));
      copyFileSync(path.join(root, 'bin', 'implan.js'), path.join(dir, 'bin', 'implan.js'));
      const r = spawnSync(process.execPath, [path.join(dir, 'bin', 'implan.js'), 'help'], {
        encoding: 'utf8',
      });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `implan is not built yet: run "npm run build:cli" (or "npm ci", which builds it) in ${dir}, then try again.\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends quietly when the reader of its output stops early, as head does', async () => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'implan.js'), 'schema'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
