/** A plan of many small projects, for the paths that change with the project count. */
import type { PlanFileInput } from '../../../src/domain/schema/plan-file';

/**
 * `n` projects (codes PR0, PR1...), each with one task, one budget line and `risks` risks whose
 * probability, impact and status vary with the project and risk number (every fourth closed).
 */
export function manyProjects(n: number, risks = 2): PlanFileInput {
  return {
    projects: Array.from({ length: n }, (_, i) => ({
      name: `Project ${i}`,
      code: `PR${i}`,
      tasks: [
        { id: 'T1', task: 'Work', responsible: 'Dana', start: '2025-03-03', end: '2025-03-07' },
      ],
      budget: [{ category: 'Personnel', period: '2025-03', planned: 1000 + i }],
      risks: Array.from({ length: risks }, (_, k) => ({
        id: `R${k + 1}`,
        risk: `Risk ${k + 1}`,
        probability: ((i + k) % 5) + 1,
        impact: ((i * 3 + k * 2) % 5) + 1,
        owner: 'Dana',
        mitigation: 'Watch it',
        costImpact: 100 * (k + 1),
        status: (i + k) % 4 === 0 ? ('Closed' as const) : ('Open' as const),
      })),
    })),
  };
}

/** Open risks of `manyProjects(n, risks)` by probability and impact. */
export function openRisksOf(plan: PlanFileInput): (probability: number, impact: number) => number {
  const open = (plan.projects ?? []).flatMap((p) =>
    (p.risks ?? []).filter((r) => r.status !== 'Closed'),
  );
  return (probability, impact) =>
    open.filter((r) => r.probability === probability && r.impact === impact).length;
}
