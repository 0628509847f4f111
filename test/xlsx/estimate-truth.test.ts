/**
 * Estimate at completion computed by LibreOffice, against sums this test makes itself: by
 * project (actual + forecast to complete, against the ceiling), by category and by funding
 * source, with sources that differ only by case ("Grant", "grant": one source, as SUMIFS
 * compares), by a trailing space ("Grant ": another), blank ones, and names SUMIFS would read
 * as wildcards or comparisons ("EU *fund?", "<50k", "=Loan", "~tilde").
 */
import { columnLetter } from '../../src/domain/plan/a1';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { BUDGET_COLUMNS } from '../../src/domain/template/columns';
import { PROJECT_LAYOUT } from '../../src/domain/template/project-sheet';
import { writeCells } from '../../src/xlsx/ooxml/cells';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { listSheets } from '../../src/xlsx/ooxml/workbook';
import { consolidateWorkbook, newWorkbook } from '../../src/xlsx/workbook-file';
import { type ComputedBook, computedValues, requireLibreOffice } from '../support/libreoffice';

type Line = [
  category: string,
  source: string,
  planned: number,
  actual: number | null,
  ftc: number | null,
];

const PROJECTS: { name: string; code: string; ceiling: number | null; lines: Line[] }[] = [
  {
    name: 'North',
    code: 'NORTH',
    ceiling: 1000,
    lines: [
      ['Personnel', 'Grant', 400, 300, 250.5],
      ['Software', 'grant', 200, 150, 0],
      ['Travel', 'Grant ', 100, 20, 30],
      ['Other', '', 50, 10, null],
      ['Personnel', 'EU *fund?', 120, 100, 40],
    ],
  },
  {
    name: 'South',
    code: 'SOUTH',
    ceiling: null,
    lines: [
      ['Contractors', '<50k', 300, null, 310],
      ['Contractors', '=Loan', 80, 80, 5],
      ['Equipment', '~tilde', 60, 12.25, 47.75],
      ['Other', 'EU fund', 10, 10, 10],
    ],
  },
  { name: 'Empty', code: 'EMPTY', ceiling: 500, lines: [] },
];

const plan = PlanFile.parse({
  projects: PROJECTS.map((p) => ({
    name: p.name,
    code: p.code,
    budgetCeiling: p.ceiling,
    budget: p.lines.map(([category, fundingSource, planned, actual, forecastToComplete]) => ({
      category,
      fundingSource,
      planned,
      actual,
      forecastToComplete,
    })),
  })),
});

const eac = (l: Line) => (l[3] ?? 0) + (l[4] ?? 0);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const SHEET = 'Joint Budget';

/** The 1-based row holding `label` in column A of the joint budget. */
function rowOf(book: ComputedBook, label: string): number {
  const found = book.cells(SHEET).find(([ref, v]) => /^A\d+$/.test(ref) && v === label);
  if (!found) throw new Error(`no row ${label}`);
  return Number(found[0].slice(1));
}

/** The block under `label` as header -> column letter. */
function headers(book: ComputedBook, row: number): Map<string, string> {
  const out = new Map<string, string>();
  for (let c = 1; c < 30; c++) {
    const v = book.value(SHEET, `${columnLetter(c)}${row}`);
    if (typeof v === 'string') out.set(v, columnLetter(c));
  }
  return out;
}

async function consolidated(): Promise<Buffer> {
  const { bytes, result } = await consolidateWorkbook(await newWorkbook(newWorkbookPlan(plan)), {
    builtAt: '2 Dec 2026 07:00 UTC',
  });
  if (!bytes) throw new Error(`not consolidated: ${JSON.stringify(result)}`);
  return bytes;
}

