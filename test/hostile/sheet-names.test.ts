import { promises as fs } from 'node:fs';
import { legalSheetName } from '../../src/domain/schema/sheet-name';
import { cli, expectOpens, expectSentences, hostileFolder, snapshot } from './support';

/** One set of sheet-name rules on every path that names a sheet: import, add-project. */

const { dir, file } = hostileFolder();

interface ProjectIn {
  name: unknown;
  code: string;
  sheet?: string;
}

/** Imports a plan of these projects; returns the run, the sheets the export names, the input's bytes. */
async function importPlan(projects: ProjectIn[]) {
  const json = JSON.stringify({ projects });
  await fs.writeFile(file('plan.json'), json);
  const r = await cli('import', file('plan.json'), '-o', file('book.xlsx'));
  expect(await fs.readFile(file('plan.json'), 'utf8')).toBe(json);
  expectSentences(r.err);
  return r;
}

async function exportedSheets(): Promise<(string | undefined)[]> {
  const plan = JSON.parse((await cli('export', file('book.xlsx'))).out) as {
    projects: { name: string; sheet?: string }[];
  };
  return plan.projects.map((p) => p.sheet ?? p.name);
}

describe('hostile: import derives a legal sheet from a name that cannot be one, and says so', () => {
  it.each([
    ['S01 forbidden characters', 'Budget: Q1/Q2', 'Budget Q1-Q2', 'contains :'],
    ['S02 implan’s own Settings', 'Settings', 'Settings (2)', 'implan keeps for itself'],
    ['S03 Excel’s History', 'History', 'History (2)', 'Excel keeps for itself'],
    ['S04 quotes at the ends', "'Quoted'", 'Quoted', 'apostrophe'],
    [
      'S05 39 characters (was silently cut)',
      'Regional Finance Transformation Phase 2',
      'Regional Finance Transformation',
      'has 39 characters; Excel allows 31',
    ],
    ['S06 a joint sheet’s name', 'Joint Budget', 'Joint Budget (2)', 'implan keeps for itself'],
    ['S07 a tab', 'Alpha\tBeta', 'Alpha Beta', 'contains a tab'],
    ['S08 a line break', 'North\nSouth', 'North South', 'contains a line break'],
    ['S09 brackets and a star', '[Draft] *new*', '(Draft) new', 'contains ['],
    ['S10 emoji past 31 units', '🚀'.repeat(16), '🚀'.repeat(15), 'has 32 characters'],
  ])('%s', async (_, name, sheet, why) => {
    const r = await importPlan([{ name, code: 'PROJ' }]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Note: `);
    expect(r.out).toContain(`gets the sheet "${sheet}": its name `);
    expect(r.out).toContain(why);
    expect(await exportedSheets()).toEqual([sheet]);
    expect((await cli('validate', file('book.xlsx'))).code).toBe(0);
    await expectOpens(file('book.xlsx'));
  });

  it('S11 a derived sheet that would clash with another project’s sheet gets a number', async () => {
    const r = await importPlan([
      { name: 'A/B', code: 'AB' },
      { name: 'Other', code: 'OTHER', sheet: 'A-B' },
    ]);
    expect(r.code).toBe(0);
    expect(await exportedSheets()).toEqual(['A-B (2)', 'A-B']);
    await expectOpens(file('book.xlsx'));
  });

  it('S12 a project named like a joint sheet survives Consolidate', async () => {
    await importPlan([{ name: 'Contingency Plan', code: 'CONT' }]);
    expect((await cli('consolidate', file('book.xlsx'))).code).toBe(0);
    expect(await exportedSheets()).toEqual(['Contingency Plan (2)']);
    await expectOpens(file('book.xlsx'));
  });
});

describe('hostile: a sheet the user names must keep the rules, or nothing is written', () => {
  it.each([
    ['S13 Settings', { name: 'A', code: 'AA', sheet: 'Settings' }, 'implan keeps for itself'],
    [
      'S14 settings in lower case',
      { name: 'A', code: 'AA', sheet: 'settings' },
      'keeps for itself',
    ],
    ['S15 a tab', { name: 'A', code: 'AA', sheet: 'A\tB' }, '"A\\tB" contains a tab'],
    ['S16 32 characters', { name: 'A', code: 'AA', sheet: 'x'.repeat(32) }, 'has 32 characters'],
  ])('%s', async (_, project, why) => {
    const r = await importPlan([project]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(why);
    expect(await snapshot(dir())).toEqual({ 'plan.json': expect.any(String) as string });
  });

  it('S17 two projects whose names differ only in case', async () => {
    const r = await importPlan([
      { name: 'Alpha', code: 'AA' },
      { name: 'ALPHA', code: 'BB' },
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is used by more than one project');
    expect(await snapshot(dir())).toEqual({ 'plan.json': expect.any(String) as string });
  });
});

describe('hostile: add-project keeps the same rules', () => {
  beforeEach(async () => {
    expect((await cli('init', file('book.xlsx'))).code).toBe(0);
  });

  it.each([
    ['S18 History', ['--name', 'History'], 'is a sheet name Excel keeps for itself', 'History (2)'],
    [
      'S19 joint schedule',
      ['--name', 'joint schedule'],
      'implan keeps for itself',
      'joint schedule (2)',
    ],
    ['S20 a colon', ['--name', 'Budget: Q1'], 'contains :', 'Budget Q1'],
    ['S21 a newline', ['--name', 'Two\nLines'], 'contains a line break', 'Two Lines'],
  ])('%s: refused with a legal name to use instead', async (_, args, why, suggestion) => {
    const before = await snapshot(dir());
    const r = await cli('add-project', file('book.xlsx'), ...args);
    expect(r.code).toBe(1);
    expect(r.err).toContain(why);
    expect(r.err).toContain(`--sheet "${suggestion}"`);
    expectSentences(r.err);
    expect(await snapshot(dir())).toEqual(before);
    const again = await cli('add-project', file('book.xlsx'), ...args, '--sheet', suggestion);
    expect(again.code).toBe(0);
    await expectOpens(file('book.xlsx'));
  });

  it('S22 a --sheet with a tab is refused', async () => {
    const before = await snapshot(dir());
    const r = await cli('add-project', file('book.xlsx'), '--name', 'A', '--sheet', 'A\tB');
    expect(r.code).toBe(1);
    expect(r.err).toContain('contains a tab');
    expect(await snapshot(dir())).toEqual(before);
  });
});

it('S23 legal names are derived without cutting a character in two', () => {
  expect(legalSheetName('a'.repeat(30) + '🚀')).toBe('a'.repeat(30));
  expect(legalSheetName("'''")).toBe('Project');
  expect(legalSheetName('Settings', ['Settings (2)'])).toBe('Settings (3)');
  expect(legalSheetName('x'.repeat(40), ['x'.repeat(31)])).toBe(`${'x'.repeat(27)} (2)`);
});
