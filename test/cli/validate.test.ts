import { promises as fs } from 'node:fs';
import { DEMO_PLAN } from '../../src/domain/demo';
import { writeCells } from '../../src/xlsx/ooxml/cells';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { listSheets } from '../../src/xlsx/ooxml/workbook';
import { cli, tempFolder } from './run-cli';

const { file } = tempFolder('implan-validate-');

/** Types into cells of a sheet the way a user would, straight into the file. */
async function type(
  file: string,
  sheet: string,
  at: [number, number],
  value: string | number,
): Promise<void> {
  const pkg = await XlsxPackage.load(await fs.readFile(file));
  const part = (await listSheets(pkg)).find((s) => s.name === sheet)!.path;
  await writeCells(pkg, part, at[0], at[1], [[value]], () => undefined);
  await fs.writeFile(file, await pkg.save());
}

describe('implan validate', () => {
  it('finds nothing wrong in the demo and exits 0', async () => {
    const book = file('demo.xlsx');
    await cli('demo', '-o', book);
    expect(await cli('validate', book)).toMatchObject({
      code: 0,
      out: '0 error(s), 0 warning(s).',
    });
  });

  it('reports typed mistakes grouped by project, exits 1 and never writes', async () => {
    const book = file('plan.xlsx');
    await fs.writeFile(file('plan.json'), JSON.stringify(DEMO_PLAN));
    await cli('import', file('plan.json'), '-o', book);
    await type(book, 'Alpha Rollout', [4, 20], '12,000 EUR'); // U5: Planned of the first budget line
    await type(book, "Ørsted's Façade Upgrade", [5, 29], 7); // AD6: Probability of the second risk
    const before = await fs.readFile(book);
    const r = await cli('validate', book);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'Alpha Rollout\n  Error: Alpha Rollout, Budget, row 1 (cell U5): Planned holds the text "12,000 EUR", not a number',
    );
    expect(r.out).toContain(
      "Ørsted's Façade Upgrade, Risks, row 2 (cell AD6): Probability is 7; it must be a whole number from 1 to 5",
    );
    const json = JSON.parse((await cli('validate', book, '--json')).out) as {
      code: string;
      cell: string;
    }[];
    expect(json.map((d) => [d.code, d.cell])).toEqual(
      expect.arrayContaining([
        ['type.text-in-number', 'U5'],
        ['range.scale', 'AD6'],
      ]),
    );
    expect(await fs.readFile(book)).toEqual(before);
  });

  it('exits 2 when the file cannot be read', async () => {
    expect((await cli('validate', file('missing.xlsx'))).code).toBe(2);
  });
});
