import type { Diagnostic, Result } from '../diagnostics';
import { fail, ok } from '../diagnostics';
import type { PlanStep, RowKey, WorkbookPlan } from '../plan/types';
import { RESERVED_SHEETS, sameSheetName } from '../schema/sheet-name';
import {
  REGISTRY_COLUMNS,
  REGISTRY_FIELDS,
  REGISTRY_SHEET,
  REGISTRY_TABLE,
  type RegistryEntry,
} from './registry-sheet';
import { NO_PLAN_YET, type WorkbookState } from './workbook';
import { UPGRADE_HINT, versionProblem } from './version';

/**
 * Registry edits as plans: include or exclude projects from consolidation, remove a project
 * from the register. The pane and `implan` both decide here; each writer finds the line by its
 * code when it applies the plan.
 */

type Registry = NonNullable<WorkbookState['registry']>;

/** Codes compare as Range.find compares a whole cell without matching case. */
const sameCode = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

const unknownCode = (code: string, registry: Registry): Diagnostic => {
  const codes = registry.entries.map((e) => e.code).filter((c) => c !== '');
  return {
    severity: 'error',
    code: 'unknown-project',
    sheet: REGISTRY_SHEET,
    message:
      codes.length === 0
        ? `No project has the code ${code}: the Projects register is empty.`
        : `No project in the Projects register has the code ${code}; the codes are ${codes.join(', ')}.`,
  };
};

/** The registry line of a code, as a key the writers look for, or why there is none. */
function lineOf(
  registry: Registry,
  code: string,
): { entry: RegistryEntry; key: RowKey } | Diagnostic {
  const entry = registry.entries.find((e) => sameCode(e.code, code.trim()));
  if (!entry) return unknownCode(code, registry);
  // The body row as read (blank rows included), for hosts that cannot search when applying.
  const codes = registry.codes ?? registry.entries.map((e) => e.code);
  const readAt = codes.findIndex((c) => sameCode(c, entry.code));
  return { entry, key: { column: REGISTRY_FIELDS.code, value: entry.code, readAt } };
}

const includedCell = (entry: RegistryEntry, included: boolean) => {
  const column = REGISTRY_COLUMNS.find((c) => c.name === REGISTRY_FIELDS.included);
  if (!column?.toCell) throw new Error('The registry has no Included column spec');
  return column.toCell({ ...entry, included });
};

/**
 * The plan that includes the projects of `codes` in consolidation, or leaves them out: their
 * registry lines' Included cells. Every code must be in the register; nothing changes otherwise.
 */
export function setIncludedPlan(
  state: WorkbookState,
  codes: readonly string[],
  included: boolean,
): Result<{ plan: WorkbookPlan; entries: RegistryEntry[] }> {
  const registry = state.registry;
  if (registry === null) return fail(NO_PLAN_YET);
  const version = versionProblem(state.templateVersion, UPGRADE_HINT);
  if (version) return fail(version);
  const lines = codes.map((code) => lineOf(registry, code));
  const problems = lines.filter((l): l is Diagnostic => 'message' in l);
  if (problems.length > 0) return fail(...problems);
  const found = lines.filter((l): l is Exclude<typeof l, Diagnostic> => !('message' in l));
  const steps = found.map(({ entry, key }): PlanStep => ({
    kind: 'setRowCells',
    table: REGISTRY_TABLE,
    key,
    cells: [{ column: REGISTRY_FIELDS.included, value: includedCell(entry, included) }],
  }));
  return ok({ plan: { steps }, entries: found.map((l) => l.entry) });
}

/**
 * The plan that takes a project out of the register. Its sheet, and everything people typed
 * in it (actuals, risk notes), stays unless `deleteSheet` asks for it to go as well, as in
 * the pane, where deleting the sheet is a separate choice. The sheet goes first, so a writer
 * that cannot delete it stops before the line goes. Implan's own sheets are never deleted.
 */
export function removeProjectPlan(
  state: WorkbookState,
  code: string,
  options: { readonly deleteSheet: boolean },
): Result<{ plan: WorkbookPlan; entry: RegistryEntry; sheetDeleted: boolean }> {
  const registry = state.registry;
  if (registry === null) return fail(NO_PLAN_YET);
  const version = versionProblem(state.templateVersion, UPGRADE_HINT);
  if (version) return fail(version);
  const line = lineOf(registry, code);
  if ('message' in line) return fail(line);
  const { entry, key } = line;
  const sheet = state.sheets.find((s) => sameSheetName(s, entry.sheet));
  const steps: PlanStep[] = [];
  if (options.deleteSheet && entry.sheet !== '') {
    const reserved = RESERVED_SHEETS.some((r) => sameSheetName(r, entry.sheet));
    const problem = reserved
      ? `is one of implan's own sheets, so it is kept; remove the project without deleting its sheet`
      : sheet === undefined
        ? `is not in this workbook (renamed or deleted?); remove the project without deleting its sheet`
        : null;
    if (problem)
      return fail({
        severity: 'error',
        code: 'sheet-not-deleted',
        sheet: REGISTRY_SHEET,
        message: `The sheet "${entry.sheet}" of ${entry.name} ${problem}. Nothing was changed.`,
      });
    steps.push({ kind: 'deleteSheet', sheet: sheet ?? entry.sheet });
  }
  steps.push({ kind: 'deleteRow', table: REGISTRY_TABLE, key });
  return ok({ plan: { steps }, entry, sheetDeleted: steps.length > 1 });
}
