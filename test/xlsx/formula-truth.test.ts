/**
 * Formula truth: the workbook implan writes is recalculated by LibreOffice, and every kind of
 * formula the template holds is compared with a value this test computes on its own.
 */
import { a1 } from '../../src/domain/plan/a1';
import { PlanFile, type PlanFileInput } from '../../src/domain/schema/plan-file';
import { BUDGET_COLUMNS, RISK_COLUMNS, TASK_COLUMNS } from '../../src/domain/template/columns';
import { PROJECT_LAYOUT, cardCell } from '../../src/domain/template/project-sheet';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { newWorkbook } from '../../src/xlsx/workbook-file';
import { computedValues, requireLibreOffice } from '../support/libreoffice';

const HOLIDAYS = ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-03' /* a Saturday */];

/** Weekdays from start to end inclusive, minus holidays: counted day by day, independently. */
function workingDays(start: string, end: string): number {
  let n = 0;
  for (let t = Date.parse(start); t <= Date.parse(end); t += 86_400_000) {
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !HOLIDAYS.includes(iso)) n++;
  }
  return n;
}

const BANDS: [string, number][] = [
  ['Low', 1],
  ['Medium', 5],
  ['High', 10],
  ['Critical', 16],
];
const rating = (score: number) => [...BANDS].reverse().find(([, min]) => score >= min)?.[0];
const PERCENT = [0, 0.1, 0.3, 0.5, 0.7, 0.9];

const TASKS: [string, string][] = [
  ['2025-01-02', '2025-01-02'], // a Thursday after New Year
  ['2024-12-30', '2025-01-03'], // across New Year's Day
  ['2025-04-17', '2025-04-22'], // Easter: Good Friday and Easter Monday
  ['2025-05-02', '2025-05-05'], // a Saturday holiday changes nothing
  ['2025-03-01', '2025-03-02'], // a weekend only
  ['2025-01-06', '2025-03-28'], // twelve weeks
];
const SCORES: [number, number][] = [
  [1, 1],
  [2, 2],
  [5, 1],
  [3, 3],
  [5, 2],
  [3, 5],
  [4, 4],
  [5, 5],
];
const BUDGET: [number, number | null][] = [
  [1000, 1200.5],
  [25000, null],
  [0, 0],
  [12345.67, 12000],
];
const NAME = "Ørsted's Façade – Phase 2";

const input: PlanFileInput = {
  settings: { holidays: HOLIDAYS.map((date) => ({ date, name: 'Holiday' })) },
  projects: [
    {
      name: NAME,
      code: 'ORSTED',
      tasks: TASKS.map(([start, end], i) => ({
        id: `T${i + 1}`,
        task: `Task ${i + 1}`,
        start,
        end,
      })),
      budget: BUDGET.map(([planned, actual]) => ({ category: 'Other', planned, actual })),
      risks: SCORES.map(([probability, impact], i) => ({
        id: `R${i + 1}`,
        risk: `Risk ${i + 1}`,
        probability,
        impact,
        costImpact: 1000 * (i + 1),
        status: i % 3 === 0 ? 'Closed' : 'Open',
      })),
    },
  ],
};

const col = (base: number, columns: readonly { name: string }[], name: string) =>
  base + columns.findIndex((c) => c.name === name);
const at = (row: number, column: number) => a1(PROJECT_LAYOUT.headerRow + 1 + row, column);

describe('formulas computed by LibreOffice', () => {
  beforeAll(() => requireLibreOffice());

  it('match independently computed working days, variance, score, rating and expected value', async () => {
    const book = await computedValues(await newWorkbook(newWorkbookPlan(PlanFile.parse(input))));
    const L = PROJECT_LAYOUT;
    TASKS.forEach(([start, end], i) =>
      expect([
        i,
        book.value(NAME, at(i, col(L.tasksColumn, TASK_COLUMNS, 'Working days'))),
      ]).toEqual([i, workingDays(start, end)]),
    );
    BUDGET.forEach(([planned, actual], i) =>
      expect(book.value(NAME, at(i, col(L.budgetColumn, BUDGET_COLUMNS, 'Variance')))).toBeCloseTo(
        planned - (actual ?? 0),
        6,
      ),
    );
    SCORES.forEach(([p, imp], i) => {
      const c = (name: string) => at(i, col(L.risksColumn, RISK_COLUMNS, name));
      expect(book.value(NAME, c('Score'))).toBe(p * imp);
      expect(book.value(NAME, c('Rating'))).toBe(rating(p * imp));
      expect(book.value(NAME, c('Expected value'))).toBeCloseTo(
        (PERCENT[p] ?? NaN) * 1000 * (i + 1),
        6,
      );
    });
    const planned = BUDGET.reduce((s, [p]) => s + p, 0);
    const actual = BUDGET.reduce((s, [, a]) => s + (a ?? 0), 0);
    const exposure = SCORES.reduce(
      (s, [p], i) => s + (i % 3 === 0 ? 0 : (PERCENT[p] ?? NaN) * 1000 * (i + 1)),
      0,
    );
    const summary = (offset: number) =>
      book.value(NAME, a1(PROJECT_LAYOUT.headerRow + 12 + offset, 1));
    expect(summary(0)).toBeCloseTo(planned, 6);
    expect(summary(1)).toBeCloseTo(actual, 6);
    expect(summary(2)).toBeCloseTo(planned - actual, 6);
    expect(summary(3)).toBeCloseTo(exposure, 6);
    expect(summary(4)).toBe(TASKS.reduce((s, [a, b]) => s + workingDays(a, b), 0));
    expect(book.value(NAME, cardCell('name'))).toBe(NAME);
    expect(book.value('Projects', 'F5')).toBe('Open sheet');
  });
});
