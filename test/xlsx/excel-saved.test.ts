/**
 * Files Excel opens without repair, starting from a workbook saved the way Excel and other
 * producers save it: capitalised part names, a calc chain, a styles part with neither cell
 * styles nor differential formats. Each step's output must pass the strict file check (which
 * LibreOffice, far more lenient, would not tell us), and the three defects it was written for
 * each have their own assertion:
 * - a calc chain naming cells that no longer hold formulas ("Removed Records: Formula from
 *   /xl/calcChain.xml part");
 * - a new part whose name equals an existing one but for case (OPC compares names ignoring
 *   case, so `sheet1.xml` beside `Sheet1.xml` is one name twice);
 * - collections created in styles.xml out of the schema's order (`dxfs` before `numFmts`).
 */
import { PlanFile } from '../../src/domain/schema/plan-file';
import { addProjectPlan, newWorkbookPlan } from '../../src/domain/template/workbook';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { findTable, listSheets, bodyRange } from '../../src/xlsx/ooxml/workbook';
import { writeCells } from '../../src/xlsx/ooxml/cells';
import {
  changeWorkbook,
  consolidateWorkbook,
  readWorkbookState,
} from '../../src/xlsx/workbook-file';
import { parts } from '../support/package-parts';
import { strictCheckBytes } from '../support/strict-check';
import { calcChainXml, excelSavedParts, setCalcChain, zipParts } from '../fixtures/excel-like';

const BUILT = '1 Dec 2026 09:00 UTC';
const STYLE_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'];

function expectStrictlyValid(name: string, bytes: Uint8Array): void {
  const { code, report } = strictCheckBytes(new Map([[name, bytes]]));
  expect([name, code, code === 0 ? '' : report]).toEqual([name, 0, '']);
}

async function addProject(bytes: Buffer, name: string): Promise<Buffer> {
  const r = addProjectPlan(await readWorkbookState(bytes), { name, manager: 'Dana' });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return await changeWorkbook(bytes, r.value.plan);
}

async function consolidate(bytes: Buffer): Promise<Buffer> {
  const { result, bytes: out } = await consolidateWorkbook(bytes, { builtAt: BUILT });
  if (!out) throw new Error(`consolidation did not write: ${result.kind}`);
  return out;
}

/** Every formula cell of every sheet, as Excel lists them in the calc chain when it saves. */
async function formulaCells(bytes: Buffer): Promise<{ sheetId: number; ref: string }[]> {
  const pkg = await XlsxPackage.load(bytes);
  const cells: { sheetId: number; ref: string }[] = [];
  for (const sheet of await listSheets(pkg))
    for (const m of (await pkg.text(sheet.path)).matchAll(/<c r="([A-Z]+\d+)"[^>]*>(?:<f\b)/g))
      cells.push({ sheetId: sheet.sheetId, ref: m[1]! });
  return cells;
}

/** The workbook as Excel would save it after opening: its calc chain names every formula. */
async function savedByExcel(bytes: Buffer): Promise<Buffer> {
  const all = Object.fromEntries(await parts(bytes));
  setCalcChain(all, calcChainXml(await formulaCells(bytes)));
  return await zipParts(all);
}

async function excludeProject(bytes: Buffer, code: string): Promise<Buffer> {
  const pkg = await XlsxPackage.load(bytes);
  const registry = (await findTable(pkg, 'Projects'))!;
  const body = bodyRange(registry);
  const row = (await formulaRows(bytes)).indexOf(code);
  await writeCells(
    pkg,
    registry.sheet.path,
    body.top + row,
    body.left + registry.columns.indexOf('Included'),
    [['No']],
    () => undefined,
  );
  return await pkg.save();
}

async function formulaRows(bytes: Buffer): Promise<string[]> {
  return (await readWorkbookState(bytes)).registry!.entries.map((e) => e.code);
}

async function build(): Promise<Buffer> {
  const original = await zipParts(excelSavedParts());
  expectStrictlyValid('as saved', original);
  let bytes = await changeWorkbook(original, newWorkbookPlan(PlanFile.parse({})));
  expectStrictlyValid('set up', bytes);
  for (const name of ['Alpha Rollout', "Ørsted's Façade"]) {
    bytes = await addProject(bytes, name);
    expectStrictlyValid(`added ${name}`, bytes);
  }
  return bytes;
}

describe('a workbook saved as Excel saves it', () => {
  it('passes the strict check after set-up, two add-projects and two consolidations', async () => {
    const planned = await build();
    const first = await consolidate(await savedByExcel(planned));
    expectStrictlyValid('consolidated', first);
    // Saved by Excel again, then one project leaves: the joint sheets lose rows of formulas.
    const resaved = await excludeProject(await savedByExcel(first), 'ORSTED');
    const second = await consolidate(resaved);
    expectStrictlyValid('consolidated again', second);
  });

  it('drops a calc chain that would name cells whose formulas it replaced', async () => {
    const first = await consolidate(await savedByExcel(await build()));
    const second = await consolidate(await excludeProject(await savedByExcel(first), 'ORSTED'));
    const after = await parts(second);
    expect(after.has('xl/calcChain.xml')).toBe(false);
    expect(after.get('[Content_Types].xml')).not.toContain('calcChain');
    expect(after.get('xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
  });

  it('names new parts so that none equals an existing one but for case', async () => {
    const names = [...(await parts(await build())).keys()];
    const lower = names.map((n) => n.toLowerCase());
    expect(lower.filter((n, i) => lower.indexOf(n) !== i)).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['xl/worksheets/Sheet1.xml']));
  });

  it('creates styles collections in the order the schema gives them', async () => {
    const styles = (await parts(await build())).get('xl/styles.xml')!;
    const order = ['dxfs', ...STYLE_ORDER, 'cellStyles', 'tableStyles']
      .map((name) => ({ name, at: styles.search(new RegExp(`<${name}[\\s>/]`)) }))
      .filter((c) => c.at >= 0)
      .sort((a, b) => a.at - b.at)
      .map((c) => c.name);
    const schema = [...STYLE_ORDER, 'cellStyles', 'dxfs', 'tableStyles'];
    expect(order).toEqual(schema.filter((n) => order.includes(n)));
  });
});
