import type { Settings } from '../schema/settings';
import type { RegistryEntry } from '../template/registry-sheet';
import type { RawPlan, RawTable, RawValue } from '../validation/raw';

/** A task row as consolidation sees it: where it sits in its table and what orders it. */
export interface JointTask {
  /** 1-based row of the table's data body, as INDEX counts it. */
  readonly row: number;
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

export interface JointRisk {
  readonly row: number;
  readonly id: string;
  readonly score: number;
}

export interface JointProject {
  readonly entry: RegistryEntry;
  readonly tasks: readonly JointTask[];
  readonly risks: readonly JointRisk[];
  /** Serial numbers of the first day of every month a budget line is planned in. */
  readonly months: readonly number[];
}

/** What the joint sheets are built from: a checked plan's included projects, as read. */
export interface JointInput {
  readonly settings: Settings;
  readonly projects: readonly JointProject[];
  /** When the sheets are built, as the sheets should say it ("23 Nov 2026 10:14 UTC"). */
  readonly builtAt: string;
}

const blank = (v: RawValue | undefined) => v === null || v === undefined || v === '';
const num = (v: RawValue | undefined) => (typeof v === 'number' ? v : Number.NaN);
const text = (v: RawValue | undefined) =>
  v === null || v === undefined || typeof v === 'object' ? '' : String(v);

function column(table: RawTable | undefined, name: string): (row: readonly RawValue[]) => RawValue {
  const i = table?.columns.indexOf(name) ?? -1;
  return (row) => (i < 0 ? null : (row[i] ?? null));
}

/** Rows that hold an entry; validation has made sure each of these has its ID. */
function entries<T>(
  table: RawTable | undefined,
  key: string,
  make: (row: readonly RawValue[], index: number) => T,
): T[] {
  if (!table) return [];
  const id = column(table, 'ID');
  const named = column(table, key);
  return table.rows.flatMap((r, i) => (blank(id(r)) && blank(named(r)) ? [] : [make(r, i + 1)]));
}

function firstOfMonth(serial: number): number {
  // Serial 1 is 1900-01-01; JavaScript's Date does the calendar arithmetic.
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  return (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The included projects of a plan that passed validation, reduced to what orders the joint rows. */
export function jointInputOf(plan: RawPlan, builtAt: string): JointInput {
  const projects = plan.projects
    .filter((p) => p.entry.included && p.sheetExists)
    .map((p): JointProject => {
      const start = column(p.tasks, 'Start');
      const end = column(p.tasks, 'End');
      const prob = column(p.risks, 'Probability');
      const impact = column(p.risks, 'Impact');
      const period = column(p.budget, 'Period');
      const months = new Set(
        (p.budget?.rows ?? []).flatMap((r) => {
          const v = num(period(r));
          return Number.isFinite(v) ? [firstOfMonth(v)] : [];
        }),
      );
      return {
        entry: p.entry,
        tasks: entries(p.tasks, 'Task', (r, row) => ({
          row,
          id: text(column(p.tasks, 'ID')(r)),
          start: num(start(r)),
          end: num(end(r)),
        })),
        risks: entries(p.risks, 'Risk', (r, row) => ({
          row,
          id: text(column(p.risks, 'ID')(r)),
          score: num(prob(r)) * num(impact(r)),
        })),
        months: [...months].sort((a, b) => a - b),
      };
    });
  return { settings: plan.settings, projects, builtAt };
}

/** "T2" before "T10"; the order people expect of IDs. (Collators: localeCompare is slow.) */
export const compareIds = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

export const compareNames = new Intl.Collator('en', { sensitivity: 'base' }).compare;
