/**
 * One plan, two writers: the Office.js writer (into the fake host) and the file writer (exceljs
 * rendering, or ooxml/sheet-writer.ts for sheets without tables, plus part-level editing) must produce the same cells, formulas, formats,
 * validations (rule, blanks, prompt, alert), conditional formats (in priority order, with
 * stopIfTrue), names and the names' comments, for every kind of plan step: new workbooks,
 * added projects, consolidation, registry edits and settings edits.
 */
import { demoPlan } from '../../src/domain/demo';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { addProjectPlan, newWorkbookPlan } from '../../src/domain/template/workbook';
import type { Result } from '../../src/domain/diagnostics';
import type { WorkbookPlan } from '../../src/domain/plan/types';
import type { WorkbookState } from '../../src/domain/template/workbook';
import { removeProjectPlan, setIncludedPlan } from '../../src/domain/template/registry-edits';
import { settingsPlan } from '../../src/domain/template/settings-edit';
import { removeProject, saveSettings, setIncluded } from '../../src/excel/actions';
import { applyPlan } from '../../src/excel/apply-plan';
import { consolidateLive } from '../../src/excel/consolidate';
import {
  changeWorkbook,
  consolidateWorkbook,
  newWorkbook,
  readWorkbookState,
} from '../../src/xlsx/workbook-file';
import { createFakeExcel } from '../excel/fake-excel';
import { modelFromFake, modelFromXlsx, type WorkbookModel } from '../support/workbook-model';
import { strictCheckBytes } from '../support/strict-check';
import { editedSettings } from '../fixtures/edited-settings';
import { upgradeWorkbook as upgradeLive } from '../../src/excel/upgrade';
import { upgradeWorkbook as upgradeFile } from '../../src/xlsx/upgrade-file';
import { v1WorkbookPlan } from '../fixtures/template-v1';

const ALL = { dataValidation: true, pageLayout: true, tableResize: true, findInRange: true };
const BUILT = '1 Dec 2026 09:00 UTC';

function expectSame(live: WorkbookModel, file: WorkbookModel): void {
  expect(live.names).toEqual(file.names);
  expect(live.nameComments).toEqual(file.nameComments);
  expect(live.sheets.map((s) => s.name)).toEqual(file.sheets.map((s) => s.name));
  live.sheets.forEach((sheet, i) => expect(sheet).toEqual(file.sheets[i]));
}

/** The demo plan in both writers, consolidated, so edits meet joint sheets and their names. */
async function consolidatedDemo() {
  const plan = newWorkbookPlan(demoPlan());
  const fake = createFakeExcel();
  await applyPlan(plan, { run: fake.run, capabilities: ALL });
  expect((await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT })).kind).toBe(
    'ready',
  );
  const { bytes } = await consolidateWorkbook(await newWorkbook(plan), { builtAt: BUILT });
  return { fake, bytes: bytes! };
}

/** The file writer's side of a pane action: the same domain plan, from the file's state. */
async function fileEdit(
  bytes: Uint8Array,
  decide: (state: WorkbookState) => Result<WorkbookPlan | { plan: WorkbookPlan }>,
): Promise<Buffer> {
  const decided = decide(await readWorkbookState(bytes));
  if (!decided.ok) throw new Error(decided.problems.map((p) => p.message).join(' '));
  const v = decided.value;
  return await changeWorkbook(bytes, 'plan' in v ? v.plan : v);
}

