import { a1, block } from '../../plan/a1';
import type { Cell, HighlightStyle, SheetItem } from '../../plan/types';
import { styles } from '../../template/styles';

/** A column of a variance section: its header, width, number format and highlights. */
export interface VarianceColumn {
  readonly header: string;
  readonly width: number;
  readonly format?: string;
  /** Highlights, each a condition on the column's top cell (written `{}`), e.g. `{}>0`. */
  readonly highlights?: readonly { readonly when: string; readonly style: HighlightStyle }[];
}

export const LATER: HighlightStyle = { fill: '#FFC7CE', fontColor: '#9C0006' };
export const EARLIER: HighlightStyle = { fill: '#C6EFCE', fontColor: '#006100' };
export const CHANGED: HighlightStyle = { fill: '#FFEB9C', fontColor: '#7F6000', bold: true };

/** Red when later (more), green when earlier (less): for slips. */
export const SLIP_HIGHLIGHTS = [
  { when: 'AND(ISNUMBER({}),{}>0)', style: LATER },
  { when: 'AND(ISNUMBER({}),{}<0)', style: EARLIER },
] as const;

/**
 * A titled block of rows: the title on `top`, the header under it, then the rows, with each
 * column's format and highlights over its rows. Returns the items and the first row after it.
 */
export function section(
  top: number,
  title: string,
  columns: readonly VarianceColumn[],
  rows: readonly (readonly Cell[])[],
  empty: string,
): { items: SheetItem[]; next: number; firstRow: number } {
  const header = top + 1;
  const first = header + 1;
  const items: SheetItem[] = [
    { kind: 'cells', at: a1(top, 0), rows: [[title]] },
    { kind: 'format', range: block(a1(top, 0), 1, columns.length), style: styles.section },
    { kind: 'cells', at: a1(header, 0), rows: [columns.map((c) => c.header)] },
    { kind: 'format', range: block(a1(header, 0), 1, columns.length), style: styles.header },
  ];
  if (rows.length === 0) {
    items.push({ kind: 'cells', at: a1(first, 0), rows: [[empty]] });
    return { items, next: first + 2, firstRow: first };
  }
  items.push({ kind: 'cells', at: a1(first, 0), rows });
  columns.forEach((c, i) => {
    const range = block(a1(first, i), rows.length, 1);
    if (c.format) items.push({ kind: 'format', range, style: { numberFormat: c.format } });
    const cell = a1(first, i);
    for (const h of c.highlights ?? [])
      items.push({
        kind: 'conditionalFormat',
        range,
        rule: { kind: 'expression', formula: h.when.replaceAll('{}', cell), style: h.style },
      });
  });
  return { items, next: first + rows.length + 1, firstRow: first };
}
