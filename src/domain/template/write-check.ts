import type { Diagnostic } from '../diagnostics';
import { compose } from '../diagnostics';
import { parseRange, rangeA1 } from '../plan/a1';
import type { PlanStep, WorkbookPlan } from '../plan/types';
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

/** The cells a table takes when it grows by the rows a step adds past its end, if any. */
function growth(step: Extract<PlanStep, { kind: 'fillTableRows' }>, ref: string): string | null {
  const extra = step.firstRow + step.rows.length - step.existingRows;
  if (extra <= 0) return null;
  const r = parseRange(ref);
  return rangeA1({ row: r.to.row + 1, col: r.from.col }, { row: r.to.row + extra, col: r.to.col });
}

/**
 * Why a plan cannot be written into this workbook, before anything is written: a protected
 * workbook structure for a sheet it adds, a protected sheet it rebuilds or whose table it
 * grows, merged cells where a table would grow. Excel refuses each of these half-way through
 * a write (AccessDenied, MergedRangeConflict) and a file written regardless is one Excel must
 * repair, so implan refuses first, naming the sheet and what the user must do.
 */
export function writeProblems(
  structure: WorkbookStructure | undefined,
  exists: (sheet: string) => boolean,
  plan: WorkbookPlan,
): Diagnostic[] {
  if (!structure) return [];
  const guarded = (sheet: string) => structure.protectedSheets.some((s) => sameSheetName(s, sheet));
  const out: Diagnostic[] = [];
  for (const step of plan.steps) {
    if (step.kind === 'addSheet') {
      const name = step.sheet.name;
      if (exists(name) && guarded(name)) out.push(protectedSheet(name));
      else if (!exists(name) && structure.structureProtected)
        out.push(
          refuse(
            'protection.workbook',
            undefined,
            'The workbook',
            `its structure is protected, so implan cannot add the sheet "${name}"; unprotect it with Review > Protect Workbook, then try again. Nothing was changed`,
          ),
        );
    } else if (step.kind === 'fillTableRows') {
      const table = structure.tables.find((t) => t.name.toUpperCase() === step.table.toUpperCase());
      if (!table) continue;
      if (guarded(table.sheet)) out.push(protectedSheet(table.sheet));
      const grown = growth(step, table.ref);
      const merged = grown
        ? structure.merges?.find(
            (m) => sameSheetName(m.sheet, table.sheet) && overlaps(m.range, grown),
          )
        : undefined;
      if (merged)
        out.push(
          refuse(
            'merged.table-growth',
            table.sheet,
            `The sheet "${table.sheet}" (cells ${merged.range})`,
            `these cells below the table ${table.name} are merged, so the table cannot grow to take the new line; unmerge them (Home > Merge & Center) or move them, then try again. Nothing was changed`,
          ),
        );
    }
  }
  // One sentence per sheet, however many steps touch it.
  return out.filter((d, i) => out.findIndex((x) => x.message === d.message) === i);
}
