/**
 * Every refusal sentence the domain writes outside the validation messages (messages.test.ts
 * renders those): add-project, set-up, the registry and settings edits, the template version
 * and the write check. Each is rendered from a sample workbook and read as a finance user reads
 * it once: its place named, no word twice in a row, no subject said twice, a full stop.
 */
import type { Diagnostic, Result } from '../../src/domain/diagnostics';
import type { WorkbookPlan } from '../../src/domain/plan/types';
import { defaultSettings } from '../../src/domain/schema/settings';
import { removeProjectPlan, setIncludedPlan } from '../../src/domain/template/registry-edits';
import { projectSheetPlan } from '../../src/domain/template/project-sheet';
import { setUpPlan } from '../../src/domain/template/set-up';
import { settingsPlan } from '../../src/domain/template/settings-edit';
import { TEMPLATE_VERSION, UPGRADE_HINT, versionProblem } from '../../src/domain/template/version';
import { addProjectPlan, type WorkbookState } from '../../src/domain/template/workbook';
import { writeRefusals } from '../../src/domain/template/write-check';
import { NO_STRUCTURE, type WorkbookStructure } from '../../src/domain/validation/structure';
import { Project } from '../../src/domain/schema/project';

const settings = defaultSettings();
const ALPHA = { code: 'ALPHA', name: 'Alpha Rollout', sheet: 'Alpha Rollout' };

/** A workbook with a plan, one project (Alpha Rollout) and the user's own Notes sheet. */
function book(more: Partial<WorkbookState> = {}): WorkbookState {
  return {
    sheets: ['How to use', 'Projects', 'Settings', 'Notes', ALPHA.sheet],
    tables: ['Projects', 'Tasks_ALPHA', 'Budget_ALPHA', 'Risks_ALPHA'],
    registry: {
      entries: [{ ...ALPHA, manager: '', included: true }],
      bodyRows: 1,
      nextRow: 1,
    },
    settings,
    templateVersion: TEMPLATE_VERSION,
    ...more,
  };
}

const problems = (r: Result<unknown>): Diagnostic[] => (r.ok ? [] : r.problems);
const structure = (more: Partial<WorkbookStructure>): WorkbookStructure => ({
  ...NO_STRUCTURE,
  ...more,
});
const gammaSheet: WorkbookPlan = {
  steps: [
    {
      kind: 'addSheet',
      sheet: projectSheetPlan(Project.parse({ name: 'Gamma', code: 'GAMMA' }), settings),
    },
  ],
};
const registryLine: WorkbookPlan = {
  steps: [{ kind: 'fillTableRows', table: 'Projects', existingRows: 1, firstRow: 1, rows: [[]] }],
};
const registryAt = { name: 'Projects', sheet: 'Projects', ref: 'A4:F5' };

