import { a1, parseRange } from '../plan/a1';
import type { SheetItem } from '../plan/types';
import type { Settings } from '../schema/settings';
import { SETTINGS_NAMES } from './settings-names';
import { bandHighlight } from './styles';

/**
 * Colours the Score and Rating cells of a risk table by rating band. The rules read the band
 * limits from Settings through names, so editing a band on the Settings sheet recolours every
 * risk without implan being run again.
 */
export function bandRules(
  body: string,
  columnNames: readonly string[],
  settings: Settings,
): SheetItem[] {
  const r = parseRange(body);
  const scoreCol = r.from.col + columnNames.indexOf('Score');
  const range = `${a1(r.from.row, scoreCol)}:${a1(r.to.row, scoreCol + 1)}`;
  // Column absolute, row relative: each cell of the range tests its own row's score.
  const score = `$${a1(r.from.row, scoreCol)}`;
  return settings.ratingBands.map((_, i): SheetItem => ({
    kind: 'conditionalFormat',
    range,
    rule: {
      kind: 'expression',
      formula: `AND(ISNUMBER(${score}),${score}>=INDEX(${SETTINGS_NAMES.ratingMin},${i + 1}),${score}<=INDEX(${SETTINGS_NAMES.ratingMax},${i + 1}))`,
      style: bandHighlight(i),
    },
  }));
}
