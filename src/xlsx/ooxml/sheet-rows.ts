import { a1, columnIndex } from '../../domain/plan/a1';
import type { XlsxPackage } from './package';
import { startTag } from './xml-text';

/**
 * A sheet part's rows as cells to move or drop, for edits that shift cells inside a table
 * (a line taken out of the register, a Settings list made shorter). Only the rows an edit
 * names are rewritten; every other byte of the part stays as it was.
 */

/** The cells of one `<row>`, by 0-based column, as their XML. */
export type RowCells = Map<number, string>;

const ROW = /<row\b[^>]*?\br="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b[^>]*?\br="([A-Z]+)\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

/** The cells of rows `top`..`bottom` (0-based), each moved cell's XML as it stands. */
export function readRows(xml: string, top: number, bottom: number): Map<number, RowCells> {
  const out = new Map<number, RowCells>();
  for (const m of xml.matchAll(ROW)) {
    const r = Number(m[1]) - 1;
    if (r < top || r > bottom) continue;
    out.set(r, cellsOfRow(m[2]));
  }
  return out;
}

/** A cell's XML moved to another address: its `r` attribute says where it now is. */
export function movedCell(cellXml: string, row: number, col: number): string {
  const tag = startTag(cellXml);
  return tag.replace(/\br="[A-Z]+\d+"/, `r="${a1(row, col)}"`) + cellXml.slice(tag.length);
}

/** The `<row>` of a 0-based row index, when the part has one. */
export function findRow(xml: string, row: number): RegExpExecArray | null {
  return new RegExp(`<row\\b[^>]*?\\br="${row + 1}"[^>]*?(?:/>|>([\\s\\S]*?)</row>)`).exec(xml);
}

/**
 * The part with row `row` holding exactly `cells`, sorted by column: the row's element is
 * rewritten (its attributes kept, but `spans`, which may no longer hold) or, when it has none
 * and there are cells to hold, inserted in row order.
 */
export function putRow(xml: string, row: number, cells: RowCells): string {
  const existing = findRow(xml, row);
  const body = [...cells.entries()]
    .sort(([x], [y]) => x - y)
    .map(([, c]) => c)
    .join('');
  if (existing) {
    const open = startTag(existing[0])
      .replace(/\s*\/>$/, '>')
      .replace(/\sspans="[^"]*"/, '');
    return `${xml.slice(0, existing.index)}${open}${body}</row>${xml.slice(existing.index + existing[0].length)}`;
  }
  if (body === '') return xml;
  if (/<sheetData\s*\/>/.test(xml))
    xml = xml.replace(/<sheetData\s*\/>/, '<sheetData></sheetData>');
  const next = [...xml.matchAll(/<row\b[^>]*?\br="(\d+)"/g)].find((m) => Number(m[1]) > row + 1);
  const at = next ? next.index : xml.indexOf('</sheetData>');
  return `${xml.slice(0, at)}<row r="${row + 1}">${body}</row>${xml.slice(at)}`;
}

/** The cells of a row's XML, by 0-based column. */
export function cellsOfRow(rowXml: string | undefined): RowCells {
  const cells: RowCells = new Map();
  for (const c of (rowXml ?? '').matchAll(CELL)) cells.set(columnIndex(c[1] ?? ''), c[0]);
  return cells;
}

/**
 * Replaces the cells of columns `left`..`right` in each row of `rows` (cells outside those
 * columns stay); a row given no cells there keeps only its others.
 */
export async function rewriteRows(
  pkg: XlsxPackage,
  sheetPath: string,
  span: { readonly left: number; readonly right: number },
  rows: ReadonlyMap<number, RowCells>,
): Promise<void> {
  let xml = await pkg.text(sheetPath);
  for (const [r, cells] of rows) {
    const kept = cellsOfRow(findRow(xml, r)?.[1]);
    for (const col of [...kept.keys()]) if (col >= span.left && col <= span.right) kept.delete(col);
    for (const [col, cell] of cells) kept.set(col, cell);
    xml = putRow(xml, r, kept);
  }
  pkg.setText(sheetPath, xml);
}
