import { isoToSerial, monthToSerial } from '../dates';
import type { PlanFile } from '../schema/plan-file';
import { RiskStatus } from '../schema/project';
import type { Settings } from '../schema/settings';
import type { BudgetColumn, RiskColumn, TaskColumn } from '../template/columns';
import { isBlank } from '../validation/cells';
import type { RawPlan, RawTable, RawValue } from '../validation/raw';

/**
 * What a baseline keeps of a plan: values, never formulas, so it stays as saved whatever
 * happens to the project sheets later. Read from the cells of a checked plan (Save baseline,
 * `implan baseline`) or from a plan file (the demo); both give the same rows.
 */
export interface SnapshotTask {
  readonly id: string;
  readonly start: number | null;
  readonly end: number | null;
  readonly status: string;
}

export interface SnapshotLine {
  readonly category: string;
  /** The line's funding source as typed, '' when blank. */
  readonly source: string;
  /** Serial of the line's month, or null. */
  readonly period: number | null;
  readonly planned: number;
  readonly actual: number;
}

export interface SnapshotRisk {
  readonly id: string;
  readonly probability: number;
  readonly impact: number;
  readonly status: string;
  readonly cost: number;
}

export interface SnapshotProject {
  readonly code: string;
  readonly tasks: readonly SnapshotTask[];
  readonly budget: readonly SnapshotLine[];
  readonly risks: readonly SnapshotRisk[];
}

const num = (v: RawValue | undefined): number | null => (typeof v === 'number' ? v : null);
const text = (v: RawValue | undefined) =>
  v === null || v === undefined || typeof v === 'object' ? '' : String(v).trim();

/** A text as typed, spaces kept: "Grant " is another funding source than "Grant" (0012). */
const rawText = (v: RawValue | undefined) =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

/** The cells of a table's column, by the template's column name. */
function reader(table: RawTable | undefined) {
  return (name: TaskColumn | BudgetColumn | RiskColumn) => {
    const i = table?.columns.indexOf(name) ?? -1;
    return (row: readonly RawValue[]) => (i < 0 ? null : (row[i] ?? null));
  };
}

/** Rows of a table that hold something in one of `keys` (a blank line is no entry). */
function filled(
  table: RawTable | undefined,
  keys: readonly (TaskColumn | BudgetColumn | RiskColumn)[],
) {
  const cols = keys.map(reader(table));
  return (table?.rows ?? []).filter((r) => cols.some((c) => !isBlank(c(r))));
}

/** The included projects of a plan as read from its cells. */
export function snapshotOfRaw(plan: RawPlan): SnapshotProject[] {
  return plan.projects
    .filter((p) => p.entry.included && p.sheetExists)
    .map((p) => {
      const t = reader(p.tasks);
      const b = reader(p.budget);
      const r = reader(p.risks);
      return {
        code: p.entry.code,
        tasks: filled(p.tasks, ['ID', 'Task']).map((row) => ({
          id: text(t('ID')(row)),
          start: num(t('Start')(row)),
          end: num(t('End')(row)),
          status: text(t('Status')(row)),
        })),
        budget: filled(p.budget, ['Category', 'Planned']).map((row) => ({
          category: text(b('Category')(row)),
          source: rawText(b('Funding source')(row)),
          period: num(b('Period')(row)),
          planned: num(b('Planned')(row)) ?? 0,
          actual: num(b('Actual')(row)) ?? 0,
        })),
        risks: filled(p.risks, ['ID', 'Risk']).map((row) => ({
          id: text(r('ID')(row)),
          probability: num(r('Probability')(row)) ?? 0,
          impact: num(r('Impact')(row)) ?? 0,
          status: text(r('Status')(row)),
          cost: num(r('Cost impact')(row)) ?? 0,
        })),
      };
    });
}

const serial = (iso: string | null) => (iso === null ? null : isoToSerial(iso));

/** The included projects of a plan file, as its workbook's cells would read. */
export function snapshotOfPlanFile(plan: PlanFile): SnapshotProject[] {
  return plan.projects
    .filter((p) => p.included)
    .map((p) => ({
      code: p.code,
      tasks: p.tasks.map((t) => ({
        id: t.id,
        start: serial(t.start),
        end: serial(t.end),
        status: t.status,
      })),
      budget: p.budget.map((l) => ({
        category: l.category,
        source: l.fundingSource,
        period: l.period === null ? null : monthToSerial(l.period),
        planned: l.planned,
        actual: l.actual ?? 0,
      })),
      risks: p.risks.map((r) => ({
        id: r.id,
        probability: r.probability,
        impact: r.impact,
        status: r.status,
        cost: r.costImpact,
      })),
    }));
}

/** The joint totals a baseline records beside its rows. */
export interface SnapshotTotals {
  readonly projects: number;
  readonly tasks: number;
  readonly planned: number;
  readonly actual: number;
  /** Expected value of the open risks: probability of their level times their cost impact. */
  readonly reserve: number;
  readonly openRisks: number;
  readonly start: number | null;
  readonly end: number | null;
}

const sum = (xs: readonly number[]) => xs.reduce((n, x) => n + x, 0);
/** The earliest or latest of some dates, or null; a loop, since 20,000 tasks pass the
 *  argument limit of Math.min(...dates). */
export function extreme(xs: readonly (number | null)[], pick: 'min' | 'max'): number | null {
  let best: number | null = null;
  for (const x of xs)
    if (x !== null && (best === null || (pick === 'min' ? x < best : x > best))) best = x;
  return best;
}

export function snapshotTotals(projects: readonly SnapshotProject[], s: Settings): SnapshotTotals {
  const percent = (level: number) => s.probability.find((p) => p.level === level)?.percent ?? 0;
  const lines = projects.flatMap((p) => p.budget);
  const open = projects.flatMap((p) => p.risks).filter((r) => r.status === RiskStatus.enum.Open);
  const tasks = projects.flatMap((p) => p.tasks);
  return {
    projects: projects.length,
    tasks: tasks.length,
    planned: sum(lines.map((l) => l.planned)),
    actual: sum(lines.map((l) => l.actual)),
    reserve: sum(open.map((r) => percent(r.probability) * r.cost)),
    openRisks: open.length,
    start: extreme(
      tasks.map((t) => t.start),
      'min',
    ),
    end: extreme(
      tasks.map((t) => t.end),
      'max',
    ),
  };
}
