/**
 * What the pane says when Excel refuses: a sentence with a next step, chosen by `error.code`
 * alone (messages are localized, codes are not), and never the host's own text.
 */
import { hostProblem } from '../../src/taskpane/host';
import { HostError } from '../excel/fake-excel';

const EXPECTED: [code: string, says: RegExp][] = [
  ['InvalidOperationInCellEditMode', /cell is being edited: press Enter or Esc/],
  ['RequestPayloadSizeLimitExceeded', /too large for Excel even when sent in small blocks/],
  ['ItemAlreadyExists', /already exists in the workbook; choose another name/],
  ['AccessDenied', /read-only or protected: unprotect it or open an editable copy/],
  ['InsertDeleteConflict', /protected against this change/],
  ['ApiNotFound', /lacks a feature implan needs; update Excel or use Excel on the web/],
];

describe('host errors in the pane', () => {
  it.each(EXPECTED)('%s gets its own sentence', (code, says) => {
    const problem = hostProblem(new HostError(code, 'Le classeur est en lecture seule.'));
    expect(problem).toMatchObject({ severity: 'error', code });
    expect(problem.message).toMatch(says);
    expect(problem.message).not.toContain('lecture seule');
  });

  it('names an unknown code and says nothing was lost', () => {
    expect(hostProblem(new HostError('GeneralException', 'x')).message).toBe(
      'Excel could not complete the change (GeneralException); nothing was lost. Try again.',
    );
  });

  it('turns something thrown without a code into the same sentence', () => {
    expect(hostProblem(new TypeError('boom'))).toMatchObject({
      code: 'host',
      message: 'Excel could not complete the change; nothing was lost. Try again.',
    });
  });
});