describe('both writers, same plan', () => {
  it.each([
    ['an empty plan', PlanFile.parse({})],
    ['the demo plan', demoPlan()],
    [
      'tricky text',
      PlanFile.parse({
        projects: [
          {
            name: "O'Brien – Ünïcode",
            code: 'OB',
            tasks: [
              { id: 'T1', task: '=HYPERLINK("x")' },
              { id: 'T2', task: '+cmd' },
              { id: '12', task: '2025-01-01' },
            ],
          },
        ],
      }),
    ],
  ])('%s', async (_, plan) => {
    const workbookPlan = newWorkbookPlan(plan);
    const fake = createFakeExcel();
    await applyPlan(workbookPlan, { run: fake.run, capabilities: ALL });
    const file = await modelFromXlsx(await newWorkbook(workbookPlan));
    expectSame(modelFromFake(fake), file);
  });

  it('add-project gives the same new sheet and registry line', async () => {
    const base = newWorkbookPlan(PlanFile.parse({}));
    const fake = createFakeExcel();
    await applyPlan(base, { run: fake.run, capabilities: ALL });
    let bytes = await newWorkbook(base);
    for (const name of ['Alpha Rollout', 'Beta']) {
      const r = addProjectPlan(await readWorkbookState(bytes), { name, manager: 'Dana' });
      if (!r.ok) throw new Error('plan refused');
      await applyPlan(r.value.plan, { run: fake.run, capabilities: ALL });
      bytes = await changeWorkbook(bytes, r.value.plan);
    }
    const file = await modelFromXlsx(bytes);
    const live = modelFromFake(fake);
    for (const name of ['Projects', 'Alpha Rollout', 'Beta'])
      expect(live.sheets.find((s) => s.name === name)).toEqual(
        file.sheets.find((s) => s.name === name),
      );
  });

  it('consolidation gives the same joint sheets, names and name comments, built and rebuilt', async () => {
    const { fake, bytes } = await consolidatedDemo();
    const first = await modelFromXlsx(bytes);
    expect(Object.keys(first.nameComments).length).toBeGreaterThan(0);
    // The dashboard lists' three key columns, hidden on the schedule.
    expect(first.sheets.find((s) => s.name === 'Joint Schedule')?.hidden).toHaveLength(3);
    expectSame(modelFromFake(fake), first);
    // A second run rebuilds in place: existing names get their formula and comment again.
    await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    const again = await consolidateWorkbook(bytes, { builtAt: BUILT });
    expectSame(modelFromFake(fake), await modelFromXlsx(again.bytes!));
  });

  it("the dashboard's native charts: the same types, titles, places, series and ranges, rebuilt not added", async () => {
    const { fake, bytes } = await consolidatedDemo();
    const dashboard = (m: WorkbookModel) => m.sheets.find((s) => s.name === 'Dashboard');
    const file = dashboard(await modelFromXlsx(bytes));
    expect(file?.charts?.map((c) => [c.type, c.series.map((x) => x.name)])).toEqual([
      ['line', ['Planned', 'Actual']],
      ['clusteredColumn', ['Planned', 'Actual', 'Estimate at completion']],
      ['clusteredColumn', ['Open risks']],
    ]);
    expect(file?.charts?.[0]?.series[0]?.values).toMatch(/^Joint Budget!B\d+:[A-Z]+\d+$/);
    expect(file?.print).toEqual({
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 1,
      area: expect.stringMatching(/^A1:P\d+$/) as unknown,
    });
    expect(dashboard(modelFromFake(fake))?.charts).toEqual(file?.charts);
    await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    const again = await consolidateWorkbook(bytes, { builtAt: BUILT });
    expect(dashboard(modelFromFake(fake))?.charts).toEqual(file?.charts);
    expect(dashboard(await modelFromXlsx(again.bytes!))?.charts).toEqual(file?.charts);
  });

  it('registry edits give the same register: exclude, include, remove with and without the sheet', async () => {
    const { fake, bytes: consolidated } = await consolidatedDemo();
    const opts = { run: fake.run, capabilities: ALL };
    let bytes = consolidated;
    expect((await setIncluded(['ORSTED', 'alpha'], false, opts)).ok).toBe(true);
    bytes = await fileEdit(bytes, (s) => setIncludedPlan(s, ['ORSTED', 'alpha'], false));
    expect((await setIncluded(['ALPHA'], true, opts)).ok).toBe(true);
    bytes = await fileEdit(bytes, (s) => setIncludedPlan(s, ['ALPHA'], true));
    expect((await removeProject('ORSTED', { ...opts, deleteSheet: false })).ok).toBe(true);
    bytes = await fileEdit(bytes, (s) => removeProjectPlan(s, 'ORSTED', { deleteSheet: false }));
    expectSame(modelFromFake(fake), await modelFromXlsx(bytes));
  });

  it('removing a project with its sheet deletes the same sheet and line in both', async () => {
    const plan = newWorkbookPlan(demoPlan());
    const fake = createFakeExcel();
    await applyPlan(plan, { run: fake.run, capabilities: ALL });
    const opts = { run: fake.run, capabilities: ALL, deleteSheet: true };
    expect((await removeProject('PORTAL', opts)).ok).toBe(true);
    const bytes = await fileEdit(await newWorkbook(plan), (s) =>
      removeProjectPlan(s, 'PORTAL', { deleteSheet: true }),
    );
    const file = await modelFromXlsx(bytes);
    expect(file.sheets.map((s) => s.name)).not.toContain('Customer Portal Relaunch');
    expectSame(modelFromFake(fake), file);
  });

  it('a settings edit gives the same Settings sheet, growing some lists and shrinking others', async () => {
    const { fake, bytes } = await consolidatedDemo();
    const before = (await readWorkbookState(bytes)).settings!;
    const changed = editedSettings(before);
    expect((await saveSettings(changed, { run: fake.run, capabilities: ALL })).ok).toBe(true);
    const file = await fileEdit(bytes, (s) => settingsPlan(s, changed));
    expect((await readWorkbookState(file)).settings).toEqual(changed);
    expectSame(modelFromFake(fake), await modelFromXlsx(file));
    // An empty list leaves its table one blank line, as wide as the table.
    const none = { ...changed, holidays: [] };
    expect((await saveSettings(none, { run: fake.run, capabilities: ALL })).ok).toBe(true);
    const emptied = await fileEdit(file, (s) => settingsPlan(s, none));
    expect((await readWorkbookState(emptied)).settings).toEqual(none);
    expectSame(modelFromFake(fake), await modelFromXlsx(emptied));
  });

  it('a plan using every field of the plan types gives the same workbook', async () => {
    const plan = everyFieldPlan();
    const fake = createFakeExcel();
    await applyPlan(plan, { run: fake.run, capabilities: ALL });
    const file = await modelFromXlsx(await newWorkbook(plan));
    const [sheet] = file.sheets;
    // The model reads each field from the file, so the comparison is not of two blanks.
    expect(sheet).toMatchObject({
      merges: ['A1:C1'],
      hidden: [6],
      print: { orientation: 'portrait' },
      tables: [
        {
          name: 'Every',
          style: 'TableStyleLight9',
          calculated: { Twice: 'Every[[#This Row],[N]]*2' },
        },
      ],
    });
    expect(sheet?.cells.A1).toMatchObject({ fontSize: 14, vAlign: 'center', italic: true });
    // One entry per cell: A5:A6 counts twice.
    expect(sheet?.validations.length).toBe(7);
    expect(sheet?.conditionalFormats.length).toBe(2);
    expect(file.nameComments).toEqual({ Every_N: 'The N column, for other formulas.' });
    expectSame(modelFromFake(fake), file);
  });

  it('the same sheet without its table, added to a workbook, is written straight to XML alike', async () => {
    // Consolidate's sheets have no tables and skip exceljs (ooxml/sheet-writer.ts); no joint
    // sheet merges cells or validates input yet, so this sheet is what tries those parts.
    const [step] = everyFieldPlan().steps;
    if (step?.kind !== 'addSheet') throw new Error('everyFieldPlan starts with its sheet');
    const sheet = { ...step.sheet, items: step.sheet.items.filter((i) => i.kind !== 'table') };
    const base = newWorkbookPlan(PlanFile.parse({ projects: [] }));
    const plan: WorkbookPlan = { steps: [{ kind: 'addSheet', sheet }] };
    const fake = createFakeExcel();
    await applyPlan(base, { run: fake.run, capabilities: ALL });
    await applyPlan(plan, { run: fake.run, capabilities: ALL });
    const bytes = await changeWorkbook(await newWorkbook(base), plan);
    const file = (await modelFromXlsx(bytes)).sheets.find((s) => s.name === sheet.name);
    expect(file).toMatchObject({
      merges: ['A1:C1'],
      hidden: [6],
      print: { orientation: 'portrait' },
    });
    expect(file?.validations.length).toBe(7);
    expect(file?.conditionalFormats.length).toBe(2);
    expect(modelFromFake(fake).sheets.find((s) => s.name === sheet.name)).toEqual(file);
    const { code, report } = strictCheckBytes(new Map([['sheet-writer', bytes]]));
    expect([code, code === 0 ? '' : report]).toEqual([0, '']);
  });
});

