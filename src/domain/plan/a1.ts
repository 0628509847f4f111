/** A1 address arithmetic, 0-based rows and columns. */

export interface CellAddress {
  readonly row: number;
  readonly col: number;
}

export interface RangeAddress {
  readonly from: CellAddress;
  readonly to: CellAddress;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetter(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function rangeA1(from: CellAddress, to: CellAddress): string {
  const start = a1(from.row, from.col);
  const end = a1(to.row, to.col);
  return start === end ? start : `${start}:${end}`;
}

export function parseCell(ref: string): CellAddress {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m || !m[1] || !m[2]) throw new Error(`Not a cell address: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function parseRange(ref: string): RangeAddress {
  const [first, second] = ref.split(':');
  const from = parseCell(first ?? '');
  return { from, to: second === undefined ? from : parseCell(second) };
}

/** The range of `height` x `width` cells whose top-left is `ref`. */
export function block(ref: string, height: number, width: number): string {
  const c = parseCell(ref);
  return rangeA1(c, { row: c.row + height - 1, col: c.col + width - 1 });
}

export function rangeSize(ref: string): { rows: number; cols: number } {
  const r = parseRange(ref);
  return { rows: r.to.row - r.from.row + 1, cols: r.to.col - r.from.col + 1 };
}

/** Every cell of a range, row by row. */
export function* cellsOf(ref: string): Generator<CellAddress> {
  const r = parseRange(ref);
  for (let row = r.from.row; row <= r.to.row; row++)
    for (let col = r.from.col; col <= r.to.col; col++) yield { row, col };
}
