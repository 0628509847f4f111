/**
 * Consolidate through Office.js, against the fake host: reads in one phase and writes in one,
 * with a constant number of syncs; rebuilds the joint sheets in place, so references into them
 * keep working and the undo stack is kept; a failure half-way leaves sheets that say so and
 * the next run finishes them; asks before replacing typed-into joint sheets; and writes the
 * same cells and names as the file writer (the contract).
 */
import { demoPlan } from '../../src/domain/demo';
import { PlanFile, type PlanFileInput } from '../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { consolidateLive, CONSOLIDATE_STEPS, REBUILDING } from '../../src/excel/consolidate';
import { removeJointSheets } from '../../src/excel/remove-joint';
import { consolidateWorkbook, newWorkbook } from '../../src/xlsx/workbook-file';
import { modelFromFake, modelFromXlsx } from '../support/workbook-model';
import { createFakeExcel } from './fake-excel';
import { JOINT_SHEET_NAMES as JOINT, lastSheets } from '../support/joint-sheets';

const ALL = { dataValidation: true, pageLayout: true, suspendCalculation: true, tableResize: true };
const BUILT = '1 Dec 2026 09:00 UTC';

async function fakeWith(plan: PlanFile) {
  const fake = createFakeExcel();
  await applyPlan(newWorkbookPlan(plan), { run: fake.run, capabilities: ALL });
  fake.syncCount = 0;
  fake.calls.length = 0;
  return fake;
}

function planOf(projects: number): PlanFileInput {
  return {
    projects: Array.from({ length: projects }, (_, i) => ({
      name: `Project ${i + 1}`,
      code: `P${i + 1}`,
      manager: 'Dana',
      tasks: [
        { id: 'T1', task: 'Task', responsible: 'Dana', start: '2025-01-06', end: '2025-01-10' },
      ],
      budget: [{ category: 'Other', planned: 100 }],
      risks: [{ id: 'R1', risk: 'Risk', probability: 2, impact: 3 }],
    })),
  };
}

