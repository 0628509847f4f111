/**
 * The heat map uses one formula for all 25 cells at any project count: COUNTIFS over the
 * register on the same sheet, the range the "Open risks" figure beside it counts. (It used to
 * sum COUNTIFS over every risk table and fall back to the register cell by cell where that
 * passed 8,192 characters: at 92 projects coded PR0...PR91, rows 10 and 11 of the map fell back
 * and the other three did not.)
 */
import { planConsolidation } from '../../../src/domain/consolidation/consolidate';
import type { Cell, SheetPlan } from '../../../src/domain/plan/types';
import { demoPlan } from '../../../src/domain/demo';
import type { PlanFileInput } from '../../../src/domain/schema/plan-file';
import { rawPlanOf } from '../validation/raw-plan';
import { manyProjects } from './many-projects';

const formula = (c: Cell | undefined): string =>
  c !== null && typeof c === 'object' ? c.formula : String(c);

function contingency(plan: PlanFileInput): SheetPlan {
  const r = planConsolidation(rawPlanOf(plan), { builtAt: '1 Dec 2026 09:00 UTC', existing: [] });
  if (r.kind !== 'ready') throw new Error(r.kind);
  return r.sheets.find((s) => s.name === 'Contingency Plan')!;
}

function cellsStarting(sheet: SheetPlan, first: string) {
  const item = sheet.items.find((i) => i.kind === 'cells' && i.rows[0]?.[0] === first);
  if (item?.kind !== 'cells') throw new Error(`no block starting with ${first}`);
  return item.rows;
}

describe('the heat map', () => {
  it.each([
    ['the demo', demoPlan()],
    ['92 projects, where the old formulas mixed', manyProjects(92)],
    ['400 projects', manyProjects(400, 1)],
  ])('counts every cell over the register the open-risk figure counts, for %s', (_, plan) => {
    const sheet = contingency(plan);
    const heat = cellsStarting(sheet, 'Prob. \\ Impact');
    const open = formula(
      cellsStarting(sheet, 'Risks in this register').find((r) => r[0] === 'Open risks')?.[2],
    );
    const status = /^COUNTIF\((\$I\$\d+:\$I\$\d+),"Open"\)$/.exec(open)?.[1];
    expect(status).toBeDefined();
    const body = heat
      .slice(1)
      .flatMap((row, r) => row.slice(1).map((c, i) => ({ r, i, f: formula(c) })));
    expect(body).toHaveLength(25);
    for (const { r, i, f } of body) {
      const p = `$D${7 + r}`;
      const impact = `${'EFGHI'[i]}$6`;
      const range = (col: string) => status!.replace(/\$I/g, `$${col}`);
      expect(f).toBe(`COUNTIFS(${range('E')},${p},${range('F')},${impact},${status},"Open")`);
      expect(f.length).toBeLessThan(8192);
    }
  });

  it('is zero everywhere when no project has a risk', () => {
    const heat = cellsStarting(contingency(manyProjects(3, 0)), 'Prob. \\ Impact');
    expect(heat.slice(1).flatMap((row) => row.slice(1).map(formula))).toEqual(
      Array.from({ length: 25 }, () => '0'),
    );
  });
});
