import { columnLetter, parseCell } from '../plan/a1';
import type { Cell, Scalar, SheetPlan } from '../plan/types';
import { forEachInTokenOrder } from './token-order';

/** A cell as either reader sees it: a formula (whatever its text) or a constant. */
export interface SheetCell {
  readonly address: string;
  readonly formula: boolean;
  readonly value: Scalar;
}

/** The cells a sheet plan writes, by column then row (1-based), later items winning. */
function planColumns(sheet: SheetPlan): Map<number, Cell[]> {
  const columns = new Map<number, Cell[]>();
  for (const item of sheet.items) {
    if (item.kind !== 'cells') continue;
    const origin = parseCell(item.at);
    const width = item.rows[0]?.length ?? 0;
    for (let c = 0; c < width; c++) {
      let column = columns.get(origin.col + c);
      if (!column) columns.set(origin.col + c, (column = []));
      for (let r = 0; r < item.rows.length; r++)
        column[origin.row + r + 1] = item.rows[r]?.[c] ?? null;
    }
  }
  return columns;
}

/**
 * The cells a sheet plan writes, later items winning, as a reader will find them. They come in
 * the order `fingerprintOf` sorts their tokens in, so its sort finds nothing to move.
 */
export function cellsOfPlan(sheet: SheetPlan): SheetCell[] {
  const cells: SheetCell[] = [];
  forEachInTokenOrder(planColumns(sheet), (cell, col, row) => {
    const address = `${columnLetter(col)}${row}`;
    cells.push(
      cell !== null && typeof cell === 'object'
        ? { address, formula: true, value: null }
        : { address, formula: false, value: cell },
    );
  });
  return cells;
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
 * FNV-1a, 64 bits as two 32-bit halves, over tokens joined by line breaks, by code point:
 * enough to tell edits apart, no crypto needed. Fed piece by piece (a joined string took longer
 * to build than to hash); a token's pieces hash as their concatenation would.
 */
class Digest {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193;
  private first = true;

  /** Starts a token: a line break before every token but the first. */
  token(): void {
    if (!this.first) {
      this.h1 = Math.imul(this.h1 ^ 10, 0x01000193) >>> 0;
      this.h2 = Math.imul(this.h2 ^ 10, 0x811c9dc5) >>> 0;
    }
    this.first = false;
  }

  add(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
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
    this.h1 = h1;
    this.h2 = h2;
  }

  /**
   * `add` for text known to hold no surrogate pair (cell addresses, "f"): the same hash without
   * the pair checks, which were half the plan's fingerprint time for 280,000 formula cells.
   */
  addPlain(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ code, 0x811c9dc5) >>> 0;
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  toString(): string {
    return `${this.h1.toString(16).padStart(8, '0')}${this.h2.toString(16).padStart(8, '0')}`;
  }
}

/**
 * A short digest of which cells hold formulas, what the constants say and which ranges are
 * merged. Formula text is left out on purpose: Excel rewrites it (A1 case, structured
 * references) while the user edits nothing, but typing over a formula, into an empty cell or
 * over a label changes the digest, and so does merging cells. A sheet with no merges has the
 * digest it had before merges counted, so fingerprints stored by older builds still match.
 */
export function fingerprintOf(cells: Iterable<SheetCell>, merges: readonly string[] = []): string {
  const digest = new Digest();
  for (const text of sortedTokens(cells, merges)) {
    digest.token();
    digest.add(text);
  }
  return digest.toString();
}

/** A formula cell's token value: whatever its text, a formula is all the digest holds. */
const FORMULA = 'f';

/** What follows "=" in a cell's token: its kind and constant; null for an empty cell. */
function tokenValue(cell: Cell): string | null {
  if (cell !== null && typeof cell === 'object') return FORMULA;
  if (cell === null || cell === '') return null;
  if (typeof cell === 'number') return `n${Number(cell.toPrecision(12))}`;
  if (typeof cell === 'boolean') return `b${cell}`;
  return `t${cell}`;
}

/**
 * `fingerprintOf(cellsOfPlan(sheet), mergesOfPlan(sheet))`, without a cell object or token string per cell: at 200
 * projects the joint sheets write half a million cells, and building them was a third of the
 * consolidation plan's time.
 */
export function fingerprintOfPlan(sheet: SheetPlan): string {
  // Merge tokens sort among the cells' tokens; a sheet that merges takes the general path.
  const merges = mergesOfPlan(sheet);
  if (merges.length > 0) return fingerprintOf(cellsOfPlan(sheet), merges);
  const columns = planColumns(sheet);
  const digest = new Digest();
  let letters = '';
  let lettersOf = -1;
  // "12=" made once per row, not once per cell: every column of a 20,000-row grid asks again.
  const rowTexts: string[] = [];
  forEachInTokenOrder(columns, (cell, col, row) => {
    const value = tokenValue(cell);
    if (value === null) return;
    if (col !== lettersOf) letters = columnLetter((lettersOf = col));
    digest.token();
    digest.addPlain(letters);
    digest.addPlain((rowTexts[row] ??= `${row}=`));
    if (value === FORMULA) digest.addPlain(value);
    else digest.add(value);
  });
  return digest.toString();
}
