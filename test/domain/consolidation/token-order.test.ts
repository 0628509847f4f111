/**
 * The fingerprint hashes cells in the order their tokens sort as text; the walk must give that
 * order for columns of any length side by side (a long grid column beside two strip headers).
 */
import { columnLetter } from '../../../src/domain/plan/a1';
import { forEachInTokenOrder } from '../../../src/domain/consolidation/token-order';

describe('cells in token order', () => {
  it('walks long and short columns as their tokens sort', () => {
    const column = (rows: readonly number[]) => {
      const cells: (string | undefined)[] = [];
      for (const row of rows) cells[row] = `r${row}`;
      return cells;
    };
    const columns = new Map([
      [0, column(Array.from({ length: 130 }, (_, i) => i + 1))],
      [1, column([9, 10])],
      [26, column([1, 2, 100])],
      [2, column([])],
    ]);
    const seen: string[] = [];
    forEachInTokenOrder(columns, (_, col, row) => seen.push(`${columnLetter(col)}${row}=`));
    const expected = [...columns].flatMap(([col, cells]) =>
      cells.flatMap((cell, row) => (cell === undefined ? [] : [`${columnLetter(col)}${row}=`])),
    );
    expect(seen).toEqual([...expected].sort());
  });
});
