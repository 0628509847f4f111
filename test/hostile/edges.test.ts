import { promises as fs } from 'node:fs';
import { columnLetter } from '../../src/domain/plan/a1';
import { BUDGET_COLUMNS, RISK_COLUMNS, TASK_COLUMNS } from '../../src/domain/template/columns';
import { PROJECT_LAYOUT, cardCell } from '../../src/domain/template/project-sheet';
import { cli, expectSentences, hostileFolder, snapshot } from './support';
import { setCell, spoil } from './spoil';

/**
 * Values at Excel's edges (issue 12, item 5): dates outside the days implan plans in and
 * amounts past the 15 digits Excel keeps, in plan files and in cells, each refused or
 * reported with its place, never written as a wrong serial or summed into #NUM!.
 */

const { dir, file } = hostileFolder();

const project = (more: Record<string, unknown> = {}) => ({
  name: 'Beta',
  code: 'BETA',
  start: '2025-01-06',
  end: '2025-12-19',
  tasks: [{ id: 'T1', task: 'Plan', start: '2025-01-06', end: '2025-01-31' }],
  budget: [{ category: 'IT', planned: 1000, period: '2025-01' }],
  risks: [{ id: 'R1', risk: 'Vendor late', probability: 2, impact: 2, costImpact: 500 }],
  ...more,
});

async function imports(plan: unknown) {
  await fs.writeFile(file('plan.json'), JSON.stringify(plan));
  const before = await snapshot(dir());
  const r = await cli('import', file('plan.json'), '-o', file('book.xlsx'));
  expectSentences(r.err);
  return { r, before };
}

