/**
 * Review freshness, computed by LibreOffice: projects reviewed today, exactly N days ago, N + 1
 * days ago and never, with N = 30 and N = 7. The joint schedule's Review column and each project
 * card's Review row must say "Due" exactly where this test, from the same day, says so. TODAY()
 * follows the clock, so the expectation is computed for the day before and after the run, and
 * the run repeated if midnight fell between them.
 */
import { todaySerial, serialToIso } from '../../src/domain/dates';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { isReviewDue } from '../../src/domain/template/review';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { consolidateWorkbook, newWorkbook } from '../../src/xlsx/workbook-file';
import { type ComputedBook, computedValues, requireLibreOffice } from '../support/libreoffice';

const today = () => todaySerial();
const AGES = [0, 7, 8, 30, 31, 400, null] as const;

function planReviewed(every: number, day: number): PlanFile {
  return PlanFile.parse({
    settings: { reviewEveryDays: every },
    projects: AGES.map((age, i) => ({
      name: `Project ${i + 1}`,
      code: `P${i + 1}`,
      manager: `Manager ${i + 1}`,
      lastReviewed: age === null ? null : serialToIso(day - age),
      tasks: [
        { id: 'T1', task: 'Task', responsible: 'Kim', start: '2026-01-05', end: '2026-01-09' },
      ],
    })),
  });
}

async function computed(plan: PlanFile): Promise<ComputedBook> {
  const { bytes, result } = await consolidateWorkbook(await newWorkbook(newWorkbookPlan(plan)), {
    builtAt: '1 Dec 2026 09:00 UTC',
  });
  if (!bytes) throw new Error(`not consolidated: ${JSON.stringify(result)}`);
  return await computedValues(bytes);
}

/** Recalculates and reads, again if the day changed meanwhile; returns the day it ran on. */
async function onOneDay(
  every: number,
): Promise<{ book: ComputedBook; day: number; plan: PlanFile }> {
  for (;;) {
    const day = today();
    const plan = planReviewed(every, day);
    const book = await computed(plan);
    if (today() === day) return { book, day, plan };
  }
}

describe('review freshness in LibreOffice', () => {
  beforeAll(() => requireLibreOffice());

  it.each([30, 7])('flags projects older than %i days, or never reviewed', async (every) => {
    const { book, day, plan } = await onOneDay(every);
    const expected = plan.projects.map((p) =>
      isReviewDue(p.lastReviewed, serialToIso(day), every) ? 'Due' : 'Up to date',
    );
    // The rule itself, from the ages alone: due past N days, or never.
    expect(expected).toEqual(AGES.map((a) => (a === null || a > every ? 'Due' : 'Up to date')));
    const summary = plan.projects.map((_, i) => i + 6);
    expect(summary.map((row) => book.value('Joint Schedule', `K${row}`))).toEqual(expected);
    expect(summary.map((row) => book.value('Joint Schedule', `I${row}`))).toEqual(
      plan.projects.map((p) => p.manager),
    );
    expect(summary.map((row) => book.value('Joint Schedule', `J${row}`))).toEqual(
      // An empty text result reads back as no value.
      AGES.map((a) => (a === null ? null : day - a)),
    );
    expect(book.value('Joint Schedule', `K${6 + AGES.length}`)).toBe(
      expected.filter((e) => e === 'Due').length,
    );
    expect(plan.projects.map((p) => book.value(p.name, 'B21'))).toEqual(expected);
  });
});
