import { a1 } from '../plan/a1';
import { type Diagnostic, compose } from '../diagnostics';
import { AMOUNT_LIMIT } from '../schema/primitives';
import { checkCard, checkOwnSheet, checkProjectSheet, checkSums } from './project-checks';
import { NO_STRUCTURE, nameProblems, protectionWarnings } from './structure';
import { BUDGET_COLUMNS, RISK_COLUMNS, TASK_COLUMNS } from '../template/columns';
import { columnsAddedAfter } from '../template/upgrade';
import { TEMPLATE_VERSION, TEMPLATE_VERSION_NAME, templateVersionOf } from '../template/version';
import { CARD_FIELDS } from '../template/project-sheet';
import { BUDGET_RULES, type ColumnRule, RISK_RULES, TASK_RULES } from './columns';
import { type Checked, checkCell, isBlank, iso } from './cells';
import { say } from './messages';
import type { RawPlan, RawProject, RawTable, RawValue } from './raw';
import { dependencyProblems } from './dependencies';
import { type Place, Report } from './report';

export type { Place };

/** Text a spreadsheet would take for a formula if typed: it starts with = + - or @. */
const looksLikeFormula = (text: string): boolean => {
  const first = text.charCodeAt(0);
  return first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40;
};
const isYesNo = (text: string): boolean =>
  text === 'Yes' || text === 'No' || /^(yes|no)$/i.test(text.trim());
const EMPTY: Checked = { kind: 'empty' };

/** Where a table's rows stand and which rule's column each checked value came from. */
interface TableAt {
  readonly project: string;
  readonly label: string;
  readonly table: RawTable;
  readonly slot: ReadonlyMap<string, number>;
}

/**
 * One checked row of a table. A class rather than an object of closures: 200 projects check
 * 34,000 rows, and each row's two closures were most of what validation allocated.
 */
class CheckedRow {
  constructor(
    private readonly at: TableAt,
    readonly index: number,
    private readonly checked: readonly Checked[],
  ) {}

  get(column: string): Checked {
    return this.checked[this.at.slot.get(column) ?? -1] ?? EMPTY;
  }

  place(column: string): Place {
    return placeOf(this.at, this.index, column);
  }
}

function placeOf(at: TableAt, index: number, column: string): Place {
  const t = at.table;
  return {
    project: at.project,
    sheet: t.sheet,
    table: at.label,
    row: index + 1,
    cell: a1(t.headerRow + 1 + index, t.left + Math.max(0, t.columns.indexOf(column))),
  };
}

/** Cell-by-cell checks of one table, returning the rows later checks look across. */
function checkTable(
  r: Report,
  project: RawProject,
  label: string,
  t: RawTable | undefined,
  expected: readonly string[],
  rules: readonly ColumnRule[],
  plan: RawPlan,
): CheckedRow[] {
  const name = project.entry.name;
  if (!t) {
    if (project.sheetExists)
      r.add(
        'error',
        'structure.missing-table',
        { project: name, sheet: project.entry.sheet },
        say.missingTable(label),
      );
    return [];
  }
  for (const c of expected)
    if (!t.columns.includes(c))
      r.add(
        'error',
        'structure.missing-column',
        { project: name, sheet: t.sheet, table: label },
        say.missingColumn(t.name, c),
      );
  for (const c of t.columns)
    if (!expected.includes(c))
      r.add(
        'warning',
        'structure.extra-column',
        { project: name, sheet: t.sheet, table: label },
        say.extraColumn(t.name, c),
      );
  // Once per table, not per row and cell: where each rule's column stands and the lists' values
  // (at 200 projects, looking them up per cell was a third of validation).
  const columns = rules
    .map((rule) => {
      const list = rule.list?.(plan.settings);
      const allowed = list && new Set(list.values.map((v) => v.toLowerCase()));
      // Most cells hold a value exactly as the list spells it: found without a new string.
      const exact = list && new Set(list.values);
      return { rule, index: t.columns.indexOf(rule.column), list, allowed, exact };
    })
    .filter((c) => c.index >= 0);
  const at: TableAt = {
    project: name,
    label,
    table: t,
    slot: new Map(columns.map((c, k) => [c.rule.column, k])),
  };
  const blank = t.rows.map((row) => row.every(isBlank));
  const lastFilled = blank.lastIndexOf(false);
  const out: CheckedRow[] = [];
  t.rows.forEach((row, i) => {
    if (blank[i]) {
      if (i < lastFilled)
        r.add(
          'warning',
          'structure.blank-row',
          { ...placeOf(at, i, t.columns[0] ?? ''), cell: a1(t.headerRow + 1 + i, t.left) },
          say.blankRow(),
        );
      return;
    }
    const checked: Checked[] = [];
    for (const { rule, index, list, allowed, exact } of columns) {
      const raw: RawValue = row[index] ?? null;
      const c = checkCell(rule, raw);
      checked.push(c);
      if (c.kind === 'bad')
        r.add(c.problem.severity, c.problem.code, placeOf(at, i, rule.column), c.problem.message);
      else if (c.kind === 'empty' && rule.required)
        r.add('error', 'required', placeOf(at, i, rule.column), say.required(rule.column));
      else if (c.kind === 'number' && rule.kind === 'text' && rule.textOnly)
        r.add(
          'warning',
          'type.number-in-text',
          placeOf(at, i, rule.column),
          say.numberInText(rule.column, c.value),
        );
      else if (c.kind === 'text') {
        if (rule.kind === 'yesNo' && !isYesNo(c.value))
          r.add(
            'error',
            'list.yes-no',
            placeOf(at, i, rule.column),
            say.yesNo(rule.column, c.value),
          );
        if (list && allowed && !exact?.has(c.value) && !allowed.has(c.value.trim().toLowerCase()))
          r.add(
            'warning',
            'list.unknown',
            placeOf(at, i, rule.column),
            say.unknownListValue(rule.column, c.value, list.name),
          );
        if ((rule.kind === 'text' || rule.kind === 'id') && looksLikeFormula(c.value))
          r.add(
            'warning',
            'text.formula-like',
            placeOf(at, i, rule.column),
            say.formulaText(rule.column, c.value),
          );
      }
    }
    out.push(new CheckedRow(at, i, checked));
  });
  return out;
}

