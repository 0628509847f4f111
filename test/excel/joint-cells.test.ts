/**
 * A second Consolidate reads the joint sheets back through Excel's special cells (ExcelApi 1.9):
 * which cells hold formulas, and the constants, not every formula's text. It tells the same
 * edits apart as the read of the whole used range, in the same syncs as the first run, and
 * where Excel refuses the special cells it reads the whole range instead.
 */
import { demoPlan } from '../../src/domain/demo';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { consolidateLive, REBUILDING } from '../../src/excel/consolidate';
import { modelFromFake } from '../support/workbook-model';
import { JOINT_SHEET_NAMES as JOINT } from '../support/joint-sheets';
import { createFakeExcel } from './fake-excel';

const BANDS = {
  dataValidation: true,
  pageLayout: true,
  suspendCalculation: true,
  tableResize: true,
};
const SPECIAL = { ...BANDS, specialCells: true };
const BUILT = '1 Dec 2026 09:00 UTC';

/** The demo in the fake host, consolidated once. */
async function built() {
  const fake = createFakeExcel();
  await applyPlan(newWorkbookPlan(demoPlan()), { run: fake.run, capabilities: SPECIAL });
  await consolidateLive({ run: fake.run, capabilities: SPECIAL, builtAt: BUILT });
  return fake;
}

/** Read syncs and bytes of a Consolidate: those before its first write. */
async function readOf(fake: Awaited<ReturnType<typeof built>>, capabilities: typeof BANDS) {
  fake.syncCount = 0;
  fake.responseBytes.length = 0;
  let syncs = 0;
  const r = await consolidateLive({
    run: fake.run,
    capabilities,
    builtAt: BUILT,
    onStep: (s) => {
      if (s === 'Writing the joint sheets') syncs = fake.syncCount;
    },
  });
  const bytes = fake.responseBytes.slice(0, syncs).reduce((a, b) => a + b, 0);
  return { kind: r.kind, syncs, bytes };
}

describe('joint sheets read back by their special cells', () => {
  it('reads in the syncs of the first run, a small part of the bytes of the whole range', async () => {
    const fake = await built();
    const special = await readOf(fake, SPECIAL);
    const whole = await readOf(fake, BANDS);
    expect(special).toMatchObject({ kind: 'ready', syncs: 3 });
    expect(whole.kind).toBe('ready');
    expect(special.bytes * 3).toBeLessThan(whole.bytes);
  });

  it.each([
    ['a value typed into an empty cell', 'Contingency Plan', 'A70', { value: 'call the insurer' }],
    ['a formula typed over with a number', 'Joint Schedule', 'C20', { value: 42 }],
    ['a label changed', 'Joint Budget', 'A1', { value: 'Our budget' }],
    ['a constant replaced by a formula', 'Joint Budget', 'A1', { formula: '1+1' }],
  ])('asks before replacing %s, and keeps it until told', async (_, sheet, cell, typed) => {
    const fake = await built();
    const before = fake.sheet(sheet).cells.get(cell);
    expect(before).not.toEqual(typed);
    fake.sheet(sheet).cells.set(cell, typed);
    for (const capabilities of [SPECIAL, BANDS]) {
      const asked = await consolidateLive({ run: fake.run, capabilities, builtAt: BUILT });
      expect(asked).toMatchObject({ kind: 'confirm', edited: [sheet] });
    }
    expect(fake.sheet(sheet).cells.get(cell)).toEqual(typed);
  });

  it('finishes a rebuild Excel stopped half-way without asking', async () => {
    const fake = await built();
    const complete = modelFromFake(fake);
    fake.interrupt(4);
    await expect(
      consolidateLive({ run: fake.run, capabilities: SPECIAL, builtAt: BUILT, budget: 30_000 }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(JOINT.some((n) => fake.sheet(n).cells.get('A1')?.value === REBUILDING)).toBe(true);
    const again = await consolidateLive({ run: fake.run, capabilities: SPECIAL, builtAt: BUILT });
    expect(again.kind).toBe('ready');
    expect(modelFromFake(fake)).toEqual(complete);
  });

  it('reads the whole range where Excel refuses the special cells, and tells edits apart the same', async () => {
    const fake = await built();
    const complete = modelFromFake(fake);
    fake.specialCellsRefusal = 'GeneralException';
    const read = await readOf(fake, SPECIAL);
    expect(read.kind).toBe('ready');
    expect(modelFromFake(fake)).toEqual(complete);
    fake.sheet('Contingency Plan').cells.set('A70', { value: 'call the insurer' });
    const asked = await consolidateLive({ run: fake.run, capabilities: SPECIAL, builtAt: BUILT });
    expect(asked).toMatchObject({ kind: 'confirm', edited: ['Contingency Plan'] });
  });
});
