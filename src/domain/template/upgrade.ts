import type { Diagnostic, Result } from '../diagnostics';
import { compose, fail, ok } from '../diagnostics';
import type { NamePlan, PlanStep, Scalar, SheetEdit, WorkbookPlan } from '../plan/types';
import type { Settings } from '../schema/settings';
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
import { TEMPLATE_VERSION, templateVersionNamePlan, versionProblem } from './version';

/** What one migration adds to one sheet: the cells it needs empty, and what it writes there. */
interface SheetChange {
  /** The block the change writes, e.g. "A6:B6"; its first cell holds the change's label. */
  readonly area: string;
  readonly label: string;
  readonly items: (s: Settings) => readonly SheetEdit[];
  readonly sentence: (s: Settings) => string;
}

/**
 * One change of the step from one template version to the next; a step may have several
 * entries with the same `from` (each feature of a version brings its own), applied in order.
 */
interface Migration {
  readonly from: number;
  readonly settings: SheetChange;
  /** What it adds to every project sheet; absent for a change of Settings alone. */
  readonly project?: SheetChange;
  readonly names: readonly NamePlan[];
}

const rowOf = (cell: string) => `A${cell.slice(1)}:${cell}`;

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
];

const migrationsFrom = (version: number) =>
  MIGRATIONS.filter((m) => m.from >= version && m.from < TEMPLATE_VERSION);

/** Cells as read from the areas `upgradeAreas` names, by area; null when the sheet is missing. */
export type AreaCells = Readonly<Record<string, readonly (readonly Scalar[])[]>> | null;

/** The blocks a reader reads before an upgrade from `version`, on Settings and on each project. */
export function upgradeAreas(version: number): { settings: string[]; project: string[] } {
  const chain = migrationsFrom(version);
  return {
    settings: chain.map((m) => m.settings.area),
    project: chain.flatMap((m) => (m.project ? [m.project.area] : [])),
  };
}

export interface UpgradeInput {
  readonly version: number | null;
  readonly settings: Settings | null;
  readonly settingsCells: AreaCells;
  readonly projects: readonly { readonly entry: RegistryEntry; readonly cells: AreaCells }[];
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
  const edit = (sheet: string, change: SheetChange, cells: AreaCells, said: string[]) => {
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
  for (const { entry, cells } of input.projects) {
    const changes: string[] = [];
    if (cells === null)
      problems.push({
        severity: 'error',
        code: 'upgrade-sheet-missing',
        project: entry.name,
        message: `Project ${entry.name}: its sheet "${entry.sheet}" is missing; rename the sheet back or remove the project from the Projects sheet, then upgrade.`,
      });
    else
      for (const m of migrationsFrom(version))
        if (m.project) edit(entry.sheet, m.project, cells, changes);
    projects.push({ project: entry.name, changes });
  }
  if (problems.length > 0) return fail(...problems);
  if (version < TEMPLATE_VERSION)
    steps.push({ kind: 'setNames', names: [...names, templateVersionNamePlan()] });
  const report = { from: version, to: TEMPLATE_VERSION, settings: settingsChanges, projects };
  return ok({ plan: { steps }, report });
}
