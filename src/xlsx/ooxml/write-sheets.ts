import type { SheetPlan } from '../../domain/plan/types';
import { CellStyles } from './cell-styles';
import { checkNewSheets, donorSheets, type PlacedSheet, placeSheets } from './graft';
import type { XlsxPackage } from './package';
import { worksheetXml } from './sheet-writer';
import { mergeStyleXml } from './styles';

/** Whether a sheet plan is written straight to SpreadsheetML (sheets with tables are not). */
export const writtenDirectly = (sheet: SheetPlan): boolean =>
  sheet.items.every((i) => i.kind !== 'table');

/**
 * Adds the plan's new sheets to the user's workbook, in the plan's order, or rebuilds those
 * named in `replace` in place. Sheets without tables are written straight from their plans: no
 * exceljs workbook, no donor package, no restyling of rendered XML (decision 0015). Sheets
 * with tables are rendered by `render` (exceljs) and grafted. Every name is checked before
 * anything changes; then styles.xml gains the sheets' styles (reusing identical entries) and
 * the parts are placed (ooxml/graft.ts).
 */
export async function addSheets(
  target: XlsxPackage,
  sheets: readonly SheetPlan[],
  replace: readonly string[],
  render: (sheets: readonly SheetPlan[]) => Promise<XlsxPackage>,
): Promise<void> {
  const tables = sheets.flatMap((s) => s.items.flatMap((i) => (i.kind === 'table' ? [i] : [])));
  await checkNewSheets(
    target,
    sheets.map((s) => s.name),
    tables.map((t) => t.table.name),
    replace,
  );
  const placed = new Map<string, PlacedSheet>();
  const direct = sheets.filter(writtenDirectly);
  if (direct.length > 0) {
    const styles = new CellStyles();
    const priority = { next: 1 };
    const built = direct.map((sheet) => worksheetXml(sheet, styles, priority));
    const map = await mergeStyleXml(target, styles.xml());
    direct.forEach((sheet, i) =>
      placed.set(sheet.name, { name: sheet.name, xml: built[i]!(map.cellXf, map.dxf), tables: [] }),
    );
  }
  const rendered = sheets.filter((s) => !writtenDirectly(s));
  if (rendered.length > 0) {
    const names = rendered.map((s) => s.name);
    for (const p of await donorSheets(target, await render(rendered), names)) placed.set(p.name, p);
  }
  await placeSheets(
    target,
    sheets.map((s) => placed.get(s.name)!),
    replace,
  );
}
