import { a1, block } from '../../plan/a1';
import type { Cell } from '../../plan/types';
import type { Settings } from '../../schema/settings';
import { bandRules } from '../../template/risk-bands';
import { styles } from '../../template/styles';
import type { Block } from '../blocks';
import {
  REGISTER,
  REGISTER_HEADERS,
  type RegisterRefs,
  registerFormats,
  TOP_COLUMNS,
} from './register';

export const TOP_COUNT = 10;
/** Rows the top ten takes: its header and ten rows. */
export const TOP_TEN_ROWS = 1 + TOP_COUNT;

/**
 * The highest open risks, live: row k finds the register row holding the k-th largest rank key
 * (LARGE and MATCH over one column: ten scans of the register per column, not one per risk).
 */
export function topTen(headerRow: number, settings: Settings, reg: RegisterRefs | null): Block {
  const columns = REGISTER.slice(0, TOP_COLUMNS);
  const rows: Cell[][] = Array.from({ length: TOP_COUNT }, (_, k) =>
    columns.map((c): Cell => {
      if (!reg) return null;
      const key = reg.column('Rank key');
      const found = `INDEX(${reg.column(c.header)},MATCH(LARGE(${key},${k + 1}),${key},0))`;
      return { formula: `IFERROR(${found},"")` };
    }),
  );
  const first = headerRow + 1;
  return {
    items: [
      {
        kind: 'cells',
        at: a1(headerRow, 0),
        rows: [REGISTER_HEADERS.slice(0, TOP_COLUMNS), ...rows],
      },
      { kind: 'format', range: block(a1(headerRow, 0), 1, TOP_COLUMNS), style: styles.header },
      ...registerFormats(first, TOP_COUNT, TOP_COLUMNS, settings),
      ...bandRules(block(a1(first, 0), TOP_COUNT, TOP_COLUMNS), REGISTER_HEADERS, settings),
    ],
    refs: undefined,
  };
}
