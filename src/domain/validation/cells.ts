import { FIRST_PLAN_DAY, LAST_PLAN_DAY, isoToSerial, serialToIso } from '../dates';
import { AMOUNT_LIMIT } from '../schema/primitives';
import type { RawValue } from './raw';
import type { ColumnRule } from './columns';
import { say } from './messages';

/** Dates implan accepts as real, as Excel serials: the days plan files accept too. */
const FIRST_DAY = isoToSerial(FIRST_PLAN_DAY);
const LAST_DAY = isoToSerial(LAST_PLAN_DAY);

export interface CellProblem {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
}

export type Checked =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'bad'; readonly problem: CellProblem };

const err = (code: string, message: string): Checked => ({
  kind: 'bad',
  problem: { severity: 'error', code, message },
});

/** True for every character `String.prototype.trim` removes (and control characters it keeps). */
const mayTrim = (code: number): boolean =>
  code <= 0x20 ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;

/**
 * Null, or text with nothing but spaces. Text that starts with anything else is not blank,
 * which is told without trimming it (every text cell of 200 projects is asked, twice).
 */
export const isBlank = (v: RawValue): boolean =>
  v === null ||
  (typeof v === 'string' && (v.length === 0 || (mayTrim(v.charCodeAt(0)) && v.trim() === '')));

/** Reads one raw cell as its column expects, or says what is wrong with it. */
export function checkCell(rule: ColumnRule, v: RawValue): Checked {
  if (isBlank(v)) return { kind: 'empty' };
  if (typeof v === 'object' && v !== null)
    return err('type.error-value', say.errorValue(rule.column, v.error));
  switch (rule.kind) {
    case 'money':
    case 'scale':
    case 'percent': {
      if (typeof v !== 'number')
        return err('type.text-in-number', say.textInNumber(rule.column, String(v)));
      if (rule.kind === 'money' && v < 0)
        return err('range.negative', say.negative(rule.column, v));
      if (rule.kind === 'money' && !(v < AMOUNT_LIMIT))
        return err('range.amount-too-large', say.amountTooLarge(rule.column, v));
      if (rule.kind === 'scale' && (!Number.isInteger(v) || v < 1 || v > 5))
        return err('range.scale', say.scale(rule.column, v));
      if (rule.kind === 'percent' && (v < 0 || v > 1)) return err('range.percent', say.percent(v));
      return { kind: 'number', value: v };
    }
    case 'date':
    case 'month':
      if (typeof v === 'string') return err('type.text-in-date', say.textInDate(rule.column, v));
      if (typeof v !== 'number' || !(v >= FIRST_DAY && v <= LAST_DAY))
        return err('type.not-a-date', say.notADate(rule.column, String(v)));
      return { kind: 'number', value: v };
    case 'calculated':
      return typeof v === 'number'
        ? { kind: 'number', value: v }
        : { kind: 'text', value: String(v) };
    case 'text':
      return typeof v === 'number'
        ? { kind: 'number', value: v }
        : { kind: 'text', value: String(v) };
    case 'id':
    case 'yesNo':
    case 'list':
      return { kind: 'text', value: String(v) };
    default: {
      const never: never = rule.kind;
      return never;
    }
  }
}

export const iso = (serial: number): string => serialToIso(serial);
