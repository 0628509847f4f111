import type { Settings } from '../domain/schema/settings';
import {
  CURRENCY_CELL,
  SETTINGS_SHEET,
  SETTINGS_TABLE_SPECS,
} from '../domain/template/settings-sheet';
import { toInput } from './cell-input';

type Input = ReturnType<typeof toInput>;
import { protectedSheet } from '../domain/template/write-check';
import {
  RefusedWrite,
  defaultRun,
  detectCapabilities,
  type ExcelRun,
  type HostCapabilities,
} from './host';

/**
 * Writes checked settings into the workbook's Settings sheet, where co-authors and every
 * formula see them: each Settings table is resized to its new list (so names and validations
 * that point at the columns follow) and the currency goes in its cell. Two syncs: one to learn
 * the table sizes, one to write. Where Excel has Table.resize (ExcelApi 1.13) a table is set to
 * exactly the new length from its header, whatever a co-author did to it in between, without
 * TableRowCollection.add, which Microsoft's co-authoring guidance says causes merge conflicts.
 */
export async function saveSettings(
  settings: Settings,
  run: ExcelRun = defaultRun,
  caps: HostCapabilities = detectCapabilities(),
): Promise<void> {
  await run(
    async (context) => {
      const tables = SETTINGS_TABLE_SPECS.map((spec) => {
        const table = context.workbook.tables.getItem(spec.table);
        return { spec, table, body: table.getDataBodyRange().load('values') };
      });
      // Worksheet.protection (ExcelApi 1.2), read in the same sync: Excel would refuse the
      // writes below one by one, after some had landed.
      const sheet = context.workbook.worksheets.getItem(SETTINGS_SHEET);
      sheet.load('protection/protected');
      await context.sync();
      if (sheet.protection.protected) throw new RefusedWrite([protectedSheet(SETTINGS_SHEET)]);
      for (const { spec, table, body } of tables) {
        const rows = spec.rows(settings).map((r) => r.map(toInput));
        const width = spec.columns.length;
        const old = (body.values as unknown[][]).length;
        // A table keeps at least one body row; an empty list leaves it blank.
        const wanted = rows.length > 0 ? rows : [Array.from({ length: width }, () => '')];
        if (caps.tableResize) resizeTo(table, wanted, old);
        else growOrShrink(table, wanted, old);
      }
      context.workbook.worksheets.getItem(SETTINGS_SHEET).getRange(CURRENCY_CELL).formulas = [
        [toInput(settings.currency)],
      ];
      await context.sync();
    },
    caps.undoGroup ? { mergeUndoGroup: true } : undefined,
  );
}

/** Sets a table to `wanted` rows from its header, then empties the rows it gave up. */
function resizeTo(table: Excel.Table, wanted: Input[][], old: number): void {
  const header = table.getHeaderRowRange();
  table.resize(header.getResizedRange(wanted.length, 0));
  header.getOffsetRange(1, 0).getResizedRange(wanted.length - 1, 0).formulas = wanted;
  if (old > wanted.length)
    header
      .getOffsetRange(wanted.length + 1, 0)
      .getResizedRange(old - wanted.length - 1, 0)
      .clear();
}

/** Without Table.resize: rows added at the end or removed from the end. */
function growOrShrink(table: Excel.Table, wanted: Input[][], old: number): void {
  const overlap = Math.min(old, wanted.length);
  table
    .getDataBodyRange()
    .getRow(0)
    .getResizedRange(overlap - 1, 0).formulas = wanted.slice(0, overlap);
  if (wanted.length > old) table.rows.add(undefined, wanted.slice(old));
  for (let i = old - 1; i >= wanted.length; i--) table.rows.getItemAt(i).delete();
}