const num = (c: Checked): number | undefined => (c.kind === 'number' ? c.value : undefined);
const txt = (c: Checked): string =>
  c.kind === 'text' ? c.value.trim() : c.kind === 'number' ? String(c.value) : '';

function duplicateIds(r: Report, rows: readonly CheckedRow[], kind: string): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const id = txt(row.get('ID')).toUpperCase();
    if (id === '') continue;
    const first = seen.get(id);
    if (first !== undefined)
      r.add(
        'error',
        'identity.duplicate-id',
        row.place('ID'),
        say.duplicateId(kind, txt(row.get('ID')), first),
      );
    else seen.set(id, row.index + 1);
  }
}

interface Sums {
  readonly planned: number;
  readonly actual: number;
  readonly cost: number;
}
const NO_SUMS: Sums = { planned: 0, actual: 0, cost: 0 };

/** The plan's template version from its version name, as read; the current one when unread. */
function versionOf(plan: RawPlan): number {
  const names = plan.structure?.names;
  if (!names) return TEMPLATE_VERSION;
  const stored = names.find(
    (n) => n.sheet === undefined && n.name.toUpperCase() === TEMPLATE_VERSION_NAME.toUpperCase(),
  );
  const version = templateVersionOf(stored?.refersTo, true) ?? TEMPLATE_VERSION;
  return Number.isNaN(version) ? TEMPLATE_VERSION : version;
}

