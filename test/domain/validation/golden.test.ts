/**
 * Golden files: every JSON file in test/golden is a plan with cells spoiled as people spoil
 * them, and names the diagnostics it must produce. Files named error.* must hold an error,
 * warning.* only warnings, ok.* nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { PlanFileInput } from '../../../src/domain/schema/plan-file';
import type { RawValue } from '../../../src/domain/validation/raw';
import { validatePlan } from '../../../src/domain/validation/validate';
import { rawPlanOf, setCell } from './raw-plan';

interface Golden {
  about: string;
  plan: PlanFileInput;
  cells: {
    project: string;
    table: 'tasks' | 'budget' | 'risks';
    row: number;
    column: string;
    value: RawValue;
  }[];
  expect: { code: string; cell?: string }[];
}

const folder = path.join(__dirname, '..', '..', 'golden');
const files = readdirSync(folder).filter((f) => f.endsWith('.json'));

describe('golden plans', () => {
  it('has files of every kind', () => {
    expect(files.map((f) => f.split('.')[0])).toEqual(
      expect.arrayContaining(['ok', 'error', 'warning']),
    );
  });

  it.each(files)('%s', (file) => {
    const golden = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Golden;
    const raw = rawPlanOf(golden.plan);
    for (const c of golden.cells) {
      const project = raw.projects.find((p) => p.entry.code === c.project);
      setCell(project?.[c.table], c.row, c.column, c.value);
    }
    const found = validatePlan(raw);
    expect(
      found
        .map((d) => ({ code: d.code, ...(d.cell ? { cell: d.cell } : {}) }))
        .sort((a, b) => `${a.code}${a.cell}`.localeCompare(`${b.code}${b.cell}`)),
    ).toEqual(
      golden.expect
        .map((e) => ({ code: e.code, ...(e.cell ? { cell: e.cell } : {}) }))
        .sort((a, b) => `${a.code}${a.cell}`.localeCompare(`${b.code}${b.cell}`)),
    );
    const kind = file.split('.')[0];
    const errors = found.filter((d) => d.severity === 'error').length;
    if (kind === 'error') expect(errors).toBeGreaterThan(0);
    else expect(errors).toBe(0);
    if (kind === 'ok') expect(found).toEqual([]);
  });
});
