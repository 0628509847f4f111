import { z } from 'zod';
import { FIRST_PLAN_DAY, LAST_PLAN_DAY, isIsoDate, isIsoMonth, isPlanDate } from '../dates';

/** A calendar date written YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' })
  .refine((t) => !isIsoDate(t) || isPlanDate(t), {
    message: `must be a date from ${FIRST_PLAN_DAY} to ${LAST_PLAN_DAY}, the days implan plans in`,
  })
  .meta({ format: 'date', examples: ['2025-03-31'] });

/** A month written YYYY-MM: the period of a budget line. */
export const IsoMonth = z
  .string()
  .refine(isIsoMonth, { message: 'must be a month written YYYY-MM' })
  .refine((t) => !isIsoMonth(t) || isPlanDate(`${t}-01`), {
    message: `must be a month from ${FIRST_PLAN_DAY.slice(0, 7)} to ${LAST_PLAN_DAY.slice(0, 7)}, the months implan plans in`,
  })
  .meta({ examples: ['2025-03'] });

/**
 * Amounts stay below 10^15: Excel keeps 15 significant digits (its largest number is
 * 9.99999999999999E+307), so a larger amount, or a sum past it, is shown rounded or as #NUM!
 * (docs/decisions/0008-workbook-structure-and-excel-edges.md).
 */
export const AMOUNT_LIMIT = 1e15;

const belowLimit = { message: 'must be below 1,000,000,000,000,000 (Excel keeps 15 digits)' };
export const Money = z
  .number()
  .finite()
  .nonnegative()
  .refine((v) => v < AMOUNT_LIMIT, belowLimit);

/** Free text of a cell; implan never turns it into a formula. */
export const Text = (max: number) => z.string().max(max);

/** Short required text: trimmed, not empty. */
export const Label = (max: number) => z.string().trim().min(1).max(max);

/** Case-insensitive duplicates, as Excel compares names. */
export function duplicatesOf(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    const key = v.toLocaleUpperCase('en-US');
    if (seen.has(key)) dup.add(v);
    seen.add(key);
  }
  return [...dup];
}
