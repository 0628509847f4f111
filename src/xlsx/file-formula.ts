import type { Cell } from '../domain/plan/types';

/**
 * Formulas as a file must store them. Excel's formula bar (and Office.js) takes `IFS(...)`, but
 * in the file format functions added after Excel 2007 carry an `_xlfn.` prefix; without it
 * Excel shows #NAME? and LibreOffice cannot evaluate them either.
 */
const FUTURE_FUNCTIONS = [
  'AGGREGATE',
  'CONCAT',
  'DAYS',
  'IFNA',
  'IFS',
  'ISOWEEKNUM',
  'MAXIFS',
  'MINIFS',
  'NETWORKDAYS.INTL',
  'SWITCH',
  'TEXTJOIN',
  'WORKDAY.INTL',
  'XOR',
];

const PATTERN = new RegExp(
  `(?<![A-Za-z0-9_.])(${FUTURE_FUNCTIONS.map((f) => f.replace('.', '\\.')).join('|')})\\(`,
  'g',
);

const MENTIONS = new RegExp(
  `(?:${FUTURE_FUNCTIONS.map((f) => f.replace('.', '\\.')).join('|')})\\(`,
);

/** Adds `_xlfn.` where the file format needs it, leaving text inside string literals alone. */
export function toFileFormula(formula: string): string {
  // Most formulas name none of these functions: one test instead of a split per string literal.
  if (!MENTIONS.test(formula)) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(PATTERN, '_xlfn.$1(')))
    .join('');
}

/** A plan cell as a file stores it: a formula with its `_xlfn.` prefixes, a constant as it is. */
export const fileCell = (c: Cell): Cell =>
  c !== null && typeof c === 'object' ? { formula: toFileFormula(c.formula) } : c;

/**
 * A list validation's source as the file's formula1 holds it: a reference ("=Settings_X")
 * without its "=", a list of values ("Yes,No") in quotes.
 */
export const listFormula = (source: string): string =>
  source.startsWith('=') ? source.slice(1) : `"${source}"`;
