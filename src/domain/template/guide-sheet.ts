import type { SheetItem, SheetPlan } from '../plan/types';
import { sheetHeading } from './heading';
import { styles } from './styles';

export const GUIDE_SHEET = 'How to use';

const STEPS: readonly [string, string][] = [
  [
    '1. Set up',
    'Check the Settings sheet: currency, rating bands, categories, statuses and holidays are shared by every project.',
  ],
  [
    '2. Add projects',
    'Add each project from the Implan pane (or `implan add-project`). It gets its own sheet built from the template and a line on the Projects sheet.',
  ],
  [
    '3. Fill in',
    'On each project sheet, fill the project card and the Tasks, Budget and Risks tables. Shaded columns (working days, variance, score, rating, expected value) are calculated.',
  ],
  [
    '4. Add rows',
    "Type just below a table, or press Tab in its last cell: the new row gets the table's formulas, lists and formats.",
  ],
  [
    '5. Check',
    'Run Check in the pane: every problem is listed with its sheet and cell. Data validation only checks typing; Check also catches pasted values.',
  ],
  [
    '6. Consolidate',
    'Consolidate builds the joint schedule, joint budget and contingency plan as live formulas over the project tables.',
  ],
  [
    'Good to know',
    'Do not rename the tables or their column headers: formulas and consolidation find the data by those names. Renaming a project sheet is fine if you also update its line on the Projects sheet.',
  ],
];

/** A short guide a finance user reads once. */
export function guideSheetPlan(): SheetPlan {
  const items: SheetItem[] = [
    ...sheetHeading(
      'How to use this plan',
      'Implan keeps one sheet per project and builds joint sheets from them.',
    ),
    { kind: 'cells', at: 'A4', rows: STEPS.map(([step, text]) => [step, text]) },
    {
      kind: 'format',
      range: `A4:A${3 + STEPS.length}`,
      style: { ...styles.cardLabel, vAlign: 'top' },
    },
    { kind: 'format', range: `B4:B${3 + STEPS.length}`, style: styles.note },
  ];
  return {
    name: GUIDE_SHEET,
    tabColor: '#B7C9C5',
    columnWidths: [
      { column: 0, width: 18 },
      { column: 1, width: 110 },
    ],
    print: { landscape: false, fitToWidth: 1 },
    items,
  };
}
