import { isoToSerial } from '../../src/domain/dates';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { saveBaseline } from '../../src/excel/baseline';
import { createFakeExcel } from './fake-excel';

const ALL = { dataValidation: true, pageLayout: true, tableResize: true, findInRange: true };
const TODAY = isoToSerial('2026-12-02');

function planOf(projects: number): PlanFile {
  return PlanFile.parse({
    projects: Array.from({ length: projects }, (_, i) => ({
      name: `Project ${i + 1}`,
      code: `P${i + 1}`,
      manager: 'Dana',
      tasks: [
        { id: 'T1', task: 'Kick-off', responsible: 'Dana', start: '2026-01-05', end: '2026-01-09' },
      ],
      risks: [{ id: 'R1', risk: 'Late', probability: 2, impact: 3 }],
    })),
  });
}

describe('Save baseline in the open workbook', () => {
  it('takes four syncs whatever the number of projects, the first and the next baseline', async () => {
    for (const n of [1, 40]) {
      const fake = createFakeExcel();
      await applyPlan(newWorkbookPlan(planOf(n)), { run: fake.run, capabilities: ALL });
      for (const name of ['Approved', 'Review 1']) {
        const before = fake.syncCount;
        const r = await saveBaseline(name, { run: fake.run, capabilities: ALL, today: TODAY });
        expect(r.ok && [r.value.value.name, r.value.value.totals.projects]).toEqual([name, n]);
        expect([n, fake.syncCount - before]).toEqual([n, 4]);
      }
      // The first became the one compared; the second did not take its place.
      expect(fake.sheet('Settings').cells.get('B7')).toMatchObject({ value: 'Approved' });
    }
  });

  it('refuses a name already saved, whatever its case, and writes nothing', async () => {
    const fake = createFakeExcel();
    await applyPlan(newWorkbookPlan(planOf(1)), { run: fake.run, capabilities: ALL });
    await saveBaseline('Approved', { run: fake.run, capabilities: ALL, today: TODAY });
    const before = fake.syncCount;
    const again = await saveBaseline(' approved ', {
      run: fake.run,
      capabilities: ALL,
      today: TODAY,
    });
    expect(!again.ok && again.problems.map((p) => p.message)).toEqual([
      'A baseline named "Approved" already exists (saved on 2026-12-02); a baseline is never overwritten, so choose another name.',
    ]);
    expect(fake.syncCount - before).toBe(3);
  });
});
