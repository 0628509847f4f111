import { a1, cellsOf, parseCell, parseRange } from '../../domain/plan/a1';
import {
  assertNever,
  type Cell,
  type SheetPlan,
  type ValidationRule,
} from '../../domain/plan/types';
import { fileCell, listFormula, toFileFormula } from '../file-formula';
import { cellXml } from './cells';
import { argb, type CellStyles } from './cell-styles';
import { escapeXml } from './xml-text';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const ROOT =
  `<worksheet xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"` +
  ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac"` +
  ` xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">`;

/** One cell of the grid being built: its value and its style (CellStyles id, 0 for none). */
interface Slot {
  value: Cell | undefined;
  style: number;
  /** Its cellXfs id among `styles`' entries, once the sheet is complete. */
  xf?: number;
  /** Set on the other cells of a merge: their style and value are the first cell's. */
  master?: Slot;
}

/** Rows of slots by 0-based row and column, sparse. */
class Grid {
  readonly rows: (Slot[] | undefined)[] = [];
  at(row: number, col: number): Slot {
    const cells = (this.rows[row] ??= []);
    const slot = (cells[col] ??= { value: undefined, style: 0 });
    return slot.master ?? slot;
  }
}

function validationXml(range: string, rule: ValidationRule): string {
  const messages =
    ' allowBlank="1"' +
    (rule.prompt
      ? ` showInputMessage="1" promptTitle="${escapeXml(rule.prompt.title)}" prompt="${escapeXml(rule.prompt.message)}"`
      : '') +
    ` showErrorMessage="1" errorStyle="stop" errorTitle="${escapeXml(rule.error.title)}" error="${escapeXml(rule.error.message)}" sqref="${range}">`;
  const f = (n: 1 | 2, v: string | number) => `<formula${n}>${escapeXml(String(v))}</formula${n}>`;
  switch (rule.kind) {
    case 'list': {
      return `<dataValidation type="list"${messages}${f(1, listFormula(rule.source))}</dataValidation>`;
    }
    case 'wholeNumber':
      return `<dataValidation type="whole"${messages}${f(1, rule.min)}${f(2, rule.max)}</dataValidation>`;
    case 'decimal':
      return rule.max === undefined
        ? `<dataValidation type="decimal" operator="greaterThanOrEqual"${messages}${f(1, rule.min)}</dataValidation>`
        : `<dataValidation type="decimal"${messages}${f(1, rule.min)}${f(2, rule.max)}</dataValidation>`;
    case 'date':
      // Date bounds as serial numbers, as the sheet's cells hold dates.
      return `<dataValidation type="date"${messages}${f(1, rule.min)}${f(2, rule.max)}</dataValidation>`;
    case 'custom':
      return `<dataValidation type="custom"${messages}${f(1, toFileFormula(rule.formula))}</dataValidation>`;
    default:
      return assertNever(rule);
  }
}

/** `<cols>`: a run of columns of one width (and hidden or not) is one entry. */
function colsXml(widths: SheetPlan['columnWidths']): string {
  const sorted = [...widths].sort((a, b) => a.column - b.column);
  const runs: { min: number; max: number; width: number; hidden: boolean }[] = [];
  for (const { column, width, hidden = false } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.max === column && last.width === width && last.hidden === hidden)
      last.max = column + 1;
    else runs.push({ min: column + 1, max: column + 1, width, hidden });
  }
  if (runs.length === 0) return '';
  return `<cols>${runs
    .map(
      (r) =>
        `<col min="${r.min}" max="${r.max}" width="${r.width}"${r.hidden ? ' hidden="1"' : ''} customWidth="1"/>`,
    )
    .join('')}</cols>`;
}

/**
 * A sheet plan's worksheet part, written straight from the plan: values, formulas and inline
 * text, styles entered into `styles` (local ids mapped through `xf`/`dxf`), widths, freeze
 * panes, merges, conditional formats (priorities from `priority`) and validations. Sheets with
 * tables are not written here (render.ts keeps them); charts and a print area are added to the
 * placed part afterwards, as for a rendered sheet.
 */
