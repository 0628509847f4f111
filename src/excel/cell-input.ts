import type { Cell } from '../domain/plan/types';

/**
 * A plan cell as Office.js `formulas` input. Every text gets a leading apostrophe: Excel would
 * otherwise read "=HYPERLINK(...)" as a formula, "+cmd" as one too, and "12", "1/2",
 * "Jan 2025" or "TRUE" as numbers, dates or booleans. The apostrophe is not stored in the cell.
 */
export function toInput(cell: Cell): string | number | boolean {
  if (cell === null) return '';
  if (typeof cell === 'object') return `=${cell.formula}`;
  if (typeof cell === 'string') return cell === '' ? '' : `'${cell}`;
  return cell;
}

/** Excel column width in characters (Calibri 11) to points, as the format API wants it. */
export function widthToPoints(characters: number): number {
  return Math.trunc(characters * 7 + 5) * 0.75;
}

export function pointsToWidth(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}
