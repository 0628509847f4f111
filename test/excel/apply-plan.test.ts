import { PlanFile, type PlanFileInput } from '../../src/domain/schema/plan-file';
import { demoPlan } from '../../src/domain/demo';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan, queuePlan, WriteQueue } from '../../src/excel/apply-plan';
import type { SheetPlan } from '../../src/domain/plan/types';
import { addProject, setUpPlan } from '../../src/excel/actions';
import { readWorkbookState } from '../../src/excel/read-state';
import { createFakeExcel } from './fake-excel';

const ALL = { dataValidation: true, pageLayout: true, tableResize: true };

function planOf(projects: number): PlanFileInput {
  return {
    projects: Array.from({ length: projects }, (_, i) => ({
      name: `Project ${i + 1}`,
      code: `P${i + 1}`,
      tasks: [{ id: 'T1', task: 'Task', start: '2025-01-06', end: '2025-01-10' }],
      budget: [{ category: 'Other', planned: 100 }],
      risks: [{ id: 'R1', risk: 'Risk', probability: 2, impact: 3 }],
    })),
  };
}

describe('the Office.js writer', () => {
  it('writes a whole plan in one sync, whatever the number of projects', async () => {
    for (const n of [1, 30]) {
      const fake = createFakeExcel();
      const report = await applyPlan(newWorkbookPlan(PlanFile.parse(planOf(n))), {
        run: fake.run,
        capabilities: ALL,
      });
      expect([n, fake.syncCount, report.syncs]).toEqual([n, 1, 1]);
      expect(fake.sheets).toHaveLength(3 + n);
    }
  });

  it('writes text as text, never as a formula or a number', async () => {
    const fake = createFakeExcel();
    const tricky = [
      '=HYPERLINK("http://evil","click")',
      '+cmd',
      '-5',
      '12',
      '2025-01-01',
      'TRUE',
      '@SUM(A1)',
    ];
    const plan = PlanFile.parse({
      projects: [
        { name: 'X', code: 'XX', tasks: tricky.map((task, i) => ({ id: `T${i}`, task })) },
      ],
    });
    await applyPlan(newWorkbookPlan(plan), { run: fake.run, capabilities: ALL });
    const sheet = fake.sheet('X');
    tricky.forEach((text, i) =>
      expect(sheet.cells.get(`E${5 + i}`)).toMatchObject({ value: text }),
    );
    expect(sheet.cells.get('E5')?.formula).toBeUndefined();
  });

  it('makes calculated columns, tables, names, validations and band colours', async () => {
    const fake = createFakeExcel();
    await applyPlan(newWorkbookPlan(demoPlan()), { run: fake.run, capabilities: ALL });
    expect(fake.tables.map((t) => t.name)).toContain('Risks_ALPHA');
    const alpha = fake.sheet('Alpha Rollout');
    expect(alpha.cells.get('L5')?.formula).toContain(
      'NETWORKDAYS(Tasks_ALPHA[[#This Row],[Start]]',
    );
    expect(alpha.freezeRows).toBe(4);
    // Four band colours and the review flag.
    expect(alpha.conditionalFormats).toHaveLength(5);
    expect(alpha.validations.length).toBeGreaterThan(10);
    expect(fake.names.get('Settings_Holidays')).toBe('=Holidays[Date]');
  });

  it('skips validations and says so where ExcelApi 1.8 is missing', async () => {
    const fake = createFakeExcel();
    const report = await applyPlan(newWorkbookPlan(demoPlan()), {
      run: fake.run,
      capabilities: { dataValidation: false, pageLayout: false },
    });
    expect(fake.sheets.every((s) => s.validations.length === 0)).toBe(true);
    expect(report.skipped).toEqual([
      'In-sheet guards (data validation) were not applied: this version of Excel lacks ExcelApi 1.8.',
    ]);
  });

  it('splits a large plan into requests under the payload limit', async () => {
    const fake = createFakeExcel();
    fake.payloadLimit = 5_000_000;
    const big = PlanFile.parse({
      projects: [
        {
          name: 'Big',
          code: 'BIG',
          tasks: Array.from({ length: 60_000 }, (_, i) => ({
            id: `T${i}`,
            task: `A task with a long enough description ${i}`,
            start: '2025-01-06',
            end: '2025-01-10',
          })),
        },
      ],
    });
    const report = await applyPlan(newWorkbookPlan(big), { run: fake.run, capabilities: ALL });
    expect(report.syncs).toBe(fake.syncCount);
    expect(Math.max(...fake.requestBytes)).toBeLessThanOrEqual(5_000_000);
    expect(fake.sheet('Big').cells.get('E60004')).toMatchObject({
      value: 'A task with a long enough description 59999',
    });
  });

  it('throws on members the fake host does not know', async () => {
    const fake = createFakeExcel();
    await expect(
      fake.run(async (context) => {
        void (context.workbook as unknown as { charts: unknown }).charts;
        await context.sync();
      }),
    ).rejects.toThrow('Fake Excel: Workbook.charts is not supported');
  });
});

