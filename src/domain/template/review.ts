import { isoToSerial } from '../dates';
import { textLiteral } from '../plan/references';
import type { HighlightStyle } from '../plan/types';
import { SETTINGS_NAMES } from './settings-names';

/** What a project's review cell says: due (never reviewed, or too long ago), or up to date. */
export const REVIEW_DUE = 'Due';
export const REVIEW_UP_TO_DATE = 'Up to date';

/** How a project due for review is flagged, on its own sheet and on the joint schedule. */
export const REVIEW_DUE_STYLE: HighlightStyle = { fill: '#FFC7CE', fontColor: '#9C0006' };

/**
 * True (as a formula) when the review date in `dateCell` is empty or older than "Review every
 * N days" before today. One definition for the project sheet and the joint schedule; the pane
 * applies the same rule in `isReviewDue`.
 */
export function reviewDueCondition(dateCell: string): string {
  return `OR(${dateCell}="",${dateCell}<TODAY()-${SETTINGS_NAMES.reviewDays})`;
}

/** The review cell's formula: "Due" or "Up to date". */
export function reviewStateFormula(dateCell: string): string {
  return `IF(${reviewDueCondition(dateCell)},${textLiteral(REVIEW_DUE)},${textLiteral(REVIEW_UP_TO_DATE)})`;
}

/**
 * The same rule in code, for the pane's clock: `lastReviewed` and `today` are ISO dates. A
 * project reviewed exactly N days ago is still up to date; one day later it is due.
 */
export function isReviewDue(
  lastReviewed: string | null,
  today: string,
  everyDays: number,
): boolean {
  if (lastReviewed === null) return true;
  return isoToSerial(lastReviewed) < isoToSerial(today) - everyDays;
}
