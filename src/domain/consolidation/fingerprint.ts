import { parseCell, a1 } from '../plan/a1';
import type { Scalar, SheetPlan } from '../plan/types';

/** A cell as either reader sees it: a formula (whatever its text) or a constant. */
export interface SheetCell {
  readonly address: string;
  readonly formula: boolean;
  readonly value: Scalar;
}

/** The cells a sheet plan writes, later items winning, as a reader will find them. */
export function cellsOfPlan(sheet: SheetPlan): SheetCell[] {
  const cells = new Map<string, SheetCell>();
  for (const item of sheet.items) {
    if (item.kind !== 'cells') continue;
    const origin = parseCell(item.at);
    item.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const address = a1(origin.row + r, origin.col + c);
        cells.set(
          address,
          cell !== null && typeof cell === 'object'
            ? { address, formula: true, value: null }
            : { address, formula: false, value: cell },
        );
      }),
    );
  }
  return [...cells.values()];
}

function token(cell: SheetCell): string | null {
  if (cell.formula) return `${cell.address}=f`;
  const v = cell.value;
  if (v === null || v === '') return null;
  if (typeof v === 'number') return `${cell.address}=n${Number(v.toPrecision(12))}`;
  if (typeof v === 'boolean') return `${cell.address}=b${v}`;
  return `${cell.address}=t${v}`;
}

/**
 * A short digest of which cells hold formulas and what the constants say. Formula text is left
 * out on purpose: Excel rewrites it (A1 case, structured references) while the user edits
 * nothing, but typing over a formula, into an empty cell or over a label changes the digest.
 */
export function fingerprintOf(cells: Iterable<SheetCell>): string {
  const tokens = [...cells].flatMap((c) => {
    const t = token(c);
    return t === null ? [] : [t];
  });
  tokens.sort();
  // FNV-1a, 64 bits as two 32-bit halves: enough to tell edits apart, no crypto needed.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  // By code point, as a for-of over the string did, without a string per character (that
  // iterator was a third of the consolidation plan's time at 200 projects).
  const text = tokens.join('\n');
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i) ?? 0;
    i += code > 0xffff ? 2 : 1;
    h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ code, 0x811c9dc5) >>> 0;
  }
  return `${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}
