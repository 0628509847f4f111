/**
 * The pane's Check, Add project and Consolidate against a fake Excel holding the same spoiled
 * structure as the command line's cases (test/hostile/structure.test.ts): each reported or
 * refused with its sentence before anything is written, in the same number of syncs.
 */
import { PlanFile } from '../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { validatePlan } from '../../src/domain/validation/validate';
import { addProject, saveSettings } from '../../src/excel/actions';
import { applyPlan } from '../../src/excel/apply-plan';
import { consolidateLive } from '../../src/excel/consolidate';
import { type HostCapabilities } from '../../src/excel/host';
import { readRawPlanLive } from '../../src/excel/read-plan';
import { hostProblem } from '../../src/taskpane/host';
import { createFakeExcel, type FakeExcel } from '../excel/fake-excel';

const ALL: HostCapabilities = {
  dataValidation: true,
  pageLayout: true,
  suspendCalculation: true,
  tableResize: true,
  findInRange: true,
  mergedAreas: true,
};
const BUILT = '2 Dec 2026 04:00 UTC';

async function paneBook(): Promise<FakeExcel> {
  const fake = createFakeExcel();
  const plan = PlanFile.parse({
    projects: [
      { name: 'Alpha', code: 'ALPHA' },
      { name: 'Beta', code: 'BETA' },
    ],
  });
  await applyPlan(newWorkbookPlan(plan), { run: fake.run, capabilities: ALL });
  fake.syncCount = 0;
  return fake;
}

/** What the pane's Check lists: the messages of readRawPlanLive + validatePlan. */
async function check(fake: FakeExcel): Promise<string[]> {
  const raw = await readRawPlanLive(fake.run);
  return (Array.isArray(raw) ? raw : validatePlan(raw)).map((d) => `${d.severity}: ${d.message}`);
}

/** A deep copy of what the workbook holds, to show a refusal changed nothing. */
const contents = (fake: FakeExcel) =>
  JSON.stringify({
    sheets: fake.sheets.map((s) => [s.name, [...s.cells], s.merges, [...(s.names ?? [])]]),
    tables: fake.tables.map((t) => [t.name, t.ref]),
    names: [...fake.names],
  });

/**
 * Check's syncs on a sound workbook (test/excel/read-plan.test.ts): the state, the tables'
 * addresses, their cells in bands. Reading the structure adds none.
 */
const CHECK_SYNCS = 3;

const gamma = { name: 'Gamma', code: 'GAMMA' };

