/**
 * The status dashboard and the budget's monthly curves, computed by LibreOffice against what
 * this test computes itself: key figures, the next milestones within 30 and 60 days, overdue
 * tasks and projects due for review for the day the test runs (TODAY() follows the clock, so
 * the run is repeated if midnight falls in between, as in review-truth.test.ts), open risks by
 * band, and actual by month beside planned with the cumulative planned and actual rows.
 */
import { todaySerial, serialToIso } from '../../src/domain/dates';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { consolidateWorkbook, newWorkbook } from '../../src/xlsx/workbook-file';
import { type ComputedBook, computedValues, requireLibreOffice } from '../support/libreoffice';

const today = () => todaySerial();

/** Tasks by their end, relative to today: what each one is, and whether a list shows it. */
const TASKS = [
  { id: 'M1', ends: 5, milestone: true, status: 'In progress' },
  { id: 'M2', ends: 29, milestone: true, status: 'Not started' },
  { id: 'M3', ends: 31, milestone: true, status: 'Not started' },
  { id: 'M4', ends: 60, milestone: true, status: 'Not started' },
  { id: 'M5', ends: 61, milestone: true, status: 'Not started' },
  { id: 'M6', ends: 10, milestone: true, status: 'Done' },
  { id: 'T1', ends: 3, milestone: false, status: 'In progress' },
  { id: 'L1', ends: -1, milestone: false, status: 'In progress' },
  { id: 'L2', ends: -10, milestone: false, status: 'Done' },
  { id: 'L3', ends: -4, milestone: false, status: 'On hold' },
  { id: 'L4', ends: -3, milestone: true, status: 'In progress', done: 1 },
] as const;

const BUDGET = [
  { period: '2026-01', planned: 1000, actual: 900 },
  { period: '2026-01', planned: 500, actual: null },
  { period: '2026-03', planned: 2000, actual: 2500 },
  { period: '2026-04', planned: 700, actual: 100 },
] as const;

/** Scores of open risks (probability x impact) and one closed risk that is never counted. */
const RISKS = [
  { p: 1, i: 2 },
  { p: 3, i: 3 },
  { p: 2, i: 5 },
  { p: 5, i: 5 },
  { p: 4, i: 4, closed: true },
] as const;

function planOn(day: number): PlanFile {
  return PlanFile.parse({
    projects: [
      {
        name: 'Apex',
        code: 'APEX',
        manager: 'Kim',
        lastReviewed: serialToIso(day),
        tasks: TASKS.map((t) => ({
          id: t.id,
          task: `Task ${t.id}`,
          responsible: `R ${t.id}`,
          milestone: t.milestone,
          status: t.status,
          percentComplete: 'done' in t ? t.done : 0,
          start: serialToIso(day - 20),
          end: serialToIso(day + t.ends),
        })),
        budget: BUDGET.map((b) => ({ category: 'Personnel', ...b })),
        risks: RISKS.map((r, k) => ({
          id: `R${k + 1}`,
          risk: `Risk ${k + 1}`,
          probability: r.p,
          impact: r.i,
          owner: 'Kim',
          mitigation: 'Act early',
          status: 'closed' in r ? 'Closed' : 'Open',
        })),
      },
      { name: 'Beacon', code: 'BEACON', manager: 'Lee', lastReviewed: null },
    ],
  });
}

async function onOneDay(): Promise<{ book: ComputedBook; day: number }> {
  for (;;) {
    const day = today();
    const { bytes, result } = await consolidateWorkbook(
      await newWorkbook(newWorkbookPlan(planOn(day))),
      { builtAt: '1 Dec 2026 09:00 UTC' },
    );
    if (!bytes) throw new Error(`not consolidated: ${JSON.stringify(result)}`);
    const book = await computedValues(bytes);
    if (today() === day) return { book, day };
  }
}

/** The 1-based row whose column A holds `text` on `sheet`. */
function rowOf(book: ComputedBook, sheet: string, text: string): number {
  const found = book.cells(sheet).find(([ref, v]) => /^A\d+$/.test(ref) && v === text);
  if (!found) throw new Error(`No "${text}" in column A of ${sheet}`);
  return Number(found[0].slice(1));
}

/** Rows of a live list below its title: columns A to E, empty rows left out. */
function listRows(book: ComputedBook, title: string): (string | number | boolean | null)[][] {
  const header = rowOf(book, 'Dashboard', title) + 1;
  return Array.from({ length: 10 }, (_, k) =>
    ['A', 'B', 'C', 'D', 'E'].map((c) => book.value('Dashboard', `${c}${header + 1 + k}`)),
  )
    .filter((r) => r.some((v) => v !== null && v !== ''))
    .map((r) => r.map((v) => (typeof v === 'object' && v !== null ? null : v)));
}

