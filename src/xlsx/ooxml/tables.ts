import { a1, parseRange, rangeA1 } from '../../domain/plan/a1';
import type { Cell } from '../../domain/plan/types';
import { type CellRead, readCells, writeCells } from './cells';
import { PackageError, type XlsxPackage } from './package';
import { bodyRange, findTable } from './workbook';
import { attributes, elements, escapeXml, setAttribute, startTag } from './xml-text';

/**
 * Adds `<calculatedColumnFormula>` to table columns: what makes Excel give a row a user adds
 * under the table the column's formula (exceljs writes the cells' formulas but not this).
 */
export async function setCalculatedColumns(
  pkg: XlsxPackage,
  tableName: string,
  formulas: Readonly<Record<string, string>>,
): Promise<void> {
  const table = await findTable(pkg, tableName);
  if (!table) throw new Error(`No table ${tableName}`);
  let xml = await pkg.text(table.path);
  for (const column of elements(xml, 'tableColumn').reverse()) {
    const name = attributes(column.text).name ?? '';
    const formula = formulas[name];
    if (formula === undefined) continue;
    const child = `<calculatedColumnFormula>${escapeXml(formula)}</calculatedColumnFormula>`;
    const tag = startTag(column.text);
    const inner = column.text.endsWith('/>')
      ? `${tag.replace(/\s*\/>$/, '>')}${child}</tableColumn>`
      : `${tag}${child}${column.text.slice(tag.length).replace(/<calculatedColumnFormula>[\s\S]*?<\/calculatedColumnFormula>/, '')}`;
    xml = xml.slice(0, column.start) + inner + xml.slice(column.end);
  }
  pkg.setText(table.path, xml);
}

export interface TableContent {
  readonly sheet: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly CellRead[])[];
}

export async function readTable(
  pkg: XlsxPackage,
  tableName: string,
  strings?: readonly string[],
): Promise<TableContent | undefined> {
  const table = await findTable(pkg, tableName);
  if (!table) return undefined;
  const body = bodyRange(table);
  const rows = body.bottom < body.top ? [] : await readCells(pkg, table.sheet.path, body, strings);
  return { sheet: table.sheet.name, columns: table.columns, rows };
}

/**
 * Writes rows into a table's data body from `firstRow` on, growing the table's ref (and its
 * autoFilter) when the rows go past its end. Refuses when growing would write over cells that
 * are not empty below the table, or over a totals row.
 */
export async function fillTableRows(
  pkg: XlsxPackage,
  tableName: string,
  firstRow: number,
  rows: readonly (readonly Cell[])[],
): Promise<void> {
  const table = await findTable(pkg, tableName);
  if (!table) throw new PackageError(`The workbook has no table named ${tableName}.`);
  const body = bodyRange(table);
  const top = body.top + firstRow;
  const bottom = top + rows.length - 1;
  if (bottom > body.bottom) {
    if (table.totalsRowCount > 0)
      throw new PackageError(
        `The table ${tableName} has a totals row; remove it in Excel before adding rows.`,
      );
    const below = await readCells(pkg, table.sheet.path, {
      top: body.bottom + 1,
      bottom,
      left: body.left,
      right: body.right,
    });
    if (below.some((r) => r.some((v) => v !== null)))
      throw new PackageError(
        `The cells below the table ${tableName} on the sheet ${table.sheet.name} are not empty; clear them so the table can grow.`,
      );
  }
  const sheetXml = await pkg.text(table.sheet.path);
  const styleRow = /* the first data row gives new cells their look */ body.top;
  const styles = new Map<number, string>();
  const rowMatch = new RegExp(`<row\\b[^>]*?\\br="${styleRow + 1}"[^>]*?>([\\s\\S]*?)</row>`).exec(
    sheetXml,
  );
  for (const c of (rowMatch?.[1] ?? '').matchAll(/<c\b[^>]*?\br="([A-Z]+)\d+"[^>]*/g)) {
    const s = attributes(c[0]).s;
    if (s !== undefined) styles.set(parseRange(`${c[1]}1`).from.col, s);
  }
  await writeCells(pkg, table.sheet.path, top, body.left, rows, (col) => styles.get(col));
  if (bottom > body.bottom) {
    const r = parseRange(table.ref);
    const ref = rangeA1(r.from, { row: bottom, col: r.to.col });
    let xml = await pkg.text(table.path);
    xml = xml.replace(/<table\b[^>]*>/, (tag) => setAttribute(tag, 'ref', ref));
    xml = xml.replace(/<autoFilter\b[^>]*>/, (tag) => setAttribute(tag, 'ref', ref));
    pkg.setText(table.path, xml);
    await growDimension(pkg, table.sheet.path, bottom);
  }
}

async function growDimension(pkg: XlsxPackage, sheetPath: string, bottom: number): Promise<void> {
  const xml = await pkg.text(sheetPath);
  const m = /<dimension\b[^>]*ref="([^"]+)"[^>]*\/>/.exec(xml);
  if (!m?.[1] || !m[1].includes(':')) return;
  const r = parseRange(m[1]);
  if (r.to.row >= bottom) return;
  const ref = `${a1(r.from.row, r.from.col)}:${a1(bottom, r.to.col)}`;
  pkg.setText(sheetPath, xml.replace(m[0], setAttribute(m[0], 'ref', ref)));
}