export function worksheetXml(
  sheet: SheetPlan,
  styles: CellStyles,
  priority: { next: number },
): (xf: (id: number) => number, dxf: (id: number) => number) => string {
  const grid = new Grid();
  const formats: Format[] = [];
  const validations: string[] = [];
  const merges: string[] = [];
  sheet.items.forEach((item) => {
    switch (item.kind) {
      case 'cells': {
        const origin = parseCell(item.at);
        item.rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (cell !== null) grid.at(origin.row + r, origin.col + c).value = fileCell(cell);
          }),
        );
        return;
      }
      case 'format':
        for (const { row, col } of cellsOf(item.range)) {
          const slot = grid.at(row, col);
          slot.style = styles.apply(slot.style, item.style);
        }
        return;
      case 'merge': {
        const { from, to } = parseRange(item.range);
        const master = grid.at(from.row, from.col);
        for (let r = from.row; r <= to.row; r++)
          for (let c = from.col; c <= to.col; c++)
            if (r !== from.row || c !== from.col) {
              const cells = (grid.rows[r] ??= []);
              cells[c] = { value: undefined, style: 0, master };
            }
        merges.push(`<mergeCell ref="${item.range}"/>`);
        return;
      }
      case 'validation':
        validations.push(validationXml(item.range, item.rule));
        return;
      case 'conditionalFormat': {
        formats.push({
          range: item.range,
          dxf: styles.dxf(item.rule.style),
          priority: priority.next++,
          formula: toFileFormula(item.rule.formula),
        });
        return;
      }
      case 'chart':
        // Added once the part is in place (ooxml/drawing.ts), as for a rendered sheet.
        return;
      case 'table':
        throw new Error('Sheets with tables are rendered by exceljs');
      default:
        assertNever(item);
    }
  });
  // Cell formats are entered sheet by sheet, row by row, as exceljs enters them.
  for (const cells of grid.rows)
    for (const slot of cells ?? [])
      if (slot && slot.style !== 0) slot.xf = styles.cellXf(slot.style);
  return (xf, dxf) => assemble(sheet, grid, xf, { formats, validations, merges, dxf });
}

interface Format {
  readonly range: string;
  readonly dxf: number;
  readonly priority: number;
  readonly formula: string;
}

function assemble(
  sheet: SheetPlan,
  grid: Grid,
  xf: (id: number) => number,
  parts: {
    formats: readonly Format[];
    validations: readonly string[];
    merges: readonly string[];
    dxf: (id: number) => number;
  },
): string {
  const rows: string[] = [];
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  grid.rows.forEach((cells, r) => {
    if (!cells) return;
    const out: string[] = [];
    cells.forEach((own, c) => {
      const slot = own.master ?? own;
      const value = own.master ? null : (slot.value ?? null);
      if (value === null && slot.style === 0 && !own.master) return;
      const s = slot.xf === undefined ? undefined : String(xf(slot.xf));
      out.push(cellXml(a1(r, c), s, value));
      if (c < left) left = c;
      if (c > right) right = c;
    });
    if (out.length === 0) return;
    if (top < 0) top = r;
    bottom = r;
    rows.push(`<row r="${r + 1}">${out.join('')}</row>`);
  });
  const print = sheet.print;
  const fit = print?.fitToWidth !== undefined && print.fitToWidth !== 0;
  const sheetPr =
    sheet.tabColor || fit
      ? `<sheetPr>${sheet.tabColor ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : ''}${fit ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>`
      : '';
  const dimension = top < 0 ? 'A1' : `${a1(top, left)}:${a1(bottom, right)}`;
  const view = sheet.freezeRows
    ? `<sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRows}" topLeftCell="A${sheet.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>`
    : '<sheetView workbookViewId="0"/>';
  const widths = sheet.columnWidths.map(({ column, width, hidden }) => ({
    column,
    ...(hidden ? { hidden } : {}),
    // As render.ts writes it: exceljs's guard against its own default of 9.
    width: width === 9 ? 9.001 : width,
  }));
  const pageSetup = print
    ? `<pageSetup orientation="${print.landscape ? 'landscape' : 'portrait'}" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100"${fit ? ` fitToWidth="${print.fitToWidth}" fitToHeight="${print.fitToHeight ?? 0}"` : ''}/>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    ROOT +
    sheetPr +
    `<dimension ref="${dimension}"/>` +
    `<sheetViews>${view}</sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(widths) +
    `<sheetData>${rows.join('')}</sheetData>` +
    (parts.merges.length > 0
      ? `<mergeCells count="${parts.merges.length}">${parts.merges.join('')}</mergeCells>`
      : '') +
    parts.formats
      .map(
        (f) =>
          `<conditionalFormatting sqref="${f.range}"><cfRule type="expression" dxfId="${parts.dxf(f.dxf)}" priority="${f.priority}"><formula>${escapeXml(f.formula)}</formula></cfRule></conditionalFormatting>`,
      )
      .join('') +
    (parts.validations.length > 0
      ? `<dataValidations count="${parts.validations.length}">${parts.validations.join('')}</dataValidations>`
      : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    pageSetup +
    '</worksheet>'
  );
}
