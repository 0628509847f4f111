/**
 * Upgrading a version 1 workbook file: one implan version 1 set up inside a workbook saved the
 * way Excel saves it, filled in by people, then saved by Excel again (shared strings, calc
 * chain). The upgrade must keep every value, leave every part it does not own byte-identical,
 * write only into the cells version 2 added, and be a no-op the second time.
 */
import { demoPlan } from '../../src/domain/demo';
import { isoToSerial } from '../../src/domain/dates';
import { TEMPLATE_VERSION } from '../../src/domain/template/version';
import { readSheetCells, writeCells } from '../../src/xlsx/ooxml/cells';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { findTable, listSheets, setDefinedNames } from '../../src/xlsx/ooxml/workbook';
import { upgradeWorkbook } from '../../src/xlsx/upgrade-file';
import { changeWorkbook, readWorkbookState } from '../../src/xlsx/workbook-file';
import { excelSavedParts, zipParts } from '../fixtures/excel-like';
import { v1WorkbookPlan } from '../fixtures/template-v1';
import { parts } from '../support/package-parts';
import { strictCheckBytes } from '../support/strict-check';

const PROJECT_SHEETS = demoPlan().projects.map((p) => p.sheet ?? p.name);
/** Version 3's Budget column (Y), from the section title row to the table's last row. */
const FORECAST_CELLS = demoPlan().projects.flatMap((p) =>
  Array.from({ length: p.budget.length + 2 }, (_, i) => `${p.sheet ?? p.name}!Y${3 + i}`),
);

/** Cells people typed after the set-up: a task's name, a review date, a note of their own. */
async function typeInto(bytes: Buffer): Promise<Buffer> {
  const pkg = await XlsxPackage.load(bytes);
  const sheets = await listSheets(pkg);
  const path = (name: string) => sheets.find((s) => s.name === name)!.path;
  const first = PROJECT_SHEETS[0]!;
  await writeCells(pkg, path(first), 4, 5, [['Kick-off, as renamed by Dana']], () => undefined);
  await writeCells(pkg, path(first), 13, 1, [[isoToSerial('2026-11-20')]], () => undefined);
  await writeCells(pkg, path('Data'), 9, 0, [['a note of our own']], () => undefined);
  return await pkg.save();
}

/** A version 1 plan in an Excel-saved workbook, filled in and saved again. */
export async function filledV1Workbook(): Promise<Buffer> {
  const original = await zipParts(excelSavedParts());
  return await typeInto(await changeWorkbook(original, v1WorkbookPlan(demoPlan())));
}

async function allCells(bytes: Uint8Array) {
  const pkg = await XlsxPackage.load(bytes);
  const out = new Map<string, unknown>();
  for (const sheet of await listSheets(pkg))
    for (const c of await readSheetCells(pkg, sheet.path))
      out.set(`${sheet.name}!${c.address}`, c.formula ? 'formula' : c.value);
  return out;
}

async function upgraded(bytes: Buffer): Promise<Buffer> {
  const { result, bytes: out } = await upgradeWorkbook(bytes, { dryRun: false });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
  if (!out) throw new Error('the upgrade wrote nothing');
  return out;
}

