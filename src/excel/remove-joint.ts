import { isConsolidationName, JOINT_SHEETS } from '../domain/consolidation/consolidate';
import { defaultRun, type ExcelRun } from './host';

/** What removing the joint sheets took away. */
export interface Removed {
  readonly sheets: readonly string[];
  readonly names: readonly string[];
}

/**
 * Returns the workbook to how it was before the first Consolidate: deletes the joint sheets and
 * the names Consolidate made, and nothing else (project sheets, Settings and the register stay
 * as they are). For Excel versions whose undo cannot reverse a Consolidate (no ExcelApi 1.20).
 * Two syncs: one to learn what exists, one to remove it.
 */
export async function removeJointSheets(run: ExcelRun = defaultRun): Promise<Removed> {
  return await run(async (context) => {
    const wb = context.workbook;
    const sheets = wb.worksheets.load('items/name');
    const names = wb.names.load('items/name,items/formula');
    await context.sync();
    const joint = (JOINT_SHEETS as readonly string[]).map((s) => s.toUpperCase());
    const removed: Removed = {
      sheets: sheets.items.map((s) => s.name).filter((n) => joint.includes(n.toUpperCase())),
      names: names.items.map((n) => n.name).filter(isConsolidationName),
    };
    // Names first: a name that refers into a joint sheet would turn into #REF! with it.
    for (const name of removed.names) wb.names.getItem(name).delete();
    for (const sheet of removed.sheets) wb.worksheets.getItem(sheet).delete();
    await context.sync();
    return removed;
  });
}