describe('consolidate through Office.js', () => {
  it('reads in three syncs, writes in one, the same number for 1 or 12 projects', async () => {
    for (const n of [1, 12]) {
      const fake = await fakeWith(PlanFile.parse(planOf(n)));
      const steps: string[] = [];
      const r = await consolidateLive({
        run: fake.run,
        capabilities: ALL,
        builtAt: BUILT,
        onStep: (s) => steps.push(s),
      });
      expect(r.kind).toBe('ready');
      expect([n, fake.syncCount]).toEqual([n, 4]);
      expect(steps).toEqual([...CONSOLIDATE_STEPS]);
      expect(fake.calls).toContain('suspendApiCalculationUntilNextSync');
      expect(lastSheets(fake.sheets.map((s) => s.name))).toEqual(JOINT);
    }
  });

  it('writes the same joint sheets and names as the file writer', async () => {
    const plan = demoPlan();
    const fake = await fakeWith(plan);
    await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    const { bytes } = await consolidateWorkbook(await newWorkbook(newWorkbookPlan(plan)), {
      builtAt: BUILT,
    });
    const file = await modelFromXlsx(bytes!);
    const live = modelFromFake(fake);
    expect(live.names).toEqual(file.names);
    for (const name of JOINT)
      expect(live.sheets.find((s) => s.name === name)).toEqual(
        file.sheets.find((s) => s.name === name),
      );
  });

  it("draws the dashboard's three charts, replaces them on a rebuild, and says so where it cannot", async () => {
    const fake = await fakeWith(demoPlan());
    const first = await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    const dashboard = () => fake.sheet('Dashboard');
    expect(dashboard().charts.map((c) => [c.type, c.title, c.anchor])).toEqual([
      ['Line', 'Cumulative planned and actual by month', 'G5:P21'],
      ['ColumnClustered', 'Planned, actual and estimate at completion by project', 'G22:P38'],
      ['ColumnClustered', 'Open risks by band', 'G39:P55'],
    ]);
    expect(dashboard().printArea).toBe('A1:P55');
    const again = await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    expect(dashboard().charts).toHaveLength(3);
    // Counting the charts rides on the read requests there already were.
    if (first.kind !== 'ready' || again.kind !== 'ready') throw new Error('not consolidated');
    expect(again.syncs).toBe(first.syncs);
    const old = await fakeWith(demoPlan());
    const r = await consolidateLive({
      run: old.run,
      capabilities: { ...ALL, charts: false },
      builtAt: BUILT,
    });
    expect(r.kind === 'ready' && r.skipped).toContain(
      'The dashboard charts were not drawn: this version of Excel lacks ExcelApi 1.7.',
    );
    expect(old.sheet('Dashboard').charts).toEqual([]);
  });

  it('runs again without asking, keeps the sheets in place, and asks once someone typed into one', async () => {
    const fake = await fakeWith(demoPlan());
    await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    const order = fake.sheets.map((s) => s.name);
    // Someone moves the budget to the front; a rebuild keeps it there.
    const budget = fake.sheet('Joint Budget');
    fake.sheets.splice(fake.sheets.indexOf(budget), 1);
    fake.sheets.unshift(budget);
    const moved = fake.sheets.map((s) => s.name);
    expect((await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT })).kind).toBe(
      'ready',
    );
    expect(fake.sheets.map((s) => s.name)).toEqual(moved);
    expect(order).not.toEqual(moved);

    fake.sheet('Contingency Plan').cells.set('A70', { value: 'call the insurer' });
    const asked = await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    expect(asked).toMatchObject({ kind: 'confirm', edited: ['Contingency Plan'] });
    expect(fake.sheet('Contingency Plan').cells.get('A70')?.value).toBe('call the insurer');
    const replaced = await consolidateLive({
      run: fake.run,
      capabilities: ALL,
      builtAt: BUILT,
      replaceEdited: true,
    });
    expect(replaced.kind).toBe('ready');
    expect(fake.sheet('Contingency Plan').cells.get('A70')?.value).toBeUndefined();
  });

  it('builds again in smaller requests when Excel refuses one as too large', async () => {
    const fake = await fakeWith(demoPlan());
    fake.payloadLimit = 100_000; // a host with a smaller request limit than the writer assumes
    const r = await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    expect(r.kind).toBe('ready');
    expect(lastSheets(fake.sheets.map((s) => s.name))).toEqual(JOINT);
    expect(fake.sheets.some((s) => s.name.startsWith('~'))).toBe(false);
    expect(Math.max(...fake.requestBytes.slice(-3))).toBeLessThanOrEqual(100_000);
  });

  it('leaves the previous joint sheets in place when the write fails half-way', async () => {
    const fake = await fakeWith(demoPlan());
    await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    const before = modelFromFake(fake);
    fake.payloadLimit = 1_000; // every write request now fails
    await expect(
      consolidateLive({ run: fake.run, capabilities: ALL, builtAt: 'later' }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    fake.payloadLimit = 5_000_000;
    expect(fake.sheets.map((s) => s.name).filter((n) => n.startsWith('~'))).toEqual([]);
    expect(modelFromFake(fake)).toEqual(before);
  });

  it('refuses with the list of errors and writes nothing', async () => {
    const fake = await fakeWith(demoPlan());
    const alpha = fake.sheet('Alpha Rollout');
    const planned = [...alpha.cells].find(([, c]) => c.value === 60000)!;
    planned[1].value = '12,000 EUR';
    const sheets = fake.sheets.length;
    const r = await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    expect(r.kind).toBe('blocked');
    if (r.kind === 'blocked')
      expect(r.diagnostics.map((d) => [d.code, d.sheet, d.cell])).toContainEqual([
        'type.text-in-number',
        'Alpha Rollout',
        planned[0],
      ]);
    expect(fake.sheets).toHaveLength(sheets);
    expect(fake.syncCount).toBe(3);
  });

  it('rebuilds in place: a user formula pointing into a joint sheet or at a Joint_ name keeps working', async () => {
    const fake = await fakeWith(demoPlan());
    await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    const total = fake.name('Joint_TotalPlanned')!.replace(/^=/, '');
    await fake.run(async (context) => {
      const mine = context.workbook.worksheets.add('My Report');
      mine.getRange('A1:B1').formulas = [[`=${total}`, '=Joint_TotalPlanned*2']];
      await context.sync();
    });
    fake.undoClearedBy.length = 0;
    expect(
      (await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: 'later' })).kind,
    ).toBe('ready');
    const report = fake.sheet('My Report');
    expect(report.cells.get('A1')?.formula).toBe(total);
    expect(report.cells.get('B1')?.formula).toBe('Joint_TotalPlanned*2');
    expect(fake.name('Joint_TotalPlanned')).toBe(`=${total}`);
    expect(fake.undoClearedBy).toEqual([]);
    expect(fake.sheets.some((s) => s.name.startsWith('~'))).toBe(false);
  });

  it('says how much of the joint sheets it has written after each request, up to all of it', async () => {
    const fake = await fakeWith(demoPlan());
    const written: number[] = [];
    const r = await consolidateLive({
      run: fake.run,
      capabilities: ALL,
      builtAt: BUILT,
      budget: 30_000,
      onProgress: (share) => written.push(share),
    });
    expect(r.kind).toBe('ready');
    expect(written.length).toBeGreaterThan(3);
    expect(written).toEqual([...written].sort((a, b) => a - b));
    expect(written.at(-1)).toBe(1);
  });

  it('leaves sheets that say so when Excel stops it half-way, and the next run finishes them without asking', async () => {
    const fake = await fakeWith(demoPlan());
    await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    const complete = modelFromFake(fake);
    // Three reads and the first write request go through; the second write request is lost.
    fake.interrupt(4);
    await expect(
      consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT, budget: 30_000 }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    const said = JOINT.filter((n) => fake.sheet(n).cells.get('A1')?.value === REBUILDING);
    expect(said.length).toBeGreaterThan(0);
    const again = await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    expect(again.kind).toBe('ready');
    expect(modelFromFake(fake)).toEqual(complete);
  });

  it('reads in smaller responses where Excel refuses one as too large, and builds the same', async () => {
    const fake = await fakeWith(demoPlan());
    await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    fake.responseBytes.length = 0;
    await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    const complete = modelFromFake(fake);
    // A host whose limit the joint sheets' read passes as a whole, though each part fits.
    fake.responseLimit = Math.floor(Math.max(...fake.responseBytes) * 0.6);
    fake.responseBytes.length = 0;
    expect((await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT })).kind).toBe(
      'ready',
    );
    expect(modelFromFake(fake)).toEqual(complete);
    const delivered = fake.responseBytes.filter((b) => b <= fake.responseLimit);
    expect(delivered.length).toBeGreaterThan(3);
  });

  it('is one undo step where Excel has ExcelApi 1.20, and nothing in it clears the undo stack', async () => {
    const fake = await fakeWith(demoPlan());
    await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    await consolidateLive({
      run: fake.run,
      capabilities: { ...ALL, undoGroup: true },
      builtAt: BUILT,
    });
    expect(fake.runs.at(-1)).toMatchObject({ mergeUndoGroup: true });
    expect(fake.runs.at(-2)?.mergeUndoGroup).toBeUndefined();
    expect(fake.undoClearedBy).toEqual([]);
  });

  it('removes the joint sheets and their names, back to the workbook before the first Consolidate', async () => {
    const fake = await fakeWith(demoPlan());
    const before = modelFromFake(fake);
    await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    const removed = await removeJointSheets(fake.run);
    expect(removed.sheets).toEqual(JOINT);
    expect(removed.names).toEqual(
      expect.arrayContaining(['Joint_TotalPlanned', 'Implan_ConsolidatedAt']),
    );
    expect(modelFromFake(fake)).toEqual(before);
  });
});
