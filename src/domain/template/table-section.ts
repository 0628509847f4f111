import { a1, block, parseCell } from '../plan/a1';
import type { Cell, SheetItem } from '../plan/types';
import type { Settings } from '../schema/settings';
import type { ColumnSpec } from './columns';
import { TABLE_STYLE, styles } from './styles';

export interface TableSection {
  readonly items: readonly SheetItem[];
  readonly widths: readonly { readonly column: number; readonly width: number }[];
  /** Data body range, e.g. D5:P9. */
  readonly body: string;
}

/** The cells of one table row: inputs from the entity, formulas for calculated columns. */
export function rowCells<E>(
  columns: readonly ColumnSpec<E>[],
  table: string,
  entity: E | null,
): Cell[] {
  return columns.map((c) => {
    if (c.formula) return { formula: c.formula(table) };
    return entity === null || !c.toCell ? null : c.toCell(entity);
  });
}

/**
 * A table with its header look, number formats, calculated-column shading and guards. A table
 * with no entities gets one empty row: Excel tables always have at least one data row, and it
 * is the row a user starts typing in.
 */
export function tableSection<E>(
  name: string,
  at: string,
  columns: readonly ColumnSpec<E>[],
  entities: readonly E[],
  settings: Settings,
): TableSection {
  const origin = parseCell(at);
  const rows = (entities.length === 0 ? [null] : entities).map((e) => rowCells(columns, name, e));
  const bodyTop = a1(origin.row + 1, origin.col);
  const items: SheetItem[] = [
    {
      kind: 'table',
      table: {
        name,
        at,
        style: TABLE_STYLE,
        columns: columns.map((c) =>
          c.formula ? { name: c.name, formula: c.formula(name) } : { name: c.name },
        ),
        rows,
      },
    },
    { kind: 'format', range: block(at, 1, columns.length), style: styles.header },
  ];
  columns.forEach((c, i) => {
    const range = block(a1(origin.row + 1, origin.col + i), rows.length, 1);
    if (c.formula) items.push({ kind: 'format', range, style: styles.calculated });
    if (c.numberFormat)
      items.push({ kind: 'format', range, style: { numberFormat: c.numberFormat(settings) } });
    const at = (name: string) =>
      a1(origin.row + 1, origin.col + columns.findIndex((x) => x.name === name));
    const rule = c.guard ? c.guard(at) : c.validation;
    if (rule) items.push({ kind: 'validation', range, rule });
  });
  return {
    items,
    widths: columns.map((c, i) => ({ column: origin.col + i, width: c.width })),
    body: block(bodyTop, rows.length, columns.length),
  };
}
