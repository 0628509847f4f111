import { spawn, spawnSync } from 'node:child_process';
import { promises as fs, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cli, compiledCli, expectOpens, expectSentences, hostileFolder, snapshot } from './support';

/** Real processes: a kill -9 at any moment, two commands at once, a disk that fills up. */

let entry = '';
beforeAll(() => {
  entry = compiledCli();
}, 60000);

const { dir, file } = hostileFolder();

function start(...args: string[]) {
  const child = spawn(process.execPath, [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; signal: string | null; err: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, err })),
  );
  return { child, done };
}

describe('hostile: real processes', () => {
  it('P01 kill -9 at any moment of an in-place consolidate leaves a workbook that opens', async () => {
    expect((await cli('demo', '-o', file('book.xlsx'))).code).toBe(0);
    const original = await fs.readFile(file('book.xlsx'));
    const temps = (names: string[]) => names.filter((n) => n.endsWith('.tmp')).length;
    // Kill points: early, as the first temporary file appears, when both exist, after a while.
    const moments: ((names: string[], ms: number) => boolean)[] = [
      (_, ms) => ms > 150,
      (names) => temps(names) >= 1,
      (names) => temps(names) >= 2,
      (names) => names.includes('book.xlsx.bak'),
      (_, ms) => ms > 5000,
    ];
    const outcomes: string[] = [];
    for (const moment of moments) {
      const run = start('consolidate', file('book.xlsx'));
      const t0 = Date.now();
      let exited = false;
      void run.done.then(() => (exited = true));
      while (!exited && !moment(await fs.readdir(dir()), Date.now() - t0))
        await new Promise((resolve) => setTimeout(resolve, 1));
      run.child.kill('SIGKILL');
      const { signal } = await run.done;
      const now = await fs.readFile(file('book.xlsx'));
      outcomes.push(signal === null ? 'finished' : now.equals(original) ? 'old' : 'new');
      if (!now.equals(original)) {
        await expectOpens(file('book.xlsx'));
        // The previous version is kept: as the .bak, or still in its temporary file.
        const kept = await Promise.all(
          (await fs.readdir(dir()))
            .filter((n) => n.endsWith('.bak') || n.endsWith('.tmp'))
            .map((n) => fs.readFile(file(n))),
        );
        expect(kept.some((b) => b.equals(original))).toBe(true);
      }
      for (const n of await fs.readdir(dir())) if (n !== 'book.xlsx') await fs.rm(file(n));
      await fs.writeFile(file('book.xlsx'), original);
      // Leave a stale lock behind on purpose: the next run must take it over.
    }
    expect(outcomes).toHaveLength(moments.length);
    const after = await cli('add-project', file('book.xlsx'), '--name', 'After The Kill');
    expect(after.code).toBe(0);
    await expectOpens(file('book.xlsx'));
  }, 40000);

  it('P02 two add-project processes at once both land', async () => {
    expect((await cli('init', file('book.xlsx'))).code).toBe(0);
    const runs = ['North Site', 'South Site'].map((n) =>
      start('add-project', file('book.xlsx'), '--name', n),
    );
    const results = await Promise.all(runs.map((r) => r.done));
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const plan = JSON.parse((await cli('export', file('book.xlsx'))).out) as {
      projects: { name: string }[];
    };
    expect(plan.projects.map((p) => p.name).sort()).toEqual(['North Site', 'South Site']);
    await expectOpens(file('book.xlsx'));
  }, 30000);
});

/** A 200 KB tmpfs, so that a write runs out of space; skipped, saying why, where it cannot mount. */
describe('hostile: a full disk', () => {
  let disk = '';
  let mounted = false;
  beforeAll(async () => {
    disk = await fs.mkdtemp(path.join(os.tmpdir(), 'implan-disk-'));
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=200k', 'tmpfs', disk], {
      encoding: 'utf8',
    });
    mounted = r.status === 0;
    if (!mounted)
      console.warn(
        `Full-disk cases skipped: cannot mount a tmpfs (${r.stderr.trim() || r.error?.message}).`,
      );
  });
  afterAll(async () => {
    if (mounted) spawnSync('umount', [disk]);
    await fs.rm(disk, { recursive: true, force: true });
  });
  afterEach(async () => {
    if (mounted)
      for (const f of await fs.readdir(disk)) await fs.rm(path.join(disk, f), { force: true });
  });

  /** Fills the disk until `free` bytes are left. */
  async function fill(free: number): Promise<void> {
    const s = statfsSync(disk);
    const left = s.bavail * s.bsize;
    if (left > free) await fs.writeFile(path.join(disk, 'filler'), Buffer.alloc(left - free));
  }

  it('D01 consolidate in place on a full disk: exit 2, the workbook as it was, no .bak', async () => {
    if (!mounted) return;
    expect((await cli('demo', '-o', path.join(disk, 'book.xlsx'))).code).toBe(0);
    await fill(24 * 1024);
    const before = await snapshot(disk);
    const r = await cli('consolidate', path.join(disk, 'book.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('there is no space left on the disk');
    expectSentences(r.err);
    expect(await snapshot(disk)).toEqual(before);
  });

  it('D02 import onto a full disk: exit 2 and no file', async () => {
    if (!mounted) return;
    await fs.writeFile(
      file('plan.json'),
      JSON.stringify({ projects: [{ name: 'A', code: 'AA' }] }),
    );
    await fill(8 * 1024);
    const before = await snapshot(disk);
    const r = await cli('import', file('plan.json'), '-o', path.join(disk, 'book.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('no space left');
    expectSentences(r.err);
    expect(await snapshot(disk)).toEqual(before);
  });

  it('D03 add-project on a full disk: exit 2, the workbook as it was', async () => {
    if (!mounted) return;
    expect((await cli('init', path.join(disk, 'book.xlsx'))).code).toBe(0);
    await fill(4 * 1024);
    const before = await snapshot(disk);
    const r = await cli('add-project', path.join(disk, 'book.xlsx'), '--name', 'Full Disk');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no space left');
    expect(await snapshot(disk)).toEqual(before);
  });
});
