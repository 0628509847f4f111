/**
 * No joint sheet shows an error because of input validation passed (issue 12, item 5): a plan
 * at the edges of what validation accepts (the first and last days implan plans in, amounts
 * of 14 digits, zeros, an empty project, a project of risks alone, milestones of one day) is
 * consolidated, LibreOffice recalculates it, and every cached value of every joint sheet is
 * scanned for an error value; the named totals are compared with sums this test makes.
 */
import { JOINT_SHEETS } from '../../src/domain/consolidation/consolidate';
import type { PlanFileInput } from '../../src/domain/schema/plan-file';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { listDefinedNames } from '../../src/xlsx/ooxml/workbook';
import { readRawPlan } from '../../src/xlsx/read-raw';
import { validatePlan } from '../../src/domain/validation/validate';
import { saveBaselinePlan } from '../../src/domain/baseline/save';
import {
  changeWorkbook,
  consolidateWorkbook,
  newWorkbook,
  readWorkbookState,
} from '../../src/xlsx/workbook-file';
import { computedValues, requireLibreOffice } from '../support/libreoffice';

const BIG = 99_999_999_999_999; // 14 digits: three of them stay below 10^15

const EDGES: PlanFileInput = {
  settings: { holidays: [{ date: '1990-01-01' }, { date: '2100-12-31' }] },
  projects: [
    {
      name: 'Edge of time',
      code: 'EDGE',
      start: '1990-01-01',
      end: '2100-12-31',
      budgetCeiling: 0,
      tasks: [
        {
          id: 'T1',
          task: 'First day',
          responsible: 'Dana',
          start: '1990-01-01',
          end: '1990-01-01',
          milestone: true,
        },
        {
          id: 'T2',
          task: 'Last days',
          responsible: 'Dana',
          start: '2100-12-30',
          end: '2100-12-31',
          dependsOn: ['T1'],
        },
      ],
      budget: [
        { category: 'Equipment', planned: BIG, actual: BIG, period: '1990-01' },
        { category: 'Equipment', planned: 0, actual: null, period: '2100-12' },
        { category: 'Personnel', planned: BIG },
      ],
      risks: [
        {
          id: 'R1',
          risk: 'Worst',
          probability: 5,
          impact: 5,
          costImpact: BIG,
          owner: 'Dana',
          mitigation: 'Insure',
        },
        { id: 'R2', risk: 'Closed', probability: 1, impact: 1, costImpact: 0, status: 'Closed' },
      ],
    },
    { name: 'Nothing yet', code: 'EMPTY' },
    {
      name: "Risks 'only'",
      code: 'RISKS',
      risks: [{ id: 'R1', risk: 'Lonely', probability: 1, impact: 1, costImpact: 0 }],
    },
  ],
};

describe('joint sheets at the edges of valid input, recalculated by LibreOffice', () => {
  beforeAll(() => requireLibreOffice());

  it('validation passes, and no joint sheet cell is an error value', async () => {
    const book = await newWorkbook(newWorkbookPlan(PlanFile.parse(EDGES)));
    const raw = await readRawPlan(await XlsxPackage.load(book));
    if (Array.isArray(raw)) throw new Error(raw[0]?.message);
    expect(validatePlan(raw).filter((d) => d.severity === 'error')).toEqual([]);

    // Saved as a baseline first, so the Baseline Variance sheet compares and is checked too.
    const saved = saveBaselinePlan(await readWorkbookState(book), raw, 'Edges', 46000);
    if (!saved.ok) throw new Error(saved.problems[0]?.message);
    const withBaseline = await changeWorkbook(book, saved.value.plan);
    const { result, bytes } = await consolidateWorkbook(withBaseline, {
      builtAt: '2 Dec 2026 04:00 UTC',
    });
    expect(result.kind).toBe('ready');
    const computed = await computedValues(bytes!);
    for (const sheet of JOINT_SHEETS) {
      const cells = computed.cells(sheet);
      expect(cells.length).toBeGreaterThan(20);
      const errors = cells.filter(([, v]) => v !== null && typeof v === 'object');
      expect({ sheet, errors }).toEqual({ sheet, errors: [] });
    }

    // The totals are the plan's own sums, to the unit: 14-digit amounts keep every digit.
    const names = await listDefinedNames(await XlsxPackage.load(bytes!));
    const total = (name: string) => {
      const ref = names.find((n) => n.name === name)?.refersTo ?? '';
      const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)$/.exec(ref);
      return computed.value(m![1]!.replace(/''/g, "'"), `${m![2]}${m![3]}`);
    };
    expect(total('Joint_TotalPlanned')).toBe(2 * BIG);
    expect(total('Joint_TotalActual')).toBe(BIG);
    expect(total('Joint_TotalVariance')).toBe(BIG);
    expect(total('Joint_TaskCount')).toBe(2);
    expect(total('Joint_RiskCount')).toBe(3);
  }, 120_000);
});
