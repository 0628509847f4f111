import type { PlanStep, WorkbookPlan } from '../plan/types';
import type { Diagnostic, Result } from '../diagnostics';
import { compose, fail, ok, schemaProblems } from '../diagnostics';
import type { PlanFile } from '../schema/plan-file';
import { Project, ProjectHeader, type ProjectHeaderInput } from '../schema/project';
import type { Settings } from '../schema/settings';
import { defaultSheetOf, sameSheetName, sheetNameProblem } from '../schema/sheet-name';
import { guideSheetPlan } from './guide-sheet';
import { projectSheetPlan } from './project-sheet';
import { sheetOf, suggestCode, tablesOf } from './project-identity';
import {
  REGISTRY_TABLE,
  type RegistryEntry,
  registryRow,
  registrySheetPlan,
} from './registry-sheet';
import { settingsNames, settingsSheetPlan } from './settings-sheet';
import type { WorkbookStructure } from '../validation/structure';
import { UPGRADE_HINT, templateVersionNamePlan, versionProblem } from './version';

/** What implan needs to know of a workbook before changing it; read by either reader. */
export interface WorkbookState {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  /** Null when the workbook holds no plan (no Projects registry). */
  readonly registry: {
    readonly entries: readonly RegistryEntry[];
    /** Data body rows of the registry table, blank rows included. */
    readonly bodyRows: number;
    /** Index of the first row after the last non-blank one. */
    readonly nextRow: number;
    /** The Code cell of every data body row, blank rows included, as typed: where each
     *  line is, and the text a writer looks for when it edits the line. */
    readonly codes?: readonly string[];
  } | null;
  readonly settings: Settings | null;
  /** Protection, names and merges, where the reader has read them. */
  readonly structure?: WorkbookStructure;
  /** Data body rows of each Settings table, by table name, blank rows included. */
  readonly settingsRows?: Readonly<Record<string, number>>;
  /** The template version (see version.ts): null without a plan, NaN when unreadable. */
  readonly templateVersion: number | null;
}

/** A workbook state that holds a plan: a Projects registry and readable Settings. */
export type PlanState = WorkbookState & {
  readonly registry: NonNullable<WorkbookState['registry']>;
  readonly settings: Settings;
};

export function hasPlan(state: WorkbookState): state is PlanState {
  return state.registry !== null && state.settings !== null;
}

export function registryEntryOf(
  p: Pick<Project, 'code' | 'name' | 'sheet' | 'manager' | 'included'>,
): RegistryEntry {
  return {
    code: p.code,
    name: p.name,
    sheet: sheetOf(p),
    manager: p.manager,
    included: p.included,
  };
}

/**
 * The plan with a legal sheet for every project: a project that names no sheet and whose name
 * cannot be one ("Budget: Q1/Q2", "Settings", 39 characters) gets one derived from its name,
 * with a sentence saying so. Sheets a plan names itself are checked by its schema.
 */
export function withLegalSheets(plan: PlanFile): { plan: PlanFile; notes: string[] } {
  const notes: string[] = [];
  const taken = plan.projects.map(sheetOf);
  const projects = plan.projects.map((p, i) => {
    if (p.sheet !== undefined) return p;
    const others = taken.filter((_, j) => j !== i);
    const { sheet, note } = defaultSheetOf(p.name, others);
    if (note === null) return p;
    notes.push(note);
    taken[i] = sheet;
    return { ...p, sheet };
  });
  return { plan: { ...plan, projects }, notes };
}

/** A whole new workbook: guide, registry, settings, then one sheet per project. */
export function newWorkbookPlan(input: PlanFile): WorkbookPlan {
  const { plan } = withLegalSheets(input);
  const steps: PlanStep[] = [
    { kind: 'addSheet', sheet: guideSheetPlan() },
    {
      kind: 'addSheet',
      sheet: registrySheetPlan(plan.projects.map(registryEntryOf), plan.settings),
    },
    { kind: 'addSheet', sheet: settingsSheetPlan(plan.settings) },
    ...plan.projects.map((p): PlanStep => ({
      kind: 'addSheet',
      sheet: projectSheetPlan(p, plan.settings),
    })),
    { kind: 'setNames', names: [...settingsNames(), templateVersionNamePlan()] },
  ];
  return { steps };
}

