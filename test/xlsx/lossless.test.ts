/**
 * Writing into a workbook people made loses nothing: after setting up a plan in an Excel-made
 * workbook and adding a project, every part implan did not mean to change is byte-identical,
 * and the shared parts it edits still hold every original element.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parts } from '../support/package-parts';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { addProjectPlan, newWorkbookPlan } from '../../src/domain/template/workbook';
import { changeWorkbook, readWorkbookState } from '../../src/xlsx/workbook-file';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { elements } from '../../src/xlsx/ooxml/xml-text';
import { excelLikeParts, excelLikeWorkbook, zipParts } from '../fixtures/excel-like';
import { computedValues, requireLibreOffice } from '../support/libreoffice';
import { cli, tempFolder } from '../cli/run-cli';

const SHARED_PARTS = [
  '[Content_Types].xml',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
];

async function setUp(): Promise<Buffer> {
  return await changeWorkbook(await excelLikeWorkbook(), newWorkbookPlan(PlanFile.parse({})));
}

async function addProject(bytes: Buffer, name: string): Promise<Buffer> {
  const r = addProjectPlan(await readWorkbookState(bytes), { name, manager: 'Dana' });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return await changeWorkbook(bytes, r.value.plan);
}

function expectOnlyInsertions(before: string, after: string, part: string) {
  // Every element the user's part held is still there, verbatim.
  for (const name of [
    'sheet',
    'definedName',
    'Override',
    'Default',
    'Relationship',
    'xf',
    'font',
    'fill',
    'border',
    'numFmt',
    'dxf',
    'cellStyle',
    'ext',
  ])
    for (const e of elements(before, name))
      expect([part, after.includes(e.text)]).toEqual([part, true]);
  // ...and in the same places: implan appends, so every index the user's cells use still holds.
  for (const [collection, child] of [
    ['cellXfs', 'xf'],
    ['fonts', 'font'],
    ['fills', 'fill'],
    ['borders', 'border'],
    ['dxfs', 'dxf'],
    ['sheets', 'sheet'],
  ] as const) {
    const inner = (xml: string) =>
      new RegExp(`<${collection}[^>]*>([\\s\\S]*?)</${collection}>`).exec(xml)?.[1] ?? '';
    const was = elements(inner(before), child).map((e) => e.text);
    expect([
      part,
      collection,
      elements(inner(after), child)
        .map((e) => e.text)
        .slice(0, was.length),
    ]).toEqual([part, collection, was]);
  }
}

const { file } = tempFolder('implan-lossless-');

describe('writing into an Excel-made workbook', () => {
  it('implan init on it keeps every part it does not own and adds the same plan as set-up', async () => {
    const original = await excelLikeWorkbook();
    await writeFile(file('team.xlsx'), original);
    expect((await cli('init', file('team.xlsx'))).code).toBe(0);
    const [p0, p1, p2] = await Promise.all(
      [original, await readFile(file('team.xlsx')), await setUp()].map(parts),
    );
    for (const [path, text] of p0!) {
      if (SHARED_PARTS.includes(path)) continue;
      expect([path, p1!.get(path) === text]).toEqual([path, true]);
    }
    for (const path of SHARED_PARTS) expectOnlyInsertions(p0!.get(path)!, p1!.get(path)!, path);
    expect([...p1!.keys()].sort()).toEqual([...p2!.keys()].sort());
    for (const [path, text] of p2!) expect([path, p1!.get(path) === text]).toEqual([path, true]);
  });

  it('leaves every part it does not own byte-identical, through set-up and two add-projects', async () => {
    const original = await excelLikeWorkbook();
    const set = await setUp();
    const one = await addProject(set, 'Alpha Rollout');
    const two = await addProject(one, "Ørsted's Façade");
    const [p0, p1, p2, p3] = await Promise.all([original, set, one, two].map(parts));
    for (const [path, text] of p0!) {
      if (SHARED_PARTS.includes(path)) continue;
      expect([path, p3!.get(path) === text]).toEqual([path, true]);
    }
    for (const path of SHARED_PARTS) expectOnlyInsertions(p0!.get(path)!, p3!.get(path)!, path);
    // add-project touches only the registry sheet and table besides the shared parts.
    const changed = (a: Map<string, string>, b: Map<string, string>) =>
      [...a]
        .filter(([path, text]) => b.get(path) !== text)
        .map(([path]) => path)
        .sort();
    const registry = (await readWorkbookState(one)).registry;
    expect(registry?.entries.map((e) => e.code)).toEqual(['ALPHA']);
    expect(changed(p1!, p2!).filter((p) => !SHARED_PARTS.includes(p))).toHaveLength(1); // the registry sheet
    expect(changed(p2!, p3!).filter((p) => !SHARED_PARTS.includes(p)).length).toBeLessThanOrEqual(
      2,
    ); // sheet + table ref
  });

  it('keeps sheet-scoped names on their sheets and adds its names at workbook level', async () => {
    const wb = (await parts(await addProject(await setUp(), 'Alpha Rollout'))).get(
      'xl/workbook.xml',
    )!;
    expect(wb).toContain(
      '<definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$C$5</definedName>',
    );
    expect(wb).toContain('<definedName name="LocalRate" localSheetId="1">0.07</definedName>');
    expect(wb).toContain('<definedName name="Settings_Holidays">Holidays[Date]</definedName>');
    const sheets = elements(wb, 'sheet').map((e) => /name="([^"]*)"/.exec(e.text)?.[1]);
    expect(sheets.slice(0, 2)).toEqual(['Data', 'Lists']);
  });

  it('writes real calculated columns and selects no extra tab', async () => {
    const p = await parts(await addProject(await setUp(), 'Alpha Rollout'));
    const tables = [...p].filter(([path]) => path.startsWith('xl/tables/')).map(([, t]) => t);
    const tasks = tables.find((t) => t.includes('name="Tasks_ALPHA"'))!;
    expect(tasks).toMatch(
      /<tableColumn id="9" name="Working days"[^>]*><calculatedColumnFormula>IF\(OR\(Tasks_ALPHA\[\[#This Row\],\[Start\]\]=&quot;&quot;/,
    );
    const selected = [...p].filter(
      ([path, t]) => path.startsWith('xl/worksheets/sheet') && t.includes('tabSelected="1"'),
    );
    expect(selected.map(([path]) => path)).toEqual(['xl/worksheets/sheet1.xml']);
  });

  it('refuses clearly and changes nothing when the file is not a workbook it can edit', async () => {
    const strict = excelLikeParts();
    strict['xl/workbook.xml'] = strict['xl/workbook.xml']!.replace(
      'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
      'http://purl.oclc.org/ooxml/spreadsheetml/main',
    );
    await expect(XlsxPackage.load(await zipParts(strict))).rejects.toThrow('Strict Open XML');
    const noWorkbook = excelLikeParts();
    delete noWorkbook['xl/workbook.xml'];
    await expect(XlsxPackage.load(await zipParts(noWorkbook))).rejects.toThrow(
      'has no workbook part',
    );
  });

  it('still computes the user formulas and the new project formulas in LibreOffice', async () => {
    requireLibreOffice();
    const book = await computedValues(await addProject(await setUp(), 'Alpha Rollout'));
    expect(book.value('Data', 'C3')).toBeCloseTo(50, 6); // calculated column with a constant name
    expect(book.value('Data', 'B4')).toBe(100); // OFFSET(Data!$A$1,1,1)
    expect(book.value('Alpha Rollout', 'B16')).toBe(0); // planned total of an empty project
    expect(book.value('Projects', 'A5')).toBe('ALPHA');
  });
});
