import { parseRange, rangeA1 } from '../../domain/plan/a1';
import { readCells, sharedStrings, writeCells } from './cells';
import { setColumnWidth } from './columns-xml';
import { PackageError, type XlsxPackage } from './package';
import { findTable } from './workbook';
import { attributes, elements, escapeXml, setAttribute } from './xml-text';

const blank = (v: unknown) => v === null || v === undefined || v === '';

/** The sheet's used-range hint (`<dimension>`) widened to take column `col` (0-based). */
function widenDimension(sheetXml: string, col: number): string {
  const m = /<dimension\b[^>]*ref="([^"]+)"[^>]*\/>/.exec(sheetXml);
  if (!m?.[1] || !m[1].includes(':')) return sheetXml;
  const r = parseRange(m[1]);
  if (r.to.col >= col) return sheetXml;
  const ref = rangeA1(r.from, { row: r.to.row, col });
  return sheetXml.replace(m[0], setAttribute(m[0], 'ref', ref));
}

/**
 * Adds an empty column named `column` at the right end of a table, at the part level: the
 * table part's ref, autoFilter and `tableColumns` (a new id after the largest), the header
 * cell's text (a table's header cells must hold its column names), the sheet column's width.
 * The calculated columns and every cell of the other columns stay as they were. Refuses when
 * the cells the column takes are not empty (the plan found them empty: something changed).
 */
export async function addTableColumn(
  pkg: XlsxPackage,
  tableName: string,
  column: string,
  width: number,
): Promise<void> {
  const table = await findTable(pkg, tableName);
  if (!table) throw new PackageError(`The workbook has no table named ${tableName}.`);
  const r = parseRange(table.ref);
  const col = r.to.col + 1;
  const taken = await readCells(
    pkg,
    table.sheet.path,
    { top: r.from.row, bottom: r.to.row, left: col, right: col },
    await sharedStrings(pkg),
  );
  if (taken.flat().some((v) => !blank(v)))
    throw new PackageError(
      `The cells right of the table ${tableName} are no longer empty; nothing was changed.`,
    );
  const ref = rangeA1(r.from, { row: r.to.row, col });
  let xml = await pkg.text(table.path);
  const ids = elements(xml, 'tableColumn').map((c) => Number(attributes(c.text).id ?? 0));
  const id = Math.max(0, ...ids) + 1;
  xml = xml.replace(/<table\b[^>]*>/, (tag) => setAttribute(tag, 'ref', ref));
  xml = xml.replace(/<autoFilter\b[^>]*?(\/?)>/, (tag) => setAttribute(tag, 'ref', ref));
  xml = xml.replace(/<tableColumns\b[^>]*>/, (tag) =>
    setAttribute(tag, 'count', String(ids.length + 1)),
  );
  xml = xml.replace(
    '</tableColumns>',
    `<tableColumn id="${id}" name="${escapeXml(column)}"/></tableColumns>`,
  );
  pkg.setText(table.path, xml);
  await writeCells(pkg, table.sheet.path, r.from.row, col, [[column]], () => undefined);
  const sheet = await pkg.text(table.sheet.path);
  pkg.setText(table.sheet.path, widenDimension(setColumnWidth(sheet, col, width), col));
}
