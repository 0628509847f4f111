/**
 * Workbook-level names that project formulas, validations and conditional formats read.
 * Each points at a column of a Settings table, so a row a user adds to a Settings table is
 * picked up by every formula without implan being involved.
 */
export const SETTINGS_NAMES = {
  ratingName: 'Settings_RatingName',
  ratingMin: 'Settings_RatingMin',
  ratingMax: 'Settings_RatingMax',
  probabilityLevel: 'Settings_ProbLevel',
  probabilityPercent: 'Settings_ProbPercent',
  budgetCategories: 'Settings_BudgetCategories',
  riskCategories: 'Settings_RiskCategories',
  taskStatuses: 'Settings_TaskStatuses',
  projectStatuses: 'Settings_ProjectStatuses',
  holidays: 'Settings_Holidays',
  currency: 'Settings_Currency',
  reviewDays: 'Settings_ReviewDays',
  baseline: 'Settings_Baseline',
} as const;

export const SETTINGS_TABLES = {
  ratingBands: 'RatingBands',
  probability: 'ProbabilityScale',
  budgetCategories: 'BudgetCategories',
  riskCategories: 'RiskCategories',
  taskStatuses: 'TaskStatuses',
  projectStatuses: 'ProjectStatuses',
  holidays: 'Holidays',
} as const;
