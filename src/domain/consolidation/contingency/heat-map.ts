import { a1, block, columnLetter } from '../../plan/a1';
import type { Cell, SheetItem } from '../../plan/types';
import type { Settings } from '../../schema/settings';
import { SETTINGS_NAMES as N } from '../../template/settings-names';
import { bandHighlight, styles } from '../../template/styles';
import { type Anchor, type Block, OPEN } from '../blocks';
import type { RegisterRefs } from './register';

/** Rows the heat map takes: the impact header and probabilities 5 down to 1. */
export const HEAT_MAP_ROWS = 6;
const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * Open risks with probability `p` and impact `i` (cell references), for one heat map cell:
 * counted over the register on this sheet, like the key figures beside it, so every cell has
 * the same short formula at any project count and the 25 cells add up to the open risks the
 * register holds (summing COUNTIFS over every risk table passes Excel's 8,192 characters near
 * a hundred projects).
 */
function heatFormula(reg: RegisterRefs | null, p: string, i: string): string {
  return reg
    ? `COUNTIFS(${reg.column('Probability')},${p},${reg.column('Impact')},${i},${reg.column('Status')},${OPEN})`
    : '0';
}

/**
 * The 5 x 5 heat map of open risks, its corner at `at`: probability 5..1 down the first
 * column, impact 1..5 across the first row, each cell coloured by the Settings bands.
 */
export function heatMap(at: Anchor, settings: Settings, reg: RegisterRefs | null): Block {
  const probability = columnLetter(at.col);
  const impact = (c: number) => columnLetter(at.col + 1 + c);
  const rows: Cell[][] = [
    ['Prob. \\ Impact', ...LEVELS],
    ...[...LEVELS].reverse().map((p, r): Cell[] => [
      p,
      ...LEVELS.map((_, c) => ({
        formula: heatFormula(reg, `$${probability}${at.row + 2 + r}`, `${impact(c)}$${at.row + 1}`),
      })),
    ]),
  ];
  const body = block(a1(at.row + 1, at.col + 1), 5, 5);
  const score = `$${probability}${at.row + 2}*${impact(0)}$${at.row + 1}`;
  const items: SheetItem[] = [
    { kind: 'cells', at: a1(at.row, at.col), rows },
    {
      kind: 'format',
      range: block(a1(at.row, at.col), 1, 6),
      style: { ...styles.header, hAlign: 'center' },
    },
    {
      kind: 'format',
      range: block(a1(at.row + 1, at.col), 5, 1),
      style: { ...styles.header, hAlign: 'center' },
    },
    {
      kind: 'format',
      range: body,
      style: { numberFormat: '0;-0;;@', hAlign: 'center', vAlign: 'center', bold: true },
    },
    ...settings.ratingBands.map((_, k): SheetItem => ({
      kind: 'conditionalFormat',
      range: body,
      rule: {
        kind: 'expression',
        formula: `AND(${score}>=INDEX(${N.ratingMin},${k + 1}),${score}<=INDEX(${N.ratingMax},${k + 1}))`,
        style: bandHighlight(k),
      },
    })),
  ];
  return { items, refs: undefined };
}

/** The legend of the rating bands, live from Settings, each row in its band's colours. */
export function bandLegend(at: Anchor, settings: Settings): Block {
  const bands = settings.ratingBands;
  return {
    items: [
      {
        kind: 'cells',
        at: a1(at.row, at.col),
        rows: [
          ['Band', 'Scores'],
          ...bands.map((_, k): Cell[] => [
            { formula: `INDEX(${N.ratingName},${k + 1})` },
            { formula: `INDEX(${N.ratingMin},${k + 1})&" to "&INDEX(${N.ratingMax},${k + 1})` },
          ]),
        ],
      },
      { kind: 'format', range: block(a1(at.row, at.col), 1, 2), style: styles.header },
      ...bands.map((_, k): SheetItem => {
        const h = bandHighlight(k);
        return {
          kind: 'format',
          range: block(a1(at.row + 1 + k, at.col), 1, 2),
          style: {
            ...(h.fill ? { fill: h.fill } : {}),
            ...(h.fontColor ? { fontColor: h.fontColor } : {}),
            ...(h.bold ? { bold: true } : {}),
          },
        };
      }),
    ],
    refs: undefined,
  };
}
