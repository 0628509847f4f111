import { defaultSettings } from '../../../src/domain/schema/settings';
import { registryStateOf } from '../../../src/domain/template/decode';
import { removeProjectPlan, setIncludedPlan } from '../../../src/domain/template/registry-edits';
import type { WorkbookState } from '../../../src/domain/template/workbook';
import { TEMPLATE_VERSION } from '../../../src/domain/template/version';

/** A register with a blank line between Alpha and Beta, as people leave them. */
const state = (settings = defaultSettings()): WorkbookState => ({
  sheets: ['How to use', 'Projects', 'Settings', 'Alpha', 'Beta'],
  tables: ['Projects'],
  registry: registryStateOf({
    columns: ['Code', 'Name', 'Sheet', 'Manager', 'Included', 'Go to'],
    rows: [
      ['ALPHA', 'Alpha', 'Alpha', 'Dana', 'Yes', null],
      [null, null, null, null, null, null],
      ['BETA', 'Beta', 'Beta', 'Lee', 'No', null],
    ],
  }),
  settings,
  templateVersion: TEMPLATE_VERSION,
});

describe('registry edits as plans', () => {
  it('names each line by its code, and by where it was read, blank lines counted', () => {
    const r = setIncludedPlan(state(), ['beta', 'ALPHA'], true);
    expect(r.ok && r.value.plan.steps).toEqual([
      {
        kind: 'setRowCells',
        table: 'Projects',
        key: { column: 'Code', value: 'BETA', readAt: 2 },
        cells: [{ column: 'Included', value: 'Yes' }],
      },
      {
        kind: 'setRowCells',
        table: 'Projects',
        key: { column: 'Code', value: 'ALPHA', readAt: 0 },
        cells: [{ column: 'Included', value: 'Yes' }],
      },
    ]);
  });

  it('refuses every unknown code, and a workbook without a plan', () => {
    const r = setIncludedPlan(state(), ['GAMMA', 'ALPHA', 'DELTA'], false);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      'No project in the Projects register has the code GAMMA; the codes are ALPHA, BETA.',
      'No project in the Projects register has the code DELTA; the codes are ALPHA, BETA.',
    ]);
    const none = setIncludedPlan({ ...state(), registry: null }, ['ALPHA'], false);
    expect(!none.ok && none.problems[0]?.code).toBe('no-plan');
  });

  it('deletes the sheet before the line, and only when asked', () => {
    const keep = removeProjectPlan(state(), 'BETA', { deleteSheet: false });
    expect(keep.ok && keep.value.plan.steps.map((s) => s.kind)).toEqual(['deleteRow']);
    const both = removeProjectPlan(state(), 'BETA', { deleteSheet: true });
    expect(both.ok && both.value.plan.steps).toEqual([
      { kind: 'deleteSheet', sheet: 'Beta' },
      { kind: 'deleteRow', table: 'Projects', key: { column: 'Code', value: 'BETA', readAt: 2 } },
    ]);
  });
});
