/** Builds the raw plan a reader would return for a clean plan file, for tests to spoil. */
import { PlanFile, type PlanFileInput } from '../../../src/domain/schema/plan-file';
import {
  BUDGET_COLUMNS,
  type ColumnSpec,
  RISK_COLUMNS,
  TASK_COLUMNS,
} from '../../../src/domain/template/columns';
import { CARD_FIELDS, PROJECT_LAYOUT } from '../../../src/domain/template/project-sheet';
import { sheetOf, tablesOf } from '../../../src/domain/template/project-identity';
import { registryEntryOf } from '../../../src/domain/template/workbook';
import { isoToSerial } from '../../../src/domain/dates';
import type { RawPlan, RawProject, RawTable, RawValue } from '../../../src/domain/validation/raw';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
export type EditableTable = Omit<Mutable<RawTable>, 'rows'> & { rows: RawValue[][] };
export type EditableProject = Omit<Mutable<RawProject>, 'tasks' | 'budget' | 'risks' | 'card'> & {
  card: RawValue[];
  tasks?: EditableTable;
  budget?: EditableTable;
  risks?: EditableTable;
};

function table<E>(
  name: string,
  sheet: string,
  left: number,
  columns: readonly ColumnSpec<E>[],
  entities: readonly E[],
): EditableTable {
  return {
    name,
    sheet,
    headerRow: PROJECT_LAYOUT.headerRow,
    left,
    columns: columns.map((c) => c.name),
    rows: (entities.length === 0 ? [null] : entities).map((e) =>
      columns.map((c) => (e === null || !c.toCell ? null : c.toCell(e))),
    ),
  };
}

export function rawPlanOf(input: PlanFileInput): {
  settings: RawPlan['settings'];
  projects: EditableProject[];
} {
  const plan = PlanFile.parse(input);
  return {
    settings: plan.settings,
    projects: plan.projects.map((p, i) => {
      const sheet = sheetOf(p);
      const t = tablesOf(p.code);
      return {
        entry: registryEntryOf(p),
        registryRow: i,
        sheetExists: true,
        card: CARD_FIELDS.map(({ key }) => {
          const v = p[key];
          return key === 'start' || key === 'end' || key === 'lastReviewed'
            ? typeof v === 'string'
              ? isoToSerial(v)
              : null
            : (v ?? null);
        }),
        tasks: table(t.tasks, sheet, PROJECT_LAYOUT.tasksColumn, TASK_COLUMNS, p.tasks),
        budget: table(t.budget, sheet, PROJECT_LAYOUT.budgetColumn, BUDGET_COLUMNS, p.budget),
        risks: table(t.risks, sheet, PROJECT_LAYOUT.risksColumn, RISK_COLUMNS, p.risks),
      };
    }),
  };
}

/** Sets one cell of a table by column name and 0-based data row. */
export function setCell(
  t: EditableTable | undefined,
  row: number,
  column: string,
  value: RawValue,
): void {
  if (!t) throw new Error('no table');
  const c = t.columns.indexOf(column);
  if (c < 0) throw new Error(`no column ${column}`);
  const r = (t.rows[row] ??= t.columns.map(() => null));
  r[c] = value;
}
