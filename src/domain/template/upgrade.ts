import type { Diagnostic, Result } from '../diagnostics';
import { compose, fail, ok } from '../diagnostics';
import type { NamePlan, PlanStep, Scalar, SheetEdit, WorkbookPlan } from '../plan/types';
import type { Settings } from '../schema/settings';
import { BUDGET_COLUMNS } from './columns';
import { PROJECT_REVIEW_CELL, PROJECT_REVIEW_LABEL, projectReviewItems } from './project-sheet';
import type { RegistryEntry } from './registry-sheet';
import {
  BASELINE_CELL,
  BASELINE_LABEL,
  baselineSettingItems,
  REVIEW_DAYS_CELL,
  REVIEW_DAYS_LABEL,
  SETTINGS_SHEET,
  reviewSettingItems,
  settingsNames,
} from './settings-sheet';
import { SETTINGS_NAMES } from './settings-names';
import {
  type ColumnChange,
  planColumnChange,
  type TableShape,
  type TableShapes,
} from './upgrade-columns';
import { TEMPLATE_VERSION, templateVersionNamePlan, versionProblem } from './version';

export type { TableShape, TableShapes } from './upgrade-columns';

/** What one migration adds to one sheet: the cells it needs empty, and what it writes there. */
interface SheetChange {
  /** The block the change writes, e.g. "A6:B6"; its first cell holds the change's label. */
  readonly area: string;
  readonly label: string;
  readonly items: (s: Settings) => readonly SheetEdit[];
  readonly sentence: (s: Settings) => string;
}

/**
 * Part of the step from one template version to the next. Several entries may share a `from`
 * (each change of a version its own entry); they apply in the list's order.
 */
interface Migration {
  readonly from: number;
  readonly settings?: SheetChange;
  readonly project?: SheetChange;
  /** Columns added at the right end of every project's table of a kind. */
  readonly columns?: readonly ColumnChange[];
  readonly names: readonly NamePlan[];
}

const rowOf = (cell: string) => `A${cell.slice(1)}:${cell}`;

const FORECAST_COLUMN = BUDGET_COLUMNS.find((c) => c.name === 'Forecast to complete')!;

const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    settings: {
      area: rowOf(REVIEW_DAYS_CELL),
      label: REVIEW_DAYS_LABEL,
      items: reviewSettingItems,
      sentence: (s) =>
        `"${REVIEW_DAYS_LABEL}" (${s.reviewEveryDays}) in ${REVIEW_DAYS_CELL} and the name ${SETTINGS_NAMES.reviewDays}`,
    },
    project: {
      area: rowOf(PROJECT_REVIEW_CELL),
      label: PROJECT_REVIEW_LABEL,
      items: projectReviewItems,
      sentence: (s) =>
        `the ${PROJECT_REVIEW_LABEL} row in ${PROJECT_REVIEW_CELL} (Due when "Last reviewed on" is empty or older than ${s.reviewEveryDays} days)`,
    },
    names: settingsNames().filter((n) => n.name === SETTINGS_NAMES.reviewDays),
  },
  // Version 3, baselines (decision 0010): the Settings row naming the baseline compared with.
  {
    from: 2,
    settings: {
      area: rowOf(BASELINE_CELL),
      label: BASELINE_LABEL,
      items: baselineSettingItems,
      sentence: () =>
        `"${BASELINE_LABEL}" (empty: none) in ${BASELINE_CELL} and the name ${SETTINGS_NAMES.baseline}`,
    },
    names: settingsNames().filter((n) => n.name === SETTINGS_NAMES.baseline),
  },
  // Version 3, the forecast (decision 0012): the Budget tables' "Forecast to complete".
  {
    from: 2,
    columns: [{ table: 'budget', label: 'Budget', column: FORECAST_COLUMN }],
    names: [],
  },
];

const migrationsFrom = (version: number) =>
  MIGRATIONS.filter((m) => m.from >= version && m.from < TEMPLATE_VERSION);

/**
 * The columns of project tables that versions after `version` add, as "budget:Forecast to
 * complete": what validation does not miss in an older workbook, since the upgrade adds them.
 */
export function columnsAddedAfter(version: number): Set<string> {
  return new Set(
    migrationsFrom(version).flatMap((m) =>
      (m.columns ?? []).map((c) => `${c.table}:${c.column.name}`),
    ),
  );
}

/** Cells as read from the areas `upgradeAreas` names, by area; null when the sheet is missing. */
export type AreaCells = Readonly<Record<string, readonly (readonly Scalar[])[]>> | null;

/**
 * What a reader reads before an upgrade from `version`: blocks on Settings and on each project
 * sheet, and the project tables whose shape (`TableShape`) the added columns need.
 */
