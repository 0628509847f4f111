import { promises as fs } from 'node:fs';
import { DEMO_PLAN } from '../../src/domain/demo';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { cli, tempFolder } from './run-cli';

const { file } = tempFolder('implan-cli-');

describe('implan command line', () => {
  it('exports what it imported, unchanged', async () => {
    await fs.writeFile(file('plan.json'), JSON.stringify(DEMO_PLAN));
    expect((await cli('import', file('plan.json'), '-o', file('book.xlsx'))).code).toBe(0);
    expect((await cli('export', file('book.xlsx'), '-o', file('back.json'))).code).toBe(0);
    const back: unknown = JSON.parse(await fs.readFile(file('back.json'), 'utf8'));
    expect(back).toEqual(JSON.parse(JSON.stringify(PlanFile.parse(DEMO_PLAN))));
    // A second round trip is byte-identical: the export is canonical.
    expect((await cli('import', file('back.json'), '-o', file('book2.xlsx'))).code).toBe(0);
    expect((await cli('export', file('book2.xlsx'), '-o', file('back2.json'))).code).toBe(0);
    expect(await fs.readFile(file('back2.json'), 'utf8')).toBe(
      await fs.readFile(file('back.json'), 'utf8'),
    );
  });

  it('gives the same workbook for the same plan', async () => {
    await cli('demo', '-o', file('a.xlsx'));
    await cli('demo', '-o', file('b.xlsx'));
    expect(await fs.readFile(file('a.xlsx'))).toEqual(await fs.readFile(file('b.xlsx')));
  });

  it('initialises a plan and adds projects to it, registering each', async () => {
    expect((await cli('init', file('plan.xlsx'))).code).toBe(0);
    const first = await cli(
      'add-project',
      file('plan.xlsx'),
      '--name',
      'Alpha Rollout',
      '--manager',
      'Dana',
      '--start',
      '2025-02-03',
      '--end',
      '2025-09-30',
    );
    expect(first).toMatchObject({ code: 0, out: expect.stringContaining('code ALPHA') });
    expect(
      (await cli('add-project', file('plan.xlsx'), '--name', "Ørsted's Façade", '--code', 'ORSTED'))
        .code,
    ).toBe(0);
    const exported = await cli('export', file('plan.xlsx'));
    const plan = PlanFile.parse(JSON.parse(exported.out));
    expect(plan.projects.map((p) => [p.code, p.name, p.manager, p.start])).toEqual([
      ['ALPHA', 'Alpha Rollout', 'Dana', '2025-02-03'],
      ['ORSTED', "Ørsted's Façade", '', null],
    ]);
  });

  it.each([
    [
      ['add-project', 'BOOK', '--name', 'Alpha Again', '--code', 'ALPHA'],
      1,
      'The project code ALPHA is already used by Alpha Rollout; choose another code.',
    ],
    [
      ['add-project', 'BOOK', '--name', 'alpha rollout', '--code', 'BETA'],
      1,
      'A sheet named "alpha rollout" already exists',
    ],
    [
      ['add-project', 'BOOK', '--name', 'x'.repeat(32), '--code', 'LONG'],
      1,
      'has 32 characters; Excel allows 31',
    ],
    [
      ['add-project', 'BOOK', '--name', 'Q1/Q2', '--code', 'QQ'],
      1,
      'contains /, which Excel does not allow',
    ],
    [
      ['add-project', 'BOOK', '--name', 'Late', '--start', '2025-03-10', '--end', '2025-03-01'],
      1,
      'the end date 2025-03-01 is before the start date 2025-03-10',
    ],
    [['add-project', 'BOOK', '--name', 'Bad code', '--code', 'a b'], 1, 'capital letters'],
    [['add-project', 'BOOK'], 2, 'Give the project a name'],
  ])('refuses %j with exit %d and leaves the file as it was', async (args, exit, message) => {
    await cli('init', file('plan.xlsx'));
    await cli('add-project', file('plan.xlsx'), '--name', 'Alpha Rollout');
    const before = await fs.readFile(file('plan.xlsx'));
    const r = await cli(...args.map((a) => (a === 'BOOK' ? file('plan.xlsx') : a)));
    expect(r.code).toBe(exit);
    expect(r.err).toContain(message);
    expect(await fs.readFile(file('plan.xlsx'))).toEqual(before);
  });

  it.each([
    ['missing.xlsx', null, 2, 'does not exist'],
    ['text.xlsx', 'hello', 2, 'is not an Excel workbook (.xlsx): it is not a zip package'],
    [
      'old.xlsx',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]),
      2,
      'password-protected or in the old .xls format',
    ],
  ])('reports an unreadable workbook %s', async (name, content, exit, message) => {
    if (content !== null) await fs.writeFile(file(name), content);
    const r = await cli('add-project', file(name), '--name', 'A');
    expect(r.code).toBe(exit);
    expect(r.err).toContain(message);
  });

  it('reports invalid JSON and schema violations with their place', async () => {
    await fs.writeFile(file('bad.json'), '{ "projects": [ }');
    expect(await cli('import', file('bad.json'), '-o', file('x.xlsx'))).toMatchObject({
      code: 1,
      err: expect.stringContaining('is not valid JSON'),
    });
    await fs.writeFile(
      file('dup.json'),
      JSON.stringify({
        projects: [
          { name: 'A', code: 'AA' },
          { name: 'B', code: 'AA' },
          { name: 'C', code: 'CC', risks: [{ id: 'R1', risk: 'r', probability: 7, impact: 1 }] },
        ],
      }),
    );
    const r = await cli('import', file('dup.json'), '-o', file('x.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('the project code AA is used by more than one project');
    expect(r.err).toContain('projects[2].risks[0].probability');
    await expect(fs.access(file('x.xlsx'))).rejects.toThrow();
  });

  it('leaves an existing file that is no workbook alone on init; demo refuses to overwrite it', async () => {
    await fs.writeFile(file('keep.xlsx'), 'precious');
    expect((await cli('init', file('keep.xlsx'))).code).toBe(2);
    expect((await cli('demo', '-o', file('keep.xlsx'))).code).toBe(2);
    expect(await fs.readFile(file('keep.xlsx'), 'utf8')).toBe('precious');
  });

  it('prints the JSON Schema and usage', async () => {
    const schema = await cli('schema');
    expect(JSON.parse(schema.out)).toHaveProperty('properties.projects');
    expect((await cli('help')).out).toContain('implan add-project');
    expect((await cli('frobnicate')).code).toBe(2);
  });
});