describe('hostile pane: structure found by Check and refused by the pane’s writes', () => {
  it('L01 Check: a registry line naming Settings', async () => {
    const fake = await paneBook();
    fake.sheet('Projects').cells.get('C5')!.value = 'Settings';
    expect(await check(fake)).toContainEqual(
      expect.stringContaining(
        `Alpha (cell C5): the Sheet column on the Projects sheet names "Settings", which is implan's own sheet`,
      ),
    );
    expect(fake.syncCount).toBe(CHECK_SYNCS);
  });

  it('L02 Check: a registry line naming another project’s sheet, told by the table’s own sheet', async () => {
    const fake = await paneBook();
    fake.sheet('Projects').cells.get('C5')!.value = 'Beta';
    expect(await check(fake)).toContainEqual(
      expect.stringContaining('the table Tasks_ALPHA is on the sheet "Alpha", not on "Beta"'),
    );
  });

  it('L03 Check and Consolidate: a user’s name equal to a total Consolidate sets', async () => {
    const fake = await paneBook();
    fake.names.set('Joint_TotalPlanned', '=Alpha!$B$5');
    expect(await check(fake)).toContainEqual(
      expect.stringContaining('error: The name Joint_TotalPlanned: implan sets and removes names'),
    );
    const before = contents(fake);
    const r = await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    expect(r.kind).toBe('blocked');
    expect(contents(fake)).toBe(before);
  });

  it('L13 Check and Consolidate: a sheet-scoped name equal to a project’s table', async () => {
    const fake = await paneBook();
    fake.sheet('Alpha').names = new Map([['Tasks_BETA', '=Alpha!$A$1']]);
    expect(await check(fake)).toContainEqual(
      expect.stringContaining(
        `error: The name Tasks_BETA (on the sheet "Alpha"): it is also the name of one of implan's tables`,
      ),
    );
    expect(fake.syncCount).toBe(CHECK_SYNCS);
    const before = contents(fake);
    const r = await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    expect(r.kind).toBe('blocked');
    expect(contents(fake)).toBe(before);
  });

  it('L14 Check: a sheet-scoped name shadowing a Settings name on a project sheet', async () => {
    const fake = await paneBook();
    fake.sheet('Alpha').names = new Map([['Settings_Currency', '=Alpha!$B$1']]);
    expect(await check(fake)).toContainEqual(
      expect.stringMatching(
        /^error: The name Settings_Currency \(on the sheet "Alpha"\): implan points this name at its Settings sheet/,
      ),
    );
    expect(fake.syncCount).toBe(CHECK_SYNCS);
  });

  it('L15 Add project: a sheet-scoped name equal to the new project’s table is refused', async () => {
    const fake = await paneBook();
    fake.sheet('Beta').names = new Map([['Budget_GAMMA', '=Beta!$A$1']]);
    const before = contents(fake);
    const r = await addProject(gamma, { run: fake.run, capabilities: ALL });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      'A table or name Budget_GAMMA already exists in this workbook; choose another code for Gamma.',
    ]);
    expect(contents(fake)).toBe(before);
    expect(fake.syncCount).toBe(1);
  });

  it('L04 Add project: a protected Projects sheet is refused with its sentence', async () => {
    const fake = await paneBook();
    fake.sheet('Projects').protected = true;
    const before = contents(fake);
    const r = await addProject(gamma, { run: fake.run, capabilities: ALL });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      'The sheet "Projects": it is protected, so implan cannot write to it; unprotect it with Review > Unprotect Sheet, then try again. Nothing was changed.',
    ]);
    expect(contents(fake)).toBe(before);
    expect(fake.syncCount).toBe(1);
  });

  it('L05 Add project and Consolidate: a protected workbook structure is refused', async () => {
    const fake = await paneBook();
    fake.structureProtected = true;
    const before = contents(fake);
    const r = await addProject(gamma, { run: fake.run, capabilities: ALL });
    expect(r.ok ? '' : r.problems[0]?.message).toMatch(
      /^The workbook: its structure is protected, so implan cannot add the sheet "Gamma"/,
    );
    const c = await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    expect(c.kind === 'blocked' ? c.diagnostics[0]?.message : c.kind).toMatch(
      /cannot add the sheet "Joint Schedule"/,
    );
    expect(contents(fake)).toBe(before);
  });

  it('L06 Consolidate: a protected joint sheet is not rebuilt', async () => {
    const fake = await paneBook();
    expect((await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT })).kind).toBe(
      'ready',
    );
    fake.sheet('Joint Budget').protected = true;
    const before = contents(fake);
    const c = await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    expect(c.kind === 'blocked' ? c.diagnostics[0]?.message : c.kind).toMatch(
      /^The sheet "Joint Budget": it is protected/,
    );
    expect(contents(fake)).toBe(before);
  });

  it('L17 Consolidate: cells a user merged inside a joint sheet count as an edit (ExcelApi 1.13)', async () => {
    const fake = await paneBook();
    expect((await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT })).kind).toBe(
      'ready',
    );
    fake.sheet('Joint Budget').merges.push('H2:J3');
    const before = contents(fake);
    const asked = await consolidateLive({ run: fake.run, capabilities: ALL, builtAt: BUILT });
    expect(asked).toMatchObject({ kind: 'confirm', edited: ['Joint Budget'] });
    expect(contents(fake)).toBe(before);
    const replaced = await consolidateLive({
      run: fake.run,
      capabilities: ALL,
      builtAt: BUILT,
      replaceEdited: true,
    });
    expect(replaced.kind).toBe('ready');
    expect(fake.sheet('Joint Budget').merges).toEqual([]);
  });

  it('L07 Add project: merged cells below the registry are found first (ExcelApi 1.13)', async () => {
    const fake = await paneBook();
    fake.sheet('Projects').merges.push('A7:C7');
    const before = contents(fake);
    const r = await addProject(gamma, { run: fake.run, capabilities: ALL });
    expect(r.ok ? '' : r.problems[0]?.message).toMatch(
      /^The sheet "Projects" \(cells A7:C7\): these cells below the table Projects are merged/,
    );
    expect(contents(fake)).toBe(before);
  });

  it('L08 without ExcelApi 1.13, Excel’s own refusal of the merge is said in words and leaves nothing', async () => {
    const fake = await paneBook();
    fake.sheet('Projects').merges.push('A7:C7');
    const before = contents(fake);
    const old = { ...ALL, mergedAreas: false };
    const thrown = await addProject(gamma, { run: fake.run, capabilities: old }).catch(
      (e: unknown) => e,
    );
    expect(hostProblem(thrown).message).toBe(
      'A table cannot grow over merged cells: unmerge the cells just below it (Home > Merge & Center), then try again.',
    );
    // The registry grows first in the batch, so Excel's refusal comes before the sheet is added.
    expect(fake.sheets.some((s) => s.name === 'Gamma')).toBe(false);
    expect(contents(fake)).toBe(before);
  });

  it('L16 without ExcelApi 1.13 nor Table.resize, rows.add over merges leaves nothing either', async () => {
    const fake = await paneBook();
    fake.sheet('Projects').merges.push('A7:C7');
    const before = contents(fake);
    const oldest = { ...ALL, mergedAreas: false, tableResize: false };
    const thrown = await addProject(gamma, { run: fake.run, capabilities: oldest }).catch(
      (e: unknown) => e,
    );
    expect(thrown).toMatchObject({ code: 'MergedRangeConflict' });
    expect(contents(fake)).toBe(before);
  });
});

