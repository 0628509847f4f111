/**
 * The joint budget's estimate at completion against the compared baseline, recalculated by
 * LibreOffice against sums this test makes itself: by project (a project added since the
 * baseline compares with 0), by category, and by funding source, where the baseline saved
 * sources the lines no longer name, sources that differ by case or a trailing space, names
 * SUMIFS would read as wildcards, and lines without a source.
 */
import { baselinesSheetPlan, listRow, snapshotRows } from '../../src/domain/baseline/sheet';
import { snapshotOfPlanFile, snapshotTotals } from '../../src/domain/baseline/snapshot';
import { isoToSerial } from '../../src/domain/dates';
import { columnLetter } from '../../src/domain/plan/a1';
import type { PlanStep } from '../../src/domain/plan/types';
import { PlanFile } from '../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { consolidateWorkbook, newWorkbook } from '../../src/xlsx/workbook-file';
import { type ComputedBook, computedValues, requireLibreOffice } from '../support/libreoffice';
import { strictCheckBytes } from '../support/strict-check';

type Line = [category: string, source: string, planned: number, actual: number, ftc: number];
type Project = { name: string; code: string; lines: Line[] };

const APPROVED: Project[] = [
  {
    name: 'North',
    code: 'NORTH',
    lines: [
      ['Personnel', 'Grant', 400, 0, 400],
      ['Software', 'grant', 200, 0, 200],
      ['Travel', 'Grant ', 100, 0, 100],
      ['Other', '', 50, 0, 50],
      ['Personnel', 'Old fund', 70, 0, 70],
    ],
  },
  {
    name: 'South',
    code: 'SOUTH',
    lines: [
      ['Contractors', 'EU *fund?', 300, 0, 300],
      ['Equipment', '', 60, 0, 60],
    ],
  },
];
const CURRENT: Project[] = [
  {
    name: 'North',
    code: 'NORTH',
    lines: [
      ['Personnel', 'Grant', 450, 300, 200.5],
      ['Software', 'grant', 200, 150, 10],
      ['Travel', 'Grant ', 100, 20, 30],
      ['Other', '', 50, 10, 0],
    ],
  },
  {
    name: 'South',
    code: 'SOUTH',
    lines: [
      ['Contractors', 'EU *fund?', 320, 100, 260],
      ['Equipment', '', 60, 12.25, 47.75],
      ['Equipment', 'EU fund', 40, 0, 40],
    ],
  },
  { name: 'Added', code: 'ADDED', lines: [['Other', 'Grant', 25, 5, 20]] },
];

const planOf = (projects: Project[]) =>
  PlanFile.parse({
    settings: { compareBaseline: 'approved' },
    projects: projects.map((p) => ({
      name: p.name,
      code: p.code,
      budget: p.lines.map(([category, fundingSource, planned, actual, forecastToComplete]) => ({
        category,
        fundingSource,
        planned,
        actual,
        forecastToComplete,
      })),
    })),
  });

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const eac = (l: Line) => l[3] + l[4];
const lines = (ps: Project[]) => ps.flatMap((p) => p.lines);
const SHEET = 'Joint Budget';

async function consolidated(): Promise<Buffer> {
  const approved = planOf(APPROVED);
  const current = planOf(CURRENT);
  const projects = snapshotOfPlanFile(approved);
  const list = listRow(
    'Approved',
    isoToSerial('2026-11-01'),
    snapshotTotals(projects, approved.settings),
  );
  const baselines: PlanStep = {
    kind: 'addSheet',
    sheet: baselinesSheetPlan(list, snapshotRows('Approved', projects), current.settings),
  };
  const steps = newWorkbookPlan(current).steps;
  const book = await newWorkbook({ steps: [...steps.slice(0, -1), baselines, ...steps.slice(-1)] });
  const { result, bytes } = await consolidateWorkbook(book, { builtAt: '2 Dec 2026 07:00 UTC' });
  expect(result.kind).toBe('ready');
  return bytes!;
}

