/**
 * A blank cell is told without trimming text that starts with something else; the answer must
 * stay what trimming says, for every kind of space `trim` removes and for those it keeps.
 */
import { isBlank } from '../../../src/domain/validation/cells';

describe('blank cells', () => {
  const spaces = [' ', '\t', '\n', '\r', '\u000b', '\f', '\u00a0', '\u1680', '\u2000', '\u200a'];
  const more = ['\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];

  it.each([...spaces, ...more].map((s) => [JSON.stringify(s), s]))(
    'text of nothing but %s is blank',
    (_, space) => {
      expect(isBlank(space)).toBe(true);
      expect(isBlank(`${space}${space} `)).toBe(true);
    },
  );

  it('answers as trimming does for text, numbers, errors and null', () => {
    const values = ['', 'x', ' x', 'x ', '\u0001', ' \u0001 ', '\u200b', '0', 'Yes'];
    for (const v of values) expect(isBlank(v)).toBe(v.trim() === '');
    expect(isBlank(null)).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
    expect(isBlank({ error: '#N/A' })).toBe(false);
  });
});
