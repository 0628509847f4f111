import { columnLetter, parseCell } from '../plan/a1';
import type { Scalar, SheetPlan } from '../plan/types';
import { tokenOrder } from './token-order';

/** A cell as either reader sees it: a formula (whatever its text) or a constant. */
export interface SheetCell {
  readonly address: string;
  readonly formula: boolean;
  readonly value: Scalar;
}

/**
 * The cells a sheet plan writes, later items winning, as a reader will find them. They come in
 * the order `fingerprintOf` sorts their tokens in, so its sort finds nothing to move: sorting
 * 300,000 token strings was a third of the consolidation plan's time at 200 projects.
 */
export function cellsOfPlan(sheet: SheetPlan): SheetCell[] {
  // By column, then by row: a string key per cell written cost more than the rest together.
  const columns = new Map<number, SheetCell[]>();
  for (const item of sheet.items) {
    if (item.kind !== 'cells') continue;
    const origin = parseCell(item.at);
    const width = item.rows[0]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      const col = origin.col + c;
      const letters = columnLetter(col);
      let column = columns.get(col);
      if (!column) columns.set(col, (column = []));
      item.rows.forEach((row, r) => {
        const cell = row[c] ?? null;
        const address = `${letters}${origin.row + r + 1}`;
        column[origin.row + r + 1] =
          cell !== null && typeof cell === 'object'
            ? { address, formula: true, value: null }
            : { address, formula: false, value: cell };
      });
    }
  }
  return tokenOrder(columns);
}

/** The ranges a sheet plan merges (the joint sheets merge none today). */
export function mergesOfPlan(sheet: SheetPlan): string[] {
  return sheet.items.flatMap((item) => (item.kind === 'merge' ? [item.range] : []));
}

function token(cell: SheetCell): string | null {
  if (cell.formula) return `${cell.address}=f`;
  const v = cell.value;
  if (v === null || v === '') return null;
  if (typeof v === 'number') return `${cell.address}=n${Number(v.toPrecision(12))}`;
  if (typeof v === 'boolean') return `${cell.address}=b${v}`;
  return `${cell.address}=t${v}`;
}

/** A merged range's token: a merge is a user's change as much as a typed cell is. */
const mergeToken = (range: string) => `${range.replace(/\$/g, '').toUpperCase()}=m`;

/** The tokens of cells and merges, sorted as text; cells from `cellsOfPlan` already are. */
function sortedTokens(cells: Iterable<SheetCell>, merges: readonly string[]): string[] {
  const tokens: string[] = [];
  let sorted = merges.length === 0;
  tokens.push(...merges.map(mergeToken));
  for (const cell of cells) {
    const t = token(cell);
    if (t === null) continue;
    const last = tokens[tokens.length - 1];
    if (last !== undefined && last > t) sorted = false;
    tokens.push(t);
  }
  return sorted ? tokens : tokens.sort();
}

/**
 * A short digest of which cells hold formulas, what the constants say and which ranges are
 * merged. Formula text is left out on purpose: Excel rewrites it (A1 case, structured
 * references) while the user edits nothing, but typing over a formula, into an empty cell or
 * over a label changes the digest, and so does merging cells. A sheet with no merges has the
 * digest it had before merges counted, so fingerprints stored by older builds still match.
 */
export function fingerprintOf(cells: Iterable<SheetCell>, merges: readonly string[] = []): string {
  // FNV-1a, 64 bits as two 32-bit halves: enough to tell edits apart, no crypto needed. Over
  // the tokens sorted as text and joined by line breaks, by code point; hashed token by token
  // (one long joined string took longer to build and read than the hash), in local variables
  // (a closure over them was slower than the rest of the plan's hashing together).
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  let first = true;
  for (const text of sortedTokens(cells, merges)) {
    if (!first) {
      h1 = Math.imul(h1 ^ 10, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ 10, 0x811c9dc5) >>> 0;
    }
    first = false;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      const low = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(i + 1) : Number.NaN;
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
      h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ code, 0x811c9dc5) >>> 0;
    }
  }
  return `${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
