/**
 * Heat map truth at a project count where the old formulas mixed two strategies (92 projects
 * coded PR0...PR91: the sums over every risk table passed 8,192 characters in the map's last two
 * rows only). LibreOffice recalculates the consolidated workbook; every heat map cell must equal
 * the open risks of the plan, and their total the "Open risks" figure beside the map, also after
 * someone adds a risk to a project sheet and before Consolidate runs again.
 */
import { RISK_COLUMNS } from '../../src/domain/template/columns';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { bodyRange, findTable } from '../../src/xlsx/ooxml/workbook';
import { fillTableRows } from '../../src/xlsx/ooxml/tables';
import { consolidateWorkbook, newWorkbook } from '../../src/xlsx/workbook-file';
import { manyProjects, openRisksOf } from '../domain/consolidation/many-projects';
import { type ComputedBook, computedValues, requireLibreOffice } from '../support/libreoffice';

const C = 'Contingency Plan';

/** The 25 heat map cells by probability and impact, and their total. */
function heatOf(book: ComputedBook) {
  expect(book.value(C, 'D6')).toBe('Prob. \\ Impact');
  const cell = (p: number, i: number) => Number(book.value(C, `${'EFGHI'[i - 1]}${12 - p}`) ?? 0);
  let total = 0;
  for (let p = 1; p <= 5; p++) for (let i = 1; i <= 5; i++) total += cell(p, i);
  return { cell, total };
}

describe('the heat map in LibreOffice', () => {
  beforeAll(() => requireLibreOffice());

  it('adds up to the open risks beside it at 92 projects, before and after a risk is added', async () => {
    const input = manyProjects(92, 2);
    const source = await newWorkbook(newWorkbookPlan(PlanFile.parse(input)));
    const { result, bytes } = await consolidateWorkbook(source, {
      builtAt: '1 Dec 2026 09:00 UTC',
    });
    expect(result.kind).toBe('ready');
    const want = openRisksOf(input);
    let opens = 0;
    for (let p = 1; p <= 5; p++) for (let i = 1; i <= 5; i++) opens += want(p, i);

    const book = await computedValues(bytes!);
    const heat = heatOf(book);
    for (let p = 1; p <= 5; p++)
      for (let i = 1; i <= 5; i++) expect([p, i, heat.cell(p, i)]).toEqual([p, i, want(p, i)]);
    expect(book.value(C, 'J9')).toBe('Open risks');
    expect([heat.total, book.value(C, 'L9')]).toEqual([opens, opens]);

    // An open risk typed into a project sheet, no Consolidate yet: probability 5 and impact 5,
    // a row the old sums over every risk table counted while the figure beside it did not.
    const pkg = await XlsxPackage.load(bytes!);
    const table = (await findTable(pkg, 'Risks_PR1'))!;
    const typed: Record<string, string | number> = {
      ID: 'R9',
      Risk: 'New',
      Probability: 5,
      Impact: 5,
      Status: 'Open',
    };
    const row = RISK_COLUMNS.map((c) => (c.formula ? null : (typed[c.name] ?? null)));
    const body = bodyRange(table);
    await fillTableRows(pkg, 'Risks_PR1', body.bottom - body.top + 1, [row]);
    const later = await computedValues(await pkg.save());
    const after = heatOf(later);
    expect([after.total, later.value(C, 'L9')]).toEqual([opens, opens]);
    expect(later.value(C, 'A3')).toEqual(expect.stringMatching(/^1 project\(s\) changed/));
  }, 240_000);
});
