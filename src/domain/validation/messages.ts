/**
 * Every sentence validation says, in one place so it can be translated. Each takes the facts
 * and returns what a finance user reads after the place ("Alpha Rollout, Tasks, row 7 (cell F9): ");
 * `compose` in diagnostics.ts puts the place in front and the full stop at the end.
 */
export const say = {
  textInNumber: (column: string, text: string) =>
    `${column} holds the text "${text}", not a number; type the amount alone (e.g. 12000) and let the cell format show the currency`,
  textInDate: (column: string, text: string) =>
    `${column} holds the text "${text}", not a date; type it as a date (e.g. 2025-03-31) so that Excel stores a date`,
  notADate: (column: string, value: string) =>
    `${column} holds ${value}, which is not a date implan plans with (1990-01-01 to 2100-12-31)`,
  errorValue: (column: string, error: string) =>
    `${column} shows the error ${error}; correct the cell or what it refers to`,
  scale: (column: string, value: number) =>
    `${column} is ${value}; it must be a whole number from 1 to 5`,
  negative: (column: string, value: number) =>
    `${column} is ${value}; an amount cannot be negative`,
  percent: (value: number) =>
    `% complete is ${Math.round(value * 1000) / 10}%; it must be between 0% and 100%`,
  endBeforeStart: (end: string, start: string) =>
    `the end date ${end} is before the start date ${start}`,
  outsideProject: (start: string, end: string, pStart: string, pEnd: string) =>
    `the task runs from ${start} to ${end}, outside the project's dates ${pStart} to ${pEnd}`,
  numberInText: (column: string, value: number) =>
    `${column} is the number ${value}; it should be words — was something pasted into the wrong column?`,
  required: (column: string) => `${column} is empty; it must be filled in`,
  requiredForRating: (column: string, rating: string) =>
    `${column} is empty; a risk rated ${rating} needs one`,
  yesNo: (column: string, text: string) => `${column} is "${text}"; answer Yes or No`,
  unknownListValue: (column: string, text: string, list: string) =>
    `${column} is "${text}", which is not one of the ${list} on the Settings sheet`,
  duplicateId: (kind: string, id: string, firstRow: number) =>
    `the ${kind} ID "${id}" is already used on row ${firstRow}`,
  unknownDependency: (id: string, dep: string) =>
    `task ${id} depends on "${dep}", which is not a task of this project`,
  cycle: (ids: readonly string[]) =>
    `the tasks ${ids.join(' → ')} depend on each other in a circle`,
  startsBeforeDependency: (id: string, start: string, dep: string, end: string) =>
    start === end
      ? `task ${id} starts on ${start}, the day task ${dep}, which it depends on, ends; start it the day after at the earliest`
      : `task ${id} starts on ${start}, before task ${dep}, which it depends on, ends on ${end}`,
  formulaText: (column: string, text: string) =>
    `${column} starts with "${text.slice(0, 1)}"; Excel may take "${text.length > 40 ? `${text.slice(0, 40)}…` : text}" for a formula if it is copied or retyped`,
  blankRow: () => 'this row is blank between filled rows; delete it or fill it in',
  emptyProject: () => 'the project has no tasks, no budget lines and no risks yet',
  overCeiling: (planned: string, ceiling: string) =>
    `the planned total ${planned} is above the budget ceiling ${ceiling}`,
  missingSheet: (sheet: string) =>
    `the sheet "${sheet}" named on the Projects sheet does not exist; it may have been renamed or deleted — correct its name in the Sheet column there`,
  missingTable: (table: string) =>
    `the table ${table} is missing from this sheet; it may have been renamed or converted to a range`,
  missingColumn: (table: string, column: string) =>
    `the table ${table} has lost its column "${column}"; restore the header`,
  extraColumn: (table: string, column: string) =>
    `the table ${table} has an extra column "${column}", which implan ignores`,
  duplicateCode: (code: string, other: string) =>
    `the project code ${code} is also used by ${other}`,
  implanSheet: (sheet: string) =>
    `the Sheet column on the Projects sheet names "${sheet}", which is implan's own sheet, not a project sheet; put this project's sheet name there`,
  notProjectSheet: (sheet: string, table: string) =>
    `the sheet "${sheet}" named on the Projects sheet holds no table ${table}, so it is not this project's sheet; correct the Sheet column there, or add the project again from the Implan pane`,
  tablesElsewhere: (table: string, actual: string, named: string) =>
    `the table ${table} is on the sheet "${actual}", not on "${named}" that the Projects sheet names; correct the Sheet column there`,
  nameIsTable: () =>
    `it is also the name of one of implan's tables, and Excel allows a name only once; rename or delete it in Formulas > Name Manager`,
  reservedName: (name: string) =>
    `${name.toLowerCase().startsWith('settings_') ? 'implan points this name at its Settings sheet' : 'implan sets and removes names like this one when it consolidates'}, so it would replace or remove yours; rename yours in Formulas > Name Manager`,
  structureProtected: () =>
    `its structure is protected, so implan cannot add sheets (Add project, Consolidate); unprotect it with Review > Protect Workbook first`,
  sheetProtected: () =>
    `it is protected, so implan cannot write to it; unprotect it with Review > Unprotect Sheet first`,
  amountTooLarge: (column: string, value: number) =>
    `${column} is ${value}, more than an amount can be (below 1,000,000,000,000,000); Excel keeps 15 digits, so larger sums would be wrong`,
  sumTooLarge: (column: string) =>
    `the ${column} amounts add up to 1,000,000,000,000,000 or more, beyond the 15 digits Excel keeps; check for an amount typed with extra digits`,
};
