import { a1, block } from '../../plan/a1';
import type { Cell } from '../../plan/types';
import { highRatingBand, type Settings } from '../../schema/settings';
import { SETTINGS_NAMES as N } from '../../template/settings-names';
import { numberFormats, styles } from '../../template/styles';
import { type Anchor, type Block, OPEN } from '../blocks';
import type { RegisterRefs } from './register';

/** The cells the workbook names point at. */
export interface KeyFigureRefs {
  readonly riskCount: string;
  readonly highRiskCount: string;
  readonly openRisks: string;
  readonly reserve: string;
}

/**
 * Key figures counted over the register: its risks, the open ones rated in the two highest
 * bands, all open ones and the contingency reserve. Labels take two columns, figures the third.
 */
export function keyFigures(
  at: Anchor,
  settings: Settings,
  reg: RegisterRefs | null,
): Block<KeyFigureRefs> {
  const high = highRatingBand(settings.ratingBands);
  const count = (formula: (r: RegisterRefs) => string): Cell => ({
    formula: reg ? formula(reg) : '0',
  });
  const rows: Cell[][] = [
    ['Risks in this register', null, count((r) => `COUNTA(${r.column('ID')})`)],
    [
      `Open risks rated ${settings.ratingBands
        .slice(high)
        .map((b) => b.name)
        .join(' or ')}`,
      null,
      count(
        (r) =>
          `COUNTIFS(${r.column('Status')},${OPEN},${r.column('Score')},">="&INDEX(${N.ratingMin},${high + 1}))`,
      ),
    ],
    ['Open risks', null, count((r) => `COUNTIF(${r.column('Status')},${OPEN})`)],
    [
      `Contingency reserve (${settings.currency})`,
      null,
      count((r) => `SUMIFS(${r.column('Expected value')},${r.column('Status')},${OPEN})`),
    ],
  ];
  const figure = (k: number) => a1(at.row + k, at.col + 2);
  return {
    items: [
      { kind: 'cells', at: a1(at.row, at.col), rows },
      { kind: 'format', range: block(a1(at.row, at.col), rows.length, 2), style: styles.cardLabel },
      {
        kind: 'format',
        range: block(figure(0), rows.length, 1),
        style: { bold: true, numberFormat: '#,##0' },
      },
      {
        kind: 'format',
        range: figure(3),
        style: { numberFormat: numberFormats.money(settings.currency) },
      },
    ],
    refs: {
      riskCount: figure(0),
      highRiskCount: figure(1),
      openRisks: figure(2),
      reserve: figure(3),
    },
  };
}
