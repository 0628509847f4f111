import { TEMPLATE_VERSION } from '../../src/domain/template/version';
import { parseRange } from '../../src/domain/plan/a1';
import type { SheetItem, SheetPlan, TablePlan } from '../../src/domain/plan/types';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { defaultSettings } from '../../src/domain/schema/settings';
import { Project } from '../../src/domain/schema/project';
import { projectSheetPlan } from '../../src/domain/template/project-sheet';
import { settingsSheetPlan } from '../../src/domain/template/settings-sheet';
import {
  addProjectPlan,
  newWorkbookPlan,
  type WorkbookState,
} from '../../src/domain/template/workbook';
import { demoPlan } from '../../src/domain/demo';

const tables = (sheet: SheetPlan): TablePlan[] =>
  sheet.items.flatMap((i) => (i.kind === 'table' ? [i.table] : []));

/** Row/column span of an item, for the layout test. */
function span(item: SheetItem): { top: number; bottom: number; left: number; right: number } {
  if (item.kind === 'cells') {
    const f = parseRange(item.at).from;
    const w = Math.max(...item.rows.map((r) => r.length));
    return { top: f.row, bottom: f.row + item.rows.length - 1, left: f.col, right: f.col + w - 1 };
  }
  if (item.kind === 'table') {
    const f = parseRange(item.table.at).from;
    return {
      top: f.row,
      bottom: f.row + item.table.rows.length,
      left: f.col,
      right: f.col + item.table.columns.length - 1,
    };
  }
  const r = parseRange(item.kind === 'chart' ? item.chart.anchor : item.range);
  return { top: r.from.row, bottom: r.to.row, left: r.from.col, right: r.to.col };
}

describe('the project sheet template', () => {
  const project = demoPlan().projects[0]!;
  const sheet = projectSheetPlan(project, defaultSettings());

  it('puts the three tables side by side on one header row with nothing below them', () => {
    const ts = tables(sheet);
    expect(ts.map((t) => t.name)).toEqual(['Tasks_ALPHA', 'Budget_ALPHA', 'Risks_ALPHA']);
    const tops = ts.map((t) => parseRange(t.at).from.row);
    expect(new Set(tops).size).toBe(1);
    expect(sheet.freezeRows).toBe(tops[0]! + 1);
    // Inserting table rows shifts cells down in the table's own columns: nothing else may stand
    // in those columns below the header, or Excel refuses with "would move cells in a table".
    for (const t of ts) {
      const ts_ = span({ kind: 'table', table: t });
      for (const item of sheet.items) {
        const s = span(item);
        const overlapsColumns = s.left <= ts_.right && s.right >= ts_.left;
        const inside =
          s.left >= ts_.left && s.right <= ts_.right && s.top >= ts_.top && s.bottom <= ts_.bottom;
        if (overlapsColumns && s.bottom > ts_.top)
          expect({ item, inside }).toEqual({ item, inside: true });
      }
    }
  });

  it('makes calculated columns of working days, variance, score, rating and expected value', () => {
    const calculated = tables(sheet).flatMap((t) =>
      t.columns.filter((c) => c.formula).map((c) => `${t.name}.${c.name}`),
    );
    expect(calculated).toEqual([
      'Tasks_ALPHA.Working days',
      'Budget_ALPHA.Variance',
      'Risks_ALPHA.Score',
      'Risks_ALPHA.Rating',
      'Risks_ALPHA.Expected value',
    ]);
    const tasks = tables(sheet)[0]!;
    expect(tasks.columns.find((c) => c.name === 'Working days')?.formula).toBe(
      'IF(OR(Tasks_ALPHA[[#This Row],[Start]]="",Tasks_ALPHA[[#This Row],[End]]=""),"",NETWORKDAYS(Tasks_ALPHA[[#This Row],[Start]],Tasks_ALPHA[[#This Row],[End]],Settings_Holidays))',
    );
    for (const row of tasks.rows) expect(row[8]).toEqual({ formula: tasks.columns[8]?.formula });
  });

  it('keeps formula-looking text as text', () => {
    const p = Project.parse({
      name: 'X',
      code: 'XX',
      tasks: [
        { id: 'T1', task: '=HYPERLINK("http://evil","click")' },
        { id: 'T2', task: '+cmd' },
      ],
    });
    const t = tables(projectSheetPlan(p, defaultSettings()))[0]!;
    expect(t.rows[0]?.[1]).toBe('=HYPERLINK("http://evil","click")');
    expect(t.rows[1]?.[1]).toBe('+cmd');
  });

  it('colours score and rating by every band from the Settings names', () => {
    const cfs = sheet.items.filter((i) => i.kind === 'conditionalFormat' && i.range !== 'B21');
    expect(cfs).toHaveLength(4);
    expect(cfs[0]).toMatchObject({
      range: 'AF5:AG8',
      rule: { formula: expect.stringContaining('INDEX(Settings_RatingMin,1)') },
    });
  });

  it('gives an empty table one row to type in', () => {
    const empty = projectSheetPlan(
      Project.parse({ name: 'Empty', code: 'EMPTY' }),
      defaultSettings(),
    );
    expect(tables(empty).map((t) => t.rows.length)).toEqual([1, 1, 1]);
  });

  it('keeps settings tables side by side too', () => {
    const s = settingsSheetPlan(defaultSettings());
    expect(new Set(tables(s).map((t) => parseRange(t.at).from.row)).size).toBe(1);
  });
});

