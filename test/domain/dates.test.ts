/**
 * Dates as serials. Today is the calendar day of the clock, as Excel's TODAY() counts it:
 * rounding to the nearest UTC midnight gave tomorrow from noon UTC on, which put tomorrow's
 * date on baselines saved in the afternoon. Month starts by arithmetic match the text round trip.
 */
import {
  FIRST_PLAN_DAY,
  LAST_PLAN_DAY,
  isoToSerial,
  monthStartOf,
  monthToSerial,
  serialToIso,
  serialToMonth,
  todaySerial,
} from '../../src/domain/dates';

describe('todaySerial', () => {
  it('is the local calendar day at any hour', () => {
    for (const hour of [0, 1, 11, 12, 13, 23]) {
      const at = new Date(2026, 11, 2, hour, 59, 59);
      expect([hour, serialToIso(todaySerial(at))]).toEqual([hour, '2026-12-02']);
    }
  });

  it('counts as the ISO dates do', () => {
    expect(todaySerial(new Date(2025, 0, 31, 18))).toBe(isoToSerial('2025-01-31'));
  });
});

describe('monthStartOf', () => {
  it('gives what the text round trip gives, for every day implan plans in', () => {
    const first = isoToSerial(FIRST_PLAN_DAY);
    const last = isoToSerial(LAST_PLAN_DAY);
    const wrong: number[] = [];
    for (let s = first; s <= last; s++)
      if (monthStartOf(s) !== monthToSerial(serialToMonth(s))) wrong.push(s);
    expect(wrong).toEqual([]);
  });

  it('rounds a serial with a time of day as serialToMonth does', () => {
    const lastOfMarch = isoToSerial('2025-03-31');
    expect(monthStartOf(lastOfMarch + 0.4)).toBe(isoToSerial('2025-03-01'));
    expect(monthStartOf(lastOfMarch + 0.6)).toBe(isoToSerial('2025-04-01'));
  });
});
