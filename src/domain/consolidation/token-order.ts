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
 * The cells of sparse columns (`columns.get(col)[row]`, rows 1-based) in the order of their
 * addresses' text followed by "=": columns by their letters, then rows as `rowTextOrder`.
 */
export function tokenOrder<T>(columns: ReadonlyMap<number, readonly (T | undefined)[]>): T[] {
  const last = Math.max(0, ...[...columns.values()].map((c) => c.length - 1));
  const order = rowTextOrder(last);
  const rank = new Int32Array(last + 1);
  order.forEach((row, i) => (rank[row] = i));
  const letters = [...columns.keys()].map((col) => ({ col, letters: columnLetter(col) }));
  letters.sort((x, y) => (x.letters < y.letters ? -1 : 1));
  const out: T[] = [];
  for (const { col } of letters) {
    const column = columns.get(col) ?? [];
    const ranks: number[] = [];
    column.forEach((_, row) => ranks.push(rank[row] ?? 0));
    for (const r of Int32Array.from(ranks).sort()) {
      const cell = column[order[r] ?? 0];
      if (cell !== undefined) out.push(cell);
    }
  }
  return out;
}
