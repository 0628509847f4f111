import { iso } from './cells';
import { say } from './messages';
import type { Place } from './report';

interface TaskLink {
  readonly id: string;
  readonly dependsOn: string;
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly place: Place;
}

interface Problem {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly place: Place;
  readonly message: string;
}

/**
 * Unknown dependencies, circles, and tasks that start before what they depend on ends. Dates
 * are whole days and a task's end day is a working day of it, so a task that depends on another
 * starts the day after that one ends at the earliest: starting on its end day is reported too,
 * and the sentence says "the day ... ends" then.
 */
export function dependencyProblems(tasks: readonly TaskLink[]): Problem[] {
  const out: Problem[] = [];
  const byId = new Map(tasks.filter((t) => t.id !== '').map((t) => [t.id.toUpperCase(), t]));
  const deps = new Map<string, string[]>();
  for (const t of tasks) {
    const list = t.dependsOn
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    deps.set(
      t.id.toUpperCase(),
      list.map((d) => d.toUpperCase()),
    );
    for (const d of list) {
      const dep = byId.get(d.toUpperCase());
      if (!dep)
        out.push({
          severity: 'error',
          code: 'identity.unknown-dependency',
          place: t.place,
          message: say.unknownDependency(t.id, d),
        });
      else if (t.start !== undefined && dep.end !== undefined && t.start <= dep.end)
        out.push({
          severity: 'warning',
          code: 'identity.starts-before-dependency',
          place: t.place,
          message: say.startsBeforeDependency(t.id, iso(t.start), dep.id, iso(dep.end)),
        });
    }
  }
  // Depth-first search; each circle is reported once, at its first task in table order.
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    state.set(id, 'visiting');
    for (const d of deps.get(id) ?? []) {
      if (!byId.has(d)) continue;
      if (state.get(d) === 'visiting') {
        const circle = [...path.slice(path.indexOf(d)), d];
        const key = [...new Set(circle)].sort().join();
        const first = byId.get(circle[0] ?? '');
        if (!reported.has(key) && first) {
          reported.add(key);
          out.push({
            severity: 'error',
            code: 'identity.cycle',
            place: first.place,
            message: say.cycle(circle.map((c) => byId.get(c)?.id ?? c)),
          });
        }
      } else if (state.get(d) !== 'done') visit(d, [...path, d]);
    }
    state.set(id, 'done');
  };
  for (const id of byId.keys()) if (!state.has(id)) visit(id, [id]);
  return out;
}
