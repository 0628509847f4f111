import { demoPlan } from '../../src/domain/demo';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { removeProject, setIncluded } from '../../src/excel/actions';
import { readWorkbookState } from '../../src/excel/read-state';
import { a1 } from '../../src/domain/plan/a1';
import type { ExcelRun } from '../../src/excel/host';
import { createFakeExcel, type FakeCell } from './fake-excel';

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
    expect((await setIncluded(['orsted'], false, { run: fake.run })).ok).toBe(true);
    expect(fake.syncCount).toBe(2);
    expect(await entries(fake)).toEqual([
      ['ALPHA', true],
      ['ORSTED', false],
      ['PORTAL', true],
    ]);
    await setIncluded(['ORSTED', 'PORTAL'], true, { run: fake.run });
    expect((await entries(fake))[1]).toEqual(['ORSTED', true]);
    const unknown = await setIncluded(['ALPHA', 'NOPE'], false, { run: fake.run });
    expect(unknown.ok ? [] : unknown.problems.map((p) => p.message)).toEqual([
      'No project in the Projects register has the code NOPE; the codes are ALPHA, ORSTED, PORTAL.',
    ]);
    // A refused edit changes nothing, not even the lines whose codes were known.
    expect((await entries(fake))[0]).toEqual(['ALPHA', true]);
  });

  it('removes a project from the plan and keeps its sheet unless told to delete it', async () => {
    const fake = await demo();
    await removeProject('ALPHA', { deleteSheet: false, run: fake.run });
    expect((await entries(fake)).map(([c]) => c)).toEqual(['ORSTED', 'PORTAL']);
    expect(fake.sheets.some((s) => s.name === 'Alpha Rollout')).toBe(true);
    await removeProject('PORTAL', { deleteSheet: true, run: fake.run });
    expect((await entries(fake)).map(([c]) => c)).toEqual(['ORSTED']);
    expect(fake.sheets.some((s) => s.name === 'Customer Portal Relaunch')).toBe(false);
  });

  /** A run in which a co-author sorts the register Z to A right after implan has read it. */
  function sortedMeanwhile(fake: Awaited<ReturnType<typeof demo>>) {
    return (async (batch, options) =>
      await fake.run(async (context) => {
        const sync = context.sync.bind(context);
        let first = true;
        const sorting = new Proxy(context, {
          get: (target, prop) =>
            prop === 'sync'
              ? async () => {
                  await sync();
                  if (!first) return;
                  first = false;
                  const t = fake.tables.find((x) => x.name === 'Projects')!;
                  const rows = [];
                  for (let r = t.ref.from.row + 1; r <= t.ref.to.row; r++) {
                    const row = new Map<number, FakeCell>();
                    for (let c = t.ref.from.col; c <= t.ref.to.col; c++)
                      row.set(c, { ...t.sheet.cells.get(a1(r, c)) });
                    rows.push(row);
                  }
                  rows
                    .reverse()
                    .forEach((row, i) =>
                      row.forEach((cell, c) =>
                        t.sheet.cells.set(a1(t.ref.from.row + 1 + i, c), cell),
                      ),
                    );
                }
              : (Reflect.get(target, prop) as unknown),
        });
        return await batch(sorting);
      }, options)) as ExcelRun;
  }

  it('edits the right line when a co-author sorts the register between the read and the write', async () => {
    const fake = await demo();
    const caps = { dataValidation: true, pageLayout: true, findInRange: true };
    const run = sortedMeanwhile(fake);
    expect((await setIncluded(['ALPHA'], false, { run, capabilities: caps })).ok).toBe(true);
    expect(await entries(fake)).toEqual([
      ['PORTAL', true],
      ['ORSTED', true],
      ['ALPHA', false],
    ]);
    await removeProject('ORSTED', {
      deleteSheet: false,
      run: sortedMeanwhile(fake),
      capabilities: caps,
    });
    expect((await entries(fake)).map(([c]) => c)).toEqual(['ALPHA', 'PORTAL']);
  });
});
