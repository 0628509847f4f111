import { PlanFile } from '../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { applyPlan } from '../../src/excel/apply-plan';
import { readWorkbookState } from '../../src/excel/read-state';
import { saveSettings } from '../../src/excel/actions';
import { createFakeExcel } from './fake-excel';
import { editedSettings } from '../fixtures/edited-settings';

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
      const changed = editedSettings(before);
      fake.syncCount = 0;
      fake.calls.length = 0;
      const saved = await saveSettings(changed, {
        run: fake.run,
        capabilities: { dataValidation: true, pageLayout: true, tableResize },
      });
      expect(saved.ok).toBe(true);
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
