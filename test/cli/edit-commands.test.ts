/**
 * implan include, exclude, remove-project and settings: the pane's registry and settings edits
 * on a file. Each changes only what it says (every other part byte-identical), keeps a .bak,
 * refuses unknown codes, settings and values in a sentence (exit 2) without writing, and
 * LibreOffice computes the project sheets from the settings written.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { lockFileOf } from '../../src/cli/safe-write';
import { a1, parseRange } from '../../src/domain/plan/a1';
import { tablesOf } from '../../src/domain/template/project-identity';
import { writeCells } from '../../src/xlsx/ooxml/cells';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { findTable, listSheets } from '../../src/xlsx/ooxml/workbook';
import { readWorkbookState } from '../../src/xlsx/workbook-file';
import { computedValues, requireLibreOffice } from '../support/libreoffice';
import { parts } from '../support/package-parts';
import { cli, tempFolder } from './run-cli';

const { file } = tempFolder('implan-edit-');

async function demo(): Promise<{ book: string; before: Buffer }> {
  const book = file('demo.xlsx');
  expect((await cli('demo', '-o', book)).code).toBe(0);
  return { book, before: await fs.readFile(book) };
}

const stateOf = async (book: string) => await readWorkbookState(await fs.readFile(book));
const included = async (book: string) =>
  (await stateOf(book)).registry!.entries.map((e) => [e.code, e.included]);

/** The parts whose bytes differ between two versions of a workbook. */
async function changedParts(before: Uint8Array, after: Uint8Array): Promise<string[]> {
  const [a, b] = [await parts(before), await parts(after)];
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => a.get(p) !== b.get(p)).sort();
}

async function sheetPart(bytes: Uint8Array, name: string): Promise<string> {
  return (await listSheets(await XlsxPackage.load(bytes))).find((s) => s.name === name)!.path;
}

describe('implan include and exclude', () => {
  it('sets Included on the named lines only, keeps a .bak and changes no other part', async () => {
    const { book, before } = await demo();
    const r = await cli('exclude', book, 'orsted', 'PORTAL');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Ørsted's Façade Upgrade \(ORSTED\), Customer Portal Relaunch \(PORTAL\) are now left out of consolidation in .*demo\.xlsx \(the previous version is in .*demo\.xlsx\.bak\)\.$/,
    );
    expect((await fs.readFile(`${book}.bak`)).equals(before)).toBe(true);
    expect(await included(book)).toEqual([
      ['ALPHA', true],
      ['ORSTED', false],
      ['PORTAL', false],
    ]);
    const after = await fs.readFile(book);
    expect(await changedParts(before, after)).toEqual([await sheetPart(before, 'Projects')]);
    expect((await cli('include', book, 'PORTAL')).code).toBe(0);
    expect((await included(book))[2]).toEqual(['PORTAL', true]);
  });

  it('says so and writes nothing when the projects already are as asked', async () => {
    const { book, before } = await demo();
    const r = await cli('include', book, 'ALPHA');
    expect(r).toMatchObject({
      code: 0,
      out: 'Alpha Rollout (ALPHA) is already included in consolidation; nothing was written.',
    });
    expect((await fs.readFile(book)).equals(before)).toBe(true);
    await expect(fs.access(`${book}.bak`)).rejects.toThrow();
  });

  it('refuses an unknown code, and a missing one, in a sentence without writing', async () => {
    const { book, before } = await demo();
    const r = await cli('exclude', book, 'ALPHA', 'NOPE');
    expect(r).toMatchObject({
      code: 2,
      err: 'Error: No project in the Projects register has the code NOPE; the codes are ALPHA, ORSTED, PORTAL.',
    });
    expect((await fs.readFile(book)).equals(before)).toBe(true);
    expect((await cli('include', book)).err).toBe(
      `Error: Name the projects to include by their codes: implan include ${book} CODE...`,
    );
    expect((await cli('include', file('plan.xlsx'), 'A')).err).toBe(
      `Error: The workbook ${file('plan.xlsx')} does not exist.`,
    );
  });
});

describe('the edits write as every in-place command does', () => {
  it('waits for a workbook another implan command has locked, then refuses without writing', async () => {
    const { book, before } = await demo();
    await fs.writeFile(lockFileOf(book), JSON.stringify({ pid: process.pid, host: os.hostname() }));
    const r = await cli('exclude', book, 'ALPHA');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Error: Another implan command is changing .*demo\.xlsx right now;/);
    expect((await fs.readFile(book)).equals(before)).toBe(true);
    await fs.rm(lockFileOf(book));
  });
});

