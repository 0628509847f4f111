import { z } from 'zod';
import { duplicatesOf } from './primitives';
import { Project, amountSums, sumTooLarge } from './project';
import { Settings } from './settings';
import { sheetOf } from '../template/project-identity';

/** The JSON form of a whole plan: what `implan import` reads and `implan export` writes. */
export const PlanFile = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1).default(1),
    settings: Settings.prefault({}),
    projects: z.array(Project).default([]),
  })
  .superRefine((plan, ctx) => {
    for (const d of duplicatesOf(plan.projects.map((p) => p.code)))
      ctx.addIssue({
        code: 'custom',
        path: ['projects'],
        message: `the project code ${d} is used by more than one project`,
      });
    // Each project may keep below the limit while the joint sheets' totals pass it.
    const all = {
      budget: plan.projects.flatMap((p) => p.budget),
      risks: plan.projects.flatMap((p) => p.risks),
    };
    if (plan.projects.every((p) => amountSums(p).length === 0))
      for (const sum of amountSums(all))
        ctx.addIssue({
          code: 'custom',
          path: ['projects'],
          message: `across all projects, ${sumTooLarge(sum.label)}`,
        });
    for (const d of duplicatesOf(plan.projects.map(sheetOf)))
      ctx.addIssue({
        code: 'custom',
        path: ['projects'],
        message: `the sheet name "${d}" is used by more than one project`,
      });
  });

export type PlanFile = z.infer<typeof PlanFile>;
export type PlanFileInput = z.input<typeof PlanFile>;

/** The JSON Schema of plan files, generated from the zod schema (never written by hand). */
export function planJsonSchema(): unknown {
  return z.toJSONSchema(PlanFile, { io: 'input', unrepresentable: 'any' });
}
