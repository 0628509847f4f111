import type { Diagnostic } from '../diagnostics';
import { compose } from '../diagnostics';
import { parseRange, rangeA1 } from '../plan/a1';
import { assertNever, type PlanStep, type WorkbookPlan } from '../plan/types';
import { sameSheetName } from '../schema/sheet-name';
import type { WorkbookStructure } from '../validation/structure';

const refuse = (code: string, sheet: string | undefined, place: string, problem: string) => ({
  severity: 'error' as const,
  code,
  ...(sheet !== undefined ? { sheet } : {}),
  message: compose(place, problem),
});

const overlaps = (a: string, b: string): boolean => {
  const x = parseRange(a);
  const y = parseRange(b);
  return (
    x.from.row <= y.to.row &&
    y.from.row <= x.to.row &&
    x.from.col <= y.to.col &&
    y.from.col <= x.to.col
  );
};

/** The sentence that refuses a write to a protected sheet, naming the sheet. */
export const protectedSheet = (sheet: string): Diagnostic =>
  refuse(
    'protection.sheet',
    sheet,
    `The sheet "${sheet}"`,
    'it is protected, so implan cannot write to it; unprotect it with Review > Unprotect Sheet, then try again. Nothing was changed',
  );

/** How many rows a step adds past the end of its table's data body, if any. */
function rowsAdded(step: PlanStep): number {
  if (step.kind === 'fillTableRows') return step.firstRow + step.rows.length - step.existingRows;
  // A table keeps at least one body row, so an empty one takes one.
  if (step.kind === 'setTableRows') return Math.max(step.rows.length, 1) - step.existingRows;
  return 0;
}

/** The cells a table takes when it grows by `extra` rows below `ref`, if it grows. */
function growth(extra: number, ref: string): string | null {
  if (extra <= 0) return null;
  const r = parseRange(ref);
  return rangeA1({ row: r.to.row + 1, col: r.from.col }, { row: r.to.row + extra, col: r.to.col });
}

const lockedStructure = (what: string): Diagnostic =>
  refuse(
    'protection.workbook',
    undefined,
    'The workbook',
    `its structure is protected, so implan cannot ${what}; unprotect it with Review > Protect Workbook, then try again. Nothing was changed`,
  );

type PlacedTable = WorkbookStructure['tables'][number];

/** A merged range standing where `table` would grow by `extra` rows, if any. */
function mergeInGrowth(structure: WorkbookStructure, table: PlacedTable, extra: number) {
  const grown = growth(extra, table.ref);
  if (!grown) return undefined;
  return structure.merges?.find(
    (m) => sameSheetName(m.sheet, table.sheet) && overlaps(m.range, grown),
  );
}

const mergedGrowth = (table: PlacedTable, merged: { readonly range: string }): Diagnostic =>
  refuse(
    'merged.table-growth',
    table.sheet,
    `The sheet "${table.sheet}" (cells ${merged.range})`,
    `these cells below the table ${table.name} are merged, so the table cannot grow to take the new line; unmerge them (Home > Merge & Center) or move them, then try again. Nothing was changed`,
  );

/**
 * Why a plan cannot be written into this workbook, before anything is written: a protected
 * workbook structure for a sheet it adds, a protected sheet it rebuilds or whose table it
 * grows, merged cells where a table would grow. Excel refuses each of these half-way through
 * a write (AccessDenied, MergedRangeConflict) and a file written regardless is one Excel must
 * repair, so implan refuses first, naming the sheet and what the user must do.
 */
function writeProblems(
  structure: WorkbookStructure | undefined,
  exists: (sheet: string) => boolean,
  plan: WorkbookPlan,
): Diagnostic[] {
  if (!structure) return [];
  const guarded = (sheet: string) => structure.protectedSheets.some((s) => sameSheetName(s, sheet));
  const tableOf = (name: string) =>
    structure.tables.find((t) => t.name.toUpperCase() === name.toUpperCase());
  const out: Diagnostic[] = [];
  for (const step of plan.steps) {
    switch (step.kind) {
      case 'addSheet': {
        const name = step.sheet.name;
        if (exists(name) && guarded(name)) out.push(protectedSheet(name));
        else if (!exists(name) && structure.structureProtected)
          out.push(lockedStructure(`add the sheet "${name}"`));
        break;
      }
      case 'deleteSheet':
        if (structure.structureProtected)
          out.push(lockedStructure(`delete the sheet "${step.sheet}"`));
        break;
      case 'setCells':
      case 'editSheet':
      case 'addTableColumn':
        if (guarded(step.sheet)) out.push(protectedSheet(step.sheet));
        break;
      case 'setRowCells':
      case 'deleteRow':
      case 'setTableRows':
      case 'fillTableRows': {
        const table = tableOf(step.table);
        if (!table) break;
        if (guarded(table.sheet)) out.push(protectedSheet(table.sheet));
        const merged = mergeInGrowth(structure, table, rowsAdded(step));
        if (merged) out.push(mergedGrowth(table, merged));
        break;
      }
      case 'setNames':
        break;
      default:
        assertNever(step);
    }
  }
  // One sentence per sheet, however many steps touch it.
  return out.filter((d, i) => out.findIndex((x) => x.message === d.message) === i);
}

/** The workbook a plan is about to be written into, as either reader read it. */
export interface WriteTarget {
  readonly sheets: readonly string[];
  readonly structure?: WorkbookStructure | undefined;
}

/**
 * `writeProblems` for a plan about to be written into `target`. Called by the writers'
 * boundaries only (src/xlsx/decide-write.ts for files, readDecideWrite and consolidateLive in
 * the pane), after the domain has decided and just before the write, so each write is checked
 * once.
 */
export function writeRefusals(target: WriteTarget, plan: WorkbookPlan): Diagnostic[] {
  const exists = (sheet: string) => target.sheets.some((s) => sameSheetName(s, sheet));
  return writeProblems(target.structure, exists, plan);
}
