import type { ValidationRule } from '../plan/types';
import { isoToSerial } from '../dates';

/** In-sheet guards: they stop typing mistakes; pasted values are caught by validation. */
export const rules = {
  list: (source: string, what: string): ValidationRule => ({
    kind: 'list',
    source,
    prompt: { title: what, message: `Pick a ${what.toLowerCase()} from the list.` },
    error: {
      title: `Unknown ${what.toLowerCase()}`,
      message: `Choose one of the ${what.toLowerCase()} values kept on the Settings sheet.`,
    },
  }),
  yesNo: (what: string): ValidationRule => ({
    kind: 'list',
    source: 'Yes,No',
    prompt: { title: what, message: 'Yes or No.' },
    error: { title: what, message: 'Answer Yes or No.' },
  }),
  scale: (what: string): ValidationRule => ({
    kind: 'wholeNumber',
    min: 1,
    max: 5,
    prompt: { title: what, message: '1 (very low) to 5 (very high).' },
    error: { title: what, message: `${what} is a whole number from 1 to 5.` },
  }),
  money: (what: string): ValidationRule => ({
    kind: 'decimal',
    min: 0,
    prompt: { title: what, message: 'An amount, without the currency.' },
    error: { title: what, message: `${what} is an amount of zero or more, typed as a number.` },
  }),
  percent: (): ValidationRule => ({
    kind: 'decimal',
    min: 0,
    max: 1,
    prompt: { title: '% complete', message: 'From 0% to 100%.' },
    error: { title: '% complete', message: 'Type a percentage from 0% to 100%.' },
  }),
  /** End dates: a real date, and not before the start date in `start` on the same row. */
  endAfterStart: (end: string, start: string): ValidationRule => ({
    kind: 'custom',
    formula: `AND(ISNUMBER(${end}),${end}>=${isoToSerial('1990-01-01')},${end}<=${isoToSerial('2100-12-31')},OR(${start}="",${end}>=${start}))`,
    prompt: { title: 'End', message: 'A date on or after the start date.' },
    error: { title: 'End', message: 'The end must be a date on or after the start date.' },
  }),
  reviewDays: (): ValidationRule => ({
    kind: 'wholeNumber',
    min: 1,
    max: 366,
    prompt: { title: 'Review every', message: 'Days between reviews of each project, e.g. 30.' },
    error: { title: 'Review every', message: 'Type a whole number of days from 1 to 366.' },
  }),
  date: (what: string): ValidationRule => ({
    kind: 'date',
    min: isoToSerial('1990-01-01'),
    max: isoToSerial('2100-12-31'),
    prompt: { title: what, message: 'A date, e.g. 2025-03-31.' },
    error: { title: what, message: `${what} must be a date between 1990 and 2100.` },
  }),
};
