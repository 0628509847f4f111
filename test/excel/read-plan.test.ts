import { validatePlan } from '../../src/domain/validation/validate';
import { addProject, setUpPlan } from '../../src/excel/actions';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { readRawPlanLive } from '../../src/excel/read-plan';
import { createFakeExcel } from './fake-excel';

const ALL = { dataValidation: true, pageLayout: true, tableResize: true };

async function planWith(projects: number) {
  const fake = createFakeExcel();
  await setUpPlan({ run: fake.run, capabilities: ALL });
  for (let i = 1; i <= projects; i++)
    await addProject(
      { name: `Project ${i}`, code: `P${i}`, start: '2025-01-06', end: '2025-12-31' },
      { run: fake.run, capabilities: ALL },
    );
  return fake;
}

describe('reading a live workbook for validation', () => {
  it('takes three syncs for 1 project and for 12', async () => {
    for (const n of [1, 12]) {
      const fake = await planWith(n);
      const before = fake.syncCount;
      const raw = await readRawPlanLive(fake.run);
      expect([n, fake.syncCount - before]).toEqual([n, 3]);
      expect(Array.isArray(raw) ? raw : raw.projects.map((p) => p.entry.code)).toHaveLength(n);
    }
  });

  it('splits the read where Excel refuses a response as too large, and reads the same', async () => {
    const fake = createFakeExcel();
    const projects = Array.from({ length: 12 }, (_, i) => ({
      name: `Project ${i + 1}`,
      code: `P${i + 1}`,
      tasks: Array.from({ length: 20 }, (_, t) => ({ id: `T${t + 1}`, task: `Task ${t + 1}` })),
    }));
    await applyPlan(newWorkbookPlan(PlanFile.parse({ projects })), {
      run: fake.run,
      capabilities: ALL,
    });
    const whole = await readRawPlanLive(fake.run);
    const largest = Math.max(...fake.responseBytes.slice(-1));
    fake.responseLimit = Math.floor(largest / 5); // a host whose limit one response passes
    fake.responseBytes.length = 0;
    const split = await readRawPlanLive(fake.run);
    expect(split).toEqual(whole);
    const delivered = fake.responseBytes.filter((b) => b <= fake.responseLimit);
    expect(delivered.length).toBeGreaterThan(2);
    expect(Math.max(...delivered)).toBeLessThanOrEqual(fake.responseLimit);
  });

  it('finds what people typed, at the right cells', async () => {
    const fake = await planWith(2);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Project 2');
      sheet.getRange('D5:K5').formulas = [
        ['T1', 'Design', '', 'Maybe', 'Dana', '', '2025-03-10', 45717],
      ];
      sheet.getRange('R5:U5').formulas = [['Personnel', 'Team', '', "'12,000 EUR"]];
      sheet.getRange('AD5').formulas = [[7]];
      await context.sync();
    });
    const raw = await readRawPlanLive(fake.run);
    if (Array.isArray(raw)) throw new Error('no plan');
    const found = validatePlan(raw).map((d) => [d.code, d.project, d.cell]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['list.yes-no', 'Project 2', 'G5'],
        ['range.end-before-start', 'Project 2', 'K5'],
        ['type.text-in-number', 'Project 2', 'U5'],
        ['range.scale', 'Project 2', 'AD5'],
        ['project.empty', 'Project 1', undefined],
      ]),
    );
  });

  it('says a missing sheet is missing', async () => {
    const fake = await planWith(1);
    fake.sheets.splice(
      fake.sheets.findIndex((s) => s.name === 'Project 1'),
      1,
    );
    fake.tables.splice(
      0,
      fake.tables.length,
      ...fake.tables.filter((t) => !t.name.endsWith('_P1')),
    );
    const raw = await readRawPlanLive(fake.run);
    if (Array.isArray(raw)) throw new Error('no plan');
    expect(validatePlan(raw).map((d) => d.code)).toEqual(['structure.missing-sheet']);
  });
});
