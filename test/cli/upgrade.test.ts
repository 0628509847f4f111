import { promises as fs } from 'node:fs';
import { demoPlan } from '../../src/domain/demo';
import { TEMPLATE_VERSION } from '../../src/domain/template/version';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { setDefinedNames } from '../../src/xlsx/ooxml/workbook';
import { newWorkbook } from '../../src/xlsx/workbook-file';
import { v1WorkbookPlan } from '../fixtures/template-v1';
import { cli, tempFolder } from './run-cli';
import { protectSheet, spoil } from '../hostile/spoil';

const { file } = tempFolder('implan-upgrade-');

async function v1Book(): Promise<string> {
  const book = file('plan.xlsx');
  await fs.writeFile(book, await newWorkbook(v1WorkbookPlan(demoPlan())));
  return book;
}

const projectLines = (verb: string) =>
  demoPlan().projects.map(
    (p) =>
      `  ${p.name}: ${verb} the Review row in B21 (Due when "Last reviewed on" is empty or older than 30 days); ` +
      `the Budget column "Forecast to complete" in Y4:Y${4 + p.budget.length}.`,
  );
const V = TEMPLATE_VERSION;

describe('implan upgrade', () => {
  it('reports per project in a dry run and writes nothing', async () => {
    const book = await v1Book();
    const before = await fs.readFile(book);
    const r = await cli('upgrade', book, '--dry-run');
    expect(r).toEqual({
      code: 0,
      err: '',
      out: [
        `Dry run: upgrading ${book} from template version 1 to ${V}.`,
        '  Settings: would add "Review every (days)" (30) in B6 and the name Settings_ReviewDays; "Compare with baseline" (empty: none) in B7 and the name Settings_Baseline.',
        ...projectLines('would add'),
        'Nothing was written; run without --dry-run to upgrade.',
      ].join('\n'),
    });
    expect((await fs.readFile(book)).equals(before)).toBe(true);
    expect(await fs.readdir(file('.'))).toEqual(['plan.xlsx']);
  });

  it('upgrades in place, keeps the previous version, and changes nothing the second time', async () => {
    const book = await v1Book();
    const before = await fs.readFile(book);
    const r = await cli('upgrade', book);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      `Upgraded ${book} from template version 1 to ${V}.`,
      '  Settings: added "Review every (days)" (30) in B6 and the name Settings_ReviewDays; "Compare with baseline" (empty: none) in B7 and the name Settings_Baseline.',
      ...projectLines('added'),
      'Every value you typed is kept.',
      `The previous version is in ${book}.bak.`,
    ]);
    expect((await fs.readFile(`${book}.bak`)).equals(before)).toBe(true);
    const upgraded = await fs.readFile(book);
    expect(await cli('upgrade', book)).toEqual({
      code: 0,
      err: '',
      out: `${book} is already at template version ${V}; nothing to change.`,
    });
    expect((await fs.readFile(book)).equals(upgraded)).toBe(true);
  });

  it('makes consolidate and add-project ask for the upgrade, and validate warn', async () => {
    const book = await v1Book();
    const hint = `needs upgrading to version ${V} first: run "implan upgrade ${book}".`;
    const consolidate = await cli('consolidate', book);
    expect(consolidate.err).toContain(hint);
    const add = await cli('add-project', book, '--name', 'Delta');
    expect([add.code, add.err]).toEqual([1, expect.stringContaining(hint)]);
    const validate = await cli('validate', book);
    expect(validate.out).toContain(
      `Warning: This workbook was made with template version 1 and ${hint}`,
    );
    // The columns the upgrade adds are not reported missing before it.
    expect(validate.out).toContain('0 error(s), 1 warning(s).');
  });

  it('refuses a workbook made by a newer implan in every command', async () => {
    const book = file('new.xlsx');
    const pkg = await XlsxPackage.load(await newWorkbook(v1WorkbookPlan(demoPlan())));
    await setDefinedNames(pkg, [{ name: 'Implan_TemplateVersion', refersTo: String(V + 1) }]);
    await fs.writeFile(book, await pkg.save());
    const sentence = `This workbook was made by a newer implan (template version ${V + 1}; this implan knows up to ${V}): update implan before changing it.`;
    for (const args of [
      ['upgrade', book],
      ['upgrade', book, '--dry-run'],
      ['consolidate', book],
      ['validate', book],
      ['export', book],
      ['add-project', book, '--name', 'Delta'],
    ]) {
      const r = await cli(...args);
      expect([args[0], r.code !== 0, `${r.out}\n${r.err}`]).toEqual([
        args[0],
        true,
        expect.stringContaining(sentence),
      ]);
    }
  });
});

describe('implan upgrade on a protected workbook', () => {
  it('refuses a protected project sheet before writing, in a dry run too', async () => {
    const book = await v1Book();
    await spoil(book, (p) =>
      p.set(p.sheet('Alpha Rollout'), protectSheet(p.get(p.sheet('Alpha Rollout')))),
    );
    const before = await fs.readFile(book);
    const said = 'The sheet "Alpha Rollout": it is protected, so implan cannot write to it';
    for (const args of [
      ['upgrade', book],
      ['upgrade', book, '--dry-run'],
    ]) {
      const r = await cli(...args);
      expect([r.code, r.err]).toEqual([1, expect.stringContaining(said)]);
    }
    expect((await fs.readFile(book)).equals(before)).toBe(true);
    await expect(fs.stat(`${book}.bak`)).rejects.toThrow();
  });
});