describe('pane actions', () => {
  it('sets up a plan, then adds projects in two syncs each', async () => {
    const fake = createFakeExcel();
    const setUp = await setUpPlan({ run: fake.run, capabilities: ALL });
    expect(setUp.ok && setUp.value.syncs).toBe(2);
    const first = await addProject(
      { name: 'Alpha Rollout', manager: 'Dana' },
      { run: fake.run, capabilities: ALL },
    );
    expect(first.ok && [first.value.syncs, first.value.value.code]).toEqual([2, 'ALPHA']);
    const second = await addProject(
      { name: "Ørsted's Façade" },
      { run: fake.run, capabilities: ALL },
    );
    expect(second.ok && second.value.syncs).toBe(2);
    const state = await readWorkbookState(fake.run);
    expect(state.registry?.entries.map((e) => [e.code, e.name, e.sheet])).toEqual([
      ['ALPHA', 'Alpha Rollout', 'Alpha Rollout'],
      ['ORSTED', "Ørsted's Façade", "Ørsted's Façade"],
    ]);
    expect(state.settings?.currency).toBe('EUR');
    expect(fake.sheet("Ørsted's Façade").active).toBe(true);
  });

  it.each([true, false])(
    'registers projects with every formula whether Excel fills calculated columns or not (%s)',
    async (fills) => {
      const fake = createFakeExcel();
      fake.fillsCalculatedColumns = fills;
      await setUpPlan({ run: fake.run, capabilities: ALL });
      for (const name of ['Alpha Rollout', 'Beta', 'Gamma'])
        await addProject({ name }, { run: fake.run, capabilities: ALL });
      const registry = fake.tables.find((t) => t.name === 'Projects')!;
      const goTo = registry.ref.to.col;
      const links = [1, 2, 3].map(
        (i) =>
          registry.sheet.cells.get(`${'ABCDEFGHIJ'[goTo]}${registry.ref.from.row + 1 + i}`)
            ?.formula,
      );
      expect(links.every((f) => f?.includes('HYPERLINK'))).toBe(true);
      // Grown with Table.resize, never TableRowCollection.add (co-authoring guidance).
      expect(fake.calls).not.toContain('TableRowCollection.add');
    },
  );

  it('makes set-up and add-project one undo step each where Excel has ExcelApi 1.20', async () => {
    const fake = createFakeExcel();
    const caps = { ...ALL, undoGroup: true };
    await setUpPlan({ run: fake.run, capabilities: caps });
    await addProject({ name: 'Alpha Rollout' }, { run: fake.run, capabilities: caps });
    expect(fake.runs.map((r) => r.mergeUndoGroup)).toEqual([true, true]);
    expect(fake.undoClearedBy).toEqual([]);
  });

  it('adds a project in smaller requests when Excel refuses one as too large', async () => {
    const fake = createFakeExcel();
    await setUpPlan({ run: fake.run, capabilities: ALL });
    fake.requestBytes.length = 0;
    // A stricter host than the 2.4 MB the writer plans for. Not below the smallest budget the
    // retries reach (37,500 estimated bytes): 20,000 held by 143 bytes of luck until the
    // registry line moved to the first request (apply-plan.ts, the 'grow' pass).
    fake.payloadLimit = 30_000;
    const added = await addProject({ name: 'Alpha Rollout' }, { run: fake.run, capabilities: ALL });
    expect(added.ok).toBe(true);
    expect(fake.sheets.filter((s) => s.name === 'Alpha Rollout')).toHaveLength(1);
    const refused = fake.requestBytes.filter((b) => b > fake.payloadLimit);
    expect(refused.length).toBeGreaterThan(0);
    expect(fake.requestBytes.at(-1)).toBeLessThanOrEqual(fake.payloadLimit);
  });

  it('refuses a duplicate code and a second set-up, writing nothing', async () => {
    const fake = createFakeExcel();
    await setUpPlan({ run: fake.run, capabilities: ALL });
    await addProject({ name: 'Alpha Rollout' }, { run: fake.run, capabilities: ALL });
    const sheets = fake.sheets.length;
    const dup = await addProject(
      { name: 'Other', code: 'ALPHA' },
      { run: fake.run, capabilities: ALL },
    );
    expect(dup.ok || dup.problems[0]?.message).toBe(
      'The project code ALPHA is already used by Alpha Rollout; choose another code.',
    );
    const again = await setUpPlan({ run: fake.run, capabilities: ALL });
    expect(again.ok || again.problems[0]?.code).toBe('plan-exists');
    expect(fake.sheets).toHaveLength(sheets);
  });

  it('hides the columns a plan hides, and shows them again when a rebuild moves them', async () => {
    const fake = createFakeExcel();
    const sheet = (hidden: number): SheetPlan => ({
      name: 'Helpers',
      columnWidths: [
        { column: 0, width: 10 },
        { column: hidden, width: 12, hidden: true },
      ],
      items: [{ kind: 'cells', at: 'A1', rows: [['x']] }],
    });
    await applyPlan({ steps: [{ kind: 'addSheet', sheet: sheet(3) }] }, { run: fake.run });
    expect([...fake.sheet('Helpers').hiddenColumns]).toEqual([3]);
    await fake.run(async (context) => {
      const q = new WriteQueue(context);
      await queuePlan(q, { steps: [{ kind: 'addSheet', sheet: sheet(5) }] }, ALL, {
        rebuild: ['Helpers'],
      });
      await q.flush();
    });
    expect([...fake.sheet('Helpers').hiddenColumns]).toEqual([5]);
  });
});
