/**
 * The Baseline Variance sheet recalculated by LibreOffice against figures this test computes
 * itself: task slips in working days across weekends and the plan's holidays (equal dates 0,
 * later positive, earlier negative), project start and end slips, planned change by project
 * and category, and risks added, closed and re-scored since the baseline.
 */
import { baselinesSheetPlan, listRow, snapshotRows } from '../../src/domain/baseline/sheet';
import { snapshotOfPlanFile, snapshotTotals } from '../../src/domain/baseline/snapshot';
import { isoToSerial } from '../../src/domain/dates';
import type { PlanStep } from '../../src/domain/plan/types';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { consolidateWorkbook, newWorkbook } from '../../src/xlsx/workbook-file';
import { computedValues, requireLibreOffice } from '../support/libreoffice';
import { strictCheckBytes } from '../support/strict-check';

const HOLIDAYS = ['2026-12-25', '2027-01-01'];

/** Working days after the earlier date up to the later one, signed: counted day by day. */
function slipOf(was: string, now: string): number {
  const [a, b] = [isoToSerial(was), isoToSerial(now)];
  const holidays = new Set(HOLIDAYS.map(isoToSerial));
  let n = 0;
  for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) {
    const weekday = new Date(Date.UTC(1899, 11, 30 + d)).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidays.has(d)) n++;
  }
  return b >= a ? n : -n;
}

/** Baseline end and current end of each task: weekends, holidays, no move, moves both ways. */
const ENDS: [string, string, string][] = [
  ['T1', '2026-12-02', '2026-12-02'], // no move
  ['T2', '2026-12-04', '2026-12-07'], // Friday to Monday: 1
  ['T3', '2026-12-04', '2026-12-05'], // Friday to Saturday: 0
  ['T4', '2026-12-05', '2026-12-07'], // Saturday to Monday: 1
  ['T5', '2026-12-24', '2026-12-28'], // over Christmas Day and a weekend: 1
  ['T6', '2026-12-28', '2026-12-24'], // back over them: -1
  ['T7', '2026-12-16', '2027-01-04'], // over both holidays: 11
];

function planOf(
  end: (row: [string, string, string]) => string,
  extra: Record<string, unknown> = {},
) {
  return PlanFile.parse({
    settings: {
      holidays: HOLIDAYS.map((date) => ({ date, name: 'Holiday' })),
      compareBaseline: 'Approved',
    },
    projects: [
      {
        name: 'Alpha',
        code: 'ALPHA',
        manager: 'Dana',
        tasks: ENDS.map((row) => ({
          id: row[0],
          task: `Task ${row[0]}`,
          responsible: 'Dana',
          start: '2026-11-02',
          end: end(row),
        })),
        ...extra,
      },
    ],
  });
}

const APPROVED = planOf(([, was]) => was, {
  budget: [
    { category: 'Personnel', planned: 1000 },
    { category: 'Travel', planned: 200 },
  ],
  risks: [
    { id: 'R1', risk: 'Late', probability: 2, impact: 2 },
    { id: 'R2', risk: 'Costly', probability: 3, impact: 3 },
  ],
});
const CURRENT = planOf(([, , now]) => now, {
  budget: [
    { category: 'Personnel', planned: 1500 },
    { category: 'Personnel', planned: 250 },
    { category: 'Travel', planned: 200 },
  ],
  risks: [
    { id: 'R1', risk: 'Late', probability: 4, impact: 2 },
    { id: 'R2', risk: 'Costly', probability: 3, impact: 3, status: 'Closed' },
    { id: 'R3', risk: 'New', probability: 1, impact: 1 },
  ],
});

async function consolidated(): Promise<Buffer> {
  const projects = snapshotOfPlanFile(APPROVED);
  const list = listRow(
    'Approved',
    isoToSerial('2026-11-01'),
    snapshotTotals(projects, APPROVED.settings),
  );
  const baselines: PlanStep = {
    kind: 'addSheet',
    sheet: baselinesSheetPlan(list, snapshotRows('Approved', projects), CURRENT.settings),
  };
  const steps = newWorkbookPlan(CURRENT).steps;
  const book = await newWorkbook({ steps: [...steps.slice(0, -1), baselines, ...steps.slice(-1)] });
  const { result, bytes } = await consolidateWorkbook(book, { builtAt: '2 Dec 2026 07:00 UTC' });
  expect(result.kind).toBe('ready');
  return bytes!;
}

describe('the Baseline Variance sheet, recalculated by LibreOffice', () => {
  beforeAll(() => requireLibreOffice());

  it('slips, planned changes and risk changes are the figures computed here', async () => {
    const bytes = await consolidated();
    const { code, report } = strictCheckBytes(new Map([['variance', bytes]]));
    expect([code, code === 0 ? '' : report]).toEqual([0, '']);
    const book = await computedValues(bytes);
    const cells = book.cells('Baseline Variance');
    const rowOf = (title: string) => Number(cells.find(([, v]) => v === title)?.[0].slice(1));
    const at = (row: number, column: string) => book.value('Baseline Variance', `${column}${row}`);

    // Tasks: a header under the title, then one row per task in table order.
    const tasks = rowOf('Tasks') + 2;
    const slips = ENDS.map((_, i) => [at(tasks + i, 'B'), at(tasks + i, 'E'), at(tasks + i, 'H')]);
    expect(slips).toEqual(ENDS.map(([id, was, now]) => [id, 0, slipOf(was, now)]));
    expect(ENDS.map(([, was, now]) => slipOf(was, now))).toEqual([0, 1, 0, 1, 1, -1, 11]);

    // By project: start did not move; end moved from the latest baseline end to the latest now.
    const p = rowOf('By project') + 2;
    const latest = (k: 1 | 2) =>
      ENDS.map((e) => e[k])
        .sort()
        .at(-1)!;
    expect([at(p, 'D'), at(p, 'G')]).toEqual([0, slipOf(latest(1), latest(2))]);
    expect([at(p, 'H'), at(p, 'I'), at(p, 'J')]).toEqual([1200, 1950, 750]);
    expect([at(p, 'K'), at(p, 'L'), at(p, 'M')]).toEqual([1, 1, 1]);

    // Planned by category: Personnel grew by 750, Travel stayed.
    const b = rowOf('Planned budget by category') + 2;
    expect(
      [0, 1].map((i) => [at(b + i, 'B'), at(b + i, 'C'), at(b + i, 'D'), at(b + i, 'E')]),
    ).toEqual([
      ['Personnel', 1000, 1750, 750],
      ['Travel', 200, 200, 0],
    ]);

    // Risks: re-scored, closed, added.
    const r = rowOf('Risks') + 2;
    expect(
      [0, 1, 2].map((i) => [at(r + i, 'B'), at(r + i, 'C'), at(r + i, 'D'), at(r + i, 'G')]),
    ).toEqual([
      ['R1', 4, 8, 'Re-scored'],
      ['R2', 9, 9, 'Closed'],
      ['R3', null, 1, 'Added'],
    ]);
  });
});
