import { demoPlan } from '../../src/domain/demo';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { TEMPLATE_VERSION } from '../../src/domain/template/version';
import { applyPlan } from '../../src/excel/apply-plan';
import { readWorkbookState } from '../../src/excel/read-state';
import { upgradeWorkbook } from '../../src/excel/upgrade';
import { v1WorkbookPlan } from '../fixtures/template-v1';
import { v2WorkbookPlan } from '../fixtures/template-v2';
import { createFakeExcel } from './fake-excel';

const ALL = { dataValidation: true, pageLayout: true, tableResize: true };

function planOf(projects: number): PlanFile {
  return PlanFile.parse({
    projects: Array.from({ length: projects }, (_, i) => ({
      name: `Project ${i + 1}`,
      code: `P${i + 1}`,
      manager: `Manager ${i + 1}`,
    })),
  });
}

async function v1Host(plan: PlanFile) {
  const fake = createFakeExcel();
  await applyPlan(v1WorkbookPlan(plan), { run: fake.run, capabilities: ALL });
  return fake;
}

describe('upgrading the open workbook', () => {
  it('takes three syncs whatever the number of projects', async () => {
    for (const n of [1, 40]) {
      const fake = await v1Host(planOf(n));
      const before = fake.syncCount;
      const r = await upgradeWorkbook({ run: fake.run, capabilities: ALL });
      expect(r.ok && [r.value.syncs, r.value.value.projects.length]).toEqual([3, n]);
      expect(fake.syncCount - before).toBe(3);
    }
  });

  it('refuses a protected project sheet before writing anything', async () => {
    const fake = await v1Host(demoPlan());
    fake.sheet('Alpha Rollout').protected = true;
    const before = new Map([...fake.sheet('Settings').cells].map(([k, v]) => [k, { ...v }]));
    const r = await upgradeWorkbook({ run: fake.run, capabilities: ALL });
    expect(!r.ok && r.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('The sheet "Alpha Rollout": it is protected'),
    ]);
    expect(fake.sheet('Settings').cells).toEqual(before);
    expect((await readWorkbookState(fake.run)).templateVersion).toBe(1);
  });

  it('adds the review rows and the version, keeps the rest, and is done after one run', async () => {
    const fake = await v1Host(demoPlan());
    expect((await readWorkbookState(fake.run)).templateVersion).toBe(1);
    const sheet = fake.sheet('Alpha Rollout');
    const before = new Map([...sheet.cells].map(([k, v]) => [k, { ...v }]));
    const r = await upgradeWorkbook({ run: fake.run, capabilities: ALL });
    expect(r.ok).toBe(true);
    expect((await readWorkbookState(fake.run)).templateVersion).toBe(TEMPLATE_VERSION);
    for (const [address, cell] of before) expect(sheet.cells.get(address)).toEqual(cell);
    expect(sheet.cells.get('A21')).toMatchObject({ value: 'Review' });
    expect(sheet.cells.get('B21')?.formula).toBe(
      'IF(OR(B14="",B14<TODAY()-Settings_ReviewDays),"Due","Up to date")',
    );
    expect(fake.sheet('Settings').cells.get('B6')).toMatchObject({ value: 30 });
    expect(fake.names.get('Implan_TemplateVersion')).toBe(`=${TEMPLATE_VERSION}`);
    const syncs = fake.syncCount;
    const again = await upgradeWorkbook({ run: fake.run, capabilities: ALL });
    expect(again.ok && again.value.value.settings).toEqual([]);
    expect(fake.syncCount - syncs).toBe(1);
  });

  it('refuses a workbook made by a newer implan, and writes nothing', async () => {
    const fake = await v1Host(demoPlan());
    fake.names.set('Implan_TemplateVersion', '=7');
    const syncs = fake.syncCount;
    const r = await upgradeWorkbook({ run: fake.run, capabilities: ALL });
    expect(!r.ok && r.problems[0]?.code).toBe('template-newer');
    expect(fake.syncCount - syncs).toBe(1);
  });

  it('adds the Budget column of version 3 to a version 2 workbook, in three syncs', async () => {
    const fake = createFakeExcel();
    await applyPlan(v2WorkbookPlan(demoPlan()), { run: fake.run, capabilities: ALL });
    expect((await readWorkbookState(fake.run)).templateVersion).toBe(2);
    const sheet = fake.sheet('Alpha Rollout');
    const before = new Map([...sheet.cells].map(([k, v]) => [k, { ...v }]));
    const syncs = fake.syncCount;
    const r = await upgradeWorkbook({ run: fake.run, capabilities: ALL });
    expect(r.ok && r.value.value.projects[0]?.changes).toEqual([
      'the Budget column "Forecast to complete" in Y4:Y10',
    ]);
    expect(fake.syncCount - syncs).toBe(3);
    expect(fake.calls.filter((c) => c === 'TableColumnCollection.add')).toHaveLength(3);
    const budget = fake.tables.find((t) => t.name === 'Budget_ALPHA')!;
    expect([budget.ref.to.col, budget.ref.to.row]).toEqual([24, 9]);
    expect(sheet.cells.get('Y4')).toMatchObject({ value: 'Forecast to complete', bold: true });
    expect(sheet.cells.get('Y5')?.numberFormat).toBe('[$EUR] #,##0.00');
    expect(sheet.validations.map((v) => v.range)).toContain('Y5:Y10');
    expect(sheet.columnWidths.get(24)).toBeGreaterThan(80);
    for (const [address, cell] of before)
      if (!address.startsWith('Y')) expect(sheet.cells.get(address)).toEqual(cell);
    expect((await readWorkbookState(fake.run)).templateVersion).toBe(TEMPLATE_VERSION);
  });

  it('upgrades in smaller requests when Excel refuses one as too large', async () => {
    const fake = await v1Host(planOf(12));
    fake.requestBytes.length = 0;
    fake.payloadLimit = 20_000; // a stricter host than the one the writer plans for
    const r = await upgradeWorkbook({ run: fake.run, capabilities: ALL });
    expect(r.ok && r.value.value.projects).toHaveLength(12);
    expect(fake.requestBytes.filter((b) => b > fake.payloadLimit).length).toBeGreaterThan(0);
    expect(fake.requestBytes.at(-1)).toBeLessThanOrEqual(20_000);
    // Every Budget table gained its column once: no refused request was applied in part.
    const budgets = fake.tables.filter((t) => t.name.startsWith('Budget_'));
    expect(budgets.map((t) => t.ref.to.col)).toEqual(budgets.map(() => 24));
    expect((await readWorkbookState(fake.run)).templateVersion).toBe(TEMPLATE_VERSION);
  });
});
