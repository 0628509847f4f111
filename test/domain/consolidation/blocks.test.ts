/**
 * The joint sheets are composed of blocks, each taking its anchor and returning its items and
 * the cells others refer to. A missing column or block is an error, never a default cell.
 */
import { parseCell } from '../../../src/domain/plan/a1';
import type { Cell, SheetPlan } from '../../../src/domain/plan/types';
import { gridColumns } from '../../../src/domain/consolidation/blocks';
import { budgetMatrix } from '../../../src/domain/consolidation/budget/matrix';
import { planConsolidation } from '../../../src/domain/consolidation/consolidate';
import { jointInputOf } from '../../../src/domain/consolidation/input';
import { demoPlan } from '../../../src/domain/demo';
import { rawPlanOf } from '../validation/raw-plan';

const BUILT = '1 Dec 2026 09:00 UTC';

/** The cell a plan writes at `ref` (A1), found among its cell blocks. */
function cellAt(sheet: SheetPlan, ref: string): Cell | undefined {
  const at = parseCell(ref);
  for (const item of sheet.items)
    if (item.kind === 'cells') {
      const o = parseCell(item.at);
      const row = item.rows[at.row - o.row];
      if (row && at.col >= o.col && at.col - o.col < row.length) return row[at.col - o.col];
    }
  return undefined;
}

describe('joint sheet blocks', () => {
  it('refuses a column its grid does not have', () => {
    const grid = gridColumns([{ header: 'A' }, { header: 'B' }] as { header: string }[], 2);
    expect(grid.letter('B')).toBe('D');
    expect(grid.range('A', 4, 9)).toBe('$C$5:$C$10');
    expect(() => grid.index('Z')).toThrow(/No column "Z"/);
  });

  it('refuses an actual matrix without the planned one it is compared with', () => {
    const input = jointInputOf(rawPlanOf(demoPlan()), BUILT);
    expect(() => budgetMatrix(10, input, 'Actual', null)).toThrow(/planned/);
  });

  it('points every named total at a cell its block fills with a formula', () => {
    const r = planConsolidation(rawPlanOf(demoPlan()), { builtAt: BUILT, existing: [] });
    if (r.kind !== 'ready') throw new Error(r.kind);
    const expected: Record<string, RegExp> = {
      Joint_TotalPlanned: /^SUM\(/,
      Joint_TotalActual: /^SUM\(/,
      Joint_TotalVariance: /^SUM\(/,
      Joint_ContingencyReserve: /^SUM\(/,
      Joint_Start: /^MIN\(/,
      Joint_End: /^MAX\(/,
      Joint_TaskCount: /^COUNTA\(/,
      Joint_RiskCount: /^COUNTA\(/,
      Joint_HighRiskCount: /^COUNTIFS\(/,
    };
    for (const [name, formula] of Object.entries(expected)) {
      const m = /^'([^']+)'!\$([A-Z]+)\$(\d+)$/.exec(
        r.names.find((n) => n.name === name)?.refersTo ?? '',
      );
      const sheet = r.sheets.find((s) => s.name === m?.[1]);
      const cell = sheet && m ? cellAt(sheet, `${m[2]}${m[3]}`) : undefined;
      const text = cell && typeof cell === 'object' ? cell.formula : String(cell);
      expect([name, text]).toEqual([name, expect.stringMatching(formula)]);
    }
  });
});
