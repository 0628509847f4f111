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
  objective: 'objective',
  expectedResults: 'expected results',
  start: 'start date',
  end: 'end date',
  budgetCeiling: 'budget ceiling',
  lastReviewed: 'last reviewed date',
  percentComplete: '% complete',
  costImpact: 'cost impact',
  dependsOn: 'list of tasks it depends on',
  included: 'included flag',
  milestone: 'milestone flag',
  fundingSource: 'funding source',
  planned: 'planned amount',
  actual: 'actual amount',
  forecastToComplete: 'forecast to complete',
  period: 'period',
  ratingBands: 'rating bands',
  budgetCategories: 'budget categories',
  riskCategories: 'risk categories',
  taskStatuses: 'task statuses',
  projectStatuses: 'project statuses',
  reviewEveryDays: 'review period (days)',
  compareBaseline: 'baseline compared with',
  id: 'ID',
};

/** What a field must hold, said the way a finance user would type it. */
const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list [...]',
  object: 'a group of fields {...}',
};
const DATE_FIELDS = new Set(['start', 'end', 'lastReviewed', 'date']);

/** "projects[1].tasks[0].end" for a zod issue path; the place in a plan file. */
export function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

/**
 * The one composer of messages: a place and a problem, joined by a colon, ending with a full
 * stop. Every sentence a user reads is built here, so none lacks its place or its stop.
 */
export function compose(place: string, problem: string): string {
  // A name with a tab or line break would break the sentence over lines.
  const text = `${place}: ${problem.trim()}`.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

const at = (value: unknown, key: PropertyKey): unknown =>
  value !== null && typeof value === 'object'
    ? (value as Record<PropertyKey, unknown>)[key]
    : undefined;

/** A value as a sentence names it: the text "1000", the number 5, empty (JSON null). */
function describe(value: unknown): string {
  if (typeof value === 'string')
    return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return 'a group of fields';
}

const SINGULAR: Record<string, string> = {
  projects: 'project',
  tasks: 'task',
  budget: 'budget line',
  risks: 'risk',
  ratingBands: 'rating band',
  probability: 'probability level',
  holidays: 'holiday',
};

/** The place of an issue in words: "project Beta, task T3"; the last key is the field. */
function placeOf(
  path: readonly PropertyKey[],
  input: unknown,
): { place: string[]; field?: string } {
  const place: string[] = [];
  const label = (k: string) => FIELD_LABELS[k] ?? k;
  let field: string | undefined;
  let value = input;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (typeof key !== 'string') continue;
    const next = path[i + 1];
    value = at(value, key);
    if (typeof next === 'number') {
      const id = at(at(value, next), key === 'projects' ? 'name' : 'id');
      const known = typeof id === 'string' && id.trim() !== '' && key !== 'budget';
      const item = `${SINGULAR[key] ?? `${label(key)} item`} ${known ? id.trim() : next + 1}`;
      if (i + 1 === path.length - 1) field = item;
      else place.push(item);
      value = at(value, next);
      i++;
    } else if (key === 'settings') place.push('Settings');
    else if (i === path.length - 1) field = label(key);
    else place.push(label(key));
  }
  return { place, ...(field !== undefined ? { field } : {}) };
}

/** A zod issue as what is wrong, said of its field ("must be a number (it is the text "1000")"). */
function predicateOf(
  issue: z.core.$ZodIssue,
  key: PropertyKey | undefined,
  value: unknown,
): string {
  const isDate = typeof key === 'string' && DATE_FIELDS.has(key);
  const was = value === undefined ? '' : ` (it is ${describe(value)})`;
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined$/.test(issue.message) && value === undefined) return 'is missing';
      return `must be ${isDate ? 'a date written YYYY-MM-DD' : (EXPECTED[issue.expected] ?? issue.expected)}${was}`;
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `must have at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `must list at least ${issue.minimum}`;
      return Number(issue.minimum) === 0
        ? `cannot be negative${was}`
        : `must be at least ${issue.minimum}${was}`;
    case 'too_big':
      if (issue.origin === 'string')
        return `must have at most ${issue.maximum} characters${typeof value === 'string' ? ` (it has ${value.length})` : ''}`;
      if (issue.origin === 'array') return `must list at most ${issue.maximum}`;
      if (key === 'percentComplete') return `must be between 0 and 1, that is 0% to 100%${was}`;
      return `must be at most ${issue.maximum}${was}`;
    case 'invalid_value':
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}${was}`;
    default: {
      const message = issue.message.replace(/^Invalid input: /, '');
      return PREDICATE.test(message) && message.startsWith('must') ? `${message}${was}` : message;
    }
  }
}

/** A message that already names its subject ("the end date ... is before ...") stands alone. */
const PREDICATE = /^(must|is|are|has|have|cannot|should|ends|starts)\b/;

/**
 * One sentence per schema issue: the place in words (the project by its name, the task by its
 * ID, the field by its label), the JSON path for plan files, then what is wrong and, for a wrong
 * type, what was expected. `input` is what was parsed, to name projects and show values.
 */
export function schemaProblems(
  error: z.ZodError,
  where: string,
  options: { readonly code?: string; readonly input?: unknown; readonly jsonPath?: boolean } = {},
): Diagnostic[] {
  return error.issues.map((issue) => {
    const key = issue.path[issue.path.length - 1];
    const value =
      options.input !== undefined ? issue.path.reduce<unknown>(at, options.input) : issue.input;
    const { place, field } = placeOf(issue.path, options.input);
    const predicate = predicateOf(
      issue,
      typeof key === 'number' ? issue.path[issue.path.length - 2] : key,
      value,
    );
    const standsAlone = issue.code === 'custom' && !PREDICATE.test(predicate);
    const subject = field ?? 'value';
    // A clause that names its own subject ("task T1 depends on ...") drops what it repeats.
    const said = (words: string) =>
      predicate.toLowerCase().includes(words.toLowerCase().replace(/s$/, ''));
    const shown = standsAlone ? place.filter((p) => !said(p)) : place;
    const extra = standsAlone && field && typeof key !== 'number' && !said(field) ? [field] : [];
    const words = [where, ...shown, ...extra].join(', ');
    const json =
      options.jsonPath !== false && issue.path.length > 0 ? ` (${pathText(issue.path)})` : '';
    const problem = standsAlone ? predicate : `the ${subject} ${predicate}`;
    return {
      severity: 'error' as const,
      code: options.code ?? 'schema',
      message: compose(`${words}${json}`, problem),
    };
  });
}
