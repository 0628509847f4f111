import type { Cell, SheetItem, SheetPlan } from '../plan/types';
import { thisRow } from '../plan/references';
import type { Settings } from '../schema/settings';
import type { ColumnSpec } from './columns';
import { sheetHeading } from './heading';
import { rowCells, tableSection } from './table-section';
import { rules } from './validations';

export const REGISTRY_SHEET = 'Projects';
export const REGISTRY_TABLE = 'Projects';
export const REGISTRY_AT = 'A4';

/** One line of the Projects registry. */
export interface RegistryEntry {
  readonly code: string;
  readonly name: string;
  readonly sheet: string;
  readonly manager: string;
  readonly included: boolean;
}

/** The registry's column names, where code reads or edits a line. */
export const REGISTRY_FIELDS = {
  code: 'Code',
  name: 'Name',
  sheet: 'Sheet',
  manager: 'Manager',
  included: 'Included',
} as const;

const R = REGISTRY_TABLE;
const F = REGISTRY_FIELDS;
export const REGISTRY_COLUMNS: readonly ColumnSpec<RegistryEntry>[] = [
  { name: F.code, width: 12, toCell: (e) => e.code },
  { name: F.name, width: 34, toCell: (e) => e.name },
  { name: F.sheet, width: 30, toCell: (e) => e.sheet },
  { name: F.manager, width: 22, toCell: (e) => e.manager },
  {
    name: F.included,
    width: 11,
    validation: rules.yesNo('Included in consolidation'),
    toCell: (e) => (e.included ? 'Yes' : 'No'),
  },
  {
    name: 'Go to',
    width: 12,
    // Quotes the sheet name the way a reference needs, so names with apostrophes still link.
    formula: () =>
      `IF(${thisRow(R, F.sheet)}="","",HYPERLINK("#'"&SUBSTITUTE(${thisRow(R, F.sheet)},"'","''")&"'!A1","Open sheet"))`,
  },
];

/** The cells of one registry line, the calculated column's formula included. */
export function registryRow(entry: RegistryEntry): Cell[] {
  return rowCells(REGISTRY_COLUMNS, R, entry);
}

export function registrySheetPlan(
  entries: readonly RegistryEntry[],
  settings: Settings,
): SheetPlan {
  const section = tableSection(R, REGISTRY_AT, REGISTRY_COLUMNS, entries, settings);
  const items: SheetItem[] = [
    ...sheetHeading(
      'Projects in this plan',
      'One line per project. Set Included to No to leave a project out of consolidation. Add projects from the Implan pane so that their sheets are created from the template.',
    ),
    ...section.items,
  ];
  return {
    name: 'Projects',
    tabColor: '#0F5C4D',
    columnWidths: section.widths,
    freezeRows: 4,
    print: { landscape: true, fitToWidth: 1 },
    items,
  };
}
