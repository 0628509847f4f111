/**
 * The declarative workbook plan: plain, readonly, JSON-serialisable data saying which sheets,
 * tables, cells, formulas, formats, validations, conditional formats and names a workbook must
 * hold. The domain builds plans; the Office.js writer (src/excel) and the exceljs writer
 * (src/xlsx) only translate them, and a contract test holds the two to the same cells.
 *
 * Conventions shared by both writers:
 * - addresses are A1 strings relative to the sheet ("D4", "D5:D9"), never sheet-qualified;
 * - formulas are written the way Excel's formula bar reads them, without the leading "=",
 *   with structured references in the `Table[[#This Row],[Col]]` form both Excel and
 *   LibreOffice read (the file writer adds `_xlfn.` prefixes where files need them);
 * - dates are Excel serial numbers (1900 date system) with a date number format.
 */

export type Scalar = string | number | boolean | null;

/** A cell is a constant or a formula; text is always text, never parsed as a formula. */
export type Cell = Scalar | { readonly formula: string };

export interface CellStyle {
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  /** "#RRGGBB" */
  readonly fontColor?: string;
  /** "#RRGGBB" solid fill */
  readonly fill?: string;
  readonly hAlign?: 'left' | 'center' | 'right';
  readonly vAlign?: 'top' | 'center' | 'bottom';
  readonly wrap?: boolean;
  /** A thin bottom border in the given colour, used under section titles. */
  readonly bottomBorder?: string;
}

export interface TableColumnPlan {
  readonly name: string;
  /** Calculated column formula; every data row holds the same formula. */
  readonly formula?: string;
}

export interface TablePlan {
  readonly name: string;
  /** Top-left cell of the header row. */
  readonly at: string;
  readonly style: string;
  readonly columns: readonly TableColumnPlan[];
  /** Data body, one entry per column; calculated columns hold their formula. */
  readonly rows: readonly (readonly Cell[])[];
}

interface RuleMessages {
  readonly prompt?: { readonly title: string; readonly message: string };
  readonly error: { readonly title: string; readonly message: string };
}

export type ValidationRule = RuleMessages &
  (
    | { readonly kind: 'list'; readonly source: string }
    | { readonly kind: 'wholeNumber'; readonly min: number; readonly max: number }
    | { readonly kind: 'decimal'; readonly min: number; readonly max?: number }
    | { readonly kind: 'date'; readonly min: number; readonly max: number }
    /** A formula that must be true, relative to the range's top-left cell. */
    | { readonly kind: 'custom'; readonly formula: string }
  );

export interface HighlightStyle {
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold?: boolean;
}

export type ConditionalRule = {
  readonly kind: 'expression';
  /** Relative to the top-left cell of the range, as Excel expects. */
  readonly formula: string;
  readonly style: HighlightStyle;
};

/** A range on a named sheet, `$A$1:$B$2` form, for what a chart plots. */
export interface SheetRange {
  readonly sheet: string;
  readonly range: string;
}

/** One series of a chart: a constant name, its category labels and its values (same length). */
export interface ChartSeriesPlan {
  readonly name: string;
  readonly categories: SheetRange;
  readonly values: SheetRange;
}

/**
 * A native chart on the sheet, covering the cells of `anchor` ("G5:P19"). Its series are live
 * references into the workbook, so the picture follows the formulas it plots.
 */
export interface ChartPlan {
  readonly type: 'line' | 'clusteredColumn' | 'clusteredBar' | 'pie';
  readonly title: string;
  readonly anchor: string;
  readonly series: readonly ChartSeriesPlan[];
  readonly legend: 'bottom' | 'right' | 'none';
}

export type SheetItem =
  | { readonly kind: 'cells'; readonly at: string; readonly rows: readonly (readonly Cell[])[] }
  | { readonly kind: 'format'; readonly range: string; readonly style: CellStyle }
  | { readonly kind: 'table'; readonly table: TablePlan }
  | { readonly kind: 'validation'; readonly range: string; readonly rule: ValidationRule }
  | { readonly kind: 'conditionalFormat'; readonly range: string; readonly rule: ConditionalRule }
  | { readonly kind: 'merge'; readonly range: string }
  | { readonly kind: 'chart'; readonly chart: ChartPlan };

