import { REGISTRY_TABLE } from '../domain/template/registry-sheet';
import { defaultRun, type ExcelRun } from './host';

/** A cell's value as text; Office.js gives strings, numbers and booleans. */
const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/**
 * Finds a project's line in the Projects table by its code (one sync) and hands the table, the
 * line's 0-based body index and the header to `change`, which queues the edit (one sync more).
 */
async function onRegistryLine(
  code: string,
  run: ExcelRun,
  change: (
    context: Excel.RequestContext,
    table: Excel.Table,
    index: number,
    header: readonly string[],
    line: readonly unknown[],
  ) => void,
): Promise<boolean> {
  return await run(async (context) => {
    const table = context.workbook.tables.getItem(REGISTRY_TABLE);
    const range = table.getRange().load('values');
    await context.sync();
    const [header = [], ...rows] = range.values as unknown[][];
    const codeAt = header.indexOf('Code');
    const index = rows.findIndex((r) => text(r[codeAt]).toUpperCase() === code.toUpperCase());
    if (index < 0) return false;
    change(context, table, index, header.map(String), rows[index] ?? []);
    await context.sync();
    return true;
  });
}

/** Includes a project in consolidation or leaves it out: the registry's Included cell. */
export async function setIncluded(
  code: string,
  included: boolean,
  run: ExcelRun = defaultRun,
): Promise<boolean> {
  return await onRegistryLine(code, run, (_, table, index, header) => {
    const column = header.indexOf('Included');
    table.getDataBodyRange().getCell(index, column).values = [[included ? 'Yes' : 'No']];
  });
}

/**
 * Takes a project out of the plan: its registry line goes. Its sheet, and everything typed in
 * it, stays unless `deleteSheet` says otherwise (the pane asks for that separately).
 */
export async function removeProject(
  code: string,
  options: { deleteSheet: boolean },
  run: ExcelRun = defaultRun,
): Promise<boolean> {
  return await onRegistryLine(code, run, (context, table, index, header, line) => {
    table.rows.getItemAt(index).delete();
    const sheet = text(line[header.indexOf('Sheet')]);
    if (options.deleteSheet && sheet) context.workbook.worksheets.getItem(sheet).delete();
  });
}
