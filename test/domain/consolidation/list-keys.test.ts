/**
 * The dashboard lists' key columns stand on the Joint Schedule, hidden, right of the Gantt
 * strip: one short formula a task over its own row, where the dashboard once held one of
 * ~210 characters of references to the schedule per task (issue 14).
 */
import { planConsolidation } from '../../../src/domain/consolidation/consolidate';
import { a1, columnLetter, parseCell } from '../../../src/domain/plan/a1';
import type { SheetPlan } from '../../../src/domain/plan/types';
import { demoPlan } from '../../../src/domain/demo';
import type { PlanFileInput } from '../../../src/domain/schema/plan-file';
import { rawPlanOf } from '../validation/raw-plan';
import { manyProjects } from './many-projects';

function sheets(input: PlanFileInput = demoPlan()): Map<string, SheetPlan> {
  const r = planConsolidation(rawPlanOf(input), { builtAt: 'now', existing: [] });
  if (r.kind !== 'ready') throw new Error(r.kind);
  return new Map(r.sheets.map((s) => [s.name, s]));
}

/** Every formula a sheet plan writes, by address. */
function formulas(sheet: SheetPlan): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of sheet.items)
    if (item.kind === 'cells') {
      const { row, col } = parseCell(item.at);
      item.rows.forEach((cells, r) =>
        cells.forEach((c, k) => {
          if (c !== null && typeof c === 'object' && 'formula' in c)
            out.set(a1(row + r, col + k), c.formula);
        }),
      );
    }
  return out;
}
const lastRow = (cells: Map<string, string>) =>
  Math.max(...[...cells.keys()].map((a) => parseCell(a).row + 1));

describe("the dashboard lists' key columns", () => {
  const plan = sheets();
  const schedule = plan.get('Joint Schedule')!;
  const hidden = schedule.columnWidths.filter((w) => w.hidden).map((w) => w.column);
  const shown = schedule.columnWidths.filter((w) => !w.hidden).map((w) => w.column);

  it('are three hidden columns of the schedule, right of everything shown', () => {
    expect(hidden).toHaveLength(3);
    expect(hidden).toEqual([0, 1, 2].map((i) => Math.max(...shown) + 1 + i));
    // The page setup is the schedule's own: fitted across, no print area.
    expect(schedule.print).toEqual({ landscape: true, fitToWidth: 1 });
  });

  it('hold one short formula a task, over its own row of the schedule only', () => {
    const cells = formulas(schedule);
    const tasks = [...cells.keys()].filter((a) => /^C\d+$/.test(a) && /Tasks_/.test(cells.get(a)!));
    expect(tasks.length).toBeGreaterThan(10);
    for (const [col, longest] of [
      [hidden[0]!, 160],
      [hidden[1]!, 110],
    ] as const)
      for (const task of tasks) {
        const row = task.slice(1);
        const key = cells.get(`${columnLetter(col)}${row}`);
        expect(key).toBeDefined();
        expect(key!.length).toBeLessThanOrEqual(longest);
        // Same-sheet references to its own row only: `$G56`, never `'Joint Schedule'!$G$56`.
        expect(key).not.toContain('!');
        const rows = new Set([...key!.matchAll(/\$[A-Z]+\$?(\d+)/g)].map((m) => m[1]));
        expect([task, [...rows]]).toEqual([task, [row]]);
      }
  });

  it("are what the dashboard's lists and figures read, the dashboard keeping its own rows", () => {
    const dashboard = plan.get('Dashboard')!;
    const cells = formulas(dashboard);
    const ranges = new Set(
      [...cells.values()].flatMap((f) =>
        [...f.matchAll(/'Joint Schedule'!\$([A-Z]+)\$\d+:\$[A-Z]+\$\d+/g)].map((m) => m[1]),
      ),
    );
    for (const col of hidden) expect(ranges).toContain(columnLetter(col));
    expect(lastRow(cells)).toBeLessThanOrEqual(55);
  });

  it('keep the dashboard its own size at any project count', () => {
    const many = sheets(manyProjects(120, 0));
    expect(lastRow(formulas(many.get('Dashboard')!))).toBeLessThanOrEqual(55);
    const keys = formulas(many.get('Joint Schedule')!);
    const review = [...keys].filter(([, f]) => /^IF\(\$[A-Z]+\$\d+="Due",\d+,""\)$/.test(f));
    expect(review).toHaveLength(120);
  });
});
