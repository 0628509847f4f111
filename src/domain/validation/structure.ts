import { BASELINES_SHEET } from '../baseline/sheet';
import type { Diagnostic } from '../diagnostics';
import { compose } from '../diagnostics';
import { JOINT_SHEETS, isConsolidationName, textConstant } from '../consolidation/consolidate';
import { RESERVED_SHEETS, sameSheetName } from '../schema/sheet-name';
import { type ProjectTables, tablesOf } from '../template/project-identity';
import { REGISTRY_SHEET, REGISTRY_TABLE } from '../template/registry-sheet';
import { SETTINGS_NAMES, SETTINGS_TABLES } from '../template/settings-names';
import { SETTINGS_SHEET, settingsNames } from '../template/settings-sheet';
import { TEMPLATE_VERSION_NAME } from '../template/version';
import { say } from './messages';

/** A defined name as read: workbook-wide, or scoped to the sheet `sheet` names. */
export interface NameRead {
  readonly name: string;
  readonly refersTo: string;
  readonly sheet?: string;
}

/** A table implan may grow, where it stands: its sheet and A1 range, header included. */
export interface TableAt {
  readonly name: string;
  readonly sheet: string;
  readonly ref: string;
}

/**
 * What a workbook's structure allows, read by either reader next to its cells: protection, the
 * defined names, where the tables implan grows stand and the merged cells around them.
 */
export interface WorkbookStructure {
  /** The workbook's structure is protected: no sheet can be added, deleted or renamed. */
  readonly structureProtected: boolean;
  readonly protectedSheets: readonly string[];
  readonly names: readonly NameRead[];
  readonly tables: readonly TableAt[];
  /** Merged areas on the sheets of `tables`; null where the host cannot list them. */
  readonly merges: readonly { readonly sheet: string; readonly range: string }[] | null;
}

/** The merged ranges on one sheet; undefined where the reader could not list them. */
export function mergesOn(
  structure: WorkbookStructure | undefined,
  sheet: string,
): string[] | undefined {
  return structure?.merges?.filter((m) => sameSheetName(m.sheet, sheet)).map((m) => m.range);
}

export const NO_STRUCTURE: WorkbookStructure = {
  structureProtected: false,
  protectedSheets: [],
  names: [],
  tables: [],
  merges: [],
};

const upper = (s: string) => s.toUpperCase();
/** A reference as compared: without `=`, `$`, spaces or case. */
const normal = (f: string) => upper(f.replace(/^=/, '').replace(/[$'\s]/g, ''));

const SETTINGS_REFERS = new Map(settingsNames().map((n) => [upper(n.name), normal(n.refersTo)]));

/** Whether implan made this name: workbook-wide and pointing where implan points it. */
function isImplansOwn(n: NameRead): boolean {
  if (n.sheet !== undefined) return false;
  const settings = SETTINGS_REFERS.get(upper(n.name));
  if (settings !== undefined) return normal(n.refersTo) === settings;
  // Whatever it holds: the version check says when that is not a version.
  if (upper(n.name) === upper(TEMPLATE_VERSION_NAME)) return true;
  if (upper(n.name).startsWith('JOINT_')) {
    const target = n.refersTo
      .replace(/^=/, '')
      .replace(/^'((?:[^']|'')*)'!|^([^!']+)!/, '$1$2\u0000');
    const sheet = target.split('\u0000')[0] ?? '';
    return target.includes('\u0000') && JOINT_SHEETS.some((s) => sameSheetName(s, sheet));
  }
  return textConstant(n.refersTo) !== null;
}

/** Names implan sets or removes itself: its Settings names and Consolidate's. */
export function isReservedName(name: string): boolean {
  return (
    Object.values(SETTINGS_NAMES).some((s) => upper(s) === upper(name)) ||
    isConsolidationName(name) ||
    upper(name).startsWith('IMPLAN_')
  );
}

/** The tables implan makes in this plan: the registry, the Settings lists, each project's. */
export function implanTables(codes: readonly string[]): string[] {
  const settings: readonly string[] = Object.values(SETTINGS_TABLES);
  const projects = codes.flatMap((c): string[] => {
    const t: ProjectTables = tablesOf(c);
    return [t.tasks, t.budget, t.risks];
  });
  return [REGISTRY_TABLE, ...settings, ...projects];
}

const placeOf = (n: NameRead) =>
  n.sheet === undefined ? `The name ${n.name}` : `The name ${n.name} (on the sheet "${n.sheet}")`;

/**
 * Defined names that would collide with what implan makes: a name equal to one of its tables
 * (Excel keeps one namespace for both), and a user's name equal to one implan reserves, which
 * implan would give another formula or remove.
 */
export function nameProblems(structure: WorkbookStructure, codes: readonly string[]): Diagnostic[] {
  const tables = new Set(implanTables(codes).map(upper));
  const out: Diagnostic[] = [];
  for (const n of structure.names) {
    const where = { sheet: n.sheet ?? 'Name Manager' };
    if (tables.has(upper(n.name)))
      out.push({
        severity: 'error',
        code: 'names.table-clash',
        ...where,
        message: compose(placeOf(n), say.nameIsTable()),
      });
    else if (isReservedName(n.name) && !isImplansOwn(n))
      out.push({
        severity: 'error',
        code: 'names.reserved',
        ...where,
        message: compose(placeOf(n), say.reservedName(n.name)),
      });
  }
  return out;
}

/**
 * Sheets implan writes into, which a protected state would stop. (A function: consolidate.ts
 * imports validation, so its constants are not there yet while this module loads.)
 */
const writtenSheets = () => [REGISTRY_SHEET, SETTINGS_SHEET, BASELINES_SHEET, ...JOINT_SHEETS];

/** Warnings for validate: protection that will stop add-project, Consolidate or Settings. */
export function protectionWarnings(structure: WorkbookStructure): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (structure.structureProtected)
    out.push({
      severity: 'warning',
      code: 'protection.workbook',
      message: compose('The workbook', say.structureProtected()),
    });
  for (const sheet of structure.protectedSheets)
    if (writtenSheets().some((s) => sameSheetName(s, sheet)))
      out.push({
        severity: 'warning',
        code: 'protection.sheet',
        sheet,
        message: compose(`The sheet "${sheet}"`, say.sheetProtected()),
      });
  return out;
}

/** A registry line's sheet that cannot be its project's: one of implan's own sheets. */
export function reservedSheetOf(sheet: string): string | undefined {
  return RESERVED_SHEETS.find((r) => sameSheetName(r, sheet));
}