export interface SheetPlan {
  readonly name: string;
  readonly tabColor?: string;
  /**
   * Column widths in characters, by 0-based column index; a `hidden` column holds helper
   * formulas that nobody reads (hidden columns are neither shown nor printed).
   */
  readonly columnWidths: readonly {
    readonly column: number;
    readonly width: number;
    readonly hidden?: true;
  }[];
  readonly freezeRows?: number;
  /**
   * Page setup; `fitToWidth` and `fitToHeight` are the pages the sheet is scaled to across and
   * down (height unlimited when absent); `area` is what is printed, when not all of it.
   */
  readonly print?: {
    readonly landscape: boolean;
    readonly fitToWidth?: number;
    readonly fitToHeight?: number;
    readonly area?: string;
  };
  readonly items: readonly SheetItem[];
}

export interface NamePlan {
  readonly name: string;
  readonly refersTo: string;
  readonly comment?: string;
}

/** What may be written onto a sheet that exists and holds people's work: never a table or a merge. */
export type SheetEdit = Extract<
  SheetItem,
  { readonly kind: 'cells' | 'format' | 'validation' | 'conditionalFormat' }
>;

/**
 * A table row named by the text in one of its columns (matched whole, ignoring case), found
 * by each writer when the step is applied rather than by where it stood when the plan was
 * made: a co-author who sorts or adds lines in between never makes an edit land on another
 * line ("Coauthoring in Excel add-ins": values read earlier may be stale).
 */
export interface RowKey {
  readonly column: string;
  readonly value: string;
  /** The row's 0-based index in the data body as read: used only by a host that cannot
   *  search a range when it applies the step (Range.find needs ExcelApi 1.9). */
  readonly readAt: number;
}

export type PlanStep =
  | { readonly kind: 'addSheet'; readonly sheet: SheetPlan }
  | {
      /**
       * Writes items onto an existing sheet, leaving every other cell, format, rule and
       * table of it as it was (a template upgrade). The plan is made against what the
       * target cells held, so it only ever names cells that were empty.
       */
      readonly kind: 'editSheet';
      readonly sheet: string;
      readonly items: readonly SheetEdit[];
    }
  | {
      /**
       * Adds an empty column named `column` at the right end of a table that exists (a
       * template upgrade), taking the cells just right of it, which the plan found empty;
       * `at` is its header cell, `width` the sheet column's width in characters. Its look and
       * guards come in an editSheet step after it.
       */
      readonly kind: 'addTableColumn';
      readonly sheet: string;
      readonly table: string;
      readonly column: string;
      readonly at: string;
      readonly width: number;
    }
  /** Writes a block into a sheet that exists, at `at` (a constant there is replaced). */
  | {
      readonly kind: 'setCells';
      readonly sheet: string;
      readonly at: string;
      readonly rows: readonly (readonly Cell[])[];
    }
  /** Sets some cells of the row `key` names, by column name; the row's other cells stay. */
  | {
      readonly kind: 'setRowCells';
      readonly table: string;
      readonly key: RowKey;
      readonly cells: readonly { readonly column: string; readonly value: Cell }[];
    }
  /** Takes the row `key` names out of its table; the rows below move up. */
  | { readonly kind: 'deleteRow'; readonly table: string; readonly key: RowKey }
  /** Deletes a sheet and the tables on it. */
  | { readonly kind: 'deleteSheet'; readonly sheet: string }
  /**
   * Makes a table's data body exactly `rows` (at least one, each as wide as the table: a
   * table keeps one body row, blank for an empty list), from its header down; the cells of
   * rows it gives up are emptied.
   * `existingRows` is the body size the plan was made against.
   */
  | {
      readonly kind: 'setTableRows';
      readonly table: string;
      readonly existingRows: number;
      readonly rows: readonly (readonly Cell[])[];
    }
  | { readonly kind: 'setNames'; readonly names: readonly NamePlan[] }
  | {
      /**
       * Writes rows into a table's data body from `firstRow` on (0-based), growing the table
       * when needed. `existingRows` is the data body size the plan was made against. Rows
       * span the whole table; calculated columns hold the column's formula.
       */
      readonly kind: 'fillTableRows';
      readonly table: string;
      readonly existingRows: number;
      readonly firstRow: number;
      readonly rows: readonly (readonly Cell[])[];
    };

export interface WorkbookPlan {
  readonly steps: readonly PlanStep[];
}

/** Makes a switch over a tagged union exhaustive at compile time. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected plan element: ${JSON.stringify(value)}`);
}
