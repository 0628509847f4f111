import { planJsonSchema, PlanFile } from '../../src/domain/schema/plan-file';
import { Settings } from '../../src/domain/schema/settings';
import { sheetNameProblem } from '../../src/domain/schema/sheet-name';
import { suggestCode } from '../../src/domain/template/project-identity';
import { isoToSerial, serialToIso, isIsoDate } from '../../src/domain/dates';

describe('plan file schema', () => {
  it('fills every default, keeping 0 as a real value', () => {
    const plan = PlanFile.parse({
      projects: [
        {
          name: 'Alpha',
          code: 'ALPHA',
          budgetCeiling: 0,
          risks: [{ id: 'R1', risk: 'x', probability: 1, impact: 1, costImpact: 0 }],
        },
      ],
    });
    expect(plan.settings.currency).toBe('EUR');
    expect(plan.settings.ratingBands.map((b) => [b.name, b.min, b.max])).toEqual([
      ['Low', 1, 4],
      ['Medium', 5, 9],
      ['High', 10, 15],
      ['Critical', 16, 25],
    ]);
    expect(plan.settings.probability.map((p) => p.percent)).toEqual([0.1, 0.3, 0.5, 0.7, 0.9]);
    expect(plan.projects[0]?.budgetCeiling).toBe(0);
    expect(plan.projects[0]?.risks[0]?.costImpact).toBe(0);
    expect(plan.projects[0]?.included).toBe(true);
  });

  it.each([
    [
      {
        projects: [
          { name: 'A', code: 'AA' },
          { name: 'B', code: 'aa' },
        ],
      },
      /code AA is used by more than one/i,
    ],
    [
      {
        projects: [
          { name: 'Same', code: 'AA' },
          { name: 'same', code: 'BB' },
        ],
      },
      /sheet name "same" is used by more than one/,
    ],
    [{ projects: [{ name: 'A', code: 'a-1' }] }, /2 to 12 capital letters/],
    [
      { projects: [{ name: 'A', code: 'AA', start: '2025-03-10', end: '2025-03-01' }] },
      /end date 2025-03-01 is before the start date 2025-03-10/,
    ],
    [{ projects: [{ name: 'A', code: 'AA', start: '2025-02-30' }] }, /real date/],
    [
      {
        projects: [
          { name: 'A', code: 'AA', risks: [{ id: 'R', risk: 'r', probability: 7, impact: 1 }] },
        ],
      },
      /<=5|5/,
    ],
    [
      {
        projects: [{ name: 'A', code: 'AA', tasks: [{ id: 'T1', task: 't', dependsOn: ['T9'] }] }],
      },
      /depends on "T9"/,
    ],
    [
      {
        projects: [
          {
            name: 'A',
            code: 'AA',
            tasks: [
              { id: 'T1', task: 't' },
              { id: 't1', task: 'u' },
            ],
          },
        ],
      },
      /task ID "t1" is used twice/,
    ],
    [
      { projects: [{ name: 'A', code: 'AA', budget: [{ category: 'Other', planned: -5 }] }] },
      />=0|0/,
    ],
    [
      {
        settings: {
          ratingBands: [
            { name: 'Low', min: 1, max: 9 },
            { name: 'High', min: 11, max: 25 },
          ],
        },
      },
      /must start at 10/,
    ],
  ])('rejects bad input %#', (input, message) => {
    const r = PlanFile.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join(' | ')).toMatch(message);
  });

  it('produces a JSON Schema generated from the zod schema', () => {
    const schema = planJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['version', 'settings', 'projects']),
    );
    expect(JSON.stringify(schema)).toContain('"probability"');
  });

  it('defaults the settings', () => {
    expect(Settings.parse({}).taskStatuses).toContain('Done');
  });
});

describe('sheet names', () => {
  it.each([
    ['Alpha Rollout', null],
    ["Ørsted's Façade Upgrade", null],
    ['项目计划', null],
    ['x'.repeat(31), null],
    ['x'.repeat(32), /32 characters; Excel allows 31/],
    ['Q1/Q2', /contains \//],
    ['What?', /contains \?/],
    ['a:b', /contains :/],
    ['[draft]', /contains \[/],
    ['star*', /contains \*/],
    ['back\\slash', /contains \\/],
    ["'quoted'", /apostrophe/],
    ['settings', /keeps for itself/],
    ['  ', /cannot be empty/],
  ])('%s', (name, problem) => {
    const p = sheetNameProblem(name);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });
});

describe('codes and dates', () => {
  it('suggests a unique code from a name', () => {
    expect(suggestCode('Alpha Rollout', [])).toBe('ALPHA');
    expect(suggestCode('Ångström Upgrade', [])).toBe('ANGSTROM');
    expect(suggestCode('Alpha Two', ['ALPHA'])).toBe('ALPHA2');
    expect(suggestCode('项目', [])).toBe('PRJ');
    expect(suggestCode('1st wave', [])).toBe('WAVE');
  });

  it('converts ISO dates and Excel serials both ways', () => {
    expect(isoToSerial('2025-01-01')).toBe(45658);
    expect(isoToSerial('1900-03-01')).toBe(61);
    expect(serialToIso(45658)).toBe('2025-01-01');
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });
});
