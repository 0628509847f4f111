/**
 * On the pane's thread (where no Web Worker runs) a consolidation is planned a part at a time,
 * pausing between parts so the pane repaints: the answer must be the one planned in one go,
 * with a pause before every long part (each edited-sheet check, each sheet and fingerprint).
 */
import {
  consolidationSteps,
  planConsolidation,
  planConsolidationPausing,
} from '../../../src/domain/consolidation/consolidate';
import { cellsOfPlan } from '../../../src/domain/consolidation/fingerprint';
import { demoPlan } from '../../../src/domain/demo';
import { rawPlanOf } from '../validation/raw-plan';

const BUILT = '1 Dec 2026 09:00 UTC';

describe('a consolidation planned a part at a time', () => {
  it('gives what planning in one go gives, pausing between the parts', async () => {
    const raw = rawPlanOf(demoPlan());
    const whole = planConsolidation(raw, { builtAt: BUILT, existing: [] });
    let pauses = 0;
    const stepped = await planConsolidationPausing(raw, { builtAt: BUILT, existing: [] }, () => {
      pauses++;
      return Promise.resolve();
    });
    expect(stepped).toEqual(whole);
    if (whole.kind !== 'ready') throw new Error(whole.kind);
    // After validation, the schedule, the budget, the contingency plan, and before each
    // sheet's fingerprint.
    expect(pauses).toBe(4 + whole.sheets.length);
  });

  it('pauses after checking each sheet already built for edits', () => {
    const raw = rawPlanOf(demoPlan());
    const first = planConsolidation(raw, { builtAt: BUILT, existing: [] });
    if (first.kind !== 'ready') throw new Error(first.kind);
    const existing = first.sheets.map((s) => ({
      name: s.name,
      cells: cellsOfPlan(s),
      builtFingerprint: null,
    }));
    const steps = consolidationSteps(raw, { builtAt: BUILT, existing });
    let pauses = 0;
    for (let next = steps.next(); !next.done; next = steps.next()) pauses++;
    expect(pauses).toBe(1 + existing.length);
  });
});
