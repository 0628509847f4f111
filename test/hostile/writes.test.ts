import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { DEMO_PLAN } from '../../src/domain/demo';
import { lockFileOf, withWorkbook } from '../../src/cli/safe-write';
import { cli, expectOpens, expectSentences, hostileFolder, snapshot } from './support';

const { dir, file } = hostileFolder();

let demoBytes: Buffer | undefined;

/** The demo workbook, made once and copied: what implan itself made, as a user's file. */
async function demo(name = 'book.xlsx'): Promise<Buffer> {
  if (!demoBytes) {
    expect((await cli('demo', '-o', file(name))).code).toBe(0);
    demoBytes = await fs.readFile(file(name));
  } else await fs.writeFile(file(name), demoBytes);
  return demoBytes;
}

/** Runs a command that must refuse: exit code, one sentence, and the folder exactly as it was. */
async function refuses(args: string[], exit: number, message: string | RegExp): Promise<void> {
  const before = await snapshot(dir());
  const r = await cli(...args);
  expect(r.code).toBe(exit);
  expect(r.err).toMatch(message);
  expectSentences(r.err);
  expect(await snapshot(dir())).toEqual(before);
}

describe('hostile: outputs never replace what implan did not make', () => {
  it('W01 export -o its own workbook is refused: export writes JSON', async () => {
    await demo();
    await refuses(
      ['export', file('book.xlsx'), '-o', file('book.xlsx')],
      2,
      'export writes JSON, not a workbook',
    );
  });

  it('W02 export -o a link to its own workbook is refused', async () => {
    await demo();
    await fs.symlink(file('book.xlsx'), file('plan.json'));
    await refuses(
      ['export', file('book.xlsx'), '-o', file('plan.json'), '--force'],
      2,
      'is the workbook this command reads',
    );
  });

  it('W03 export -o an existing file is refused without --force', async () => {
    await demo();
    await fs.writeFile(file('notes.json'), 'my notes');
    await refuses(
      ['export', file('book.xlsx'), '-o', file('notes.json')],
      2,
      /already exists.*--force/,
    );
  });

  it('W04 export -o an existing file with --force replaces it, keeping its mode', async () => {
    await demo();
    await fs.writeFile(file('plan.json'), 'old', { mode: 0o640 });
    await fs.chmod(file('plan.json'), 0o640);
    const r = await cli('export', file('book.xlsx'), '-o', file('plan.json'), '--force');
    expect(r.code).toBe(0);
    expect(JSON.parse(await fs.readFile(file('plan.json'), 'utf8'))).toHaveProperty('projects');
    expect((await fs.stat(file('plan.json'))).mode & 0o777).toBe(0o640);
    expect(Object.keys(await snapshot(dir()))).toEqual(['book.xlsx', 'plan.json']);
  });

  it('W05 consolidate -o an unrelated existing file is refused', async () => {
    await demo();
    await fs.writeFile(file('other.xlsx'), 'someone else’s workbook');
    await refuses(
      ['consolidate', file('book.xlsx'), '-o', file('other.xlsx')],
      2,
      /other\.xlsx already exists; choose another file name, or add --force/,
    );
  });

  it('W06 consolidate -o an existing file with --force writes a workbook that opens', async () => {
    const original = await demo();
    await fs.writeFile(file('other.xlsx'), 'old');
    const r = await cli('consolidate', file('book.xlsx'), '-o', file('other.xlsx'), '--force');
    expect(r.code).toBe(0);
    expect(await fs.readFile(file('book.xlsx'))).toEqual(original);
    await expectOpens(file('other.xlsx'));
  });

  it('W07 consolidate -o its own input is an in-place consolidation with a .bak', async () => {
    const original = await demo();
    const r = await cli('consolidate', file('book.xlsx'), '-o', file('./book.xlsx'));
    expect(r.code).toBe(0);
    expect(await fs.readFile(file('book.xlsx.bak'))).toEqual(original);
    await expectOpens(file('book.xlsx'));
  });

  it('W08 consolidate through a symbolic link changes the file it points at and keeps the link', async () => {
    const original = await demo('real.xlsx');
    await fs.symlink(file('real.xlsx'), file('link.xlsx'));
    const r = await cli('consolidate', file('link.xlsx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`(the previous version is in ${file('real.xlsx.bak')})`);
    expect((await fs.lstat(file('link.xlsx'))).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(file('real.xlsx.bak'))).toEqual(original);
    await expectOpens(file('real.xlsx'));
  });

  it('W09 import -o a link to its own plan file is refused', async () => {
    await fs.writeFile(file('plan.json'), JSON.stringify(DEMO_PLAN));
    await fs.symlink(file('plan.json'), file('book.xlsx'));
    await refuses(
      ['import', file('plan.json'), '-o', file('book.xlsx'), '--force'],
      2,
      'is the plan file this command reads',
    );
  });

  it('W10 init over a symbolic link to nowhere is refused', async () => {
    await fs.symlink(file('missing/target.xlsx'), file('book.xlsx'));
    await refuses(['init', file('book.xlsx')], 2, 'symbolic link to a file that does not exist');
  });

  it('W11 demo -o a folder is refused', async () => {
    await fs.mkdir(file('plans.xlsx'));
    await refuses(['demo', '-o', file('plans.xlsx'), '--force'], 2, 'is a folder');
  });

  it('W12 demo -o a missing folder says which folder', async () => {
    await refuses(
      ['demo', '-o', file('nowhere/demo.xlsx')],
      2,
      /the folder .*nowhere does not exist/,
    );
  });

  it('W13 init over a link to a device is refused, the device untouched', async () => {
    await fs.symlink('/dev/null', file('null.xlsx'));
    await refuses(['init', file('null.xlsx'), '--force'], 2, 'is not an ordinary file');
  });

  it('W14 init over a workbook that already has a plan is refused, nothing changed', async () => {
    // init sets a plan up inside an existing workbook (issue 11); one with a plan is left alone.
    await demo();
    await refuses(['init', file('book.xlsx')], 1, /already has a plan.*nothing was changed/);
  });

  it('W15 consolidate in place refuses when BOOK.xlsx.bak is a symbolic link', async () => {
    await demo();
    await fs.writeFile(file('elsewhere.txt'), 'keep me');
    await fs.symlink(file('elsewhere.txt'), file('book.xlsx.bak'));
    await refuses(['consolidate', file('book.xlsx')], 2, 'book.xlsx.bak is a symbolic link');
  });
});

describe('hostile: concurrent and interrupted writes', () => {
  it('C01 two add-project commands at once both land', async () => {
    expect((await cli('init', file('book.xlsx'))).code).toBe(0);
    const [a, b] = await Promise.all([
      cli('add-project', file('book.xlsx'), '--name', 'Alpha'),
      cli('add-project', file('book.xlsx'), '--name', 'Beta'),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const plan = JSON.parse((await cli('export', file('book.xlsx'))).out) as {
      projects: { name: string }[];
    };
    expect(plan.projects.map((p) => p.name).sort()).toEqual(['Alpha', 'Beta']);
    await expectOpens(file('book.xlsx'));
    await expect(fs.access(lockFileOf(file('book.xlsx')))).rejects.toThrow();
  });

  it('C02 consolidate and add-project at once: neither loses the other', async () => {
    await demo();
    const [c, a] = await Promise.all([
      cli('consolidate', file('book.xlsx')),
      cli('add-project', file('book.xlsx'), '--name', 'Gamma Wave'),
    ]);
    expect([c.code, a.code]).toEqual([0, 0]);
    const names = JSON.parse((await cli('export', file('book.xlsx'))).out) as {
      projects: { name: string }[];
    };
    expect(names.projects.map((p) => p.name)).toContain('Gamma Wave');
    const validate = await cli('validate', file('book.xlsx'), '--json');
    expect(validate.code).toBe(0);
    await expectOpens(file('book.xlsx'));
  });

  it('C03 a workbook locked by a running implan command is refused after a wait', async () => {
    const original = await demo();
    const lock = lockFileOf(file('book.xlsx'));
    await fs.writeFile(lock, JSON.stringify({ pid: process.pid, host: os.hostname() }));
    // The command line waits LOCK_WAIT_MS (3 s); the same code with a shorter wait.
    const change = jest.fn();
    const refusal = withWorkbook(file('book.xlsx'), (f) => fs.readFile(f), change, {
      lockWaitMs: 200,
    });
    await expect(refusal).rejects.toThrow(
      /^Another implan command is changing .*book\.xlsx right now; run this one again when it has finished \(if none is running, delete .*\)\. Nothing was written\.$/,
    );
    expect(change).not.toHaveBeenCalled();
    expect(await fs.readFile(file('book.xlsx'))).toEqual(original);
    expect(await fs.readFile(lock, 'utf8')).toContain(String(process.pid));
  });

  it('C04 a lock left by a killed command is taken over', async () => {
    await demo();
    const dead = spawn(process.execPath, ['-e', '']);
    const pid = dead.pid!;
    await new Promise((resolve) => dead.on('exit', resolve));
    await fs.writeFile(lockFileOf(file('book.xlsx')), JSON.stringify({ pid, host: os.hostname() }));
    const r = await cli('add-project', file('book.xlsx'), '--name', 'Delta');
    expect(r.code).toBe(0);
    await expect(fs.access(lockFileOf(file('book.xlsx')))).rejects.toThrow();
    await expectOpens(file('book.xlsx'));
  });

  it('C05 a workbook saved by another program meanwhile is not overwritten', async () => {
    await demo();
    const read = (f: string) => fs.readFile(f);
    await expect(
      withWorkbook(file('book.xlsx'), read, async (book) => {
        await fs.writeFile(file('book.xlsx'), 'saved from Excel meanwhile');
        await book.replace(book.bytes, { backup: true });
      }),
    ).rejects.toThrow('was changed by another program while implan was working on it');
    expect(await fs.readFile(file('book.xlsx'), 'utf8')).toBe('saved from Excel meanwhile');
    expect(Object.keys(await snapshot(dir()))).toEqual(['book.xlsx']);
  });

  it('C06 a failed command leaves no .bak, no temporary file and no lock', async () => {
    await demo();
    const before = await snapshot(dir());
    // A duplicate code: refused after the workbook was read and locked.
    expect(
      (await cli('add-project', file('book.xlsx'), '--name', 'A', '--code', 'ALPHA')).code,
    ).toBe(1);
    expect(await snapshot(dir())).toEqual(before);
  });
});
