import { PlanFile } from '../../src/domain/schema/plan-file';
import { Settings } from '../../src/domain/schema/settings';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { readWorkbookState } from '../../src/excel/read-state';
import { saveSettings } from '../../src/excel/settings';
import { createFakeExcel } from './fake-excel';

describe('saving settings into the Settings sheet', () => {
  it.each([true, false])(
    'grows and shrinks each list and reads back what was saved, in two syncs (Table.resize: %s)',
    async (tableResize) => {
      const fake = createFakeExcel();
      await applyPlan(newWorkbookPlan(PlanFile.parse({})), {
        run: fake.run,
        capabilities: { dataValidation: true, pageLayout: true },
      });
      const before = (await readWorkbookState(fake.run)).settings!;
      const changed = Settings.parse({
        ...before,
        currency: 'CHF',
        ratingBands: [
          { name: 'Low', min: 1, max: 6 },
          { name: 'High', min: 7, max: 25 },
        ],
        budgetCategories: [...before.budgetCategories, 'Licences', '=1+1'],
        riskCategories: ['Delivery'],
        holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
      });
      fake.syncCount = 0;
      fake.calls.length = 0;
      await saveSettings(changed, fake.run, {
        dataValidation: true,
        pageLayout: true,
        tableResize,
      });
      expect(fake.syncCount).toBe(2);
      // Where Excel can resize a table, no TableRowCollection.add (co-authoring guidance).
      expect(fake.calls.includes('TableRowCollection.add')).toBe(!tableResize);
      expect((await readWorkbookState(fake.run)).settings).toEqual(changed);
      // Text that looks like a formula is stored as text.
      const settings = fake.sheet('Settings');
      expect([...settings.cells.values()].some((c) => c.value === '=1+1')).toBe(true);
      expect([...settings.cells.values()].some((c) => c.formula === '1+1')).toBe(false);
    },
  );
});
