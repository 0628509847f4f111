/**
 * The joint sheets' fingerprints are computed from the plan without a cell per cell
 * (`fingerprintOfPlan`); they must equal what a reader computes from the cells it finds
 * (`fingerprintOf`), or every second Consolidate would ask before replacing unedited sheets.
 */
import { planConsolidation } from '../../../src/domain/consolidation/consolidate';
import {
  cellsOfPlan,
  fingerprintOf,
  fingerprintOfPlan,
} from '../../../src/domain/consolidation/fingerprint';
import { demoPlan } from '../../../src/domain/demo';
import type { SheetPlan } from '../../../src/domain/plan/types';
import { rawPlanOf } from '../validation/raw-plan';
import { manyProjects } from './many-projects';

const sheetsOf = (input: Parameters<typeof rawPlanOf>[0]): readonly SheetPlan[] => {
  const r = planConsolidation(rawPlanOf(input), { builtAt: '1 Dec 2026 09:00 UTC', existing: [] });
  if (r.kind !== 'ready') throw new Error(r.kind);
  return r.sheets;
};

describe('fingerprints from the plan', () => {
  it.each(
    [...sheetsOf(demoPlan()), ...sheetsOf(manyProjects(40, 6))].map((s) => [s.name, s] as const),
  )('equal the cells read back: %s', (_, sheet) =>
    expect(fingerprintOfPlan(sheet)).toBe(fingerprintOf(cellsOfPlan(sheet))),
  );

  it('read later items over earlier ones, text past the basic plane and every kind of constant', () => {
    const sheet: SheetPlan = {
      name: 'S',
      columnWidths: [],
      items: [
        {
          kind: 'cells',
          at: 'A1',
          rows: [
            ['x', 1 / 3, true],
            [null, '', { formula: 'A1' }],
          ],
        },
        { kind: 'cells', at: 'B1', rows: [['Ünïcødé 😀', null]] },
        { kind: 'cells', at: 'AA9', rows: [[1e21], [-0.1], [false]] },
        { kind: 'cells', at: 'A10', rows: [[{ formula: 'B2' }]] },
      ],
    };
    expect(fingerprintOfPlan(sheet)).toBe(fingerprintOf(cellsOfPlan(sheet)));
  });
});