export function upgradeAreas(version: number): {
  settings: string[];
  project: string[];
  tables: (keyof TableShapes)[];
} {
  const chain = migrationsFrom(version);
  return {
    settings: chain.flatMap((m) => (m.settings ? [m.settings.area] : [])),
    project: chain.flatMap((m) => (m.project ? [m.project.area] : [])),
    tables: [...new Set(chain.flatMap((m) => (m.columns ?? []).map((c) => c.table)))],
  };
}

export interface UpgradeInput {
  readonly version: number | null;
  readonly settings: Settings | null;
  readonly settingsCells: AreaCells;
  readonly projects: readonly {
    readonly entry: RegistryEntry;
    readonly cells: AreaCells;
    /** The tables `upgradeAreas(version).tables` names, as read. */
    readonly tables?: TableShapes;
  }[];
}

/** What an upgrade adds (or, in a dry run, would add), per sheet, as phrases ("the Review row in B21"). */
export interface UpgradeReport {
  readonly from: number;
  readonly to: number;
  readonly settings: readonly string[];
  readonly projects: readonly { readonly project: string; readonly changes: readonly string[] }[];
}

const isBlank = (v: Scalar | undefined) => v === null || v === undefined || v === '';

/**
 * Whether a change is still to be made: its area is empty (yes), holds its label already (an
 * earlier upgrade stopped half-way wrote it: no), or holds something a user typed (a problem,
 * since an upgrade never writes over people's cells).
 */
function pending(change: SheetChange, cells: AreaCells, sheet: string): boolean | Diagnostic {
  const block = cells?.[change.area] ?? [];
  if (block[0]?.[0] === change.label) return false;
  const filled = block.flat().find((v) => !isBlank(v));
  if (filled === undefined) return true;
  return {
    severity: 'error',
    code: 'upgrade-cells-taken',
    sheet,
    cell: change.area,
    message: compose(
      `The sheet ${sheet}`,
      `${change.area} holds "${String(filled)}", where the upgrade puts "${change.label}"; move what is there to other cells, then upgrade again`,
    ),
  };
}

/**
 * The plan that brings a workbook of an older template version to this one, with a report of
 * what it changes; an empty plan when it is current. It only writes into empty cells, so every
 * value people typed stays, and names the cells in the way when they are not empty.
 */
export function planUpgrade(
  input: UpgradeInput,
): Result<{ plan: WorkbookPlan; report: UpgradeReport }> {
  const { version, settings } = input;
  const newer = version !== null && version > TEMPLATE_VERSION;
  if (version === null || settings === null)
    return fail({
      severity: 'error',
      code: 'no-plan',
      message:
        'This workbook has no implan plan (no Projects and Settings sheets), so there is nothing to upgrade.',
    });
  if (newer || Number.isNaN(version)) return fail(versionProblem(version, '')!);
  const problems: Diagnostic[] = [];
  const steps: PlanStep[] = [];
  const settingsChanges: string[] = [];
  const projects: { project: string; changes: string[] }[] = [];
  const names: NamePlan[] = [];
  const edit = (
    sheet: string,
    change: SheetChange | undefined,
    cells: AreaCells,
    said: string[],
  ) => {
    if (!change) return;
    const todo = pending(change, cells, sheet);
    if (typeof todo === 'object') problems.push(todo);
    else if (todo) {
      steps.push({ kind: 'editSheet', sheet, items: change.items(settings) });
      said.push(change.sentence(settings));
    }
  };
  for (const m of migrationsFrom(version)) {
    edit(SETTINGS_SHEET, m.settings, input.settingsCells, settingsChanges);
    names.push(...m.names);
  }
  const addColumns = (entry: RegistryEntry, m: Migration, shapes: TableShapes, said: string[]) => {
    for (const change of m.columns ?? []) {
      const shape: TableShape | null | undefined = shapes[change.table];
      const planned = planColumnChange(change, entry, shape, settings);
      if ('severity' in planned) problems.push(planned);
      else {
        steps.push(...planned.steps);
        if (planned.sentence) said.push(planned.sentence);
      }
    }
  };
  for (const { entry, cells, tables } of input.projects) {
    const changes: string[] = [];
    if (cells === null)
      problems.push({
        severity: 'error',
        code: 'upgrade-sheet-missing',
        project: entry.name,
        message: `Project ${entry.name}: its sheet "${entry.sheet}" is missing; rename the sheet back or remove the project from the Projects sheet, then upgrade.`,
      });
    else
      for (const m of migrationsFrom(version)) {
        edit(entry.sheet, m.project, cells, changes);
        addColumns(entry, m, tables ?? {}, changes);
      }
    projects.push({ project: entry.name, changes });
  }
  if (problems.length > 0) return fail(...problems);
  if (version < TEMPLATE_VERSION)
    steps.push({ kind: 'setNames', names: [...names, templateVersionNamePlan()] });
  const report = { from: version, to: TEMPLATE_VERSION, settings: settingsChanges, projects };
  return ok({ plan: { steps }, report });
}
