/**
 * Formula truth for consolidation: a plan of projects with awkward names is consolidated into a
 * file, LibreOffice recalculates it, and every named total, heat map cell, budget figure and the
 * order of the schedule and risk rows is compared with values this test computes from the plan
 * itself. Then numbers (not rows) are changed in the file and the joint sheets must follow.
 */
import { isoToSerial } from '../../src/domain/dates';
import { demoPlan } from '../../src/domain/demo';
import type { PlanFile } from '../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { writeCells } from '../../src/xlsx/ooxml/cells';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { fillTableRows } from '../../src/xlsx/ooxml/tables';
import { bodyRange, findTable, listDefinedNames } from '../../src/xlsx/ooxml/workbook';
import { consolidateWorkbook, newWorkbook } from '../../src/xlsx/workbook-file';
import { type ComputedBook, computedValues, requireLibreOffice } from '../support/libreoffice';

const PERCENT = [0, 0.1, 0.3, 0.5, 0.7, 0.9];
const BUILT = '1 Dec 2026 09:00 UTC';

/** Three included projects with names that need quoting, escaping and Unicode, one excluded. */
function trickyPlan(): PlanFile {
  const plan = demoPlan();
  const [a, b, c] = plan.projects;
  const rename = (p: typeof a, name: string) => ({ ...p!, name, sheet: undefined });
  return {
    ...plan,
    projects: [
      rename(a, 'Alpha – Rollout (Zürich)'),
      rename(b, "Ørsted's Façade Upgrade"),
      rename(c, "Portal 'Relaunch' - 2025 Ω"),
      { ...rename(a, 'Shelved Idea'), code: 'SHELF', included: false },
    ],
  };
}

type Project = PlanFile['projects'][number];

function namedCell(names: { name: string; refersTo: string }[], name: string) {
  const ref = names.find((n) => n.name === name)?.refersTo;
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)$/.exec(ref ?? '');
  if (!m) throw new Error(`${name} does not name one cell: ${ref}`);
  return { sheet: m[1]!.replace(/''/g, "'"), ref: `${m[2]}${m[3]}` };
}

/** Row numbers (1-based) where column A holds `text`, on one sheet. */
function rowsWith(book: ComputedBook, sheet: string, text: string, max = 400): number[] {
  const rows: number[] = [];
  for (let r = 1; r <= max; r++) if (book.value(sheet, `A${r}`) === text) rows.push(r);
  return rows;
}

function expectations(plan: PlanFile) {
  const included = plan.projects.filter((p) => p.included);
  const bands = plan.settings.ratingBands;
  const highMin = bands[bands.length - 2]!.min;
  const tasks = included
    .flatMap((p) => p.tasks.map((t) => ({ p, t })))
    .sort(
      (x, y) =>
        x.t.start!.localeCompare(y.t.start!) ||
        x.p.name.localeCompare(y.p.name, 'en', { sensitivity: 'base' }) ||
        x.t.id.localeCompare(y.t.id, 'en', { numeric: true }),
    );
  const risks = included
    .flatMap((p) => p.risks.map((r) => ({ p, r, score: r.probability * r.impact })))
    .sort(
      (x, y) =>
        y.score - x.score ||
        x.p.name.localeCompare(y.p.name, 'en', { sensitivity: 'base' }) ||
        x.r.id.localeCompare(y.r.id, 'en', { numeric: true }),
    );
  const open = risks.filter((x) => x.r.status === 'Open');
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const planned = (p: Project, cat?: string) =>
    sum(p.budget.filter((b) => cat === undefined || b.category === cat).map((b) => b.planned));
  const actual = (p: Project, cat?: string) =>
    sum(p.budget.filter((b) => cat === undefined || b.category === cat).map((b) => b.actual ?? 0));
  const ev = (x: (typeof risks)[number]) => (PERCENT[x.r.probability] ?? NaN) * x.r.costImpact;
  return {
    included,
    tasks,
    risks,
    open,
    planned,
    actual,
    heat: (prob: number, impact: number) =>
      open.filter((x) => x.r.probability === prob && x.r.impact === impact).length,
    names: {
      Joint_TotalPlanned: sum(included.map((p) => planned(p))),
      Joint_TotalActual: sum(included.map((p) => actual(p))),
      Joint_TotalVariance: sum(included.map((p) => planned(p) - actual(p))),
      Joint_ContingencyReserve: sum(open.map(ev)),
      Joint_Start: Math.min(...tasks.map((x) => isoToSerial(x.t.start!))),
      Joint_End: Math.max(...tasks.map((x) => isoToSerial(x.t.end!))),
      Joint_TaskCount: tasks.length,
      Joint_RiskCount: risks.length,
      Joint_HighRiskCount: open.filter((x) => x.score >= highMin).length,
    } as Record<string, number>,
    months: (p: Project, month: string) =>
      sum(p.budget.filter((b) => b.period === month).map((b) => b.planned)),
  };
}