describe('upgrading a version 1 workbook file', () => {
  it('reads as version 1 before and as the current version after', async () => {
    const v1 = await filledV1Workbook();
    expect((await readWorkbookState(v1)).templateVersion).toBe(1);
    expect((await readWorkbookState(await upgraded(v1))).templateVersion).toBe(TEMPLATE_VERSION);
  });

  it('keeps every value and formula and adds only the cells of versions 2 and 3', async () => {
    const v1 = await filledV1Workbook();
    const before = await allCells(v1);
    const after = await allCells(await upgraded(v1));
    for (const [cell, value] of before) expect([cell, after.get(cell)]).toEqual([cell, value]);
    const added = [...after.keys()].filter((c) => !before.has(c)).sort();
    const expected = [
      'Settings!A6',
      'Settings!B6',
      // Version 3, baselines: "Compare with baseline" (its value starts empty).
      'Settings!A7',
      'Settings!B7',
      ...PROJECT_SHEETS.flatMap((s) => [`${s}!A21`, `${s}!B21`]),
      ...FORECAST_CELLS,
    ].sort();
    expect(added).toEqual(expected);
    expect(after.get('Settings!B6')).toBe(30);
  });

  it('leaves every part it does not own byte-identical and passes the strict check', async () => {
    const v1 = await filledV1Workbook();
    const out = await upgraded(v1);
    const [old, now] = [await parts(v1), await parts(out)];
    const pkg = await XlsxPackage.load(v1);
    const edited = new Set([
      'xl/workbook.xml',
      'xl/styles.xml',
      ...(await listSheets(pkg))
        .filter((s) => s.name === 'Settings' || PROJECT_SHEETS.includes(s.name))
        .map((s) => s.path),
      // The calc chain is a cache Excel rebuilds; a rewritten sheet drops it (0001, calc-chain.ts).
      'xl/calcChain.xml',
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      // Version 3 adds a column to each project's Budget table.
      ...(
        await Promise.all(demoPlan().projects.map((p) => findTable(pkg, `Budget_${p.code}`)))
      ).map((t) => t!.path),
    ]);
    for (const [path, text] of old)
      if (!edited.has(path)) expect([path, now.get(path) === text]).toEqual([path, true]);
    expect([...now.keys()].filter((p) => !old.has(p))).toEqual([]);
    const { code, report } = strictCheckBytes(new Map([['upgraded', out]]));
    expect([code, code === 0 ? '' : report]).toEqual([0, '']);
  });

  it('changes nothing the second time, and a dry run writes nothing', async () => {
    const once = await upgraded(await filledV1Workbook());
    const again = await upgradeWorkbook(once, { dryRun: false });
    expect(again.bytes).toBeUndefined();
    expect(again.result.ok && again.result.value.report.settings).toEqual([]);
    const dry = await upgradeWorkbook(await filledV1Workbook(), { dryRun: true });
    expect(dry.bytes).toBeUndefined();
    expect(dry.result.ok && dry.result.value.report.projects.map((p) => p.changes.length)).toEqual(
      PROJECT_SHEETS.map(() => 2),
    );
  });

  it('refuses to write over what someone typed where the new row goes', async () => {
    const pkg = await XlsxPackage.load(await filledV1Workbook());
    const sheet = (await listSheets(pkg)).find((s) => s.name === PROJECT_SHEETS[1])!;
    await writeCells(pkg, sheet.path, 20, 0, [['Approved by the board']], () => undefined);
    const { result, bytes } = await upgradeWorkbook(await pkg.save(), { dryRun: false });
    expect(bytes).toBeUndefined();
    expect(!result.ok && result.problems.map((p) => [p.sheet, p.cell, p.message])).toEqual([
      [
        PROJECT_SHEETS[1],
        'A21:B21',
        `The sheet ${PROJECT_SHEETS[1]}: A21:B21 holds "Approved by the board", where the upgrade puts "Review"; move what is there to other cells, then upgrade again.`,
      ],
    ]);
  });

  it('refuses a workbook made by a newer implan', async () => {
    const pkg = await XlsxPackage.load(await upgraded(await filledV1Workbook()));
    const newer = TEMPLATE_VERSION + 1;
    await setDefinedNames(pkg, [{ name: 'Implan_TemplateVersion', refersTo: String(newer) }]);
    const { result } = await upgradeWorkbook(await pkg.save(), { dryRun: false });
    expect(!result.ok && result.problems[0]?.message).toBe(
      `This workbook was made by a newer implan (template version ${newer}; this implan knows up to ${TEMPLATE_VERSION}): update implan before changing it.`,
    );
  });
});
