/**
 * The joint sheets Consolidate builds, in the order it leaves them at the end of the workbook.
 * Written out here, not taken from src, so the tests say what users get.
 */
export const JOINT_SHEET_NAMES: readonly string[] = [
  'Joint Schedule',
  'Joint Budget',
  'Contingency Plan',
  'Baseline Variance',
  'Dashboard',
];

/** The last sheets of a workbook, as many as there are joint sheets. */
export const lastSheets = (names: readonly string[]): string[] =>
  names.slice(-JOINT_SHEET_NAMES.length);
