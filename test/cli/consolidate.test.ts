import { promises as fs } from 'node:fs';
import { writeCells } from '../../src/xlsx/ooxml/cells';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { listSheets } from '../../src/xlsx/ooxml/workbook';
import { cli, tempFolder } from './run-cli';
import { JOINT_SHEET_NAMES, lastSheets } from '../support/joint-sheets';

const { file } = tempFolder('implan-consolidate-');

async function type(
  book: string,
  sheet: string,
  at: [number, number],
  value: string,
): Promise<void> {
  const pkg = await XlsxPackage.load(await fs.readFile(book));
  const part = (await listSheets(pkg)).find((s) => s.name === sheet)!.path;
  await writeCells(pkg, part, at[0], at[1], [[value]], () => undefined);
  await fs.writeFile(book, await pkg.save());
}

const sheetsOf = async (book: string) =>
  (await listSheets(await XlsxPackage.load(await fs.readFile(book)))).map((s) => s.name);

describe('implan consolidate', () => {
  it('writes the joint sheets in place and keeps the previous file as .bak', async () => {
    const book = file('demo.xlsx');
    await cli('demo', '-o', book);
    const before = await fs.readFile(book);
    const r = await cli('consolidate', book);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(
      /^Consolidated 3 project\(s\), 17 task\(s\), 10 risk\(s\) into .*demo\.xlsx \(the previous version is in .*demo\.xlsx\.bak\)\.$/,
    );
    expect((await fs.readFile(`${book}.bak`)).equals(before)).toBe(true);
    expect(lastSheets(await sheetsOf(book))).toEqual(JOINT_SHEET_NAMES);
  });

  it('implan demo writes the demo consolidated, with the status dashboard last', async () => {
    const book = file('demo.xlsx');
    expect((await cli('demo', '-o', book)).out).toContain(
      'the joint sheets and the status dashboard',
    );
    expect(lastSheets(await sheetsOf(book))).toEqual(JOINT_SHEET_NAMES);
  });

  it('writes to -o and leaves the input untouched', async () => {
    const book = file('demo.xlsx');
    await cli('demo', '-o', book);
    const before = await fs.readFile(book);
    expect((await cli('consolidate', book, '-o', file('out.xlsx'))).code).toBe(0);
    expect((await fs.readFile(book)).equals(before)).toBe(true);
    await expect(fs.access(`${book}.bak`)).rejects.toThrow();
    expect(await sheetsOf(file('out.xlsx'))).toContain('Joint Budget');
  });

  it('exits 1 and writes nothing when the plan has errors', async () => {
    const book = file('demo.xlsx');
    await cli('demo', '-o', book);
    await type(book, 'Alpha Rollout', [4, 20], '12,000 EUR');
    const before = await fs.readFile(book);
    const r = await cli('consolidate', book);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Alpha Rollout');
    expect(r.out).toMatch(/1 error\(s\)/);
    expect(r.err).toContain('Nothing was consolidated');
    expect((await fs.readFile(book)).equals(before)).toBe(true);
  });

  it('exits 1 before replacing a joint sheet someone typed into, until told to', async () => {
    const book = file('demo.xlsx');
    await cli('demo', '-o', book);
    await cli('consolidate', book);
    await type(book, 'Joint Budget', [40, 0], 'my note');
    const r = await cli('consolidate', book);
    expect(r.code).toBe(1);
    expect(r.err).toContain('"Joint Budget"');
    expect(r.err).toContain('--replace-edited');
    expect((await cli('consolidate', book, '--replace-edited')).code).toBe(0);
  });

  it('exits 2 on a file that is not a workbook', async () => {
    await fs.writeFile(file('notes.xlsx'), 'not a zip');
    expect((await cli('consolidate', file('notes.xlsx'))).code).toBe(2);
  });
});