describe('hostile edges: plan files with dates or amounts Excel cannot hold', () => {
  it.each([
    [
      'E01 a date before 1900',
      { start: '1899-12-31' },
      'project Beta (projects[0].start): the start date must be a date from 1990-01-01 to 2100-12-31, the days implan plans in (it is the text "1899-12-31").',
    ],
    [
      'E02 Excel’s first day, 1900-01-01, whose serial the 1900 leap-year quirk shifts',
      { tasks: [{ id: 'T1', task: 'Plan', start: '1900-01-01', end: '1900-01-02' }] },
      'project Beta, task T1 (projects[0].tasks[0].start): the start date must be a date from 1990-01-01 to 2100-12-31',
    ],
    [
      'E03 Excel’s last day, 9999-12-31',
      { end: '9999-12-31' },
      'the end date must be a date from 1990-01-01 to 2100-12-31',
    ],
    [
      'E04 a year past 9999',
      { end: '10000-01-01' },
      'the end date must be a real date written YYYY-MM-DD',
    ],
    [
      'E05 1900-02-29, the day Excel counts and the calendar does not',
      { start: '1900-02-29' },
      'the start date must be a real date written YYYY-MM-DD',
    ],
    [
      'E06 a budget month before 1990',
      { budget: [{ category: 'IT', planned: 1, period: '1899-12' }] },
      'the period must be a month from 1990-01 to 2100-12',
    ],
    [
      'E07 an amount of 1e308',
      { budget: [{ category: 'IT', planned: 1e308 }] },
      'project Beta, budget line 1 (projects[0].budget[0].planned): the planned amount must be below 1,000,000,000,000,000 (Excel keeps 15 digits) (it is the number 1e+308).',
    ],
    [
      'E08 an amount of 16 digits',
      { budgetCeiling: 1234567890123456 },
      'the budget ceiling must be below 1,000,000,000,000,000',
    ],
    [
      'E09 two lines that each fit and add up past 15 digits',
      {
        budget: [
          { category: 'IT', planned: 6e14 },
          { category: 'IT', planned: 6e14 },
        ],
      },
      'project Beta, budget (projects[0].budget): the planned amounts add up to 1,000,000,000,000,000 or more, beyond the 15 digits Excel keeps',
    ],
    [
      'E10 a cost impact of 1e308',
      { risks: [{ id: 'R1', risk: 'Vendor late', probability: 2, impact: 2, costImpact: 1e308 }] },
      'the cost impact must be below 1,000,000,000,000,000',
    ],
  ])('%s', async (_, more, message) => {
    const { r, before } = await imports({ projects: [project(more)] });
    expect({ code: r.code, err: r.err }).toEqual({
      code: 1,
      err: expect.stringContaining(message),
    });
    expect(await snapshot(dir())).toEqual(before);
  });

  it('E11 two projects that each fit and add up past 15 digits together', async () => {
    const big = { budget: [{ category: 'IT', planned: 6e14 }] };
    const { r, before } = await imports({
      projects: [project(big), { ...project(big), name: 'Gamma', code: 'GAMMA' }],
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      '(projects): across all projects, the planned amounts add up to 1,000,000,000,000,000 or more',
    );
    expect(await snapshot(dir())).toEqual(before);
  });
});

/** The cell of a table column on row `row` (1-based data row) of Beta's sheet. */
const cellOf = (left: number, columns: readonly { name: string }[], name: string, row = 1) =>
  `${columnLetter(left + columns.findIndex((c) => c.name === name))}${PROJECT_LAYOUT.headerRow + 1 + row}`;
const task = (name: string) => cellOf(PROJECT_LAYOUT.tasksColumn, TASK_COLUMNS, name);
const budget = (name: string, row = 1) =>
  cellOf(PROJECT_LAYOUT.budgetColumn, BUDGET_COLUMNS, name, row);
const risk = (name: string) => cellOf(PROJECT_LAYOUT.risksColumn, RISK_COLUMNS, name);

describe('hostile edges: cells with dates or amounts Excel cannot hold', () => {
  it.each([
    ['E12 a negative serial as a start', task('Start'), -5, 'Start holds -5, which is not a date'],
    [
      'E13 a serial past 9999-12-31',
      task('End'),
      3_000_000,
      'End holds 3000000, which is not a date implan plans with (1990-01-01 to 2100-12-31)',
    ],
    [
      'E14 a serial before 1990 on the project card',
      cardCell('start'),
      100,
      'Beta, project card (cell B10): Start holds 100, which is not a date',
    ],
    [
      'E15 an amount of 1e308',
      budget('Planned'),
      1e308,
      'Planned is 1e+308, more than an amount can be (below 1,000,000,000,000,000)',
    ],
    [
      'E16 an amount of 16 digits',
      budget('Actual'),
      1234567890123456,
      'Actual is 1234567890123456, more than an amount can be',
    ],
    ['E17 a cost impact of 1e308', risk('Cost impact'), 1e308, 'Cost impact is 1e+308'],
    [
      'E18 a budget ceiling of 1e308 on the card',
      cardCell('budgetCeiling'),
      1e308,
      'Beta, project card (cell B12): Budget ceiling is 1e+308',
    ],
  ])('%s', async (_, ref, value, message) => {
    expect((await imports({ projects: [project()] })).r.code).toBe(0);
    await spoil(file('book.xlsx'), (p) =>
      p.set(p.sheet('Beta'), setCell(p.get(p.sheet('Beta')), ref, value)),
    );
    const before = await snapshot(dir());
    const v = await cli('validate', file('book.xlsx'));
    expect({ code: v.code, out: v.out }).toEqual({
      code: 1,
      out: expect.stringContaining(message),
    });
    const c = await cli('consolidate', file('book.xlsx'));
    expect({ code: c.code, out: c.out }).toEqual({
      code: 1,
      out: expect.stringContaining(message),
    });
    expect(c.err).toContain('Nothing was consolidated');
    expectSentences(v.out + c.err);
    expect(await snapshot(dir())).toEqual(before);
  });

  it('E19 two amounts that each fit add up past 15 digits: reported on the table', async () => {
    const lines = [
      { category: 'IT', planned: 1 },
      { category: 'IT', planned: 1 },
    ];
    expect((await imports({ projects: [project({ budget: lines })] })).r.code).toBe(0);
    await spoil(file('book.xlsx'), (p) => {
      let xml = p.get(p.sheet('Beta'));
      xml = setCell(xml, budget('Planned', 1), 6e14);
      xml = setCell(xml, budget('Planned', 2), 6e14);
      p.set(p.sheet('Beta'), xml);
    });
    const v = await cli('validate', file('book.xlsx'));
    expect(v.code).toBe(1);
    expect(v.out).toContain(
      'Beta, Budget: the planned amounts add up to 1,000,000,000,000,000 or more, beyond the 15 digits Excel keeps',
    );
  });
});
