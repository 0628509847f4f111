import { a1, columnIndex } from '../../domain/plan/a1';
import type { Scalar } from '../../domain/plan/types';
import type { XlsxPackage } from './package';
import { REL, relationshipsOf, resolveTarget } from './relationships';
import { WORKBOOK } from './workbook';
import { attributes, elements, escapeXml, startTag, unescapeXml } from './xml-text';

export type CellRead = Scalar | { error: string };

/** Text of a shared-string or inline-string item: its runs joined, phonetic runs left out. */
function itemText(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  return [...withoutPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)]
    .map((m) => unescapeXml(m[1] ?? ''))
    .join('');
}

export async function sharedStrings(pkg: XlsxPackage): Promise<string[]> {
  const rel = (await relationshipsOf(pkg, WORKBOOK)).find((r) => r.type === REL.sharedStrings);
  if (!rel) return [];
  const path = resolveTarget(WORKBOOK, rel.target);
  if (!pkg.has(path)) return [];
  return elements(await pkg.text(path), 'si').map((e) => itemText(e.text));
}

function cellValue(cellXml: string, strings: readonly string[]): CellRead {
  // Only the type attribute is needed: one small match, not every attribute unescaped.
  const type = /^<c\b[^>]*?\st\s*=\s*["']([^"']*)["']/.exec(cellXml)?.[1];
  // Some tools save a blank cell with an empty cached value and no type (`<v></v>`): that is
  // no value, not 0, nor shared string 0; an empty placeholder row must read as empty.
  const found = /<v>([\s\S]*?)<\/v>/.exec(cellXml)?.[1];
  const v = found === undefined || found.trim() === '' ? undefined : found;
  switch (type) {
    case 's':
      return v === undefined ? null : (strings[Number(v)] ?? null);
    case 'inlineStr':
      return itemText(/<is>([\s\S]*?)<\/is>/.exec(cellXml)?.[1] ?? '');
    case 'str':
      return v === undefined ? null : unescapeXml(v);
    case 'b':
      return v === undefined ? null : v === '1';
    case 'e':
      return { error: v ?? '#N/A' };
    default:
      return v === undefined ? null : Number(v);
  }
}

/** A sheet part's rows split once: the XML of each row's cells, by 0-based row index. */
interface SheetRows {
  readonly xml: string;
  readonly rows: ReadonlyMap<number, string>;
}

/**
 * Split rows per package and part, reused while the part's text is the same string: reading the
 * card and three tables of one project sheet scans its XML once instead of four times.
 */
const rowCache = new WeakMap<XlsxPackage, Map<string, SheetRows>>();

