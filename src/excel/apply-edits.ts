import type { Cell, PlanStep, RowKey } from '../domain/plan/types';
import { parseCell, columnLetter } from '../domain/plan/a1';
import { toInput, widthToPoints } from './cell-input';
import type { HostCapabilities } from './host';

/**
 * The plan steps that edit what a workbook already holds (a registry line, a Settings list, a
 * cell, a sheet), as Office.js requests queued on the caller's batch: no sync here, so an
 * action stays one read and one write whatever the number of projects.
 */

type Step<K extends PlanStep['kind']> = Extract<PlanStep, { kind: K }>;
type Input = ReturnType<typeof toInput>;
const inputs = (rows: readonly (readonly Cell[])[]): Input[][] => rows.map((r) => r.map(toInput));

/**
 * The body row `key` names. Where Excel has Range.find (ExcelApi 1.9) it is found by its key
 * when the request runs, so a co-author adding or sorting lines since the read never makes the
 * edit land on another line; without it, the index read is used.
 */
function rowOf(table: Excel.Table, key: RowKey, caps: HostCapabilities): Excel.Range {
  const body = table.getDataBodyRange();
  if (!caps.findInRange) return body.getRow(key.readAt);
  return table.columns
    .getItem(key.column)
    .getDataBodyRange()
    .find(key.value, { completeMatch: true, matchCase: false })
    .getEntireRow()
    .getIntersection(body);
}

/**
 * A column added at the table's right end: TableColumnCollection.add with a null index appends
 * it and `name` names its header (ExcelApi 1.4, "Excel.TableColumnCollection" reference; the
 * tables article's "Add a column" samples). No values: the table's body may have grown since
 * the read, and an empty column is what the plan means.
 */
export function addTableColumn(context: Excel.RequestContext, step: Step<'addTableColumn'>): void {
  const sheet = context.workbook.worksheets.getItem(step.sheet);
  context.workbook.tables.getItem(step.table).columns.add(undefined, undefined, step.column);
  const letter = columnLetter(parseCell(step.at).col);
  sheet.getRange(`${letter}:${letter}`).format.columnWidth = widthToPoints(step.width);
}

export function setCells(context: Excel.RequestContext, step: Step<'setCells'>): void {
  const width = step.rows[0]?.length ?? 1;
  context.workbook.worksheets
    .getItem(step.sheet)
    .getRange(step.at)
    .getResizedRange(step.rows.length - 1, width - 1).formulas = inputs(step.rows);
}

export function setRowCells(
  context: Excel.RequestContext,
  step: Step<'setRowCells'>,
  caps: HostCapabilities,
): void {
  const table = context.workbook.tables.getItem(step.table);
  const row = rowOf(table, step.key, caps);
  for (const { column, value } of step.cells)
    row.getIntersection(table.columns.getItem(column).getDataBodyRange()).formulas = [
      [toInput(value)],
    ];
}

export function deleteRow(
  context: Excel.RequestContext,
  step: Step<'deleteRow'>,
  caps: HostCapabilities,
): void {
  rowOf(context.workbook.tables.getItem(step.table), step.key, caps).delete('Up');
}

export function deleteSheet(context: Excel.RequestContext, step: Step<'deleteSheet'>): void {
  context.workbook.worksheets.getItem(step.sheet).delete();
}

/**
 * Where Excel has Table.resize (ExcelApi 1.13) the table is set to exactly the new length from
 * its header, whatever a co-author did to it in between, without TableRowCollection.add, which
 * Microsoft's co-authoring guidance says causes merge conflicts.
 */
export function setTableRows(
  context: Excel.RequestContext,
  step: Step<'setTableRows'>,
  caps: HostCapabilities,
): void {
  const table = context.workbook.tables.getItem(step.table);
  const wanted = inputs(step.rows);
  if (caps.tableResize) resizeTo(table, wanted, step.existingRows);
  else growOrShrink(table, wanted, step.existingRows);
}

/** Sets a table to `wanted` rows from its header, then empties the rows it gave up. */
function resizeTo(table: Excel.Table, wanted: Input[][], old: number): void {
  const header = table.getHeaderRowRange();
  table.resize(header.getResizedRange(wanted.length, 0));
  header.getOffsetRange(1, 0).getResizedRange(wanted.length - 1, 0).formulas = wanted;
  if (old > wanted.length)
    header
      .getOffsetRange(wanted.length + 1, 0)
      .getResizedRange(old - wanted.length - 1, 0)
      .clear();
}

/** Without Table.resize: rows added at the end or removed from the end. */
function growOrShrink(table: Excel.Table, wanted: Input[][], old: number): void {
  const overlap = Math.min(old, wanted.length);
  table
    .getDataBodyRange()
    .getRow(0)
    .getResizedRange(overlap - 1, 0).formulas = wanted.slice(0, overlap);
  if (wanted.length > old) table.rows.add(undefined, wanted.slice(old));
  for (let i = old - 1; i >= wanted.length; i--) table.rows.getItemAt(i).delete();
}
