import type { Scalar } from '../plan/types';
import type { Settings } from '../schema/settings';
import type { RegistryEntry } from '../template/registry-sheet';
import type { WorkbookStructure } from './structure';

/** A cell as read from a workbook, before anything is trusted: text, number, boolean, error. */
export type RawValue = Scalar | { readonly error: string };

/** A table as read: where it sits (0-based header row and left column), headers and rows. */
export interface RawTable {
  readonly name: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly left: number;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly RawValue[])[];
}

export interface RawProject {
  readonly entry: RegistryEntry;
  /** Registry row (0-based data row) the project is registered on. */
  readonly registryRow: number;
  readonly sheetExists: boolean;
  /** Card values in CARD_FIELDS order; empty when the sheet is missing. */
  readonly card: readonly RawValue[];
  readonly tasks?: RawTable;
  readonly budget?: RawTable;
  readonly risks?: RawTable;
}

/** Everything validation looks at, read in one go by either reader. */
export interface RawPlan {
  readonly settings: Settings;
  readonly projects: readonly RawProject[];
  /** Protection, names and merges, where the reader has read them. */
  readonly structure?: WorkbookStructure;
  /** The Baselines sheet's tables (decision 0010), where the workbook has them. */
  readonly baselines?: RawBaselines;
}

/** The tables of the Baselines sheet as read: the list of baselines, and their rows. */
export interface RawBaselines {
  readonly list?: RawTable;
  readonly rows?: RawTable;
}
