import { z } from 'zod';
import { AMOUNT_LIMIT, IsoDate, IsoMonth, Label, Money, Text, duplicatesOf } from './primitives';
import { SheetName } from './sheet-name';

export const CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,11}$/;

/** Short unique project code; it names the project's tables (Tasks_CODE), so it is strict. */
export const ProjectCode = z
  .string()
  .regex(
    CODE_PATTERN,
    'must be 2 to 12 capital letters, digits or underscores, starting with a letter (e.g. ALPHA)',
  );

export const ProjectHeader = z.object({
  name: Label(80),
  code: ProjectCode,
  /** The project's sheet; defaults to the project name. */
  sheet: SheetName.optional(),
  manager: Text(80).default(''),
  objective: Text(1000).default(''),
  expectedResults: Text(1000).default(''),
  start: IsoDate.nullable().default(null),
  end: IsoDate.nullable().default(null),
  budgetCeiling: Money.nullable().default(null),
  status: Text(60).default('Planned'),
  lastReviewed: IsoDate.nullable().default(null),
  included: z.boolean().default(true),
});

export const Task = z.object({
  id: Label(20),
  task: Label(200),
  phase: Text(60).default(''),
  milestone: z.boolean().default(false),
  responsible: Text(80).default(''),
  resources: Text(200).default(''),
  start: IsoDate.nullable().default(null),
  end: IsoDate.nullable().default(null),
  dependsOn: z.array(Label(20)).default([]),
  status: Text(60).default('Not started'),
  percentComplete: z.number().min(0).max(1).default(0),
  deliverable: Text(200).default(''),
});

export const BudgetLine = z.object({
  category: Label(60),
  item: Text(200).default(''),
  period: IsoMonth.nullable().default(null),
  planned: Money,
  actual: Money.nullable().default(null),
  fundingSource: Text(80).default(''),
  /** What is still to be spent on the line; estimate at completion = actual + this. */
  forecastToComplete: Money.nullable().default(null),
});

export const RiskStatus = z.enum(['Open', 'Closed']);

export const Risk = z.object({
  id: Label(20),
  risk: Label(300),
  category: Text(60).default(''),
  probability: z.int().min(1).max(5),
  impact: z.int().min(1).max(5),
  trigger: Text(300).default(''),
  mitigation: Text(500).default(''),
  contingency: Text(500).default(''),
  owner: Text(80).default(''),
  costImpact: Money.default(0),
  status: RiskStatus.default('Open'),
});

/** The sentence for amounts that add up past what Excel keeps exactly. */
export const sumTooLarge = (label: string) =>
  `the ${label} amounts add up to 1,000,000,000,000,000 or more, beyond the 15 digits Excel keeps; check for an amount typed with extra digits`;

/** A project's amount columns whose sum reaches the limit each amount keeps below. */
export function amountSums(p: {
  budget: readonly { planned: number; actual: number | null }[];
  risks: readonly { costImpact: number }[];
}): { list: 'budget' | 'risks'; label: string }[] {
  const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return [
    { list: 'budget' as const, label: 'planned', sum: total(p.budget.map((b) => b.planned)) },
    { list: 'budget' as const, label: 'actual', sum: total(p.budget.map((b) => b.actual ?? 0)) },
    { list: 'risks' as const, label: 'cost impact', sum: total(p.risks.map((r) => r.costImpact)) },
  ].filter((s) => !(s.sum < AMOUNT_LIMIT));
}

export const Project = ProjectHeader.extend({
  tasks: z.array(Task).default([]),
  budget: z.array(BudgetLine).default([]),
  risks: z.array(Risk).default([]),
}).superRefine((p, ctx) => {
  if (p.start !== null && p.end !== null && p.end < p.start)
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: `the end date ${p.end} is before the start date ${p.start}`,
    });
  p.tasks.forEach((t, i) => {
    if (t.start !== null && t.end !== null && t.end < t.start)
      ctx.addIssue({
        code: 'custom',
        path: ['tasks', i, 'end'],
        message: `the end date ${t.end} is before the start date ${t.start}`,
      });
  });
  for (const sum of amountSums(p))
    ctx.addIssue({ code: 'custom', path: [sum.list], message: sumTooLarge(sum.label) });
  for (const d of duplicatesOf(p.tasks.map((t) => t.id)))
    ctx.addIssue({ code: 'custom', path: ['tasks'], message: `the task ID "${d}" is used twice` });
  for (const d of duplicatesOf(p.risks.map((r) => r.id)))
    ctx.addIssue({ code: 'custom', path: ['risks'], message: `the risk ID "${d}" is used twice` });
  const ids = new Set(p.tasks.map((t) => t.id.toUpperCase()));
  p.tasks.forEach((t, i) =>
    t.dependsOn.forEach((dep, j) => {
      if (!ids.has(dep.toUpperCase()))
        ctx.addIssue({
          code: 'custom',
          path: ['tasks', i, 'dependsOn', j],
          message: `task ${t.id} depends on "${dep}", which is not a task of this project`,
        });
    }),
  );
});

export type ProjectHeader = z.infer<typeof ProjectHeader>;
export type ProjectHeaderInput = z.input<typeof ProjectHeader>;
export type Task = z.infer<typeof Task>;
export type BudgetLine = z.infer<typeof BudgetLine>;
export type RiskStatus = z.infer<typeof RiskStatus>;
export type Risk = z.infer<typeof Risk>;
export type Project = z.infer<typeof Project>;