async function checkBook(bytes: Buffer, plan: PlanFile): Promise<void> {
  const book = await computedValues(bytes);
  const names = await listDefinedNames(await XlsxPackage.load(bytes));
  const want = expectations(plan);

  for (const [name, value] of Object.entries(want.names)) {
    const at = namedCell(names, name);
    expect([name, book.value(at.sheet, at.ref)]).toEqual([name, expect.closeTo(value, 6)]);
  }

  // Joint schedule: task rows in order of start, project, ID, each pointing at its source.
  const S = 'Joint Schedule';
  const header = rowsWith(book, S, 'Project').at(-1)!;
  want.tasks.forEach(({ p, t }, i) => {
    const r = header + 1 + i;
    expect([book.value(S, `A${r}`), book.value(S, `B${r}`), book.value(S, `F${r}`)]).toEqual([
      p.name,
      t.id,
      isoToSerial(t.start!),
    ]);
    expect(book.value(S, `C${r}`)).toBe(t.task);
  });
  expect(book.value(S, `A${header + want.tasks.length + 1}`) ?? null).toBeNull();
  expect(book.value(S, 'A3')).toMatch(/^Up to date/);

  // Contingency plan: register order, heat map, top 10.
  const C = 'Contingency Plan';
  const regHeader = rowsWith(book, C, 'Project').at(-1)!;
  want.risks.forEach(({ p, r, score }, i) => {
    const row = regHeader + 1 + i;
    expect([book.value(C, `A${row}`), book.value(C, `B${row}`), book.value(C, `G${row}`)]).toEqual([
      p.name,
      r.id,
      score,
    ]);
  });
  const heatRow = rowsWith(book, C, 'Band')[0]!; // the legend shares the heat map's header row
  expect(book.value(C, `D${heatRow}`)).toBe('Prob. \\ Impact');
  for (let p = 5; p >= 1; p--)
    for (let i = 1; i <= 5; i++) {
      const cell = `${'EFGHI'[i - 1]}${heatRow + 6 - p}`;
      expect([p, i, book.value(C, cell) ?? 0]).toEqual([p, i, want.heat(p, i)]);
    }
  const topHeader = rowsWith(book, C, 'Project')[0]!;
  want.open.slice(0, 10).forEach(({ p, r }, k) => {
    expect([
      k + 1,
      book.value(C, `A${topHeader + 1 + k}`),
      book.value(C, `B${topHeader + 1 + k}`),
    ]).toEqual([k + 1, p.name, r.id]);
  });

  // Joint budget: project x category for planned and actual, and planned by month.
  const B = 'Joint Budget';
  const cats = plan.settings.budgetCategories;
  for (const [measure, f] of [
    ['Planned', want.planned],
    ['Actual', want.actual],
  ] as const) {
    const top = rowsWith(book, B, measure)[0]!;
    want.included.forEach((p, i) => {
      expect(book.value(B, `A${top + 1 + i}`)).toBe(p.name);
      cats.forEach((cat, c) =>
        expect([
          p.code,
          cat,
          book.value(B, `${String.fromCharCode(66 + c)}${top + 1 + i}`),
        ]).toEqual([p.code, cat, f(p, cat)]),
      );
    });
  }
  const monthTop = rowsWith(book, B, 'Planned by month')[0]!;
  const months = [...new Set(want.included.flatMap((p) => p.budget.map((b) => b.period!)))].sort();
  months.forEach((m, c) => {
    const col = String.fromCharCode(66 + c);
    expect(book.value(B, `${col}${monthTop}`)).toBe(isoToSerial(`${m}-01`));
    want.included.forEach((p, i) =>
      expect([p.code, m, book.value(B, `${col}${monthTop + 1 + i}`)]).toEqual([
        p.code,
        m,
        want.months(p, m),
      ]),
    );
  });
}

/** Writes one value into a project table cell of the file, as a user typing would. */
async function typeInto(
  bytes: Buffer,
  table: string,
  column: string,
  row: number,
  value: number,
): Promise<Buffer> {
  const pkg = await XlsxPackage.load(bytes);
  const t = (await findTable(pkg, table))!;
  const body = bodyRange(t);
  const col = body.left + t.columns.indexOf(column);
  await writeCells(pkg, t.sheet.path, body.top + row, col, [[value]], () => undefined);
  return await pkg.save();
}

