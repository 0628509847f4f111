/**
 * Baselines in both writers: the demo's workbook (a baseline saved and compared with), a second
 * baseline saved live and in the file, and Consolidate's Baseline Variance sheet against it,
 * give the same cells, formats and names; the live save takes four syncs.
 */
import { demoWorkbookPlan } from '../../src/domain/demo-baseline';
import { isoToSerial } from '../../src/domain/dates';
import { saveBaselinePlan } from '../../src/domain/baseline/save';
import { saveBaseline } from '../../src/excel/baseline';
import { applyPlan } from '../../src/excel/apply-plan';
import { consolidateLive } from '../../src/excel/consolidate';
import { readRawPlan } from '../../src/xlsx/read-raw';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import {
  changeWorkbook,
  consolidateWorkbook,
  newWorkbook,
  readWorkbookState,
} from '../../src/xlsx/workbook-file';
import { createFakeExcel } from '../excel/fake-excel';
import { modelFromFake, modelFromXlsx } from '../support/workbook-model';
import { strictCheckBytes } from '../support/strict-check';

const ALL = { dataValidation: true, pageLayout: true, tableResize: true, findInRange: true };
const BUILT = '1 Dec 2026 09:00 UTC';
const TODAY = isoToSerial('2026-12-02');

async function fileSave(bytes: Buffer, name: string): Promise<Buffer> {
  const raw = await readRawPlan(await XlsxPackage.load(bytes));
  if (Array.isArray(raw)) throw new Error(raw[0]?.message);
  const r = saveBaselinePlan(await readWorkbookState(bytes), raw, name, TODAY);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
  return await changeWorkbook(bytes, r.value.plan);
}

describe('both writers, same baselines', () => {
  it('save a baseline and consolidate against it to the same Baselines and Variance sheets', async () => {
    const plan = demoWorkbookPlan();
    const fake = createFakeExcel();
    await applyPlan(plan, { run: fake.run, capabilities: ALL });
    let bytes = await newWorkbook(plan);

    const before = fake.syncCount;
    const live = await saveBaseline('Review 2026-12', {
      run: fake.run,
      capabilities: ALL,
      today: TODAY,
    });
    expect(live.ok && [live.value.syncs, live.value.value.compared]).toEqual([4, false]);
    expect(fake.syncCount - before).toBe(4);
    bytes = await fileSave(bytes, 'Review 2026-12');

    expect((await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT })).kind).toBe(
      'ready',
    );
    const consolidated = await consolidateWorkbook(bytes, { builtAt: BUILT });
    expect(consolidated.result.kind).toBe('ready');
    const file = await modelFromXlsx(consolidated.bytes!);
    const fromFake = modelFromFake(fake);
    for (const name of ['Baselines', 'Baseline Variance', 'Settings'])
      expect(fromFake.sheets.find((s) => s.name === name)).toEqual(
        file.sheets.find((s) => s.name === name),
      );
    expect(fromFake.names).toEqual(file.names);
    const { code, report } = strictCheckBytes(new Map([['baselines', consolidated.bytes!]]));
    expect([code, code === 0 ? '' : report]).toEqual([0, '']);
  });
});
