import { promises as fs } from 'node:fs';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { readWorkbookState } from '../../src/xlsx/workbook-file';
import { excelLikeParts, excelLikeWorkbook, zipParts } from '../fixtures/excel-like';
import { cli, tempFolder } from './run-cli';

const { file } = tempFolder('implan-init-');

describe('implan init on a workbook a team already has', () => {
  it('sets the plan up inside it; add-project then works, and the hint led there', async () => {
    await fs.writeFile(file('team.xlsx'), await excelLikeWorkbook());
    const hint = await cli('add-project', file('team.xlsx'), '--name', 'Alpha Rollout');
    expect(hint.code).toBe(1);
    expect(hint.err).toContain('set it up first with "implan init"');

    const init = await cli('init', file('team.xlsx'));
    expect(init).toEqual({
      code: 0,
      out: `Set up a plan in ${file('team.xlsx')}: added the How to use, Projects and Settings sheets and kept everything it held.`,
      err: '',
    });
    const state = await readWorkbookState(await fs.readFile(file('team.xlsx')));
    expect(state.sheets).toEqual(['Data', 'Lists', 'How to use', 'Projects', 'Settings']);
    expect(state.tables).toContain('Sales');

    expect((await cli('add-project', file('team.xlsx'), '--name', 'Alpha Rollout')).code).toBe(0);
    const plan = PlanFile.parse(JSON.parse((await cli('export', file('team.xlsx'))).out));
    expect(plan.projects.map((p) => p.code)).toEqual(['ALPHA']);
  });

  it('refuses a workbook that already has a plan, and changes nothing', async () => {
    await cli('init', file('plan.xlsx'));
    const before = await fs.readFile(file('plan.xlsx'));
    const again = await cli('init', file('plan.xlsx'));
    expect(again.code).toBe(1);
    expect(again.err).toBe(
      'Error: This workbook already has a plan (a Projects sheet); nothing was changed.',
    );
    expect(await fs.readFile(file('plan.xlsx'))).toEqual(before);
  });

  it('refuses a workbook with a sheet of one of its names, and changes nothing', async () => {
    const parts = excelLikeParts();
    parts['xl/workbook.xml'] = parts['xl/workbook.xml']!.replace(
      '<sheet name="Lists"',
      '<sheet name="settings"',
    );
    const bytes = await zipParts(parts);
    await fs.writeFile(file('clash.xlsx'), bytes);
    const r = await cli('init', file('clash.xlsx'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('already has a sheet named "Settings"; rename it');
    expect(await fs.readFile(file('clash.xlsx'))).toEqual(bytes);
  });

  it('says so for a file that is not a workbook, and leaves it as it was', async () => {
    await fs.writeFile(file('notes.xlsx'), 'precious');
    const r = await cli('init', file('notes.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not an Excel workbook (.xlsx)');
    expect(await fs.readFile(file('notes.xlsx'), 'utf8')).toBe('precious');
  });
});
