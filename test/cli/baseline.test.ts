/**
 * implan baseline: saves a named, dated baseline in place (lock, .bak), lists them, refuses bad
 * and taken names and a damaged Baselines sheet in a sentence (exit 2) without writing; and
 * Consolidate leaves the Baselines sheet byte-identical.
 */
import { promises as fs } from 'node:fs';
import { todaySerial, serialToIso } from '../../src/domain/dates';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { demoPlan } from '../../src/domain/demo';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { listSheets, listTables } from '../../src/xlsx/ooxml/workbook';
import { newWorkbook, readWorkbookState } from '../../src/xlsx/workbook-file';
import { parts } from '../support/package-parts';
import { strictCheckBytes } from '../support/strict-check';
import { cli, tempFolder } from './run-cli';

const { file } = tempFolder('implan-baseline-');

async function demo(name = 'demo.xlsx'): Promise<string> {
  const book = file(name);
  expect((await cli('demo', '-o', book)).code).toBe(0);
  return book;
}

/** The Baselines sheet's part and its tables' parts, by path. */
async function baselineParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const pkg = await XlsxPackage.load(bytes);
  const sheet = (await listSheets(pkg)).find((s) => s.name === 'Baselines')!;
  const tables = (await listTables(pkg)).filter((t) => t.name.startsWith('Baseline'));
  const all = await parts(bytes);
  const paths = [sheet.path, ...tables.map((t) => t.path)];
  expect(paths.length).toBe(3);
  return new Map(paths.map((p) => [p, all.get(p) ?? '']));
}

describe('implan baseline', () => {
  it('lists the demo baseline, saves another in place with a .bak, and lists both', async () => {
    const book = await demo();
    expect((await cli('baseline', book, '--list')).out).toBe(
      'Approved 2025-01-31: saved on 2025-01-31 (compared with)',
    );
    const before = await fs.readFile(book);
    const r = await cli('baseline', book, '--name', 'Review March');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `Saved the baseline "Review March" (3 project(s), 17 task(s), planned EUR 826,500.00, 9 open risk(s)) on the Baselines sheet of ${book} (the previous version is in ${book}.bak). To compare with it: implan settings ${book} --set "baseline=Review March". Consolidate builds the Baseline Variance sheet.`,
    );
    expect((await fs.readFile(`${book}.bak`)).equals(before)).toBe(true);
    const today = serialToIso(todaySerial());
    expect((await cli('baseline', book, '--list')).out.split('\n')).toEqual([
      'Approved 2025-01-31: saved on 2025-01-31 (compared with)',
      `Review March: saved on ${today}`,
    ]);
    const after = await fs.readFile(book);
    const { code, report } = strictCheckBytes(new Map([['two-baselines', after]]));
    expect([code, code === 0 ? '' : report]).toEqual([0, '']);
    // Only the Baselines sheet and its two tables changed.
    const [p0, p1] = await Promise.all([parts(before), parts(after)]);
    const changed = [...p1.keys()].filter((p) => p0.get(p) !== p1.get(p));
    expect(changed.sort()).toEqual([...(await baselineParts(after)).keys()].sort());
  });

  it('refuses unusable and taken names in a sentence, exit 2, writing nothing', async () => {
    const book = await demo('names.xlsx');
    const before = await fs.readFile(book);
    const cases: [string, string][] = [
      ['  ', 'Error: Give the baseline a name, e.g. "Approved 2026-12-02".'],
      [
        'approved 2025-01-31',
        'Error: A baseline named "Approved 2025-01-31" already exists (saved on 2025-01-31); a baseline is never overwritten, so choose another name.',
      ],
      [
        '=HYPERLINK("x")',
        'Error: The baseline name "=HYPERLINK("x")" starts with =, which a spreadsheet may read as a formula; choose another name.',
      ],
      [
        'a;b',
        'Error: A baseline name cannot hold a line break, a tab or ";" (implan settings separates values with it); choose another name.',
      ],
      ['x'.repeat(61), 'Error: The baseline name has 61 characters; a baseline name can have 60.'],
    ];
    for (const [name, err] of cases) {
      const r = await cli('baseline', book, '--name', name);
      expect([name, r.code, r.err]).toEqual([name, 2, err]);
    }
    const bare = await cli('baseline', book);
    expect([bare.code, bare.err]).toEqual([
      2,
      expect.stringContaining('Name the baseline: implan baseline'),
    ]);
    expect((await fs.readFile(book)).equals(before)).toBe(true);
    expect(await fs.readdir(file('.'))).not.toContain('names.xlsx.bak');
  });

  it('refuses a Baselines sheet that lost its tables, naming what is lost', async () => {
    const book = file('damaged.xlsx');
    const plan = newWorkbookPlan(demoPlan());
    const own = {
      kind: 'addSheet' as const,
      sheet: {
        name: 'Baselines',
        columnWidths: [],
        items: [{ kind: 'cells' as const, at: 'A1', rows: [['our own notes']] }],
      },
    };
    await fs.writeFile(book, await newWorkbook({ steps: [...plan.steps, own] }));
    const r = await cli('baseline', book, '--name', 'Approved');
    expect([r.code, r.err.split('\n')]).toEqual([
      2,
      [
        'Error: The Baselines sheet has lost its table BaselineList; undo the change that did it (or rename the sheet to keep it), then try again.',
        'Error: The Baselines sheet has lost its table BaselineRows; undo the change that did it (or rename the sheet to keep it), then try again.',
      ],
    ]);
  });

  it('is never changed by Consolidate, and the first saved becomes the one compared', async () => {
    const book = await demo('consolidated.xlsx');
    const before = await baselineParts(await fs.readFile(book));
    expect((await cli('consolidate', book)).code).toBe(0);
    expect((await cli('consolidate', book, '--replace-edited')).code).toBe(0);
    expect(await baselineParts(await fs.readFile(book))).toEqual(before);

    const fresh = file('fresh.xlsx');
    await fs.writeFile(fresh, await newWorkbook(newWorkbookPlan(demoPlan())));
    const r = await cli('baseline', fresh, '--name', 'First');
    expect(r.out).toContain('Settings B7 now compares with it.');
    expect((await readWorkbookState(await fs.readFile(fresh))).settings?.compareBaseline).toBe(
      'First',
    );
  });
});