describe('adding a project', () => {
  const settings = defaultSettings();
  const state = (
    entries: { code: string; name: string; sheet: string }[],
    bodyRows = Math.max(1, entries.length),
  ): WorkbookState => ({
    sheets: ['How to use', 'Projects', 'Settings', ...entries.map((e) => e.sheet)],
    tables: [
      'Projects',
      ...entries.flatMap((e) => [`Tasks_${e.code}`, `Budget_${e.code}`, `Risks_${e.code}`]),
    ],
    registry: {
      entries: entries.map((e) => ({ ...e, manager: '', included: true })),
      bodyRows,
      nextRow: entries.length,
    },
    settings,
    templateVersion: TEMPLATE_VERSION,
  });

  it('fills the empty first registry row, then appends', () => {
    const first = addProjectPlan(state([]), { name: 'Alpha Rollout' });
    expect(first.ok && first.value.plan.steps[1]).toMatchObject({
      kind: 'fillTableRows',
      existingRows: 1,
      firstRow: 0,
    });
    expect(first.ok && first.value.project.code).toBe('ALPHA');
    const second = addProjectPlan(
      state([{ code: 'ALPHA', name: 'Alpha Rollout', sheet: 'Alpha Rollout' }]),
      { name: 'Beta' },
    );
    expect(second.ok && second.value.plan.steps[1]).toMatchObject({ existingRows: 1, firstRow: 1 });
  });

  it.each([
    [
      { name: 'Alpha 2', code: 'ALPHA' },
      'duplicate-code',
      'The project code ALPHA is already used by Alpha Rollout; choose another code.',
    ],
    [
      { name: 'alpha rollout', code: 'BETA' },
      'duplicate-sheet',
      'A sheet named "alpha rollout" already exists in this workbook; choose another sheet name for alpha rollout.',
    ],
    [
      { name: 'A very long project name that Excel cannot hold', code: 'LONG' },
      'sheet-name',
      'Project A very long project name that Excel cannot hold: "A very long project name that Excel cannot hold" has 47 characters; Excel allows 31 in a sheet name; give the project another sheet name.',
    ],
    [
      { name: 'Q1/Q2 close', code: 'QQ' },
      'sheet-name',
      'Project Q1/Q2 close: "Q1/Q2 close" contains /, which Excel does not allow in a sheet name; give the project another sheet name.',
    ],
  ])('refuses %o', (input, code, message) => {
    const r = addProjectPlan(
      state([{ code: 'ALPHA', name: 'Alpha Rollout', sheet: 'Alpha Rollout' }]),
      input,
    );
    expect(r).toEqual({ ok: false, problems: [{ severity: 'error', code, message }] });
  });

  it('refuses a workbook without a plan', () => {
    const r = addProjectPlan(
      { sheets: ['Sheet1'], tables: [], registry: null, settings: null, templateVersion: null },
      { name: 'A' },
    );
    expect(r.ok).toBe(false);
  });

  it('plans a whole workbook in a fixed sheet order', () => {
    const plan = newWorkbookPlan(PlanFile.parse({ projects: [{ name: 'A', code: 'AA' }] }));
    expect(plan.steps.map((s) => (s.kind === 'addSheet' ? s.sheet.name : s.kind))).toEqual([
      'How to use',
      'Projects',
      'Settings',
      'A',
      'setNames',
    ]);
  });
});
