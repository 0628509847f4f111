import { iso } from './cells';
import { say } from './messages';
import type { Place } from './report';

interface TaskLink {
  readonly id: string;
  readonly dependsOn: string;
  readonly start: number | undefined;
  readonly end: number | undefined;
  /** Made only for a task that has a problem: most have none. */
  readonly place: () => Place;
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
    const list =
      t.dependsOn === ''
        ? []
        : t.dependsOn
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
          place: t.place(),
          message: say.unknownDependency(t.id, d),
        });
      else if (t.start !== undefined && dep.end !== undefined && t.start <= dep.end)
        out.push({
          severity: 'warning',
          code: 'identity.starts-before-dependency',
          place: t.place(),
          message: say.startsBeforeDependency(t.id, iso(t.start), dep.id, iso(dep.end)),
        });
    }
  }
  // Depth-first search; each circle is reported once, at its first task in table order. The
  // search keeps its own stack (the path, and how far each task's list has been followed):
  // a chain of thousands of tasks, each depending on the next, overflowed the call stack
  // when the search called itself, and copying the path at every step cost its square.
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  const report = (circle: readonly string[]) => {
    const key = [...new Set(circle)].sort().join();
    const first = byId.get(circle[0] ?? '');
    if (reported.has(key) || !first) return;
    reported.add(key);
    out.push({
      severity: 'error',
      code: 'identity.cycle',
      place: first.place(),
      message: say.cycle(circle.map((c) => byId.get(c)?.id ?? c)),
    });
  };
  for (const root of byId.keys()) {
    if (state.has(root)) continue;
    const path = [root];
    const next = [0];
    state.set(root, 'visiting');
    while (path.length > 0) {
      const top = path.length - 1;
      const id = path[top]!;
      const list = deps.get(id) ?? [];
      const at = next[top]!;
      if (at >= list.length) {
        state.set(id, 'done');
        path.pop();
        next.pop();
        continue;
      }
      next[top] = at + 1;
      const d = list[at]!;
      if (!byId.has(d)) continue;
      if (state.get(d) === 'visiting') report([...path.slice(path.indexOf(d)), d]);
      else if (state.get(d) !== 'done') {
        state.set(d, 'visiting');
        path.push(d);
        next.push(0);
      }
    }
  }
  return out;
}
