/**
 * Circles of dependencies are found by a depth-first search that keeps one path, grown and
 * shrunk as it goes: a circle must name only the tasks on it, never a branch searched before.
 */
import { dependencyProblems } from '../../../src/domain/validation/dependencies';

const place = (row: number) => () => ({
  project: 'P',
  sheet: 'P',
  table: 'Tasks',
  row,
  cell: `M${row + 4}`,
});
const task = (id: string, dependsOn: string, row: number) => ({
  id,
  dependsOn,
  start: undefined,
  end: undefined,
  place: place(row),
});

describe('dependency circles', () => {
  it('name the tasks on the circle, not a branch searched before it', () => {
    const problems = dependencyProblems([
      task('A', 'B, C', 1),
      task('B', '', 2),
      task('C', 'A', 3),
    ]);
    expect(problems.map((p) => [p.code, p.message, p.place.cell])).toEqual([
      ['identity.cycle', expect.stringContaining('A → C → A'), 'M5'],
    ]);
  });

  it('follow a chain of thousands of tasks to the circle at its end', () => {
    const n = 5000;
    const tasks = Array.from({ length: n }, (_, i) =>
      task(`T${i + 1}`, i + 1 < n ? `T${i + 2}` : 'T1', i + 1),
    );
    const problems = dependencyProblems(tasks);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.code).toBe('identity.cycle');
    expect(problems[0]?.message.split(' → ')).toHaveLength(n + 1);
  });
});
