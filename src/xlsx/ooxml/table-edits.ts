import { parseRange, rangeA1 } from '../../domain/plan/a1';
import type { Cell, RowKey } from '../../domain/plan/types';
import { readCells, writeCells } from './cells';
import { PackageError, type XlsxPackage } from './package';
import { movedCell, readRows, rewriteRows, type RowCells } from './sheet-rows';
import { fillTableRows } from './tables';
import { bodyRange, findTable, type TableEntry } from './workbook';
import { attributes, elements, escapeXml, setAttribute, unescapeXml } from './xml-text';

/** Edits of rows in tables a workbook already holds, found by key or rewritten whole. */

async function tableOf(pkg: XlsxPackage, name: string): Promise<TableEntry> {
  const table = await findTable(pkg, name);
  if (!table) throw new PackageError(`The workbook has no table named ${name}.`);
  return table;
}

const text = (v: unknown) =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';

/** The 0-based body row whose `key.column` cell holds `key.value` (whole, ignoring case). */
async function rowOf(pkg: XlsxPackage, table: TableEntry, key: RowKey): Promise<number> {
  const col = table.columns.indexOf(key.column);
  const body = bodyRange(table);
  const cells =
    col < 0 || body.bottom < body.top
      ? []
      : await readCells(pkg, table.sheet.path, {
          ...body,
          left: body.left + col,
          right: body.left + col,
        });
  const index = cells.findIndex((r) => text(r[0]).toUpperCase() === key.value.toUpperCase());
  if (index < 0)
    throw new PackageError(
      `The table ${table.name} has no line whose ${key.column} is ${key.value}.`,
    );
  return index;
}

/** Sets some cells of the row `key` names; the row's other cells keep what they hold. */
export async function setRowCells(
  pkg: XlsxPackage,
  tableName: string,
  key: RowKey,
  cells: readonly { readonly column: string; readonly value: Cell }[],
): Promise<void> {
  const table = await tableOf(pkg, tableName);
  const row = bodyRange(table).top + (await rowOf(pkg, table, key));
  for (const { column, value } of cells) {
    const col = table.columns.indexOf(column);
    if (col < 0) throw new PackageError(`The table ${tableName} has no column ${column}.`);
    await writeCells(
      pkg,
      table.sheet.path,
      row,
      bodyRange(table).left + col,
      [[value]],
      () => undefined,
    );
  }
}

/** The table's calculated column formulas, by 0-based column within the table. */
async function calculatedFormulas(
  pkg: XlsxPackage,
  table: TableEntry,
): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  elements(await pkg.text(table.path), 'tableColumn').forEach((c, i) => {
    const f = /<calculatedColumnFormula>([\s\S]*?)<\/calculatedColumnFormula>/.exec(c.text)?.[1];
    if (f !== undefined) out.set(i, unescapeXml(f));
  });
  return out;
}

/**
 * A cell moved up a row inside a table. A formula Excel stored in shared form belongs to its
 * group's first cell and cannot move alone: in a calculated column it is written out in full
 * from the column's formula; anywhere else the edit is refused rather than guessed.
 */
function movedUp(cell: string, row: number, col: number, formula: string | undefined): string {
  const moved = movedCell(cell, row, col);
  if (!/<f\b[^>]*\bt="shared"/.test(moved)) return moved;
  if (formula === undefined)
    throw new PackageError(
      'A line of this table holds formulas Excel stored as one shared block; take the line out in Excel instead.',
    );
  return moved
    .replace(/<f\b[^>]*\/>|<f\b[^>]*>[\s\S]*?<\/f>/, `<f>${escapeXml(formula)}</f>`)
    .replace(/<v>[\s\S]*?<\/v>/, '');
}

/**
 * Takes the row `key` names out of its table: the rows below move up within the table's
 * columns (cells beside the table stay) and the table ends a row higher. The last line of a
 * table is emptied instead, since a table keeps at least one body row.
 */
export async function deleteRow(pkg: XlsxPackage, tableName: string, key: RowKey): Promise<void> {
  const table = await tableOf(pkg, tableName);
  const body = bodyRange(table);
  const target = body.top + (await rowOf(pkg, table, key));
  const formulas = await calculatedFormulas(pkg, table);
  const rows = readRows(await pkg.text(table.sheet.path), target, body.bottom);
  const next = new Map<number, RowCells>();
  for (let r = target; r <= body.bottom; r++) {
    const cells: RowCells = new Map();
    for (const [col, cell] of rows.get(r + 1) ?? [])
      if (col >= body.left && col <= body.right)
        cells.set(col, movedUp(cell, r, col, formulas.get(col - body.left)));
    next.set(r, cells);
  }
  if (body.bottom === body.top) {
    await writeCells(
      pkg,
      table.sheet.path,
      target,
      body.left,
      [
        Array.from({ length: body.right - body.left + 1 }, (_, i) => {
          const f = formulas.get(i);
          return f === undefined ? null : { formula: f };
        }),
      ],
      () => undefined,
    );
    return;
  }
  await rewriteRows(pkg, table.sheet.path, body, next);
  await setTableRef(pkg, table, body.bottom - 1);
}

/** Sets a table's (and its autoFilter's) last row. */
async function setTableRef(pkg: XlsxPackage, table: TableEntry, bottom: number): Promise<void> {
  const r = parseRange(table.ref);
  const ref = rangeA1(r.from, { row: bottom, col: r.to.col });
  let xml = await pkg.text(table.path);
  xml = xml.replace(/<table\b[^>]*>/, (tag) => setAttribute(tag, 'ref', ref));
  xml = xml.replace(/<autoFilter\b[^>]*>/, (tag) =>
    attributes(tag).ref === undefined ? tag : setAttribute(tag, 'ref', ref),
  );
  pkg.setText(table.path, xml);
}

/**
 * Makes a table's data body exactly `rows` (at least one) from its header down: the table grows as fillTableRows grows it, or ends higher, and the cells of the rows
 * it gives up are emptied.
 */
export async function setTableRows(
  pkg: XlsxPackage,
  tableName: string,
  rows: readonly (readonly Cell[])[],
): Promise<void> {
  const table = await tableOf(pkg, tableName);
  if (rows.length === 0) throw new Error(`A table keeps a body row: ${tableName} was given none`);
  const body = bodyRange(table);
  await fillTableRows(pkg, tableName, 0, rows);
  const last = body.top + rows.length - 1;
  if (last >= body.bottom) return;
  const emptied = new Map<number, RowCells>();
  for (let r = last + 1; r <= body.bottom; r++) emptied.set(r, new Map());
  await rewriteRows(pkg, table.sheet.path, body, emptied);
  await setTableRef(pkg, table, last);
}