/** Each case: what it does, the code it must give, the place its sentence must name. */
const CASES: [string, string, string, () => Diagnostic[]][] = [
  [
    'no plan yet',
    'no-plan',
    'This workbook',
    () => problems(addProjectPlan(book({ registry: null }), { name: 'Gamma' })),
  ],
  [
    'an older template',
    'template-older',
    'template version 1',
    () => [versionProblem(1, UPGRADE_HINT)!],
  ],
  [
    'a newer template',
    'template-newer',
    'template version 9',
    () => [versionProblem(9, UPGRADE_HINT)!],
  ],
  [
    'a version that is not one',
    'template-version-unreadable',
    'Implan_TemplateVersion',
    () => [versionProblem(Number.NaN, UPGRADE_HINT)!],
  ],
  [
    'a project named like implan’s sheet',
    'sheet-name',
    'Project Settings',
    () => problems(addProjectPlan(book(), { name: 'Settings' })),
  ],
  [
    'a code taken',
    'duplicate-code',
    'ALPHA',
    () => problems(addProjectPlan(book(), { name: 'Other', code: 'ALPHA' })),
  ],
  [
    'a sheet taken',
    'duplicate-sheet',
    '"Notes"',
    () => problems(addProjectPlan(book(), { name: 'Notes', code: 'NOTES' })),
  ],
  [
    'a table name taken',
    'duplicate-table',
    'Budget_GAMMA',
    () =>
      problems(
        addProjectPlan(
          book({
            structure: structure({ names: [{ name: 'Budget_GAMMA', refersTo: 'Notes!$A$1' }] }),
          }),
          { name: 'Gamma', code: 'GAMMA' },
        ),
      ),
  ],
  ['a second set-up', 'plan-exists', 'This workbook', () => problems(setUpPlan(book()))],
  [
    'set-up over a sheet of implan’s name',
    'duplicate-sheet',
    '"Settings"',
    () => problems(setUpPlan(book({ registry: null, sheets: ['Settings'] }))),
  ],
  [
    'a code not in the register',
    'unknown-project',
    'NOPE',
    () => problems(setIncludedPlan(book(), ['NOPE'], false)),
  ],
  [
    'a code in an empty register',
    'unknown-project',
    'the Projects register',
    () =>
      problems(
        setIncludedPlan(
          book({ registry: { entries: [], bodyRows: 1, nextRow: 0 } }),
          ['NOPE'],
          false,
        ),
      ),
  ],
  [
    'deleting a sheet that is gone',
    'sheet-not-deleted',
    `"${ALPHA.sheet}"`,
    () =>
      problems(
        removeProjectPlan(book({ sheets: ['Projects', 'Settings'] }), 'ALPHA', {
          deleteSheet: true,
        }),
      ),
  ],
  [
    'saving settings without their tables',
    'settings-table-missing',
    'The Settings sheet',
    () => problems(settingsPlan(book(), settings)),
  ],
  [
    'a sheet added under a protected structure',
    'protection.workbook',
    '"Gamma"',
    () => writeRefusals(book({ structure: structure({ structureProtected: true }) }), gammaSheet),
  ],
  [
    'a sheet deleted under a protected structure',
    'protection.workbook',
    `"${ALPHA.sheet}"`,
    () =>
      writeRefusals(book({ structure: structure({ structureProtected: true }) }), {
        steps: [{ kind: 'deleteSheet', sheet: ALPHA.sheet }],
      }),
  ],
  [
    'a protected sheet written',
    'protection.sheet',
    '"Projects"',
    () =>
      writeRefusals(
        book({ structure: structure({ protectedSheets: ['Projects'], tables: [registryAt] }) }),
        registryLine,
      ),
  ],
  [
    'merged cells where a table grows',
    'merged.table-growth',
    'A6:C6',
    () =>
      writeRefusals(
        book({
          structure: structure({
            tables: [registryAt],
            merges: [{ sheet: 'Projects', range: 'A6:C6' }],
          }),
        }),
        registryLine,
      ),
  ],
];

/** The faults a sentence read once must not have (as messages.test.ts reads them). */
function faults(message: string, place: string): string[] {
  const out: string[] = [];
  if (!message.includes(place)) out.push(`no place (${place})`);
  if (!/[.?]$/.test(message)) out.push('no full stop');
  const doubled = /\b(\w+)\s+\1\b/i.exec(message);
  if (doubled) out.push(`"${doubled[1]}" twice in a row`);
  const repeated = /\b(the \w+ \w+)\b.*\b\1\b/i.exec(message);
  if (repeated) out.push(`"${repeated[1]}" twice`);
  if (/\bundefined\b|\bnull\b|\[object|NaN/.test(message)) out.push('a missing value');
  return out;
}

describe('every refusal sentence outside the validation messages, rendered', () => {
  it.each(CASES)('%s (%s)', (_, code, place, render) => {
    const found = render();
    expect(found.map((d) => d.code)).toContain(code);
    for (const d of found.filter((x) => x.code === code))
      expect({ message: d.message, faults: faults(d.message, place) }).toEqual({
        message: d.message,
        faults: [],
      });
  });
});
