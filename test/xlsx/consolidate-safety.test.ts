/**
 * Consolidating a file changes nothing it does not own: project sheets, Settings, the registry
 * and other people's parts come out byte-identical; a second run rebuilds the same joint sheets
 * in place; a joint sheet someone typed into is only replaced when the user says so; and a plan
 * with errors is refused without writing.
 */
import { parts } from '../support/package-parts';
import { demoPlan } from '../../src/domain/demo';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { addProjectPlan, newWorkbookPlan } from '../../src/domain/template/workbook';
import { writeCells } from '../../src/xlsx/ooxml/cells';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { bodyRange, findTable, listSheets } from '../../src/xlsx/ooxml/workbook';
import {
  changeWorkbook,
  consolidateWorkbook,
  newWorkbook,
  readWorkbookState,
} from '../../src/xlsx/workbook-file';
import { excelLikeWorkbook } from '../fixtures/excel-like';
import { JOINT_SHEET_NAMES as JOINT, lastSheets } from '../support/joint-sheets';

const BUILT = '1 Dec 2026 09:00 UTC';
const SHARED = [
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
];

async function sheetPaths(bytes: Uint8Array): Promise<Map<string, string>> {
  return new Map((await listSheets(await XlsxPackage.load(bytes))).map((s) => [s.name, s.path]));
}

async function consolidate(bytes: Buffer, replaceEdited = false) {
  return await consolidateWorkbook(bytes, { builtAt: BUILT, replaceEdited });
}

async function excelLikePlan(): Promise<Buffer> {
  let bytes = await changeWorkbook(await excelLikeWorkbook(), newWorkbookPlan(PlanFile.parse({})));
  for (const name of ['Alpha Rollout', "Ørsted's Façade"]) {
    const r = addProjectPlan(await readWorkbookState(bytes), { name, manager: 'Dana' });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    bytes = await changeWorkbook(bytes, r.value.plan);
  }
  return bytes;
}

describe('consolidate: safety', () => {
  it('leaves every part it does not own byte-identical, empty projects included', async () => {
    const before = await excelLikePlan();
    const { result, bytes } = await consolidate(before);
    expect(result.kind).toBe('ready');
    if (result.kind === 'ready')
      expect(result.warnings.map((w) => w.code)).toEqual(['project.empty', 'project.empty']);
    const [p0, p1] = await Promise.all([parts(before), parts(bytes!)]);
    for (const [path, text] of p0) {
      if (SHARED.includes(path)) continue;
      expect([path, p1.get(path) === text]).toEqual([path, true]);
    }
    const sheets = await sheetPaths(bytes!);
    expect(lastSheets([...sheets.keys()])).toEqual(JOINT);
  });

  it('rebuilds the same joint sheets in place when run twice, without asking', async () => {
    const first = (await consolidate(await newWorkbook(newWorkbookPlan(demoPlan())))).bytes!;
    const second = await consolidate(first);
    expect(second.result.kind).toBe('ready');
    const [a, b] = await Promise.all([parts(first), parts(second.bytes!)]);
    const paths = await sheetPaths(first);
    expect(await sheetPaths(second.bytes!)).toEqual(paths);
    for (const sheet of JOINT) {
      const path = paths.get(sheet)!;
      expect([sheet, b.get(path) === a.get(path)]).toEqual([sheet, true]);
    }
    for (const [path, text] of a)
      if (!SHARED.includes(path)) expect([path, b.get(path) === text]).toEqual([path, true]);
    const names = (xml: string) => xml.match(/<definedName\b[\s\S]*?<\/definedName>/g);
    expect(names(b.get('xl/workbook.xml')!)).toEqual(names(a.get('xl/workbook.xml')!));
  });

  it('asks before replacing a joint sheet someone typed into, and replaces it when told to', async () => {
    const built = (await consolidate(await newWorkbook(newWorkbookPlan(demoPlan())))).bytes!;
    const pkg = await XlsxPackage.load(built);
    const path = (await sheetPaths(built)).get('Joint Budget')!;
    await writeCells(pkg, path, 60, 0, [['Note to self: ask Dana about travel']], () => undefined);
    const typed = await pkg.save();
    const asked = await consolidate(typed);
    expect(asked.result.kind).toBe('confirm');
    if (asked.result.kind === 'confirm') expect(asked.result.edited).toEqual(['Joint Budget']);
    expect(asked.bytes).toBeUndefined();
    const replaced = await consolidate(typed, true);
    expect(replaced.result.kind).toBe('ready');
    expect((await parts(replaced.bytes!)).get(path)).not.toContain('Note to self');
  });

  it('refuses a plan with errors, lists them, and writes nothing', async () => {
    const bytes = await newWorkbook(newWorkbookPlan(demoPlan()));
    const pkg = await XlsxPackage.load(bytes);
    const t = (await findTable(pkg, 'Budget_ALPHA'))!;
    const body = bodyRange(t);
    await writeCells(
      pkg,
      t.sheet.path,
      body.top,
      body.left + t.columns.indexOf('Planned'),
      [['12,000 EUR']],
      () => undefined,
    );
    const { result, bytes: out } = await consolidate(await pkg.save());
    expect(result.kind).toBe('blocked');
    expect(out).toBeUndefined();
    if (result.kind === 'blocked')
      expect(result.diagnostics.map((d) => [d.code, d.sheet, d.cell])).toContainEqual([
        'type.text-in-number',
        'Alpha Rollout',
        `${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[body.left + t.columns.indexOf('Planned')]}${body.top + 1}`,
      ]);
  });
});