describe('consolidate: formula truth in LibreOffice', () => {
  beforeAll(() => requireLibreOffice());

  it('computes the named totals, heat map, budget matrix and row order the test expects, and follows edited numbers', async () => {
    const plan = trickyPlan();
    const source = await newWorkbook(newWorkbookPlan(plan));
    const { result, bytes } = await consolidateWorkbook(source, { builtAt: BUILT });
    expect(result.kind).toBe('ready');
    await checkBook(bytes!, plan);
    // The totals the pane reports (computed from the cells as read) agree with LibreOffice's.
    if (result.kind === 'ready') {
      const t = result.totals;
      expect({
        Joint_TotalPlanned: t.planned,
        Joint_TotalActual: t.actual,
        Joint_TotalVariance: t.variance,
        Joint_ContingencyReserve: t.reserve,
        Joint_Start: t.start,
        Joint_End: t.end,
        Joint_TaskCount: t.tasks,
        Joint_RiskCount: t.risks,
        Joint_HighRiskCount: t.highRisks,
      }).toEqual(
        Object.fromEntries(
          Object.entries(expectations(plan).names).map(([k, v]) => [k, expect.closeTo(v, 6)]),
        ),
      );
    }

    // Change numbers in two project sheets, not rows: a cost, a probability, a start date.
    const [alpha, orsted] = plan.projects;
    let edited = await typeInto(bytes!, 'Budget_ALPHA', 'Planned', 0, 77000);
    edited = await typeInto(edited, 'Risks_ORSTED', 'Probability', 0, 5);
    edited = await typeInto(edited, 'Tasks_ALPHA', 'Start', 0, isoToSerial('2024-12-02'));
    const changed: PlanFile = {
      ...plan,
      projects: plan.projects.map((p) =>
        p === alpha
          ? {
              ...p,
              budget: p.budget.map((b, i) => (i === 0 ? { ...b, planned: 77000 } : b)),
              tasks: p.tasks.map((t, i) => (i === 0 ? { ...t, start: '2024-12-02' } : t)),
            }
          : p === orsted
            ? { ...p, risks: p.risks.map((r, i) => (i === 0 ? { ...r, probability: 5 } : r)) }
            : p,
      ),
    };
    const book = await computedValues(edited);
    const names = await listDefinedNames(await XlsxPackage.load(edited));
    const want = expectations(changed);
    for (const name of [
      'Joint_TotalPlanned',
      'Joint_ContingencyReserve',
      'Joint_Start',
      'Joint_HighRiskCount',
    ]) {
      const at = namedCell(names, name);
      expect([name, book.value(at.sheet, at.ref)]).toEqual([
        name,
        expect.closeTo(want.names[name]!, 6),
      ]);
    }
    const heatRow = rowsWith(book, 'Contingency Plan', 'Band')[0]!;
    for (let p = 5; p >= 1; p--)
      for (let i = 1; i <= 5; i++)
        expect([
          p,
          i,
          book.value('Contingency Plan', `${'EFGHI'[i - 1]}${heatRow + 6 - p}`) ?? 0,
        ]).toEqual([p, i, want.heat(p, i)]);
    // Rows stay where they were built; re-consolidating puts them back in order.
    const again = await consolidateWorkbook(edited, { builtAt: BUILT });
    expect(again.result.kind).toBe('ready');
    await checkBook(again.bytes!, changed);
  }, 240_000);

  it('says in words which project gained rows since the sheets were built', async () => {
    const plan = trickyPlan();
    const { bytes } = await consolidateWorkbook(await newWorkbook(newWorkbookPlan(plan)), {
      builtAt: BUILT,
    });
    const pkg = await XlsxPackage.load(bytes!);
    const tasks = (await findTable(pkg, 'Tasks_ORSTED'))!;
    const n = bodyRange(tasks).bottom - bodyRange(tasks).top + 1;
    await fillTableRows(
      pkg,
      'Tasks_ORSTED',
      n,
      [
        [
          'F9',
          'Snagging',
          '',
          'No',
          'Site lead',
          '',
          isoToSerial('2025-10-01'),
          isoToSerial('2025-10-03'),
          null,
          '',
          'Not started',
          0,
          '',
        ],
        [
          'F10',
          'Sign-off',
          '',
          'Yes',
          'Site lead',
          '',
          isoToSerial('2025-10-06'),
          isoToSerial('2025-10-06'),
          null,
          '',
          'Not started',
          0,
          '',
        ],
      ].map((r) =>
        r.map((v, i) =>
          i === 8
            ? {
                formula:
                  'NETWORKDAYS(Tasks_ORSTED[[#This Row],[Start]],Tasks_ORSTED[[#This Row],[End]],Settings_Holidays)',
              }
            : v,
        ),
      ),
    );
    const book = await computedValues(await pkg.save());
    expect(book.value('Joint Schedule', 'A3')).toMatch(
      /^1 project\(s\) changed since this sheet was built/,
    );
    const rows = rowsWith(book, 'Joint Schedule', "Ørsted's Façade Upgrade");
    expect(book.value('Joint Schedule', `H${rows[0]}`)).toBe(
      "Ørsted's Façade Upgrade has 2 tasks not in this schedule: click Consolidate",
    );
    expect(book.value('Joint Budget', 'A3')).toMatch(/^Up to date/);
    expect(book.value('Contingency Plan', 'A3')).toMatch(/^Up to date/);
  }, 120_000);
});