describe('implan remove-project', () => {
  it('takes the line out and keeps the sheet and what was typed in it', async () => {
    const { book, before } = await demo();
    const r = await cli('remove-project', book, 'ALPHA');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Removed Alpha Rollout (ALPHA) from the Projects register of ' +
        `${book}; its sheet "Alpha Rollout" and everything typed in it stay (--delete-sheet deletes it too)`,
    );
    expect((await included(book)).map(([c]) => c)).toEqual(['ORSTED', 'PORTAL']);
    const after = await fs.readFile(book);
    const registry = await findTable(await XlsxPackage.load(after), 'Projects');
    expect(registry?.ref).toBe('A4:F6');
    expect(await changedParts(before, after)).toEqual(
      [await sheetPart(before, 'Projects'), registry!.path].sort(),
    );
  });

  it('deletes the sheet and its tables with --delete-sheet, and the workbook still checks clean', async () => {
    const { book } = await demo();
    // The demo comes consolidated: its joint sheets stop referring to PORTAL once it is left out.
    expect((await cli('exclude', book, 'PORTAL')).code).toBe(0);
    expect((await cli('consolidate', book)).code).toBe(0);
    expect((await cli('remove-project', book, 'PORTAL', '--delete-sheet')).code).toBe(0);
    const state = await stateOf(book);
    expect(state.sheets).not.toContain('Customer Portal Relaunch');
    expect(state.tables.filter((t) => t.endsWith('PORTAL'))).toEqual([]);
    expect((await cli('validate', book)).out).toMatch(/0 error\(s\)/);
    expect((await cli('consolidate', book)).code).toBe(0);
  });

  it('keeps a sheet the joint sheets refer to until the project is left out and consolidated', async () => {
    const { book } = await demo();
    expect((await cli('consolidate', book)).code).toBe(0);
    const consolidated = await fs.readFile(book);
    const r = await cli('remove-project', book, 'PORTAL', '--delete-sheet');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^Error: Formulas on the sheet "Joint Schedule" refer to the sheet "Customer Portal Relaunch" or its tables; leave the project out of consolidation and consolidate again first, or delete the sheet in Excel\. Nothing was changed\.$/,
    );
    expect((await fs.readFile(book)).equals(consolidated)).toBe(true);
    expect((await cli('exclude', book, 'PORTAL')).code).toBe(0);
    expect((await cli('consolidate', book)).code).toBe(0);
    expect((await cli('remove-project', book, 'PORTAL', '--delete-sheet')).code).toBe(0);
    expect((await stateOf(book)).sheets).not.toContain('Customer Portal Relaunch');
  });

  it("never deletes one of implan's own sheets, nor a sheet that is not there", async () => {
    const { book, before } = await demo();
    // Someone typed "Settings" as Alpha's sheet in the register (row 5, column C).
    const pkg = await XlsxPackage.load(before);
    await writeCells(
      pkg,
      await sheetPart(before, 'Projects'),
      4,
      2,
      [['Settings']],
      () => undefined,
    );
    await fs.writeFile(book, await pkg.save());
    const typed = await fs.readFile(book);
    expect((await cli('remove-project', book, 'ALPHA', '--delete-sheet')).err).toBe(
      'Error: The sheet "Settings" of Alpha Rollout is one of implan\'s own sheets, so it is kept; remove the project without deleting its sheet. Nothing was changed.',
    );
    await writeCells(pkg, await sheetPart(before, 'Projects'), 4, 2, [['Gone']], () => undefined);
    await fs.writeFile(book, await pkg.save());
    expect((await cli('remove-project', book, 'ALPHA', '--delete-sheet')).err).toBe(
      'Error: The sheet "Gone" of Alpha Rollout is not in this workbook (renamed or deleted?); remove the project without deleting its sheet. Nothing was changed.',
    );
    const gone = await fs.readFile(book);
    expect((await cli('remove-project', book, 'ALPHA', '--delete-sheet')).code).toBe(2);
    expect((await fs.readFile(book)).equals(gone)).toBe(true);
    expect(typed.equals(gone)).toBe(false);
    await expect(fs.access(`${book}.bak`)).rejects.toThrow();
    expect((await cli('remove-project', book)).err).toBe(
      `Error: Name one project to remove by its code: implan remove-project ${book} CODE.`,
    );
  });
});

