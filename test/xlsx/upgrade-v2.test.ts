/**
 * Upgrading a version 2 workbook file (review freshness, before baselines): the baselines
 * change of version 3 adds the Settings row "Compare with baseline" and its name, keeps every
 * cell people typed, and refuses to write over a note typed where the row goes.
 */
import { demoPlan } from '../../src/domain/demo';
import { readSheetCells, writeCells } from '../../src/xlsx/ooxml/cells';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { listSheets, listDefinedNames } from '../../src/xlsx/ooxml/workbook';
import { upgradeWorkbook } from '../../src/xlsx/upgrade-file';
import { changeWorkbook, readWorkbookState } from '../../src/xlsx/workbook-file';
import { excelSavedParts, zipParts } from '../fixtures/excel-like';
import { v2WorkbookPlan } from '../fixtures/template-v2';
import { strictCheckBytes } from '../support/strict-check';

async function v2Workbook(): Promise<Buffer> {
  return await changeWorkbook(await zipParts(excelSavedParts()), v2WorkbookPlan(demoPlan()));
}

async function settingsCells(bytes: Uint8Array) {
  const pkg = await XlsxPackage.load(bytes);
  const sheet = (await listSheets(pkg)).find((s) => s.name === 'Settings')!;
  return new Map((await readSheetCells(pkg, sheet.path)).map((c) => [c.address, c.value]));
}

describe('upgrading a version 2 workbook file to baselines', () => {
  it('adds "Compare with baseline" in A7:B7 and Settings_Baseline, keeping every cell', async () => {
    const v2 = await v2Workbook();
    expect((await readWorkbookState(v2)).templateVersion).toBe(2);
    const { result, bytes } = await upgradeWorkbook(v2, { dryRun: false });
    expect(result.ok && result.value.report.settings).toEqual(
      expect.arrayContaining([
        '"Compare with baseline" (empty: none) in B7 and the name Settings_Baseline',
      ]),
    );
    const before = await settingsCells(v2);
    const after = await settingsCells(bytes!);
    for (const [cell, value] of before) expect([cell, after.get(cell)]).toEqual([cell, value]);
    expect(after.get('A7')).toBe('Compare with baseline');
    const names = await listDefinedNames(await XlsxPackage.load(bytes!));
    expect(names.find((n) => n.name === 'Settings_Baseline')?.refersTo).toBe("'Settings'!$B$7");
    const state = await readWorkbookState(bytes!);
    expect(state.settings?.compareBaseline).toBe('');
    const { code, report } = strictCheckBytes(new Map([['upgraded-v2', bytes!]]));
    expect([code, code === 0 ? '' : report]).toEqual([0, '']);
    expect((await upgradeWorkbook(bytes!, { dryRun: false })).bytes).toBeUndefined();
  });

  it('refuses to write over a note typed in A7, naming the sheet and cells', async () => {
    const pkg = await XlsxPackage.load(await v2Workbook());
    const sheet = (await listSheets(pkg)).find((s) => s.name === 'Settings')!;
    await writeCells(pkg, sheet.path, 6, 0, [['our own note']], () => undefined);
    const { result, bytes } = await upgradeWorkbook(await pkg.save(), { dryRun: false });
    expect(bytes).toBeUndefined();
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual([
      'The sheet Settings: A7:B7 holds "our own note", where the upgrade puts "Compare with baseline"; move what is there to other cells, then upgrade again.',
    ]);
  });
});