/** One sheet holding every kind of item and every optional field the plan types have. */
function everyFieldPlan(): WorkbookPlan {
  const error = { title: 'Not allowed', message: 'Type what the column asks for.' };
  const prompt = { title: 'Hint', message: 'A number from 1 to 5.' };
  return {
    steps: [
      {
        kind: 'addSheet',
        sheet: {
          name: 'Every',
          tabColor: '#123456',
          columnWidths: [
            { column: 0, width: 14 },
            { column: 1, width: 9 },
            { column: 6, width: 12, hidden: true },
          ],
          freezeRows: 3,
          print: { landscape: false },
          items: [
            { kind: 'cells', at: 'A1', rows: [['Every field', null, null]] },
            { kind: 'merge', range: 'A1:C1' },
            {
              kind: 'format',
              range: 'A1',
              style: { bold: true, italic: true, fontSize: 14, vAlign: 'center', hAlign: 'left' },
            },
            {
              kind: 'format',
              range: 'A2:C2',
              style: { wrap: true, fill: '#EEEEEE', fontColor: '#333333', bottomBorder: '#0F5C4D' },
            },
            {
              kind: 'table',
              table: {
                name: 'Every',
                at: 'A4',
                style: 'TableStyleLight9',
                columns: [{ name: 'N' }, { name: 'Twice', formula: 'Every[[#This Row],[N]]*2' }],
                rows: [
                  [1, { formula: 'Every[[#This Row],[N]]*2' }],
                  [2, { formula: 'Every[[#This Row],[N]]*2' }],
                ],
              },
            },
            { kind: 'format', range: 'B5:B6', style: { numberFormat: '0.00' } },
            {
              kind: 'validation',
              range: 'A5:A6',
              rule: { kind: 'wholeNumber', min: 1, max: 5, prompt, error },
            },
            { kind: 'validation', range: 'C5', rule: { kind: 'list', source: 'Yes,No', error } },
            { kind: 'validation', range: 'D5', rule: { kind: 'decimal', min: 0, error } },
            { kind: 'validation', range: 'E5', rule: { kind: 'decimal', min: 0, max: 1, error } },
            {
              kind: 'validation',
              range: 'F5',
              rule: { kind: 'date', min: 45658, max: 46022, error },
            },
            { kind: 'validation', range: 'G5', rule: { kind: 'custom', formula: 'G5<>""', error } },
            {
              kind: 'conditionalFormat',
              range: 'A5:B6',
              rule: {
                kind: 'expression',
                formula: '$A5>1',
                style: { fill: '#FFC7CE', fontColor: '#9C0006', bold: true },
              },
            },
            {
              kind: 'conditionalFormat',
              range: 'A5:A6',
              rule: { kind: 'expression', formula: '$A5=1', style: { fill: '#C6EFCE' } },
            },
          ],
        },
      },
      {
        kind: 'setNames',
        names: [
          { name: 'Every_N', refersTo: 'Every[N]', comment: 'The N column, for other formulas.' },
        ],
      },
    ],
  };
}
describe('both writers, same upgrade', () => {
  it('a version 1 workbook upgraded live and in its file holds the same cells and names', async () => {
    const v1 = v1WorkbookPlan(demoPlan());
    const fake = createFakeExcel();
    await applyPlan(v1, { run: fake.run, capabilities: ALL });
    const live = await upgradeLive({ run: fake.run, capabilities: ALL });
    const { bytes } = await upgradeFile(await newWorkbook(v1), { dryRun: false });
    expect(live.ok && bytes !== undefined).toBe(true);
    const file = await modelFromXlsx(bytes!);
    const model = modelFromFake(fake);
    expect(model.names).toEqual(file.names);
    model.sheets.forEach((sheet, i) => expect(sheet).toEqual(file.sheets[i]));
  });
});
