import { serialToIso } from '../domain/dates';

/** Money as a finance user reads it, in the plan's currency code ("EUR 826,500.00"). */
export function money(amount: number, currency: string): string {
  const n = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${currency} ${n.format(amount)}`;
}

/** A serial date as "3 Feb 2025". */
export function day(serial: number | null): string {
  if (serial === null || !Number.isFinite(serial)) return '–';
  return new Date(`${serialToIso(serial)}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