describe('estimate at completion against the baseline, in LibreOffice', () => {
  let book: ComputedBook;
  const rowOf = (label: string) => {
    const found = book.cells(SHEET).find(([ref, v]) => /^A\d+$/.test(ref) && v === label);
    if (!found) throw new Error(`no row ${label}`);
    return Number(found[0].slice(1));
  };
  const headers = (row: number) => {
    const out = new Map<string, string>();
    for (let c = 1; c < 30; c++) {
      const v = book.value(SHEET, `${columnLetter(c)}${row}`);
      if (typeof v === 'string') out.set(v, columnLetter(c));
    }
    return out;
  };

  beforeAll(async () => {
    requireLibreOffice();
    const bytes = await consolidated();
    const { code, report } = strictCheckBytes(new Map([['eac-baseline', bytes]]));
    expect([code, code === 0 ? '' : report]).toEqual([0, '']);
    book = await computedValues(bytes);
  });

  it('by project: the planned total saved, 0 for a project added since', () => {
    const top = rowOf('Estimate at completion');
    const col = headers(top);
    CURRENT.forEach((p, i) => {
      const at = (h: string) => book.value(SHEET, `${col.get(h)}${top + 1 + i}`);
      const saved = sum(APPROVED.find((a) => a.code === p.code)?.lines.map((l) => l[2]) ?? []);
      const now = sum(p.lines.map(eac));
      expect([p.name, at('Baseline planned') ?? 0, at('Baseline - EAC')]).toEqual([
        p.name,
        saved,
        saved - now,
      ]);
    });
    const total = top + 1 + CURRENT.length;
    expect(book.value(SHEET, `${col.get('Baseline planned')}${total}`)).toBe(
      sum(lines(APPROVED).map((l) => l[2])),
    );
  });

  it('by category: what every project of the baseline planned in it', () => {
    const top = rowOf('EAC by category');
    const col = headers(top);
    planOf(CURRENT).settings.budgetCategories.forEach((category, i) => {
      const row = top + 1 + i;
      const saved = sum(
        lines(APPROVED)
          .filter((l) => l[0] === category)
          .map((l) => l[2]),
      );
      const now = sum(
        lines(CURRENT)
          .filter((l) => l[0] === category)
          .map(eac),
      );
      expect([category, book.value(SHEET, `${col.get('Baseline planned')}${row}`)]).toEqual([
        category,
        saved,
      ]);
      expect(book.value(SHEET, `${col.get('Baseline - EAC')}${row}`)).toBeCloseTo(saved - now, 9);
    });
  });

  it('by funding source: sources saved and gone, case ignored, spaces and blanks apart', () => {
    const top = rowOf('EAC by funding source');
    const col = headers(top);
    const saved = rowOf('Baseline planned');
    const key = (s: string) => (s.startsWith('"') ? s.slice(1, -1) : s).toUpperCase();
    const of = (ps: Project[], s: string, f: (l: Line) => number) =>
      sum(
        lines(ps)
          .filter((l) => l[1] !== '' && l[1].toUpperCase() === key(s))
          .map(f),
      );
    for (const s of ['Grant', '"Grant "', 'Old fund', 'EU *fund?', 'EU fund']) {
      const planned = of(APPROVED, s, (l) => l[2]);
      expect([s, book.value(SHEET, `${col.get(s)}${saved}`)]).toEqual([s, planned]);
      expect([s, book.value(SHEET, `${col.get(s)}${saved + 1}`)]).toEqual([
        s,
        planned - of(CURRENT, s, eac),
      ]);
    }
    const blank = (ps: Project[], f: (l: Line) => number) =>
      sum(
        lines(ps)
          .filter((l) => l[1] === '')
          .map(f),
      );
    expect(book.value(SHEET, `${col.get('(no source)')}${saved}`)).toBe(
      blank(APPROVED, (l) => l[2]),
    );
    expect(book.value(SHEET, `${col.get('Total')}${saved}`)).toBe(
      sum(lines(APPROVED).map((l) => l[2])),
    );
    expect(book.value(SHEET, `${col.get('Total')}${saved + 1}`)).toBeCloseTo(
      sum(lines(APPROVED).map((l) => l[2])) - sum(lines(CURRENT).map(eac)),
      9,
    );
  });
});
