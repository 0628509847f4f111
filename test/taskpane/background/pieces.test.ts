/**
 * A large plan crosses from the worker in pieces of rows, then the rest; put back together it is
 * the plan the domain made, its steps holding the same sheets as its list.
 */
import { planConsolidation } from '../../../src/domain/consolidation/consolidate';
import { demoPlan } from '../../../src/domain/demo';
import type { SheetPlan } from '../../../src/domain/plan/types';
import { joinAnswer, splitAnswer } from '../../../src/taskpane/background/pieces';
import type { DomainAnswer } from '../../../src/taskpane/background/tasks';
import { rawPlanOf } from '../../domain/validation/raw-plan';

const options = { builtAt: '1 Dec 2026 09:00 UTC', existing: [] };
const planned: DomainAnswer = {
  kind: 'consolidate',
  consolidation: planConsolidation(rawPlanOf(demoPlan()), options),
};

function sheetsOf(answer: DomainAnswer): { list: readonly SheetPlan[]; steps: SheetPlan[] } {
  if (answer.kind !== 'consolidate' || answer.consolidation.kind !== 'ready')
    throw new Error('not a ready plan');
  const { sheets, plan } = answer.consolidation;
  return {
    list: sheets,
    steps: plan.steps.flatMap((s) => (s.kind === 'addSheet' ? [s.sheet] : [])),
  };
}

const cellsOf = (rows: readonly (readonly unknown[])[]) =>
  rows.reduce((n, row) => n + row.length, 0);

describe('a plan in pieces', () => {
  it('sends no piece over its cells, and the rest without them', () => {
    const { head, pieces } = splitAnswer(planned, 60);
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) expect(cellsOf(piece.rows)).toBeLessThanOrEqual(60);
    const left = sheetsOf(head).list.flatMap((s) => s.items.filter((i) => i.kind === 'cells'));
    for (const item of left)
      if (item.kind === 'cells') expect(cellsOf(item.rows)).toBeLessThanOrEqual(60);
  });

  it('comes back together as the plan the domain made, across structured clone', () => {
    const { head, pieces } = splitAnswer(planned, 60);
    const joined = joinAnswer(
      structuredClone(head),
      pieces.map((p) => structuredClone(p)),
    );
    expect(joined).toEqual(planned);
    const { list, steps } = sheetsOf(joined);
    expect(steps).toHaveLength(list.length);
    steps.forEach((sheet, i) => expect(sheet).toBe(list[i]));
  });

  it('leaves answers without a ready plan as they are', () => {
    const validated: DomainAnswer = { kind: 'validate', diagnostics: [] };
    expect(splitAnswer(validated)).toEqual({ head: validated, pieces: [] });
    expect(joinAnswer(validated, [])).toBe(validated);
  });

  it('sends whole a plan whose steps hold sheets not in its list', () => {
    if (planned.kind !== 'consolidate' || planned.consolidation.kind !== 'ready') throw new Error();
    const ready = planned.consolidation;
    const copied: DomainAnswer = {
      ...planned,
      consolidation: { ...ready, plan: structuredClone(ready.plan) },
    };
    expect(splitAnswer(copied, 60).pieces).toHaveLength(0);
  });
});