async function sheetRows(pkg: XlsxPackage, sheetPath: string): Promise<SheetRows> {
  const xml = await pkg.text(sheetPath);
  let parts = rowCache.get(pkg);
  if (!parts) rowCache.set(pkg, (parts = new Map<string, SheetRows>()));
  const cached = parts.get(sheetPath);
  if (cached && cached.xml === xml) return cached;
  const rows = new Map<number, string>();
  for (const m of xml.matchAll(/<row\b[^>]*?\br="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g))
    rows.set(Number(m[1]) - 1, m[2] ?? '');
  const split = { xml, rows };
  parts.set(sheetPath, split);
  return split;
}

/**
 * Values of a rectangle of cells, read straight from the sheet part (formula cells give their
 * cached value). Only the rows in range are looked at, so huge sheets or whole-sheet
 * validations elsewhere in the part cost nothing more.
 */
export async function readCells(
  pkg: XlsxPackage,
  sheetPath: string,
  range: { top: number; bottom: number; left: number; right: number },
  strings?: readonly string[],
): Promise<CellRead[][]> {
  const ss = strings ?? (await sharedStrings(pkg));
  const { rows } = await sheetRows(pkg, sheetPath);
  const out: CellRead[][] = Array.from({ length: range.bottom - range.top + 1 }, () =>
    Array.from({ length: range.right - range.left + 1 }, () => null),
  );
  for (let r = range.top; r <= range.bottom; r++) {
    const body = rows.get(r);
    if (!body) continue;
    const row = out[r - range.top]!;
    for (const c of body.matchAll(/<c\b[^>]*?\br="([A-Z]+)\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g)) {
      const col = columnIndex(c[1] ?? '');
      if (col < range.left || col > range.right) continue;
      row[col - range.left] = cellValue(c[0], ss);
    }
  }
  return out;
}

/** Every cell of a sheet part that holds something: whether it is a formula, and its value. */
export async function readSheetCells(
  pkg: XlsxPackage,
  sheetPath: string,
  strings?: readonly string[],
): Promise<{ address: string; formula: boolean; value: CellRead }[]> {
  const ss = strings ?? (await sharedStrings(pkg));
  const xml = await pkg.text(sheetPath);
  const out: { address: string; formula: boolean; value: CellRead }[] = [];
  for (const c of xml.matchAll(/<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const body = c[2] ?? '';
    out.push({ address: c[1] ?? '', formula: /<f[\s>/]/.test(body), value: cellValue(c[0], ss) });
  }
  return out;
}

/** The XML of one cell implan writes: text inline (sharedStrings is not touched), formulas bare. */
export function cellXml(
  ref: string,
  style: string | undefined,
  cell: Scalar | { formula: string },
): string {
  const s = style === undefined ? '' : ` s="${style}"`;
  if (cell === null) return `<c r="${ref}"${s}/>`;
  if (typeof cell === 'object') return `<c r="${ref}"${s}><f>${escapeXml(cell.formula)}</f></c>`;
  if (typeof cell === 'number') return `<c r="${ref}"${s}><v>${cell}</v></c>`;
  if (typeof cell === 'boolean') return `<c r="${ref}"${s} t="b"><v>${cell ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
}

const ROW_CELL = /<c\b[^>]*?\br="([A-Z]+)\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

/** Row `r` (1-based) of a sheet's XML; its body is group 1. */
const rowOf = (r: number) => new RegExp(`<row\\b[^>]*?\\br="${r}"[^>]*?(?:/>|>([\\s\\S]*?)</row>)`);

/** The cells of one row's XML (its body), by 0-based column. */
export function rowCells(body: string): Map<number, string> {
  const cells = new Map<number, string>();
  for (const c of body.matchAll(ROW_CELL)) cells.set(columnIndex(c[1] ?? ''), c[0]);
  return cells;
}

/**
 * Puts cells (XML, by 0-based column) into row `r` (1-based) of a sheet's XML: a cell of the
 * same column is replaced, cells stay sorted by column and rows by number. The row keeps its
 * attributes but `spans`, a hint the new cells may widen; a missing row is inserted in order.
 */
export function putRowCells(xml: string, r: number, cells: ReadonlyMap<number, string>): string {
  let out = xml.replace(/<sheetData\s*\/>/, '<sheetData></sheetData>');
  const existing = rowOf(r).exec(out);
  const merged = rowCells(existing?.[1] ?? '');
  for (const [col, cell] of cells) merged.set(col, cell);
  const body = [...merged]
    .sort(([x], [y]) => x - y)
    .map(([, c]) => c)
    .join('');
  if (existing) {
    const open = startTag(existing[0])
      .replace(/\s*\/>$/, '>')
      .replace(/\sspans="[^"]*"/, '');
    const end = existing.index + existing[0].length;
    return `${out.slice(0, existing.index)}${open}${body}</row>${out.slice(end)}`;
  }
  const next = [...out.matchAll(/<row\b[^>]*?\br="(\d+)"/g)].find((m) => Number(m[1]) > r);
  const at = next ? next.index : out.indexOf('</sheetData>');
  out = `${out.slice(0, at)}<row r="${r}">${body}</row>${out.slice(at)}`;
  return out;
}

/**
 * Writes cells into a sheet part, row by row, keeping rows sorted by number and cells by column.
 * `style(row, col)` gives the style index for a new cell (existing cells keep theirs).
 */
export async function writeCells(
  pkg: XlsxPackage,
  sheetPath: string,
  top: number,
  left: number,
  rows: readonly (readonly (Scalar | { formula: string })[])[],
  style: (col: number) => string | undefined,
): Promise<void> {
  let xml = await pkg.text(sheetPath);
  rows.forEach((cells, i) => {
    const r = top + i;
    const current = rowCells(rowOf(r + 1).exec(xml)?.[1] ?? '');
    const written = new Map<number, string>();
    cells.forEach((cell, j) => {
      const col = left + j;
      const old = current.get(col);
      const oldStyle = old ? attributes(startTag(old)).s : undefined;
      written.set(col, cellXml(a1(r, col), oldStyle ?? style(col), cell));
    });
    xml = putRowCells(xml, r + 1, written);
  });
  pkg.setText(sheetPath, xml);
}
