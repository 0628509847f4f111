/**
 * Today as a serial: the calendar day of the clock, as Excel's TODAY() counts it. Rounding to
 * the nearest UTC midnight gave tomorrow from noon UTC on, which put tomorrow's date on
 * baselines saved in the afternoon and made the review and dashboard checks fail after noon.
 */
import { isoToSerial, serialToIso, todaySerial } from '../../src/domain/dates';

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
