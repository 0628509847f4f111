import { defaultSettings } from '../../../src/domain/schema/settings';
import { SETTINGS_TABLE_SPECS } from '../../../src/domain/template/settings-sheet';
import { settingsPlan } from '../../../src/domain/template/settings-edit';
import type { WorkbookState } from '../../../src/domain/template/workbook';
import { TEMPLATE_VERSION } from '../../../src/domain/template/version';

const tables = SETTINGS_TABLE_SPECS.map((s) => s.table);
const state = (over: Partial<WorkbookState> = {}): WorkbookState => ({
  sheets: ['Projects', 'Settings'],
  tables: ['Projects', ...tables],
  registry: { entries: [], bodyRows: 1, nextRow: 0, codes: [''] },
  settings: defaultSettings(),
  settingsRows: Object.fromEntries(tables.map((t) => [t, 3])),
  templateVersion: TEMPLATE_VERSION,
  ...over,
});

describe('the settings edit as a plan', () => {
  it('rewrites every Settings table from the sizes read, then the card: currency, review period, baseline', () => {
    const r = settingsPlan(state(), { ...defaultSettings(), riskCategories: ['Delivery'] });
    if (!r.ok) throw new Error('refused');
    expect(r.value.steps.map((s) => s.kind)).toEqual([
      ...tables.map(() => 'setTableRows'),
      'setCells',
    ]);
    expect(r.value.steps).toContainEqual({
      kind: 'setTableRows',
      table: 'RiskCategories',
      existingRows: 3,
      rows: [['Delivery']],
    });
    expect(r.value.steps.at(-1)).toEqual({
      kind: 'setCells',
      sheet: 'Settings',
      at: 'B5',
      rows: [['EUR'], [30], [null]],
    });
    const chosen = settingsPlan(state(), {
      ...defaultSettings(),
      reviewEveryDays: 14,
      compareBaseline: 'Approved',
    });
    expect(chosen.ok && chosen.value.steps.at(-1)).toMatchObject({
      rows: [['EUR'], [14], ['Approved']],
    });
  });

  it('mends settings that no longer read, but not a Settings sheet that lost a table', () => {
    expect(settingsPlan(state({ settings: null }), defaultSettings()).ok).toBe(true);
    const lost = settingsPlan(state({ tables: ['Projects'] }), defaultSettings());
    expect(lost.ok ? '' : lost.problems[0]?.message).toBe(
      'The Settings sheet has lost its table RatingBands (risk rating bands); undo the change that removed it, then save the settings again.',
    );
  });
});
