import { compose, schemaProblems } from '../../../src/domain/diagnostics';
import { PlanFile } from '../../../src/domain/schema/plan-file';
import { say } from '../../../src/domain/validation/messages';

/**
 * Every message code rendered with sample values, read as a finance user reads it once: the
 * place in front, no word said twice in a row, no subject said twice, a full stop at the end.
 */

const SAMPLES: { [K in keyof typeof say]: Parameters<(typeof say)[K]> } = {
  textInNumber: ['Planned', '12,000 EUR'],
  textInDate: ['Start', '31/03/2025'],
  notADate: ['Start', '7'],
  errorValue: ['Actual', '#REF!'],
  scale: ['Probability', 7],
  negative: ['Planned', -5],
  percent: [1.5],
  endBeforeStart: ['2025-02-03', '2025-03-01'],
  outsideProject: ['2025-01-01', '2025-02-01', '2025-01-06', '2025-06-30'],
  numberInText: ['Owner', 42],
  required: ['Task'],
  requiredForRating: ['Owner', 'High'],
  yesNo: ['Milestone', 'maybe'],
  unknownListValue: ['Status', 'Finished', 'task statuses'],
  duplicateId: ['task', 'T1', 3],
  unknownDependency: ['T2', 'T9'],
  cycle: [['T1', 'T2', 'T1']],
  startsBeforeDependency: ['T2', '2025-01-27', 'T1', '2025-01-31'],
  formulaText: ['Task', '=SUM(A1:A3)'],
  blankRow: [],
  emptyProject: [],
  overCeiling: ['EUR 120,000.00', 'EUR 100,000.00'],
  missingSheet: ['Alpha Rollout'],
  missingTable: ['Tasks_ALPHA'],
  missingColumn: ['Tasks_ALPHA', 'End'],
  extraColumn: ['Tasks_ALPHA', 'Notes'],
  duplicateCode: ['ALPHA', 'Alpha Rollout'],
  implanSheet: ['Settings'],
  notProjectSheet: ['Notes', 'Tasks_ALPHA'],
  tablesElsewhere: ['Tasks_ALPHA', 'Beta Launch', 'Alpha Rollout'],
  nameIsTable: [],
  reservedName: ['Joint_TotalPlanned'],
  structureProtected: [],
  sheetProtected: [],
  amountTooLarge: ['Planned', 1e308],
  sumTooLarge: ['planned'],
};

const PLACE = 'Beta Launch, Tasks, row 2 (cell K6)';

/** The faults a message read once must not have. */
function faults(message: string, place: string): string[] {
  const out: string[] = [];
  if (!message.startsWith(`${place}: `)) out.push('no place in front');
  if (!/[.?]$/.test(message)) out.push('no full stop');
  const doubled = /\b(\w+)\s+\1\b/i.exec(message);
  if (doubled) out.push(`"${doubled[1]}" twice in a row`);
  // A subject of two or more words said twice: "the end date the end date".
  const repeated = /\b(the \w+ \w+)\b.*\b\1\b/i.exec(message.slice(place.length));
  if (repeated && !/the start date|the budget ceiling/.test(repeated[1] ?? ''))
    out.push(`"${repeated[1]}" twice`);
  if (/\bundefined\b|\bnull\b|\[object/.test(message)) out.push('a missing value');
  return out;
}

describe('every validation message, rendered', () => {
  it('has a sample for every message code', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(say).sort());
  });

  it.each(Object.keys(say) as (keyof typeof say)[])('%s', (key) => {
    const render = say[key] as (...args: unknown[]) => string;
    const message = compose(PLACE, render(...(SAMPLES[key] as unknown[])));
    expect(faults(message, PLACE)).toEqual([]);
  });

  it('says "the day ... ends" when a task starts on its predecessor’s end day', () => {
    expect(say.startsBeforeDependency('T4', '2026-03-02', 'T3', '2026-03-02')).toBe(
      'task T4 starts on 2026-03-02, the day task T3, which it depends on, ends; start it the day after at the earliest',
    );
    expect(say.startsBeforeDependency('T4', '2026-03-01', 'T3', '2026-03-02')).toContain(
      'before task T3, which it depends on, ends on 2026-03-02',
    );
  });
});

describe('plan-file messages, rendered', () => {
  const bad = {
    settings: { currency: 5, budgetCategories: ['IT', 'it'] },
    projects: [
      {
        name: 5,
        code: 'AA',
        start: 45000,
        end: '2025-13-01',
        budgetCeiling: '1000',
        included: 'yes',
        tasks: [{ id: 'T1', task: 'x', percentComplete: 2, dependsOn: 'T0', milestone: 'no' }],
        budget: [{ category: 'IT', planned: '1000', period: '2025-1' }],
        risks: [{ id: 'R1', risk: 'r', probability: 2.5, impact: 9, status: 'open' }],
      },
      {
        name: 'Beta',
        code: 'a b',
        sheet: 'Settings',
        start: '2025-03-01',
        end: '2025-02-03',
        tasks: [
          { id: 'T1', task: 'a', dependsOn: ['T9'] },
          { id: 't1', task: 'b' },
        ],
      },
      { name: 'Gamma', code: 'BB' },
      { name: 'Delta', code: 'BB' },
    ],
  };
  const parsed = PlanFile.safeParse(bad);
  const messages = parsed.success
    ? []
    : schemaProblems(parsed.error, 'plan.json', { input: bad }).map((d) => d.message);

  it.each(messages)('%s', (message) => {
    expect(faults(message, message.slice(0, message.indexOf(': ')))).toEqual([]);
  });

  it.each([
    [
      'a name that is a number',
      'project 1 (projects[0].name): the name must be text (it is the number 5).',
    ],
    ['an amount written as text', 'the planned amount must be a number (it is the text "1000").'],
    [
      'a date as a serial',
      'the start date must be a date written YYYY-MM-DD (it is the number 45000).',
    ],
    [
      'an impossible date',
      'the end date must be a real date written YYYY-MM-DD (it is the text "2025-13-01").',
    ],
    [
      'the project by its name',
      'plan.json, project Beta (projects[1].end): the end date 2025-02-03 is before the start date 2025-03-01.',
    ],
  ])('%s', (_, expected) => {
    expect(messages.some((m) => m.includes(expected))).toBe(true);
  });
});
