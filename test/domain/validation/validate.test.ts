import type { PlanFileInput } from '../../../src/domain/schema/plan-file';
import { demoPlan } from '../../../src/domain/demo';
import { validatePlan } from '../../../src/domain/validation/validate';
import { type EditableProject, rawPlanOf, setCell } from './raw-plan';

/** A clean project: tasks T1..T3 (rows 5-7 of columns D..P), two budget lines, two risks. */
const BASE: PlanFileInput = {
  projects: [
    {
      name: 'Alpha Rollout',
      code: 'ALPHA',
      start: '2025-01-06',
      end: '2025-06-30',
      budgetCeiling: 100000,
      tasks: [
        {
          id: 'T1',
          task: 'Design',
          responsible: 'Dana',
          start: '2025-01-06',
          end: '2025-01-31',
          status: 'Done',
        },
        {
          id: 'T2',
          task: 'Build',
          responsible: 'Luis',
          start: '2025-02-03',
          end: '2025-03-28',
          dependsOn: ['T1'],
        },
        {
          id: 'T3',
          task: 'Test',
          responsible: 'Priya',
          start: '2025-03-31',
          end: '2025-04-30',
          dependsOn: ['T2'],
        },
      ],
      budget: [
        { category: 'Personnel', item: 'Team', planned: 40000, actual: 10000 },
        { category: 'Software', item: 'Licences', planned: 20000 },
      ],
      risks: [
        {
          id: 'R1',
          risk: 'Data quality',
          probability: 2,
          impact: 3,
          owner: 'Priya',
          mitigation: 'Cleanse',
        },
        {
          id: 'R2',
          risk: 'Vendor delay',
          probability: 4,
          impact: 4,
          owner: 'Dana',
          mitigation: 'Penalties',
        },
      ],
    },
  ],
};

function check(spoil: (p: EditableProject, all: EditableProject[]) => void) {
  const raw = rawPlanOf(BASE);
  spoil(raw.projects[0]!, raw.projects);
  return validatePlan(raw);
}