describe('implan settings', () => {
  it('prints every setting in the form --set takes', async () => {
    const { book } = await demo();
    const r = await cli('settings', book);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').map((l) => l.split(' = ')[0])).toEqual([
      'currency',
      'review-days',
      'baseline',
      'rating-bands',
      'probability',
      'budget-categories',
      'risk-categories',
      'task-statuses',
      'project-statuses',
      'holidays',
    ]);
    expect(r.out).toContain('rating-bands = Low 1-4; Medium 5-9; High 10-15; Critical 16-25');
    // Every printed line given back changes nothing.
    const same = await cli(
      'settings',
      book,
      ...r.out.split('\n').flatMap((l) => ['--set', l.replace(' = ', '=')]),
    );
    expect(same.out).toBe(
      `The settings of ${book} already hold these values; nothing was written.`,
    );
  });

  it('saves changes to the Settings sheet, and LibreOffice rates and values risks by them', async () => {
    requireLibreOffice();
    const { book, before } = await demo();
    const r = await cli(
      'settings',
      book,
      '--set',
      'currency=CHF',
      '--set',
      'rating-bands=Low 1-9; High 10-25',
      '--set',
      'probability=5; 15; 25; 35; 45',
      '--set',
      'holidays=',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^Saved currency, rating-bands, probability, holidays in the Settings sheet of/,
    );
    const after = await fs.readFile(book);
    const settings = (await readWorkbookState(after)).settings!;
    expect(settings.currency).toBe('CHF');
    expect(settings.holidays).toEqual([]);
    const changed = await changedParts(before, after);
    const settingsPart = await sheetPart(before, 'Settings');
    expect(changed).toContain(settingsPart);
    expect(changed.every((p) => p === settingsPart || p.startsWith('xl/tables/'))).toBe(true);

    const pkg = await XlsxPackage.load(after);
    const risks = (await findTable(pkg, tablesOf('ALPHA').risks))!;
    const ref = parseRange(risks.ref);
    const book2 = await computedValues(after);
    const at = (row: number, column: string) =>
      book2.value('Alpha Rollout', a1(row, ref.from.col + risks.columns.indexOf(column)));
    for (let row = ref.from.row + 1; row <= ref.to.row; row++) {
      const p = at(row, 'Probability') as number;
      const score = p * (at(row, 'Impact') as number);
      expect([row, at(row, 'Rating')]).toEqual([row, score <= 9 ? 'Low' : 'High']);
      const value = (at(row, 'Cost impact') as number) * [0.05, 0.15, 0.25, 0.35, 0.45][p - 1]!;
      expect(at(row, 'Expected value')).toBeCloseTo(value, 6);
    }
  });

  it('refuses unknown settings, malformed values and values the schema rejects, writing nothing', async () => {
    const { book, before } = await demo();
    const cases: [string, string][] = [
      [
        'colour=red',
        'Error: "colour" is not a setting; the settings are currency, review-days, baseline, rating-bands, probability, budget-categories, risk-categories, task-statuses, project-statuses, holidays.',
      ],
      [
        'currency',
        'Error: Give currency a value: --set currency=VALUE (a three-letter ISO code (e.g. "EUR")).',
      ],
      [
        'rating-bands=Low one to four',
        'Error: The value of rating-bands, "Low one to four", is not bands NAME MIN-MAX separated by ";" (e.g. "Low 1-9; High 10-25").',
      ],
      [
        'currency=euro',
        'Error: Settings: the currency must be a three-letter ISO 4217 code such as EUR or USD (it is the text "euro").',
      ],
    ];
    for (const [set, err] of cases) {
      const r = await cli('settings', book, '--set', set);
      expect([set, r.code, r.err]).toEqual([set, 2, err]);
    }
    const gap = await cli('settings', book, '--set', 'rating-bands=Low 1-4; High 6-25');
    expect(gap.code).toBe(2);
    expect(gap.err).toContain('must start at 5');
    expect((await fs.readFile(book)).equals(before)).toBe(true);
  });

  it('sets the review period and the baseline compared with, in B6 and B7', async () => {
    const { book } = await demo();
    const r = await cli('settings', book, '--set', 'review-days=14', '--set', 'baseline=Approved');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Saved review-days, baseline in the Settings sheet of/);
    const settings = (await stateOf(book)).settings!;
    expect([settings.reviewEveryDays, settings.compareBaseline]).toEqual([14, 'Approved']);
    expect((await cli('settings', book)).out).toContain('review-days = 14\nbaseline = Approved');
    const cleared = await cli('settings', book, '--set', 'baseline=');
    expect(cleared.code).toBe(0);
    expect((await stateOf(book)).settings!.compareBaseline).toBe('');
    const before = await fs.readFile(book);
    for (const [set, err] of [
      [
        'review-days=0',
        'Error: Settings: the review period (days) must be at least 1 (it is the number 0).',
      ],
      ['review-days=often', 'Error: The value of review-days, "often", is not a whole number'],
    ]) {
      const refused = await cli('settings', book, '--set', set!);
      expect([set, refused.code, refused.err]).toEqual([set, 2, expect.stringContaining(err!)]);
    }
    expect((await fs.readFile(book)).equals(before)).toBe(true);
  });
});
