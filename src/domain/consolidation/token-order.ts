import { columnLetter } from '../plan/a1';

/**
 * Row numbers 1..`last` in the order their text sorts when followed by "=" (as in a
 * fingerprint token, "A10=..." before "A1=...": "=" sorts after every digit), made by walking
 * the decimal digits rather than by sorting strings.
 */
function rowTextOrder(last: number): Int32Array {
  const order = new Int32Array(last);
  let n = 0;
  // Every extension of a row's digits comes before the row itself; digits in ascending order.
  const visit = (row: number) => {
    for (let d = 0; d <= 9; d++) if (row * 10 + d <= last) visit(row * 10 + d);
    order[n++] = row;
  };
  for (let d = 1; d <= 9; d++) if (d <= last) visit(d);
  return order;
}

/**
 * Visits the cells of sparse columns (`columns.get(col)[row]`, rows 1-based) in the order of
 * their addresses' text followed by "=": columns by their letters, then rows as `rowTextOrder`.
 */
export function forEachInTokenOrder<T>(
  columns: ReadonlyMap<number, readonly (T | undefined)[]>,
  visit: (cell: T, col: number, row: number) => void,
): void {
  // One order per column length: a short column (the summary beside a 20,000-row grid, a strip
  // header) walks its own rows only, in the order they keep within the longer walks.
  const orders = new Map<number, Int32Array>();
  const orderOf = (last: number) => {
    let order = orders.get(last);
    if (!order) orders.set(last, (order = rowTextOrder(last)));
    return order;
  };
  const letters = [...columns.keys()].map((col) => ({ col, letters: columnLetter(col) }));
  letters.sort((x, y) => (x.letters < y.letters ? -1 : 1));
  // Every row of every column in text order, present or not: the joint sheets' columns are
  // nearly full down to their own last row, so this costs what sorting each column's rows did.
  for (const { col } of letters) {
    const column = columns.get(col) ?? [];
    for (const row of orderOf(Math.max(0, column.length - 1))) {
      const cell = column[row];
      if (cell !== undefined) visit(cell, col, row);
    }
  }
}