describe('the fake host refuses writes as Excel does', () => {
  it('L09 a write to a protected sheet fails with AccessDenied and writes nothing', async () => {
    const fake = await paneBook();
    fake.sheet('Alpha').protected = true;
    const before = contents(fake);
    const write = fake.run(async (context) => {
      context.workbook.worksheets.getItem('Alpha').getRange('B5').values = [['x']];
      await context.sync();
    });
    await expect(write).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(contents(fake)).toBe(before);
    expect(hostProblem(await write.catch((e: unknown) => e)).message).toMatch(/protected/);
  });

  it('L10 a sheet added to a workbook whose structure is protected fails with AccessDenied', async () => {
    const fake = await paneBook();
    fake.structureProtected = true;
    const add = fake.run(async (context) => {
      context.workbook.worksheets.add('New');
      await context.sync();
    });
    await expect(add).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(fake.sheets.some((s) => s.name === 'New')).toBe(false);
  });

  it('L11 protection is read with the rest of the state, in no sync of its own', async () => {
    const fake = await paneBook();
    fake.sheet('Settings').protected = true;
    fake.structureProtected = true;
    const messages = await check(fake);
    expect(messages).toContainEqual(expect.stringMatching(/^warning: The workbook: its structure/));
    expect(messages).toContainEqual(
      expect.stringMatching(/^warning: The sheet "Settings": it is protected/),
    );
    expect(fake.syncCount).toBe(CHECK_SYNCS);
  });
});

describe('hostile pane: Settings edits', () => {
  it('L12 saving settings into a protected Settings sheet is refused with its sentence', async () => {
    const fake = await paneBook();
    fake.sheet('Settings').protected = true;
    const before = contents(fake);
    const settings = PlanFile.parse({}).settings;
    const saved = await saveSettings(settings, { run: fake.run, capabilities: ALL });
    expect(saved.ok ? [] : saved.problems.map((p) => p.message)).toEqual([
      'The sheet "Settings": it is protected, so implan cannot write to it; unprotect it with Review > Unprotect Sheet, then try again. Nothing was changed.',
    ]);
    expect(contents(fake)).toBe(before);
    expect(fake.syncCount).toBe(1);
  });
});
