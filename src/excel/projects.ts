import { REGISTRY_TABLE } from '../domain/template/registry-sheet';
import { defaultRun, detectCapabilities, type ExcelRun, type HostCapabilities } from './host';

/** A cell's value as text; Office.js gives strings, numbers and booleans. */
const text = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/** What an edit of one registry line gets: the line as read, and where it is when applied. */
interface Line {
  readonly context: Excel.RequestContext;
  readonly table: Excel.Table;
  /** The line's cells as read in the first sync (to learn its sheet, say). */
  readonly values: readonly unknown[];
  readonly header: readonly string[];
  /** The line's body row, found again when the edit is applied. */
  readonly row: Excel.Range;
  /** One of the line's cells, by column name, found the same way. */
  readonly cell: (column: string) => Excel.Range;
}

/**
 * Finds a project's line in the Projects table by its code (one sync) and hands it to `change`,
 * which queues the edit (one sync more). Where Excel has Range.find (ExcelApi 1.9) the line is
 * found again by its code when the edit is applied, so a co-author adding or sorting lines in
 * between never makes the edit land on another project's line ("Coauthoring in Excel add-ins":
 * values read earlier may be stale). Without it, the index read in the first sync is used.
 */
async function onRegistryLine(
  code: string,
  run: ExcelRun,
  caps: HostCapabilities,
  change: (line: Line) => void,
): Promise<boolean> {
  return await run(async (context) => {
    const table = context.workbook.tables.getItem(REGISTRY_TABLE);
    const range = table.getRange().load('values');
    await context.sync();
    const [header = [], ...rows] = range.values as unknown[][];
    const codeAt = header.indexOf('Code');
    const index = rows.findIndex((r) => text(r[codeAt]).toUpperCase() === code.toUpperCase());
    if (index < 0) return false;
    const body = table.getDataBodyRange();
    const row = caps.findInRange
      ? table.columns
          .getItem('Code')
          .getDataBodyRange()
          .find(text(rows[index]?.[codeAt]), { completeMatch: true, matchCase: false })
          .getEntireRow()
          .getIntersection(body)
      : body.getRow(index);
    const cell = (column: string) =>
      row.getIntersection(table.columns.getItem(column).getDataBodyRange());
    change({ context, table, values: rows[index] ?? [], header: header.map(String), row, cell });
    await context.sync();
    return true;
  });
}

/** Includes a project in consolidation or leaves it out: the registry's Included cell. */
export async function setIncluded(
  code: string,
  included: boolean,
  run: ExcelRun = defaultRun,
  caps: HostCapabilities = detectCapabilities(),
): Promise<boolean> {
  return await onRegistryLine(code, run, caps, (line) => {
    line.cell('Included').values = [[included ? 'Yes' : 'No']];
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
  caps: HostCapabilities = detectCapabilities(),
): Promise<boolean> {
  return await onRegistryLine(code, run, caps, (line) => {
    // The sheet first: if it was renamed meanwhile, the batch stops before the line goes.
    const sheet = text(line.values[line.header.indexOf('Sheet')]);
    if (options.deleteSheet && sheet) line.context.workbook.worksheets.getItem(sheet).delete();
    line.row.delete('Up');
  });
}
