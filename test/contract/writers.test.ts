/**
 * One plan, two writers: the Office.js writer (into the fake host) and the file writer (exceljs
 * rendering plus part-level editing) must produce the same cells, formulas, formats,
 * validations, conditional formats and names.
 */
import { demoPlan } from '../../src/domain/demo';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { addProjectPlan, newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { changeWorkbook, newWorkbook, readWorkbookState } from '../../src/xlsx/workbook-file';
import { createFakeExcel } from '../excel/fake-excel';
import { modelFromFake, modelFromXlsx } from '../support/workbook-model';
import { upgradeWorkbook as upgradeLive } from '../../src/excel/upgrade';
import { upgradeWorkbook as upgradeFile } from '../../src/xlsx/upgrade-file';
import { v1WorkbookPlan } from '../fixtures/template-v1';

const ALL = { dataValidation: true, pageLayout: true, tableResize: true };

describe('both writers, same plan', () => {
  it.each([
    ['an empty plan', PlanFile.parse({})],
    ['the demo plan', demoPlan()],
    [
      'tricky text',
      PlanFile.parse({
        projects: [
          {
            name: "O'Brien – Ünïcode",
            code: 'OB',
            tasks: [
              { id: 'T1', task: '=HYPERLINK("x")' },
              { id: 'T2', task: '+cmd' },
              { id: '12', task: '2025-01-01' },
            ],
          },
        ],
      }),
    ],
  ])('%s', async (_, plan) => {
    const workbookPlan = newWorkbookPlan(plan);
    const fake = createFakeExcel();
    await applyPlan(workbookPlan, { run: fake.run, capabilities: ALL });
    const file = await modelFromXlsx(await newWorkbook(workbookPlan));
    const live = modelFromFake(fake);
    expect(live.names).toEqual(file.names);
    expect(live.sheets.map((s) => s.name)).toEqual(file.sheets.map((s) => s.name));
    live.sheets.forEach((sheet, i) => expect(sheet).toEqual(file.sheets[i]));
  });

  it('add-project gives the same new sheet and registry line', async () => {
    const base = newWorkbookPlan(PlanFile.parse({}));
    const fake = createFakeExcel();
    await applyPlan(base, { run: fake.run, capabilities: ALL });
    let bytes = await newWorkbook(base);
    for (const name of ['Alpha Rollout', 'Beta']) {
      const r = addProjectPlan(await readWorkbookState(bytes), { name, manager: 'Dana' });
      if (!r.ok) throw new Error('plan refused');
      await applyPlan(r.value.plan, { run: fake.run, capabilities: ALL });
      bytes = await changeWorkbook(bytes, r.value.plan);
    }
    const file = await modelFromXlsx(bytes);
    const live = modelFromFake(fake);
    for (const name of ['Projects', 'Alpha Rollout', 'Beta'])
      expect(live.sheets.find((s) => s.name === name)).toEqual(
        file.sheets.find((s) => s.name === name),
      );
  });
});

describe('both writers, same upgrade', () => {
  it('a version 1 workbook upgraded live and in its file holds the same cells and names', async () => {
    const v1 = v1WorkbookPlan(demoPlan());
    const fake = createFakeExcel();
    await applyPlan(v1, { run: fake.run, capabilities: ALL });
    const live = await upgradeLive({ run: fake.run, capabilities: ALL });
    const { bytes } = await upgradeFile(await newWorkbook(v1), { dryRun: false });
    expect(live.ok && bytes !== undefined).toBe(true);
    const file = await modelFromXlsx(bytes!);
    const model = modelFromFake(fake);
    expect(model.names).toEqual(file.names);
    model.sheets.forEach((sheet, i) => expect(sheet).toEqual(file.sheets[i]));
  });
});