describe('validation', () => {
  it('finds nothing in a clean project or in the demo', () => {
    expect(check(() => {})).toEqual([]);
    const demo = rawPlanOf(demoPlan());
    expect(validatePlan(demo)).toEqual([]);
  });

  it.each([
    [
      'type.text-in-number',
      (p: EditableProject) => setCell(p.budget, 0, 'Planned', '12,000 EUR'),
      'U5',
      'Planned holds the text "12,000 EUR", not a number',
    ],
    [
      'type.text-in-number',
      (p: EditableProject) => setCell(p.budget, 1, 'Actual', '1.5k'),
      'V6',
      'Actual holds the text "1.5k", not a number',
    ],
    [
      'type.text-in-number',
      (p: EditableProject) => setCell(p.budget, 0, 'Forecast to complete', 'tbc'),
      'Y5',
      'Forecast to complete holds the text "tbc", not a number',
    ],
    [
      'range.negative',
      (p: EditableProject) => setCell(p.budget, 1, 'Forecast to complete', -250),
      'Y6',
      'Forecast to complete is -250; an amount cannot be negative',
    ],
    [
      'type.text-in-number',
      (p: EditableProject) => setCell(p.risks, 0, 'Cost impact', 'n/a'),
      'AL5',
      'Cost impact holds the text "n/a"',
    ],
    [
      'type.text-in-date',
      (p: EditableProject) => setCell(p.tasks, 1, 'Start', '2025-02-03'),
      'J6',
      'Start holds the text "2025-02-03", not a date',
    ],
    [
      'type.not-a-date',
      (p: EditableProject) => setCell(p.tasks, 0, 'End', 12),
      'K5',
      'End holds 12, which is not a date',
    ],
    [
      'type.error-value',
      (p: EditableProject) => setCell(p.budget, 0, 'Planned', { error: '#REF!' }),
      'U5',
      'shows the error #REF!',
    ],
    [
      'type.number-in-text',
      (p: EditableProject) => setCell(p.tasks, 0, 'Responsible', 42),
      'H5',
      'Responsible is the number 42; it should be words',
    ],
    [
      'range.scale',
      (p: EditableProject) => setCell(p.risks, 0, 'Probability', 7),
      'AD5',
      'Probability is 7; it must be a whole number from 1 to 5',
    ],
    [
      'range.scale',
      (p: EditableProject) => setCell(p.risks, 1, 'Impact', 2.5),
      'AE6',
      'Impact is 2.5',
    ],
    [
      'range.negative',
      (p: EditableProject) => setCell(p.budget, 1, 'Planned', -50),
      'U6',
      'Planned is -50; an amount cannot be negative',
    ],
    [
      'range.percent',
      (p: EditableProject) => setCell(p.tasks, 0, '% complete', 1.2),
      'O5',
      '% complete is 120%',
    ],
    [
      'range.end-before-start',
      (p: EditableProject) => setCell(p.tasks, 2, 'End', 45717),
      'K7',
      'the end date 2025-03-01 is before the start date 2025-03-31',
    ],
    [
      'range.outside-project',
      (p: EditableProject) => setCell(p.tasks, 2, 'End', 46022),
      'J7',
      "outside the project's dates 2025-01-06 to 2025-06-30",
    ],
    [
      'required',
      (p: EditableProject) => setCell(p.tasks, 0, 'Responsible', ''),
      'H5',
      'Responsible is empty',
    ],
    [
      'required',
      (p: EditableProject) => setCell(p.budget, 0, 'Category', null),
      'R5',
      'Category is empty',
    ],
    [
      'required.for-rating',
      (p: EditableProject) => setCell(p.risks, 1, 'Owner', ''),
      'AK6',
      'Owner is empty; a risk rated Critical needs one',
    ],
    [
      'list.yes-no',
      (p: EditableProject) => setCell(p.tasks, 0, 'Milestone', 'Maybe'),
      'G5',
      'answer Yes or No',
    ],
    [
      'list.unknown',
      (p: EditableProject) => setCell(p.tasks, 0, 'Status', 'Finished'),
      'N5',
      '"Finished", which is not one of the task statuses',
    ],
    [
      'identity.duplicate-id',
      (p: EditableProject) => setCell(p.tasks, 2, 'ID', 't1'),
      'D7',
      'the task ID "t1" is already used on row 1',
    ],
    [
      'identity.unknown-dependency',
      (p: EditableProject) => setCell(p.tasks, 2, 'Depends on', 'T9'),
      'M7',
      'depends on "T9", which is not a task',
    ],
    [
      'identity.cycle',
      (p: EditableProject) => setCell(p.tasks, 0, 'Depends on', 'T3'),
      'M5',
      'the tasks T1 → T3 → T2 → T1 depend on each other in a circle',
    ],
    [
      'identity.starts-before-dependency',
      (p: EditableProject) => setCell(p.tasks, 1, 'Start', 45684),
      'M6',
      'starts on 2025-01-27, before task T1, which it depends on, ends on 2025-01-31.',
    ],
    [
      'text.formula-like',
      (p: EditableProject) => setCell(p.tasks, 0, 'Task', '=HYPERLINK("http://x","y")'),
      'E5',
      'Task starts with "="',
    ],
    [
      'text.formula-like',
      (p: EditableProject) => setCell(p.risks, 0, 'Risk', '+cmd'),
      'AB5',
      'Risk starts with "+"',
    ],
    [
      'structure.blank-row',
      (p: EditableProject) =>
        p.tasks!.rows.splice(
          1,
          0,
          p.tasks!.columns.map(() => null),
        ),
      'D6',
      'blank between filled rows',
    ],
    [
      'structure.missing-column',
      (p: EditableProject) =>
        (p.budget!.columns = p.budget!.columns.map((c) => (c === 'Planned' ? 'Plan' : c))),
      undefined,
      'has lost its column "Planned"',
    ],
    [
      'structure.extra-column',
      (p: EditableProject) => {
        p.risks!.columns = [...p.risks!.columns, 'Notes'];
      },
      undefined,
      'an extra column "Notes"',
    ],
    [
      'structure.missing-table',
      (p: EditableProject) => delete p.budget,
      undefined,
      'the table Budget is missing',
    ],
    [
      'structure.missing-sheet',
      (p: EditableProject) => (p.sheetExists = false),
      undefined,
      'the sheet "Alpha Rollout" named on the Projects sheet does not exist',
    ],
    [
      'money.over-ceiling',
      (p: EditableProject) => setCell(p.budget, 1, 'Planned', 70000),
      undefined,
      'the planned total EUR 110,000.00 is above the budget ceiling EUR 100,000.00',
    ],
    [
      'project.empty',
      (p: EditableProject) => {
        p.tasks!.rows = [p.tasks!.columns.map(() => null)];
        p.budget!.rows = [];
        p.risks!.rows = [];
      },
      undefined,
      'no tasks, no budget lines and no risks',
    ],
    [
      'identity.duplicate-code',
      (p: EditableProject, all: EditableProject[]) =>
        all.push({ ...p, entry: { ...p.entry, name: 'Alpha Copy' }, registryRow: 1 }),
      'A6',
      'the project code ALPHA is also used by Alpha Rollout',
    ],
  ])('%s at %s', (code, spoil, cell, message) => {
    const found = check(spoil).filter((d) => d.code === code);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(message);
    if (cell) expect(found[0]?.cell).toBe(cell);
  });

  it('writes the place in front of the sentence', () => {
    const [d] = check((p) => setCell(p.tasks, 2, 'End', 45717));
    expect(d).toEqual({
      severity: 'error',
      code: 'range.end-before-start',
      project: 'Alpha Rollout',
      sheet: 'Alpha Rollout',
      cell: 'K7',
      message:
        'Alpha Rollout, Tasks, row 3 (cell K7): the end date 2025-03-01 is before the start date 2025-03-31.',
    });
  });
});