const problem = (code: string, message: string): Diagnostic => ({
  severity: 'error',
  code,
  message,
});

/** Why a change that needs a plan cannot be made in this workbook. */
export const NO_PLAN_YET: Diagnostic = problem(
  'no-plan',
  'This workbook has no implan plan yet (no Projects and Settings sheets): set it up first with "implan init" or the Set up button.',
);

/** A new project's header; the code may be left out and is then suggested from the name. */
export type NewProjectInput = Omit<ProjectHeaderInput, 'code'> & { code?: string };

/**
 * The plan that adds one templated project sheet and registers it, or the reasons it cannot:
 * no plan in the workbook, a bad header, a code, sheet or table name already taken. The sheet,
 * named or the project's name, must keep every sheet-name rule; the caller may offer
 * `defaultSheetOf` as the sheet when the name cannot be one.
 */
export function addProjectPlan(
  state: WorkbookState,
  input: NewProjectInput,
  upgradeHint = UPGRADE_HINT,
): Result<{ plan: WorkbookPlan; project: Project }> {
  if (state.registry === null || state.settings === null) return fail(NO_PLAN_YET);
  const version = versionProblem(state.templateVersion, upgradeHint);
  if (version) return fail(version);
  const taken = state.registry.entries.map((e) => e.code);
  const withCode = { ...input, code: input.code ?? suggestCode(input.name ?? '', taken) };
  const parsed = ProjectHeader.safeParse(withCode);
  // The place is the project by the name it was given, when it has one.
  const named = typeof input.name === 'string' && input.name.trim() !== '';
  const where = named ? `Project ${input.name?.trim()}` : 'The new project';
  const options = { input: withCode, jsonPath: false };
  if (!parsed.success) return fail(...schemaProblems(parsed.error, where, options));
  const header = parsed.data;
  const project = Project.safeParse(header);
  if (!project.success)
    return fail(...schemaProblems(project.error, `Project ${header.name}`, { jsonPath: false }));
  const p = project.data;
  const sheet = sheetOf(p);
  const problems: Diagnostic[] = [];
  const sheetProblem = sheetNameProblem(sheet);
  if (sheetProblem)
    problems.push(
      problem(
        'sheet-name',
        compose(`Project ${p.name}`, `${sheetProblem}; give the project another sheet name`),
      ),
    );
  const same = sameSheetName;
  const owner = state.registry.entries.find((e) => same(e.code, p.code));
  if (owner)
    problems.push(
      problem(
        'duplicate-code',
        `The project code ${p.code} is already used by ${owner.name}; choose another code.`,
      ),
    );
  if (state.sheets.some((s) => same(s, sheet)))
    problems.push(
      problem(
        'duplicate-sheet',
        `A sheet named "${sheet}" already exists in this workbook; choose another sheet name for ${p.name}.`,
      ),
    );
  const t = tablesOf(p.code);
  // Excel keeps tables and defined names in one namespace.
  const used = [...state.tables, ...(state.structure?.names ?? []).map((n) => n.name)];
  const clash = [t.tasks, t.budget, t.risks].find((t) => used.some((x) => same(x, t)));
  if (clash && !owner)
    problems.push(
      problem(
        'duplicate-table',
        `A table or name ${clash} already exists in this workbook; choose another code for ${p.name}.`,
      ),
    );
  if (problems.length > 0) return fail(...problems);
  const steps: PlanStep[] = [
    { kind: 'addSheet', sheet: projectSheetPlan(p, state.settings) },
    {
      kind: 'fillTableRows',
      table: REGISTRY_TABLE,
      existingRows: state.registry.bodyRows,
      firstRow: state.registry.nextRow,
      rows: [registryRow(registryEntryOf(p))],
    },
  ];
  return ok({ plan: { steps }, project: p });
}
