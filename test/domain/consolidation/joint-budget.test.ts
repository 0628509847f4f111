/**
 * The joint budget's formulas, recalculated by LibreOffice on the demo plan, against sums this
 * test computes from the plan itself. (First step of consolidation: the sheet is added to a new
 * workbook here; `implan consolidate` comes next.)
 */
import { a1 } from '../../../src/domain/plan/a1';
import { demoPlan } from '../../../src/domain/demo';
import {
  jointBudgetPlan,
  JOINT_BUDGET_SHEET,
} from '../../../src/domain/consolidation/joint-budget';
import { newWorkbookPlan, registryEntryOf } from '../../../src/domain/template/workbook';
import { newWorkbook } from '../../../src/xlsx/workbook-file';
import { computedValues, requireLibreOffice } from '../../support/libreoffice';

const PERCENT = [0, 0.1, 0.3, 0.5, 0.7, 0.9];

describe('joint budget', () => {
  beforeAll(() => requireLibreOffice());

  it('sums every project and category, and the contingency reserve, as LibreOffice computes them', async () => {
    const plan = demoPlan();
    const joint = jointBudgetPlan(plan.projects.map(registryEntryOf), plan.settings);
    const base = newWorkbookPlan(plan);
    const book = await computedValues(
      await newWorkbook({
        steps: [
          ...base.steps,
          { kind: 'addSheet', sheet: joint.sheet },
          { kind: 'setNames', names: joint.names },
        ],
      }),
    );
    const cats = plan.settings.budgetCategories;
    const blockHeight = plan.projects.length + 4;
    const sum = (p: (typeof plan.projects)[number], cat: string, key: 'planned' | 'actual') =>
      p.budget.filter((b) => b.category === cat).reduce((s, b) => s + (b[key] ?? 0), 0);
    (['planned', 'actual'] as const).forEach((key, m) => {
      const top = 3 + m * blockHeight;
      plan.projects.forEach((p, r) =>
        cats.forEach((cat, c) =>
          expect([p.code, cat, book.value(JOINT_BUDGET_SHEET, a1(top + 1 + r, 1 + c))]).toEqual([
            p.code,
            cat,
            sum(p, cat, key),
          ]),
        ),
      );
    });
    const planned = plan.projects.reduce(
      (s, p) => s + p.budget.reduce((t, b) => t + b.planned, 0),
      0,
    );
    const actual = plan.projects.reduce(
      (s, p) => s + p.budget.reduce((t, b) => t + (b.actual ?? 0), 0),
      0,
    );
    const reserve = plan.projects.reduce(
      (s, p) =>
        s +
        p.risks
          .filter((r) => r.status === 'Open')
          .reduce((t, r) => t + (PERCENT[r.probability] ?? NaN) * r.costImpact, 0),
      0,
    );
    const named = (name: string) => {
      const ref = joint.names
        .find((n) => n.name === name)!
        .refersTo.split('!')[1]!
        .replace(/\$/g, '');
      return book.value(JOINT_BUDGET_SHEET, ref);
    };
    expect(named('Joint_TotalPlanned')).toBeCloseTo(planned, 6);
    expect(named('Joint_TotalActual')).toBeCloseTo(actual, 6);
    expect(named('Joint_TotalVariance')).toBeCloseTo(planned - actual, 6);
    expect(named('Joint_ContingencyReserve')).toBeCloseTo(reserve, 6);
  });
});