describe('estimate at completion in LibreOffice', () => {
  let book: ComputedBook;
  beforeAll(async () => {
    requireLibreOffice();
    book = await computedValues(await consolidated());
  });

  it('catches amounts under a source typed after consolidation', async () => {
    const pkg = await XlsxPackage.load(await consolidated());
    const sheet = (await listSheets(pkg)).find((s) => s.name === 'North')!;
    const source =
      PROJECT_LAYOUT.budgetColumn + BUDGET_COLUMNS.findIndex((c) => c.name === 'Funding source');
    await writeCells(pkg, sheet.path, 4, source, [['New fund']], () => undefined);
    const edited = await computedValues(await pkg.save());
    const top = rowOf(edited, 'EAC by funding source');
    const check = headers(edited, top).get('Check');
    expect(edited.value(SHEET, `${check}${top + 1}`)).toBe(
      'North has 550.50 estimated under funding sources not in this block: click Consolidate',
    );
  });

  it('by project: actual + forecast to complete, against planned and the ceiling', () => {
    const top = rowOf(book, 'Estimate at completion');
    const col = headers(book, top);
    PROJECTS.forEach((p, i) => {
      const at = (h: string) => book.value(SHEET, `${col.get(h)}${top + 1 + i}`);
      const total = sum(p.lines.map(eac));
      expect([p.name, at('Planned'), at('Actual'), at('Forecast'), at('EAC')]).toEqual([
        p.name,
        sum(p.lines.map((l) => l[2])),
        sum(p.lines.map((l) => l[3] ?? 0)),
        sum(p.lines.map((l) => l[4] ?? 0)),
        total,
      ]);
      expect(at('Budget ceiling')).toBe(p.ceiling);
      expect(at('Ceiling - EAC')).toBe(p.ceiling === null ? null : p.ceiling - total);
    });
    const all = sum(PROJECTS.flatMap((p) => p.lines.map(eac)));
    expect(book.value(SHEET, `${col.get('EAC')}${top + 1 + PROJECTS.length}`)).toBeCloseTo(all, 9);
  });

  it('by category: the sums of every project', () => {
    const top = rowOf(book, 'EAC by category');
    const col = headers(book, top);
    plan.settings.budgetCategories.forEach((category, i) => {
      const lines = PROJECTS.flatMap((p) => p.lines).filter((l) => l[0] === category);
      const row = top + 1 + i;
      expect(book.value(SHEET, `A${row}`)).toBe(category);
      expect(book.value(SHEET, `${col.get('EAC')}${row}`)).toBeCloseTo(sum(lines.map(eac)), 9);
      expect(book.value(SHEET, `${col.get('Planned - EAC')}${row}`)).toBeCloseTo(
        sum(lines.map((l) => l[2])) - sum(lines.map(eac)),
        9,
      );
    });
  });

  it('by funding source: case ignored, spaces kept, blanks apart, no wildcard read', () => {
    const top = rowOf(book, 'EAC by funding source');
    const col = headers(book, top);
    // One column a source, ignoring case; "Grant " is its own, shown quoted.
    const sources = ['Grant', '"Grant "', 'EU *fund?', 'EU fund', '<50k', '=Loan', '~tilde'];
    for (const s of sources) expect([s, col.has(s)]).toEqual([s, true]);
    expect(col.has('grant')).toBe(false);
    const key = (s: string) => (s.startsWith('"') ? s.slice(1, -1) : s).toUpperCase();
    PROJECTS.forEach((p, i) => {
      const row = top + 1 + i;
      for (const s of sources) {
        const want = sum(
          p.lines.filter((l) => l[1] !== '' && l[1].toUpperCase() === key(s)).map(eac),
        );
        expect([p.name, s, book.value(SHEET, `${col.get(s)}${row}`)]).toEqual([p.name, s, want]);
      }
      const blank = sum(p.lines.filter((l) => l[1] === '').map(eac));
      expect(book.value(SHEET, `${col.get('(no source)')}${row}`)).toBe(blank);
      expect(book.value(SHEET, `${col.get('Total')}${row}`)).toBeCloseTo(sum(p.lines.map(eac)), 9);
      expect(book.value(SHEET, `${col.get('Check')}${row}`)).toBeNull();
    });
  });
});
