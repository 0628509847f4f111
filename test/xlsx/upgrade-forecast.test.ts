/**
 * Upgrading a version 2 workbook file to version 3, the forecast: each project's Budget table
 * gains "Forecast to complete" at its right end (decision 0012). The workbook is version 2 set
 * up inside one shaped as Excel saves it, then filled in; the upgrade must keep every value,
 * add only the new column's cells, leave the parts it does not own byte-identical, refuse when
 * the column right of a table holds something, and give a workbook that consolidates with live
 * estimates at completion.
 */
import { demoPlan } from '../../src/domain/demo';
import { BUDGET_COLUMNS } from '../../src/domain/template/columns';
import { PROJECT_LAYOUT } from '../../src/domain/template/project-sheet';
import { TEMPLATE_VERSION } from '../../src/domain/template/version';
import { readSheetCells, writeCells } from '../../src/xlsx/ooxml/cells';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { findTable, listSheets } from '../../src/xlsx/ooxml/workbook';
import { upgradeWorkbook } from '../../src/xlsx/upgrade-file';
import {
  changeWorkbook,
  consolidateWorkbook,
  readWorkbookState,
} from '../../src/xlsx/workbook-file';
import { excelSavedParts, zipParts } from '../fixtures/excel-like';
import { v2WorkbookPlan } from '../fixtures/template-v2';
import { parts } from '../support/package-parts';
import { computedValues, requireLibreOffice } from '../support/libreoffice';

const DEMO = demoPlan();
const FORECAST = 'Forecast to complete';
/** Where the Budget table ended at version 2: "Funding source", column X. */
const V2_LAST = PROJECT_LAYOUT.budgetColumn + BUDGET_COLUMNS.length - 2;

async function sheetPath(pkg: XlsxPackage, name: string): Promise<string> {
  return (await listSheets(pkg)).find((s) => s.name === name)!.path;
}

/** A version 2 plan in an Excel-saved workbook, with an actual typed in afterwards. */
async function filledV2Workbook(): Promise<Buffer> {
  const bytes = await changeWorkbook(await zipParts(excelSavedParts()), v2WorkbookPlan(DEMO));
  const pkg = await XlsxPackage.load(bytes);
  const path = await sheetPath(pkg, 'Alpha Rollout');
  await writeCells(pkg, path, 8, PROJECT_LAYOUT.budgetColumn + 4, [[17250]], () => undefined);
  return await pkg.save();
}

async function upgraded(bytes: Buffer): Promise<Buffer> {
  const { result, bytes: out } = await upgradeWorkbook(bytes, { dryRun: false });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
  if (!out) throw new Error('the upgrade wrote nothing');
  return out;
}

async function cellsOf(bytes: Uint8Array) {
  const pkg = await XlsxPackage.load(bytes);
  const out = new Map<string, unknown>();
  for (const sheet of await listSheets(pkg))
    for (const c of await readSheetCells(pkg, sheet.path))
      out.set(`${sheet.name}!${c.address}`, c.formula ? c.formula : c.value);
  return out;
}

