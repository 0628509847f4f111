import type { Diagnostic } from '../diagnostics';
import { textLiteral } from '../plan/references';
import type { NamePlan, SheetPlan, WorkbookPlan } from '../plan/types';
import type { RawPlan } from '../validation/raw';
import { validatePlan } from '../validation/validate';
import { type WriteTarget, writeRefusals } from '../template/write-check';
import { contingencyPlan, CONTINGENCY_SHEET } from './contingency-plan';
import { DASHBOARD_SHEET, dashboardPlan } from './dashboard-plan';
import { fingerprintOf, fingerprintOfPlan, type SheetCell } from './fingerprint';
import { jointInputOf, jointTotals, type JointTotals } from './input';
import { comparisonOf } from './compared';
import { JOINT_BUDGET_SHEET, jointBudgetPlan } from './joint-budget';
import { JOINT_SCHEDULE_SHEET, jointSchedulePlan } from './joint-schedule';
import { VARIANCE_SHEET, variancePlan } from './variance/sheet';

export const JOINT_SHEETS = [
  JOINT_SCHEDULE_SHEET,
  JOINT_BUDGET_SHEET,
  CONTINGENCY_SHEET,
  VARIANCE_SHEET,
  DASHBOARD_SHEET,
] as const;

/** The workbook name that says when Consolidate last ran, for the pane's status card. */
export const CONSOLIDATED_AT = 'Implan_ConsolidatedAt';

/** Reads a text constant name's formula, `="x"` or `"x"`, back to `x`. */
export function textConstant(refersTo: string | null | undefined): string | null {
  const m = /^=?"((?:[^"]|"")*)"$/.exec((refersTo ?? '').trim());
  return m?.[1]?.replace(/""/g, '"') ?? null;
}

/** The workbook name that remembers a joint sheet's fingerprint as it was built. */
/**
 * Whether a defined name is one Consolidate makes (the Joint_* totals, the build stamp and the
 * sheets' fingerprints), and so one that removing the joint sheets removes too.
 */
export function isConsolidationName(name: string): boolean {
  const upper = name.toUpperCase();
  return (
    upper.startsWith('JOINT_') ||
    upper === CONSOLIDATED_AT.toUpperCase() ||
    JOINT_SHEETS.some((s) => upper === fingerprintName(s).toUpperCase())
  );
}

export function fingerprintName(sheet: string): string {
  return `Implan_Built_${sheet.replace(/\s+/g, '')}`;
}

/** A joint sheet as found in the workbook before consolidating. */
export interface ExistingJointSheet {
  readonly name: string;
  readonly cells: readonly SheetCell[];
  /** Its merged ranges (A1); left out where the host cannot list them (before ExcelApi 1.13). */
  readonly merges?: readonly string[];
  /** The fingerprint stored when implan built it; null when there is none. */
  readonly builtFingerprint: string | null;
}

export type Consolidation =
  | { readonly kind: 'blocked'; readonly diagnostics: readonly Diagnostic[] }
  | {
      readonly kind: 'confirm';
      /** Joint sheets someone has typed into since implan built them. */
      readonly edited: readonly string[];
      readonly warnings: readonly Diagnostic[];
    }
  | {
      readonly kind: 'ready';
      readonly plan: WorkbookPlan;
      readonly sheets: readonly SheetPlan[];
      readonly names: readonly NamePlan[];
      readonly warnings: readonly Diagnostic[];
      readonly counts: {
        readonly projects: number;
        readonly tasks: number;
        readonly risks: number;
      };
      readonly totals: JointTotals;
    };

/** What `planConsolidation` takes besides the raw plan. */
export interface PlanOptions {
  readonly builtAt: string;
  readonly existing: readonly ExistingJointSheet[];
  readonly replaceEdited?: boolean;
}

/**
 * Consolidation as a pure step: validate the included projects (errors block), make sure no
 * joint sheet holds edits that rebuilding would lose (unless the user said to replace them),
 * then plan the joint sheets (schedule, budget, contingency plan and the dashboard over them)
 * and their names.
 */
