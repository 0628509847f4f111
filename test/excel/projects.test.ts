import { demoPlan } from '../../src/domain/demo';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { removeProject, setIncluded } from '../../src/excel/projects';
import { readWorkbookState } from '../../src/excel/read-state';
import { createFakeExcel } from './fake-excel';

async function demo() {
  const fake = createFakeExcel();
  await applyPlan(newWorkbookPlan(demoPlan()), {
    run: fake.run,
    capabilities: { dataValidation: true, pageLayout: true },
  });
  fake.syncCount = 0;
  return fake;
}

const entries = async (fake: Awaited<ReturnType<typeof demo>>) =>
  (await readWorkbookState(fake.run)).registry!.entries.map((e) => [e.code, e.included]);

describe('project actions in the registry', () => {
  it('includes and excludes a project by writing its Included cell, in two syncs', async () => {
    const fake = await demo();
    expect(await setIncluded('orsted', false, fake.run)).toBe(true);
    expect(fake.syncCount).toBe(2);
    expect(await entries(fake)).toEqual([
      ['ALPHA', true],
      ['ORSTED', false],
      ['PORTAL', true],
    ]);
    await setIncluded('ORSTED', true, fake.run);
    expect((await entries(fake))[1]).toEqual(['ORSTED', true]);
    expect(await setIncluded('NOPE', true, fake.run)).toBe(false);
  });

  it('removes a project from the plan and keeps its sheet unless told to delete it', async () => {
    const fake = await demo();
    await removeProject('ALPHA', { deleteSheet: false }, fake.run);
    expect((await entries(fake)).map(([c]) => c)).toEqual(['ORSTED', 'PORTAL']);
    expect(fake.sheets.some((s) => s.name === 'Alpha Rollout')).toBe(true);
    await removeProject('PORTAL', { deleteSheet: true }, fake.run);
    expect((await entries(fake)).map(([c]) => c)).toEqual(['ORSTED']);
    expect(fake.sheets.some((s) => s.name === 'Customer Portal Relaunch')).toBe(false);
  });
});
