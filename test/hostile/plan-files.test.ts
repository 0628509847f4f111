import { promises as fs } from 'node:fs';
import JSZip from 'jszip';
import { cli, expectOpens, expectSentences, hostileFolder, snapshot } from './support';

/** Plan files as people and other programs write them: each refused with its place, or imported. */

const { dir, file } = hostileFolder();

async function importBytes(content: string | Buffer) {
  await fs.writeFile(file('plan.json'), content);
  const before = await snapshot(dir());
  const r = await cli('import', file('plan.json'), '-o', file('book.xlsx'));
  expectSentences(r.err);
  expect(r.err.split('\n').every((l) => !/\s{2,}|\u0000/.test(l))).toBe(true);
  return { r, before };
}

const plan = (project: Record<string, unknown>) =>
  JSON.stringify({ projects: [{ name: 'Beta', code: 'BETA', ...project }] });

describe('hostile plan files: refused with the place and what was expected, nothing written', () => {
  it.each([
    ['F01 not JSON', '{ "projects": [ }', 'is not valid JSON'],
    ['F02 an empty file', '', 'is not valid JSON'],
    ['F03 JSON null', 'null', 'must be a group of fields'],
    ['F04 a list instead of a plan', '[1, 2]', 'must be a group of fields {...} (it is a list)'],
    [
      'F05 a name that is a number',
      JSON.stringify({ projects: [{ name: 5, code: 'AA' }] }),
      'project 1 (projects[0].name): the name must be text (it is the number 5).',
    ],
    [
      'F06 an amount written as text',
      plan({ budget: [{ category: 'IT', planned: '1000' }] }),
      'project Beta, budget line 1 (projects[0].budget[0].planned): the planned amount must be a number (it is the text "1000").',
    ],
    [
      'F07 a date as an Excel serial',
      plan({ start: 45658 }),
      'project Beta (projects[0].start): the start date must be a date written YYYY-MM-DD (it is the number 45658).',
    ],
    [
      'F08 an end before the start, its subject said once',
      plan({ start: '2025-03-01', end: '2025-02-03' }),
      'project Beta (projects[0].end): the end date 2025-02-03 is before the start date 2025-03-01.',
    ],
    [
      'F09 one code for two projects',
      JSON.stringify({
        projects: [
          { name: 'A', code: 'FOO' },
          { name: 'B', code: 'FOO' },
        ],
      }),
      '(projects): the project code FOO is used by more than one project.',
    ],
    [
      'F10 a probability of 7',
      plan({ risks: [{ id: 'R1', risk: 'Vendor late', probability: 7, impact: 2 }] }),
      'project Beta, risk R1 (projects[0].risks[0].probability): the probability must be at most 5 (it is the number 7).',
    ],
    ['F11 a version implan does not know', JSON.stringify({ version: 2 }), 'the version must be 1'],
    [
      'F12 a task with a status in the wrong case',
      plan({ risks: [{ id: 'R1', risk: 'r', probability: 1, impact: 1, status: 'open' }] }),
      'the status must be "Open" or "Closed" (it is the text "open").',
    ],
    [
      'F13 a % complete of 150',
      plan({ tasks: [{ id: 'T1', task: 'Build', percentComplete: 150 }] }),
      'the % complete must be between 0 and 1, that is 0% to 100% (it is the number 150).',
    ],
  ])('%s', async (_, content, message) => {
    const { r, before } = await importBytes(content);
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(await snapshot(dir())).toEqual(before);
  });

  it('F14 a workbook given as the plan file', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const { r, before } = await importBytes(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(r.code).toBe(1);
    expect(r.err).toContain('is a zip package (a workbook?), not a plan file');
    expect(await snapshot(dir())).toEqual(before);
  });

  it.each([
    ['F15 a plan file that does not exist', null, 'does not exist'],
    ['F16 a folder as the plan file', 'folder', 'is a folder, not a file'],
  ])('%s', async (_, kind, message) => {
    if (kind === 'folder') await fs.mkdir(file('plan.json'));
    const r = await cli('import', file('plan.json'), '-o', file('book.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expectSentences(r.err);
    await expect(fs.access(file('book.xlsx'))).rejects.toThrow();
  });
});

describe('hostile plan files that are fine', () => {
  it('F17 a byte-order mark, as Notepad saves it, is read', async () => {
    const { r } = await importBytes(`\uFEFF${plan({})}`);
    expect(r.code).toBe(0);
    await expectOpens(file('book.xlsx'));
  });

  it('F18 formula-looking text stays text: no live formula from a plan file', async () => {
    const { r } = await importBytes(
      plan({ manager: '=HYPERLINK("http://evil","x")', tasks: [{ id: 'T1', task: '@SUM(1)' }] }),
    );
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(await fs.readFile(file('book.xlsx')));
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.startsWith('xl/worksheets/sheet'))
        .map((n) => zip.file(n)!.async('string')),
    );
    expect(sheets.join('')).not.toMatch(/<f>[^<]*(evil|@SUM)/);
    const back = JSON.parse((await cli('export', file('book.xlsx'))).out) as {
      projects: { manager: string; tasks: { task: string }[] }[];
    };
    expect(back.projects[0]?.manager).toBe('=HYPERLINK("http://evil","x")');
    expect(back.projects[0]?.tasks[0]?.task).toBe('@SUM(1)');
    await expectOpens(file('book.xlsx'));
  });
});