function validateProject(r: Report, p: RawProject, plan: RawPlan): Sums {
  const name = p.entry.name;
  // implan's own sheet first: the registry may name a joint sheet not yet built.
  if (!checkOwnSheet(r, p)) return NO_SUMS;
  if (!p.sheetExists) {
    r.add(
      'error',
      'structure.missing-sheet',
      { project: name, sheet: 'Projects' },
      say.missingSheet(p.entry.sheet),
    );
    return NO_SUMS;
  }
  if (!checkProjectSheet(r, p)) return NO_SUMS;
  checkCard(r, p);
  const tasks = checkTable(
    r,
    p,
    'Tasks',
    p.tasks,
    TASK_COLUMNS.map((c) => c.name),
    TASK_RULES,
    plan,
  );
  const later = columnsAddedAfter(versionOf(plan));
  const budget = checkTable(
    r,
    p,
    'Budget',
    p.budget,
    BUDGET_COLUMNS.map((c) => c.name).filter((c) => !later.has(`budget:${c}`)),
    BUDGET_RULES,
    plan,
  );
  const risks = checkTable(
    r,
    p,
    'Risks',
    p.risks,
    RISK_COLUMNS.map((c) => c.name),
    RISK_RULES,
    plan,
  );
  if (p.tasks && p.budget && p.risks && tasks.length + budget.length + risks.length === 0)
    r.add('warning', 'project.empty', { project: name, sheet: p.entry.sheet }, say.emptyProject());

  const card = (key: (typeof CARD_FIELDS)[number]['key']) =>
    p.card[CARD_FIELDS.findIndex((f) => f.key === key)] ?? null;
  const pStart = card('start');
  const pEnd = card('end');
  for (const row of tasks) {
    const s = num(row.get('Start'));
    const e = num(row.get('End'));
    if (s !== undefined && e !== undefined && e < s)
      r.add(
        'error',
        'range.end-before-start',
        row.place('End'),
        say.endBeforeStart(iso(e), iso(s)),
      );
    else if (
      s !== undefined &&
      e !== undefined &&
      typeof pStart === 'number' &&
      typeof pEnd === 'number' &&
      (s < pStart || e > pEnd)
    )
      r.add(
        'warning',
        'range.outside-project',
        row.place('Start'),
        say.outsideProject(iso(s), iso(e), iso(pStart), iso(pEnd)),
      );
  }
  duplicateIds(r, tasks, 'task');
  duplicateIds(r, risks, 'risk');
  for (const d of dependencyProblems(
    tasks.map((row) => ({
      id: txt(row.get('ID')),
      dependsOn: txt(row.get('Depends on')),
      start: num(row.get('Start')),
      end: num(row.get('End')),
      place: () => row.place('Depends on'),
    })),
  ))
    r.add(d.severity, d.code, d.place, d.message);

  const highest = plan.settings.ratingBands.slice(-2);
  for (const row of risks) {
    const p_ = num(row.get('Probability'));
    const i_ = num(row.get('Impact'));
    if (p_ === undefined || i_ === undefined) continue;
    const band = highest.find((b) => p_ * i_ >= b.min && p_ * i_ <= b.max);
    if (!band) continue;
    for (const column of ['Owner', 'Mitigation'])
      if (row.get(column).kind === 'empty')
        r.add(
          'error',
          'required.for-rating',
          row.place(column),
          say.requiredForRating(column, band.name),
        );
  }

  const ceiling = card('budgetCeiling');
  const total = (rows: readonly CheckedRow[], column: string) =>
    rows.reduce((sum, row) => sum + (num(row.get(column)) ?? 0), 0);
  const planned = total(budget, 'Planned');
  const sums = { planned, actual: total(budget, 'Actual'), cost: total(risks, 'Cost impact') };
  checkSums(r, p, [
    { table: 'Budget', column: 'planned', sum: sums.planned },
    { table: 'Budget', column: 'actual', sum: sums.actual },
    { table: 'Risks', column: 'cost impact', sum: sums.cost },
  ]);
  if (typeof ceiling === 'number' && planned > ceiling) {
    const money = (n: number) =>
      `${plan.settings.currency} ${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    r.add(
      'warning',
      'money.over-ceiling',
      { project: name, sheet: p.entry.sheet, table: 'Budget' },
      say.overCeiling(money(planned), money(ceiling)),
    );
  }
  return sums;
}

/** What the joint sheets add up across projects must stay as exact as each project's sums. */
function planSums(sums: readonly Sums[]): Diagnostic[] {
  const add = (key: keyof Sums) => sums.reduce((n, s) => n + s[key], 0);
  const columns = [
    ['planned', add('planned')],
    ['actual', add('actual')],
    ['cost impact', add('cost')],
  ] as const;
  return columns
    .filter(([, sum]) => !(sum < AMOUNT_LIMIT))
    .map(([column]) => ({
      severity: 'error' as const,
      code: 'range.sum-too-large',
      message: compose('All projects together', say.sumTooLarge(column)),
    }));
}

/**
 * Every check of a plan read from a workbook: raw cells in, diagnostics out, each with its
 * project, sheet, cell and a sentence. Never throws on user data.
 */
export function validatePlan(plan: RawPlan): Diagnostic[] {
  const r = new Report();
  const codes = new Map<string, string>();
  const sums: Sums[] = [];
  for (const p of plan.projects) {
    const code = p.entry.code.toUpperCase();
    const other = codes.get(code);
    if (other !== undefined)
      r.add(
        'error',
        'identity.duplicate-code',
        { project: p.entry.name, sheet: 'Projects', cell: a1(4 + p.registryRow, 0) },
        say.duplicateCode(p.entry.code, other),
      );
    else codes.set(code, p.entry.name);
    sums.push(validateProject(r, p, plan));
  }
  const structure = plan.structure ?? NO_STRUCTURE;
  const perProject = sums.every((s) => Object.values(s).every((v) => v < AMOUNT_LIMIT));
  return [
    ...nameProblems(
      structure,
      plan.projects.map((p) => p.entry.code),
    ),
    ...protectionWarnings(structure),
    ...r.diagnostics,
    ...(perProject ? planSums(sums) : []),
  ];
}
