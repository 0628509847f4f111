import type { Settings } from '../domain/schema/settings';
import {
  CURRENCY_CELL,
  SETTINGS_SHEET,
  SETTINGS_TABLE_SPECS,
} from '../domain/template/settings-sheet';
import { toInput } from './cell-input';
import { defaultRun, type ExcelRun } from './host';

/**
 * Writes checked settings into the workbook's Settings sheet, where co-authors and every
 * formula see them: each Settings table is resized to its new list (rows added at the end or
 * removed from the end, so names and validations that point at the columns follow) and the
 * currency goes in its cell. Two syncs: one to learn the table sizes, one to write.
 */
export async function saveSettings(settings: Settings, run: ExcelRun = defaultRun): Promise<void> {
  await run(async (context) => {
    const tables = SETTINGS_TABLE_SPECS.map((spec) => {
      const table = context.workbook.tables.getItem(spec.table);
      return { spec, table, body: table.getDataBodyRange().load('values') };
    });
    await context.sync();
    for (const { spec, table, body } of tables) {
      const rows = spec.rows(settings).map((r) => r.map(toInput));
      const width = spec.columns.length;
      const old = (body.values as unknown[][]).length;
      // A table keeps at least one body row; an empty list leaves it blank.
      const wanted = rows.length > 0 ? rows : [Array.from({ length: width }, () => '')];
      const overlap = Math.min(old, wanted.length);
      table
        .getDataBodyRange()
        .getRow(0)
        .getResizedRange(overlap - 1, 0).formulas = wanted.slice(0, overlap);
      if (wanted.length > old) table.rows.add(undefined, wanted.slice(old));
      for (let i = old - 1; i >= wanted.length; i--) table.rows.getItemAt(i).delete();
    }
    context.workbook.worksheets.getItem(SETTINGS_SHEET).getRange(CURRENCY_CELL).formulas = [
      [toInput(settings.currency)],
    ];
    await context.sync();
  });
}
