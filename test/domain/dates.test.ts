import {
  FIRST_PLAN_DAY,
  LAST_PLAN_DAY,
  isoToSerial,
  monthStartOf,
  monthToSerial,
  serialToMonth,
} from '../../src/domain/dates';

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
