import { planConsolidation } from '../../../src/domain/consolidation/consolidate';
import { stripOf } from '../../../src/domain/consolidation/joint-schedule';
import { cellsOfPlan, fingerprintOf } from '../../../src/domain/consolidation/fingerprint';
import { isoToSerial } from '../../../src/domain/dates';
import { demoPlan } from '../../../src/domain/demo';
import { rawPlanOf } from '../validation/raw-plan';

const BUILT = '1 Dec 2026 09:00 UTC';

function ready() {
  const r = planConsolidation(rawPlanOf(demoPlan()), { builtAt: BUILT, existing: [] });
  if (r.kind !== 'ready') throw new Error(r.kind);
  return r;
}

describe('the consolidation plan', () => {
  it('writes rectangular blocks only, so both writers can send them as 2-D ranges', () => {
    for (const sheet of ready().sheets)
      for (const item of sheet.items)
        if (item.kind === 'cells') {
          const widths = new Set(item.rows.map((r) => r.length));
          expect([sheet.name, item.at, widths.size]).toEqual([sheet.name, item.at, 1]);
        }
  });

  it('names each total once, pointing at one cell of a joint sheet', () => {
    const names = ready().names.filter((n) => n.name.startsWith('Joint_'));
    expect(names.map((n) => n.name).sort()).toEqual([
      'Joint_ContingencyReserve',
      'Joint_EACByFundingSource',
      'Joint_EACByProject',
      'Joint_End',
      'Joint_HighRiskCount',
      'Joint_OpenRiskCount',
      'Joint_ReviewsDue',
      'Joint_RiskCount',
      'Joint_Start',
      'Joint_TaskCount',
      'Joint_TotalActual',
      'Joint_TotalEAC',
      'Joint_TotalForecast',
      'Joint_TotalPlanned',
      'Joint_TotalVariance',
    ]);
    // The by-project and by-source estimates are ranges for charts; every other name one cell.
    const ranges = ['Joint_EACByFundingSource', 'Joint_EACByProject'];
    for (const n of names)
      expect(n.refersTo).toMatch(
        ranges.includes(n.name)
          ? /^'Joint Budget'!\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+$/
          : /^'(Joint Schedule|Joint Budget|Contingency Plan)'!\$[A-Z]+\$\d+$/,
      );
  });

  it('leaves out excluded projects', () => {
    const plan = demoPlan();
    const raw = rawPlanOf({
      ...plan,
      projects: plan.projects.map((p, i) => (i === 1 ? { ...p, included: false } : p)),
    });
    const r = planConsolidation(raw, { builtAt: BUILT, existing: [] });
    expect(r.kind === 'ready' && r.counts.projects).toBe(2);
  });

  it('tells typed text from a rebuilt sheet, whatever the formula text reads like', () => {
    const sheet = ready().sheets[1]!;
    const cells = cellsOfPlan(sheet);
    const base = fingerprintOf(cells);
    expect(fingerprintOf([...cells].reverse())).toBe(base);
    expect(fingerprintOf([...cells, { address: 'A99', formula: false, value: 'note' }])).not.toBe(
      base,
    );
    const overwritten = cells.map((c) => (c.formula ? { ...c, formula: false, value: 5 } : c));
    expect(fingerprintOf(overwritten)).not.toBe(base);
  });

  it('counts merged cells as an edit, and a sheet with none keeps the digest older builds stored', () => {
    const cells = cellsOfPlan(ready().sheets[1]!);
    const base = fingerprintOf(cells);
    expect(fingerprintOf(cells, [])).toBe(base);
    expect(fingerprintOf(cells, ['H2:J3'])).not.toBe(base);
    expect(fingerprintOf(cells, ['$H$2:$J$3'])).toBe(fingerprintOf(cells, ['h2:j3']));
    expect(fingerprintOf(cells, ['A1:B1', 'H2:J3'])).toBe(fingerprintOf(cells, ['H2:J3', 'A1:B1']));
  });

  it('draws weekly columns from the Monday of the first start, monthly past a year', () => {
    const weekly = stripOf(isoToSerial('2025-02-05'), isoToSerial('2025-03-03'));
    expect(weekly.monthly).toBe(false);
    expect(weekly.starts[0]).toBe(isoToSerial('2025-02-03'));
    expect(weekly.starts).toHaveLength(5);
    const monthly = stripOf(isoToSerial('2025-02-05'), isoToSerial('2026-03-03'));
    expect(monthly.monthly).toBe(true);
    expect(monthly.starts[0]).toBe(isoToSerial('2025-02-01'));
    expect(monthly.starts.at(-1)).toBe(isoToSerial('2026-03-01'));
  });
});