describe('the status dashboard in LibreOffice', () => {
  beforeAll(() => requireLibreOffice());

  it('computes key figures, live lists and band counts for today', async () => {
    const { book, day } = await onOneDay();
    const figure = (label: string) =>
      book.value('Dashboard', `C${rowOf(book, 'Dashboard', label)}`);
    const open = TASKS.filter((t) => t.status !== 'Done' && !('done' in t));
    const milestones = open
      .filter((t) => t.milestone && t.ends >= 0 && t.ends <= 60)
      .sort((a, b) => a.ends - b.ends);
    const overdue = open.filter((t) => t.ends < 0).sort((a, b) => a.ends - b.ends);
    expect(milestones.map((t) => t.id)).toEqual(['M1', 'M2', 'M3', 'M4']);
    expect(overdue.map((t) => t.id)).toEqual(['L3', 'L1']);

    const planned = BUDGET.reduce((s, b) => s + b.planned, 0);
    const actual = BUDGET.reduce((s, b) => s + (b.actual ?? 0), 0);
    expect(figure('Planned (EUR)')).toBe(planned);
    expect(figure('Actual (EUR)')).toBe(actual);
    expect(figure('Variance (planned - actual)')).toBe(planned - actual);
    expect(figure('Overdue tasks')).toBe(overdue.length);
    expect(figure('Milestones due in 30 days')).toBe(milestones.filter((t) => t.ends <= 30).length);
    expect(figure('Milestones due in 60 days')).toBe(milestones.length);
    expect(figure('Open risks')).toBe(RISKS.filter((r) => !('closed' in r)).length);
    expect(figure('Projects due for review')).toBe(1);

    expect(listRows(book, 'Milestones due in the next 60 days (bold: within 30)')).toEqual(
      milestones.map((t) => ['Apex', `Task ${t.id}`, `R ${t.id}`, day + t.ends, t.ends]),
    );
    expect(listRows(book, 'Overdue tasks: end before today and not done')).toEqual(
      overdue.map((t) => ['Apex', `Task ${t.id}`, `R ${t.id}`, day + t.ends, -t.ends]),
    );
    const review = listRows(
      book,
      'Projects due for review: never reviewed, or longer ago than Settings allows',
    );
    expect(review).toEqual([['Beacon', 'Lee', null, null, null]]);

    // Open risks by band: the Settings' default bands, counted from the scores here.
    const bands = [
      ['Low', 1, 4],
      ['Medium', 5, 9],
      ['High', 10, 15],
      ['Critical', 16, 25],
    ] as const;
    const first = rowOf(book, 'Dashboard', 'Key figures') + 2;
    expect(bands.map((_, k) => book.value('Dashboard', `D${first + k}`))).toEqual(
      bands.map((b) => b[0]),
    );
    expect(bands.map((_, k) => book.value('Dashboard', `E${first + k}`))).toEqual(
      bands.map(
        ([, lo, hi]) =>
          RISKS.filter((r) => !('closed' in r) && r.p * r.i >= lo && r.p * r.i <= hi).length,
      ),
    );
  });

  it('shows actual by month beside planned, and the cumulative curves', async () => {
    const { book } = await onOneDay();
    const months = [...new Set(BUDGET.map((b) => b.period))];
    const perMonth = (m: 'planned' | 'actual') =>
      months.map((p) => BUDGET.filter((b) => b.period === p).reduce((s, b) => s + (b[m] ?? 0), 0));
    const running = (xs: number[]) => xs.map((_, k) => xs.slice(0, k + 1).reduce((s, x) => s + x));
    const row = (label: string) => {
      const r = rowOf(book, 'Joint Budget', label);
      return months.map((_, c) => book.value('Joint Budget', `${'BCDEFG'[c]}${r}`));
    };
    const apex = (title: string) => {
      const r = rowOf(book, 'Joint Budget', title) + 1;
      return months.map((_, c) => book.value('Joint Budget', `${'BCDEFG'[c]}${r}`));
    };
    expect(apex('Planned by month')).toEqual(perMonth('planned'));
    expect(apex('Actual by month')).toEqual(perMonth('actual'));
    expect(row('Cumulative planned')).toEqual(running(perMonth('planned')));
    expect(row('Cumulative actual')).toEqual(running(perMonth('actual')));
  });
});
