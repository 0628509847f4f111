import { z } from 'zod';
import { isIsoDate, isIsoMonth } from '../dates';

/** A calendar date written YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' })
  .meta({ format: 'date', examples: ['2025-03-31'] });

/** A month written YYYY-MM: the period of a budget line. */
export const IsoMonth = z
  .string()
  .refine(isIsoMonth, { message: 'must be a month written YYYY-MM' })
  .meta({ examples: ['2025-03'] });

export const Money = z.number().finite().nonnegative();

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
