import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { cli, expectOpens, expectSentences, hostileFolder, snapshot } from './support';
import {
  addName,
  merge,
  planBook,
  protectSheet,
  protectStructure,
  setCell,
  spoil,
  type Parts,
} from './spoil';

/**
 * Workbook structure a user or another program left behind (issue 12, item 4): each found by
 * validate and refused by the commands that would write over it, the file left as it was.
 */

const { dir, file } = hostileFolder();
const cache: { bytes?: Buffer } = {};
const WB = 'xl/workbook.xml';

async function spoiled(edit: (p: Parts) => void): Promise<string> {
  await planBook(file('book.xlsx'), cache);
  await spoil(file('book.xlsx'), edit);
  return file('book.xlsx');
}

/** Alpha's registry line (row 5) names another sheet in its Sheet cell (C5). */
const matching = (m: string | RegExp): unknown =>
  typeof m === 'string' ? expect.stringContaining(m) : expect.stringMatching(m);

/** A user's workbook without a plan: one sheet of their own, and whatever `more` adds. */
async function userBook(path: string, more: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').getCell('A1').value = 5;
  more(wb);
  await fs.writeFile(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

const pointAlphaAt = (sheet: string) => (p: Parts) =>
  p.set(p.sheet('Projects'), setCell(p.get(p.sheet('Projects')), 'C5', sheet));

/** Runs a command that must refuse: its exit code, its sentence, the folder as it was. */
async function refuses(args: string[], exit: number, message: string | RegExp) {
  const before = await snapshot(dir());
  const r = await cli(...args);
  expect({ code: r.code, said: r.err + r.out }).toEqual({
    code: exit,
    said: matching(message),
  });
  expectSentences(r.err);
  expect(await snapshot(dir())).toEqual(before);
}

/** validate reports the problem: exit code and the sentence among its output. */
async function validates(book: string, exit: number, message: string | RegExp) {
  const before = await snapshot(dir());
  const r = await cli('validate', book);
  expect({ code: r.code, out: r.out }).toEqual({
    code: exit,
    out: matching(message),
  });
  expectSentences(r.out);
  expect(await snapshot(dir())).toEqual(before);
}

describe('hostile structure: a registry line pointing at a sheet that is not its project’s', () => {
  it.each([
    ['B01 Settings', 'Settings', /names "Settings", which is implan's own sheet/],
    ['B02 Projects', 'Projects', /names "Projects", which is implan's own sheet/],
    ['B03 How to use', 'How to use', /names "How to use", which is implan's own sheet/],
    ['B04 a joint sheet', 'Joint Budget', /names "Joint Budget", which is implan's own sheet/],
    [
      'B05 another project’s sheet',
      'Beta',
      /table Tasks_ALPHA is on the sheet "Alpha", not on "Beta" that the Projects sheet names/,
    ],
    [
      'B06 a user’s own sheet',
      'Notes',
      /table Tasks_ALPHA is on the sheet "Alpha", not on "Notes" that the Projects sheet names/,
    ],
    [
      'B07 a sheet that does not exist',
      'Gone',
      /sheet "Gone" named on the Projects sheet does not exist/,
    ],
  ])('%s', async (_, sheet, message) => {
    const book = await spoiled(pointAlphaAt(sheet));
    await validates(book, 1, message);
    await refuses(['consolidate', book], 1, message);
  });
});

describe('hostile structure: defined names colliding with what implan makes', () => {
  it('B08 a name equal to a project’s table name', async () => {
    const book = await spoiled((p) => p.set(WB, addName(p.get(WB), 'Tasks_BETA', 'Notes!$A$1')));
    const said = /The name Tasks_BETA: it is also the name of one of implan's tables/;
    await validates(book, 1, said);
    await refuses(['consolidate', book], 1, said);
  });

  it('B09 a name equal to the table a new project would get', async () => {
    const book = await spoiled((p) => p.set(WB, addName(p.get(WB), 'Budget_GAMMA', 'Notes!$A$1')));
    await validates(book, 0, /0 error/);
    await refuses(
      ['add-project', book, '--name', 'Gamma', '--code', 'GAMMA'],
      1,
      'A table or name Budget_GAMMA already exists in this workbook; choose another code for Gamma.',
    );
  });

  it('B10 a user’s name equal to a total Consolidate sets', async () => {
    const book = await spoiled((p) =>
      p.set(WB, addName(p.get(WB), 'Joint_TotalPlanned', 'Notes!$A$1')),
    );
    const said = /The name Joint_TotalPlanned: implan sets and removes names like this one/;
    await validates(book, 1, said);
    await refuses(['consolidate', book], 1, said);
  });

  it('B11 a user’s name in the Joint_ family Remove joint sheets deletes', async () => {
    const book = await spoiled((p) => p.set(WB, addName(p.get(WB), 'Joint_MyTotal', 'Notes!$A$1')));
    await refuses(['consolidate', book], 1, /The name Joint_MyTotal: implan sets and removes/);
  });

  it('B12 a sheet-scoped name shadowing a Settings name on a project sheet', async () => {
    const book = await spoiled((p) =>
      p.set(WB, addName(p.get(WB), 'Settings_Currency', 'Alpha!$B$1', p.index('Alpha'))),
    );
    const said =
      /The name Settings_Currency \(on the sheet "Alpha"\): implan points this name at its Settings sheet/;
    await validates(book, 1, said);
    await refuses(['consolidate', book], 1, said);
  });

  it('B13 init refuses a workbook whose own name is one implan is about to set', async () => {
    await userBook(file('user.xlsx'), (wb) =>
      wb.definedNames.add('Notes!$A$1', 'Settings_Holidays'),
    );
    await refuses(['init', file('user.xlsx')], 1, /The name Settings_Holidays: implan points/);
  });
});

describe('hostile structure: merged cells where a table would grow', () => {
  it('B14 merged cells just below the registry stop add-project', async () => {
    const book = await spoiled((p) =>
      p.set(p.sheet('Projects'), merge(p.get(p.sheet('Projects')), 'A7:C7')),
    );
    await refuses(
      ['add-project', book, '--name', 'Gamma', '--code', 'GAMMA'],
      1,
      'The sheet "Projects" (cells A7:C7): these cells below the table Projects are merged, so the table cannot grow to take the new line; unmerge them (Home > Merge & Center) or move them, then try again. Nothing was changed.',
    );
  });

  it('B15 merged cells beside the registry, not below it, are no obstacle', async () => {
    const book = await spoiled((p) =>
      p.set(p.sheet('Projects'), merge(p.get(p.sheet('Projects')), 'H7:I8')),
    );
    const r = await cli('add-project', book, '--name', 'Gamma', '--code', 'GAMMA');
    expect(r.code).toBe(0);
    await expectOpens(book);
  });
});

describe('hostile structure: protected sheets and workbook structure', () => {
  const protect = (sheet: string) => (p: Parts) =>
    p.set(p.sheet(sheet), protectSheet(p.get(p.sheet(sheet))));

  it('B16 a protected Projects sheet: validate warns, add-project refuses', async () => {
    const book = await spoiled(protect('Projects'));
    await validates(book, 0, /Warning: The sheet "Projects": it is protected/);
    await refuses(
      ['add-project', book, '--name', 'Gamma', '--code', 'GAMMA'],
      1,
      'The sheet "Projects": it is protected, so implan cannot write to it; unprotect it with Review > Unprotect Sheet, then try again. Nothing was changed.',
    );
  });

  it('B17 a protected joint sheet: consolidate refuses to rebuild it', async () => {
    await planBook(file('book.xlsx'), cache);
    expect((await cli('consolidate', file('book.xlsx'))).code).toBe(0);
    await spoil(file('book.xlsx'), protect('Joint Budget'));
    await refuses(
      ['consolidate', file('book.xlsx')],
      1,
      'The sheet "Joint Budget": it is protected, so implan cannot write to it',
    );
  });

  it('B25 cells a user merged inside a joint sheet count as an edit consolidate asks about', async () => {
    await planBook(file('book.xlsx'), cache);
    expect((await cli('consolidate', file('book.xlsx'))).code).toBe(0);
    expect((await cli('consolidate', file('book.xlsx'))).code).toBe(0);
    await spoil(file('book.xlsx'), (p) =>
      p.set(p.sheet('Joint Budget'), merge(p.get(p.sheet('Joint Budget')), 'H2:J3')),
    );
    await refuses(['consolidate', file('book.xlsx')], 1, /"Joint Budget"[\s\S]*--replace-edited/);
    const r = await cli('consolidate', file('book.xlsx'), '--replace-edited');
    expect(r.code).toBe(0);
    await expectOpens(file('book.xlsx'));
  });

  it('B18 a protected workbook structure: add-project and consolidate refuse', async () => {
    const book = await spoiled((p) => p.set(WB, protectStructure(p.get(WB))));
    await validates(book, 0, /Warning: The workbook: its structure is protected/);
    const said = /The workbook: its structure is protected, so implan cannot add the sheet "Gamma"/;
    await refuses(['add-project', book, '--name', 'Gamma', '--code', 'GAMMA'], 1, said);
    await refuses(['consolidate', book], 1, /cannot add the sheet "Joint Schedule"/);
  });

  it('B19 init refuses a workbook whose structure is protected', async () => {
    const user = file('user.xlsx');
    await userBook(user, () => undefined);
    await spoil(user, (p) => p.set(WB, protectStructure(p.get(WB))));
    await refuses(['init', user], 1, /cannot add the sheet "How to use"/);
  });

  it('B20 a protected Settings sheet: validate warns', async () => {
    const book = await spoiled(protect('Settings'));
    await validates(book, 0, /Warning: The sheet "Settings": it is protected/);
  });

  it('B22 a protected Settings sheet: implan settings --set refuses', async () => {
    const book = await spoiled(protect('Settings'));
    await refuses(
      ['settings', book, '--set', 'currency=USD'],
      2,
      'The sheet "Settings": it is protected, so implan cannot write to it',
    );
  });

  it('B23 a protected Projects sheet: exclude and remove-project refuse', async () => {
    const book = await spoiled(protect('Projects'));
    const said = 'The sheet "Projects": it is protected, so implan cannot write to it';
    await refuses(['exclude', book, 'ALPHA'], 2, said);
    await refuses(['remove-project', book, 'ALPHA'], 2, said);
  });

  it('B24 a protected workbook structure: remove-project --delete-sheet refuses', async () => {
    const book = await spoiled((p) => p.set(WB, protectStructure(p.get(WB))));
    await refuses(
      ['remove-project', book, 'ALPHA', '--delete-sheet'],
      2,
      /The workbook: its structure is protected, so implan cannot delete the sheet "Alpha"/,
    );
  });

  it('B21 a protected project sheet does not stop consolidate, which never writes it', async () => {
    const book = await spoiled(protect('Alpha'));
    const r = await cli('consolidate', book);
    expect(r.code).toBe(0);
    await expectOpens(book);
  });
});