describe('upgrading a version 2 workbook file to the forecast', () => {
  it('adds the Budget column to every project, keeping every value', async () => {
    const v2 = await filledV2Workbook();
    expect((await readWorkbookState(v2)).templateVersion).toBe(2);
    const out = await upgraded(v2);
    expect((await readWorkbookState(out)).templateVersion).toBe(TEMPLATE_VERSION);
    const [before, after] = [await cellsOf(v2), await cellsOf(out)];
    for (const [cell, value] of before) expect([cell, after.get(cell)]).toEqual([cell, value]);
    const added = [...after.keys()].filter((c) => !before.has(c));
    const pkg = await XlsxPackage.load(out);
    for (const p of DEMO.projects) {
      const table = (await findTable(pkg, `Budget_${p.code}`))!;
      expect(table.columns.at(-1)).toBe(FORECAST);
      expect(table.ref).toBe(`R4:Y${4 + p.budget.length}`);
      expect(after.get(`${p.name}!Y4`)).toBe(FORECAST);
      const column = Array.from({ length: p.budget.length + 2 }, (_, i) => `${p.name}!Y${3 + i}`);
      expect(added.filter((c) => c.startsWith(`${p.name}!`)).sort()).toEqual(column.sort());
      const xml = await pkg.text(table.sheet.path);
      expect(xml).toMatch(new RegExp(`<dataValidation[^>]*sqref="Y5:Y${4 + p.budget.length}"`));
      expect(xml).toMatch(/<col min="25" max="25" width="20" customWidth="1"\/>/);
    }
    expect(V2_LAST).toBe(23);
  });

  it('leaves the other parts byte-identical and changes nothing the second time', async () => {
    const v2 = await filledV2Workbook();
    const out = await upgraded(v2);
    const pkg = await XlsxPackage.load(v2);
    const own = new Set([
      'xl/workbook.xml',
      'xl/styles.xml',
      // The calc chain is a cache Excel rebuilds; a rewritten sheet drops it (0001, calc-chain.ts).
      'xl/calcChain.xml',
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      // Version 3 also adds the baseline row to Settings (decision 0010).
      await sheetPath(pkg, 'Settings'),
      ...(await Promise.all(DEMO.projects.map((p) => sheetPath(pkg, p.name)))),
      ...(await Promise.all(DEMO.projects.map((p) => findTable(pkg, `Budget_${p.code}`)))).map(
        (t) => t!.path,
      ),
    ]);
    const [old, now] = [await parts(v2), await parts(out)];
    for (const [path, text] of old)
      if (!own.has(path)) expect([path, now.get(path) === text]).toEqual([path, true]);
    const again = await upgradeWorkbook(out, { dryRun: false });
    expect([again.result.ok, again.bytes]).toEqual([true, undefined]);
  });

  it('refuses when something stands right of a Budget table, naming the cells', async () => {
    const pkg = await XlsxPackage.load(await filledV2Workbook());
    const path = await sheetPath(pkg, 'Alpha Rollout');
    await writeCells(pkg, path, 6, V2_LAST + 1, [['see note']], () => undefined);
    const { result, bytes } = await upgradeWorkbook(await pkg.save(), { dryRun: false });
    expect(bytes).toBeUndefined();
    expect(!result.ok && result.problems.map((p) => [p.sheet, p.cell, p.message])).toEqual([
      [
        'Alpha Rollout',
        'Y4:Y10',
        'The sheet Alpha Rollout: Y4:Y10 holds "see note", where the upgrade adds the Budget column "Forecast to complete"; move what is there to other cells, then upgrade again.',
      ],
    ]);
  });

  it('consolidates afterwards, with forecasts typed into the new column', async () => {
    requireLibreOffice();
    const pkg = await XlsxPackage.load(await upgraded(await filledV2Workbook()));
    await writeCells(
      pkg,
      await sheetPath(pkg, 'Alpha Rollout'),
      4,
      24,
      [[1000], [2500.5]],
      () => undefined,
    );
    const { bytes, result } = await consolidateWorkbook(await pkg.save(), {
      builtAt: '2 Dec 2026 07:00 UTC',
    });
    if (!bytes) throw new Error(JSON.stringify(result));
    const book = await computedValues(bytes);
    const alpha = DEMO.projects[0]!.budget;
    const actual = alpha.reduce((n, b, i) => n + (i === 4 ? 17250 : (b.actual ?? 0)), 0);
    const row = book
      .cells('Joint Budget')
      .find(([ref, v]) => ref.startsWith('A') && v === 'Estimate at completion');
    const eac = book.value('Joint Budget', `E${Number(row![0].slice(1)) + 1}`);
    expect(eac).toBeCloseTo(actual + 1000 + 2500.5, 9);
  });
});
