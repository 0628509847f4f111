/**
 * The top 10 and the register order stay live at a cost linear in the risks: each register row
 * computes its own rank key from its own cells, and the top 10 takes the k-th largest key. (A
 * rank counted per row with COUNTIFS over the whole register made recalculation grow with the
 * square of the risk count: 60 s at 400 projects.)
 */
import { planConsolidation } from '../../../src/domain/consolidation/consolidate';
import type { Cell, SheetPlan } from '../../../src/domain/plan/types';
import { rawPlanOf } from '../validation/raw-plan';
import { manyProjects } from './many-projects';

const formula = (c: Cell | undefined): string =>
  c !== null && c !== undefined && typeof c === 'object' ? c.formula : '';

function contingency(n: number): SheetPlan {
  const r = planConsolidation(rawPlanOf(manyProjects(n, 3)), {
    builtAt: '1 Dec 2026 09:00 UTC',
    existing: [],
  });
  if (r.kind !== 'ready') throw new Error(r.kind);
  return r.sheets.find((s) => s.name === 'Contingency Plan')!;
}

/** The cell blocks whose first row starts with `first`, in sheet order. */
function blocksStarting(sheet: SheetPlan, first: string) {
  return sheet.items.flatMap((i) => (i.kind === 'cells' && i.rows[0]?.[0] === first ? [i] : []));
}

describe('rank keys of the register', () => {
  it('read only their own row, so the register costs the same per risk at any size', () => {
    const sheet = contingency(40);
    const register = blocksStarting(sheet, 'Project').at(-1)!;
    const header = register.rows[0]!;
    const key = header.indexOf('Rank key');
    expect(key).toBeGreaterThan(0);
    const body = sheet.items.find(
      (i) => i.kind === 'cells' && i !== register && formula(i.rows[0]?.[key]).includes('ISNUMBER'),
    );
    expect(body?.kind).toBe('cells');
    if (body?.kind !== 'cells') return;
    expect(body.rows).toHaveLength(120);
    for (const row of body.rows) {
      // No A1 range: only the row's own Status and Score cells.
      expect(formula(row[key])).not.toMatch(/\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+/);
      expect(formula(row[key])).not.toMatch(/COUNTIF/);
    }
  });

  it('are what the top 10 ranks by: the k-th largest key, no count per risk', () => {
    const sheet = contingency(40);
    const top = blocksStarting(sheet, 'Project')[0]!;
    for (const row of top.rows.slice(1)) {
      for (const cell of row) expect(formula(cell)).toMatch(/MATCH\(LARGE\(/);
      expect(formula(row[0])).not.toMatch(/COUNTIF/);
    }
    expect(top.rows).toHaveLength(11);
  });
});