export function planConsolidation(raw: RawPlan, options: PlanOptions): Consolidation {
  const steps = consolidationSteps(raw, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** `planConsolidation` awaiting `pause` between its parts (see consolidationSteps). */
export async function planConsolidationPausing(
  raw: RawPlan,
  options: PlanOptions,
  pause: () => Promise<void>,
): Promise<Consolidation> {
  const steps = consolidationSteps(raw, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}

/**
 * `planConsolidation` a part at a time: it pauses (yields) after each part, none of which
 * takes more than a few hundred milliseconds at 400 projects where the whole takes one to two
 * seconds, so a caller on the pane's thread can let the pane repaint in between.
 */
export function* consolidationSteps(
  raw: RawPlan,
  options: PlanOptions,
): Generator<void, Consolidation, void> {
  const included = { ...raw, projects: raw.projects.filter((p) => p.entry.included) };
  const diagnostics = validatePlan(included);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { kind: 'blocked', diagnostics };
  const warnings = [...diagnostics];
  yield;
  const edited: string[] = [];
  for (const s of options.existing) {
    if (s.builtFingerprint === null || s.builtFingerprint !== fingerprintOf(s.cells, s.merges))
      edited.push(s.name);
    yield;
  }
  if (edited.length > 0 && !options.replaceEdited) return { kind: 'confirm', edited, warnings };

  const input = jointInputOf(included, options.builtAt);
  const schedule = jointSchedulePlan(input);
  yield;
  const comparison = comparisonOf(included);
  const budget = jointBudgetPlan(input, comparison.base);
  yield;
  const contingency = contingencyPlan(input);
  yield;
  const variance = variancePlan(input, included, comparison);
  const parts = [schedule, budget, contingency, { sheet: variance.sheet, names: [] }];
  const dashboard = dashboardPlan(input, {
    ...schedule.refs,
    register: contingency.register,
    budget: budget.charts,
  });
  const sheets = [...parts.map((p) => p.sheet), dashboard];
  warnings.push(...variance.warnings);
  const stamps: NamePlan[] = [];
  for (const sheet of sheets) {
    yield;
    stamps.push({
      name: fingerprintName(sheet.name),
      refersTo: textLiteral(fingerprintOfPlan(sheet)),
      comment: 'Set by implan: tells whether this joint sheet was typed into since it was built.',
    });
  }
  const names: NamePlan[] = [
    ...parts.flatMap((p) => p.names),
    {
      name: CONSOLIDATED_AT,
      refersTo: textLiteral(options.builtAt),
      comment: 'Set by implan: when the joint sheets were last built.',
    },
    ...stamps,
  ];
  return {
    kind: 'ready',
    plan: {
      steps: [
        ...sheets.map((sheet) => ({ kind: 'addSheet' as const, sheet })),
        { kind: 'setNames', names },
      ],
    },
    sheets,
    names,
    warnings,
    counts: {
      projects: input.projects.length,
      tasks: input.projects.reduce((n, p) => n + p.tasks.length, 0),
      risks: input.projects.reduce((n, p) => n + p.risks.length, 0),
    },
    totals: jointTotals(input),
  };
}

/**
 * A consolidation checked against the workbook it is about to be written into: blocked, the
 * refusals first, where protection would stop the rebuild. Called by both writers' boundaries
 * just before they write (writeRefusals).
 */
export function checkedConsolidation(result: Consolidation, target: WriteTarget): Consolidation {
  if (result.kind !== 'ready') return result;
  const refusals = writeRefusals(target, result.plan);
  return refusals.length > 0
    ? { kind: 'blocked', diagnostics: [...refusals, ...result.warnings] }
    : result;
}

/** "23 Nov 2026 10:14 UTC": how the joint sheets say when they were built. */
export function builtAtText(date: Date): string {
  const day = date.toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const time = date.toISOString().slice(11, 16);
  return `${day} ${time} UTC`;
}
