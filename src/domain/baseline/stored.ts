import type { Diagnostic, Result } from '../diagnostics';
import { fail, ok } from '../diagnostics';
import { sameSheetName } from '../schema/sheet-name';
import { isBlank } from '../validation/cells';
import type { RawBaselines, RawTable, RawValue } from '../validation/raw';
import {
  BASELINE_LIST,
  BASELINE_ROWS,
  BASELINES_SHEET,
  LIST_COLUMNS,
  ROW_COLUMNS,
  type RowColumn,
} from './sheet';

/** A saved baseline as its line in BaselineList reads. */
export interface StoredBaseline {
  readonly name: string;
  /** Serial date, or null where someone cleared it. */
  readonly savedOn: number | null;
}

/** A table's size as read: every body row, and the first row after the last filled one. */
/**
 * Whether two baseline names name the same baseline: ignoring case, as Excel compares the text
 * of a Settings cell and a table's key column, and as names are refused when taken.
 */
export const sameBaselineName = (a: string, b: string): boolean =>
  a.toUpperCase() === b.toUpperCase();

export interface TableSize {
  readonly bodyRows: number;
  readonly nextRow: number;
}

/** The Baselines sheet as read, or null when the workbook has none. */
export interface StoredBaselines {
  readonly baselines: readonly StoredBaseline[];
  readonly list: TableSize;
  readonly rows: TableSize & { readonly table: RawTable };
}

const text = (v: RawValue | undefined) =>
  v === null || v === undefined || typeof v === 'object' ? '' : String(v).trim();

function sizeOf(table: RawTable): TableSize {
  let next = 0;
  table.rows.forEach((r, i) => {
    if (r.some((v) => !isBlank(v))) next = i + 1;
  });
  return { bodyRows: table.rows.length, nextRow: next };
}

const damaged = (message: string): Diagnostic => ({
  severity: 'error',
  code: 'baselines-damaged',
  sheet: BASELINES_SHEET,
  message,
});

/** Why a table of the Baselines sheet cannot be read or appended to, or null. */
function tableProblem(
  name: string,
  table: RawTable | undefined,
  columns: readonly string[],
): Diagnostic | null {
  const undo = 'undo the change that did it (or rename the sheet to keep it), then try again';
  if (!table) return damaged(`The Baselines sheet has lost its table ${name}; ${undo}.`);
  if (!sameSheetName(table.sheet, BASELINES_SHEET))
    return damaged(
      `The table ${name} is on the sheet "${table.sheet}", not on Baselines; ${undo}.`,
    );
  const missing = columns.filter((c, i) => table.columns[i] !== c);
  if (missing.length > 0)
    return damaged(
      `The table ${name} on the Baselines sheet no longer has the columns ${columns.join(', ')} in that order (${missing[0]} is not where implan put it); ${undo}.`,
    );
  return null;
}

/**
 * The baselines a workbook holds, read from its Baselines sheet: null when there is no such
 * sheet, a problem when the sheet is there but its tables are lost, moved or re-arranged
 * (implan appends to them and points at their cells, so it does not guess).
 */
export function storedBaselinesOf(
  raw: RawBaselines | undefined,
  sheets: readonly string[],
): Result<StoredBaselines | null> {
  const hasSheet = sheets.some((s) => sameSheetName(s, BASELINES_SHEET));
  if (!hasSheet && !raw?.list && !raw?.rows) return ok(null);
  const problems = [
    tableProblem(BASELINE_LIST, raw?.list, LIST_COLUMNS),
    tableProblem(BASELINE_ROWS, raw?.rows, ROW_COLUMNS),
  ].filter((p): p is Diagnostic => p !== null);
  if (problems.length > 0 || !raw?.list || !raw.rows) return fail(...problems);
  const baselines = raw.list.rows
    .filter((r) => text(r[0]) !== '')
    .map((r) => ({ name: text(r[0]), savedOn: typeof r[1] === 'number' ? r[1] : null }));
  return ok({
    baselines,
    list: sizeOf(raw.list),
    rows: { ...sizeOf(raw.rows), table: raw.rows },
  });
}

/** A row of BaselineRows by its key, with its 1-based place in the body, as INDEX counts. */
export interface BaselineRow {
  readonly code: string;
  readonly kind: string;
  readonly id: string;
  readonly row: number;
  readonly cell: (column: RowColumn) => RawValue;
}

/** The rows of one baseline by "CODE|Kind|ID" (ID compared ignoring case). */
export function baselineRowsOf(table: RawTable, name: string): Map<string, BaselineRow> {
  const at = (c: RowColumn) => ROW_COLUMNS.indexOf(c);
  const wanted = name.toUpperCase();
  const found = new Map<string, BaselineRow>();
  table.rows.forEach((r, i) => {
    if (text(r[at('Baseline')]).toUpperCase() !== wanted) return;
    const [code, kind, id] = [text(r[at('Project')]), text(r[at('Kind')]), text(r[at('ID')])];
    const key = rowKey(code, kind, id);
    if (!found.has(key))
      found.set(key, { code, kind, id, row: i + 1, cell: (c) => r[at(c)] ?? null });
  });
  return found;
}

export const rowKey = (code: string, kind: string, id: string) =>
  `${code.toUpperCase()}|${kind}|${id.toUpperCase()}`;
