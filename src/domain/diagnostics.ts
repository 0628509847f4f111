import type { z } from 'zod';

/** A user's mistake is data, not an exception: where it is and a sentence that explains it. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly project?: string;
  readonly sheet?: string;
  readonly cell?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Diagnostic[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(...problems: Diagnostic[]): Result<T> => ({ ok: false, problems });

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  code: 'code',
  sheet: 'sheet name',
  manager: 'manager',
  start: 'start date',
  end: 'end date',
  budgetCeiling: 'budget ceiling',
  lastReviewed: 'last reviewed date',
  percentComplete: '% complete',
  costImpact: 'cost impact',
  dependsOn: 'depends on',
  ratingBands: 'rating bands',
  budgetCategories: 'budget categories',
  riskCategories: 'risk categories',
  taskStatuses: 'task statuses',
  projectStatuses: 'project statuses',
};

/** "projects[1].tasks[0].end" for a zod issue path; the place a finance user can find. */
export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/** One sentence per schema issue, naming the field in words where we know it. */
export function schemaProblems(error: z.ZodError, where: string, code = 'schema'): Diagnostic[] {
  return error.issues.map((issue) => {
    const last = issue.path[issue.path.length - 1];
    const label = typeof last === 'string' ? (FIELD_LABELS[last] ?? last) : undefined;
    const place = issue.path.length > 0 ? ` (${pathText(issue.path)})` : '';
    const text =
      issue.code === 'invalid_type' && issue.input === undefined
        ? 'is missing'
        : issue.message.replace(/^Invalid input: /, '');
    return {
      severity: 'error' as const,
      code,
      message: `${where}${place}: ${label ? `the ${label} ` : ''}${text}`,
    };
  });
}
