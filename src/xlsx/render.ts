import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { cellsOf, parseCell } from '../domain/plan/a1';
import {
  assertNever,
  type Cell,
  type CellStyle,
  type HighlightStyle,
  type SheetItem,
  type SheetPlan,
  type ValidationRule,
} from '../domain/plan/types';
import { serialToIso } from '../domain/dates';
import { listFormula, toFileFormula } from './file-formula';
import { argb, setsFont } from './ooxml/cell-styles';

/** exceljs keeps range validations in `dataValidations`, which its type definitions omit. */
interface WithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function cellValue(cell: Cell): ExcelJS.CellValue {
  if (cell !== null && typeof cell === 'object') return { formula: toFileFormula(cell.formula) };
  return cell;
}

function applyStyle(target: ExcelJS.Cell, style: CellStyle): void {
  if (style.numberFormat !== undefined) target.numFmt = style.numberFormat;
  if (setsFont(style))
    target.font = {
      // Name the face: a font entry without one is drawn in a fallback (serif) face elsewhere.
      name: 'Calibri',
      family: 2,
      size: 11,
      ...target.font,
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.fontSize !== undefined ? { size: style.fontSize } : {}),
      ...(style.fontColor !== undefined ? { color: { argb: argb(style.fontColor) } } : {}),
    };
  if (style.fill !== undefined)
    target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.hAlign !== undefined || style.vAlign !== undefined || style.wrap !== undefined)
    target.alignment = {
      ...target.alignment,
      ...(style.hAlign !== undefined ? { horizontal: style.hAlign } : {}),
      ...(style.vAlign !== undefined
        ? { vertical: style.vAlign === 'center' ? 'middle' : style.vAlign }
        : {}),
      ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
    };
  if (style.bottomBorder !== undefined)
    target.border = {
      ...target.border,
      bottom: { style: 'thin', color: { argb: argb(style.bottomBorder) } },
    };
}

function validation(rule: ValidationRule): ExcelJS.DataValidation {
  const messages = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: rule.error.title,
    error: rule.error.message,
    ...(rule.prompt
      ? { showInputMessage: true, promptTitle: rule.prompt.title, prompt: rule.prompt.message }
      : {}),
  } as const;
  switch (rule.kind) {
    case 'list':
      return {
        ...messages,
        type: 'list',
        formulae: [listFormula(rule.source)],
      };
    case 'wholeNumber':
      return { ...messages, type: 'whole', operator: 'between', formulae: [rule.min, rule.max] };
    case 'decimal':
      return rule.max === undefined
        ? { ...messages, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [rule.min] }
        : { ...messages, type: 'decimal', operator: 'between', formulae: [rule.min, rule.max] };
    case 'date':
      // exceljs takes date bounds as Dates (a bare number is read as milliseconds since 1970).
      return {
        ...messages,
        type: 'date',
        operator: 'between',
        formulae: [
          new Date(`${serialToIso(rule.min)}T00:00:00Z`),
          new Date(`${serialToIso(rule.max)}T00:00:00Z`),
        ],
      };
    case 'custom':
      return { ...messages, type: 'custom', formulae: [toFileFormula(rule.formula)] };
    default:
      return assertNever(rule);
  }
}

function highlight(style: HighlightStyle): Partial<ExcelJS.Style> {
  return {
    ...(style.fill
      ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(style.fill) } } }
      : {}),
    ...(style.fontColor || style.bold
      ? {
          font: {
            ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
            ...(style.bold ? { bold: true } : {}),
          },
        }
      : {}),
  };
}

function writeItem(ws: ExcelJS.Worksheet, item: SheetItem, priority: { next: number }): void {
  switch (item.kind) {
    case 'cells': {
      const origin = parseCell(item.at);
      item.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell !== null)
            ws.getCell(origin.row + r + 1, origin.col + c + 1).value = cellValue(cell);
        }),
      );
      return;
    }
    case 'format':
      for (const { row, col } of cellsOf(item.range))
        applyStyle(ws.getCell(row + 1, col + 1), item.style);
      return;
    case 'table': {
      const t = item.table;
      ws.addTable({
        name: t.name,
        ref: t.at,
        headerRow: true,
        totalsRow: false,
        style: { theme: t.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
        columns: t.columns.map((c) => ({ name: c.name, filterButton: true })),
        rows: t.rows.map((row) => row.map(cellValue)),
      });
      return;
    }
    case 'validation':
      (ws as unknown as WithValidations).dataValidations.add(item.range, validation(item.rule));
      return;
    case 'conditionalFormat':
      ws.addConditionalFormatting({
        ref: item.range,
        rules: [
          {
            type: 'expression',
            priority: priority.next++,
            formulae: [toFileFormula(item.rule.formula)],
            style: highlight(item.rule.style),
          },
        ],
      });
      return;
    case 'merge':
      ws.mergeCells(item.range);
      return;
    case 'chart':
      // exceljs writes no charts: ooxml/charts.ts adds their parts once the sheet is in place.
      return;
    default:
      assertNever(item);
  }
}

/**
 * exceljs, loaded when a sheet is first rendered: loading it costs 0.18 s of CPU, which was a
 * third of `implan validate` on 10 projects, and the commands that only read never render.
 */
let exceljs: typeof ExcelJS | undefined;
const loadExceljs = (): typeof ExcelJS =>
  (exceljs ??= createRequire(__filename)('exceljs') as typeof ExcelJS);

/** Renders sheet plans into a new exceljs workbook. Names and calculated columns come later. */
export function renderSheets(sheets: readonly SheetPlan[]): ExcelJS.Workbook {
  const wb = new (loadExceljs().Workbook)();
  // A fixed timestamp: the same plan must give the same file.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  wb.creator = 'implan';
  wb.lastModifiedBy = 'implan';
  const priority = { next: 1 };
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
      views: sheet.freezeRows ? [{ state: 'frozen', xSplit: 0, ySplit: sheet.freezeRows }] : [{}],
      ...(sheet.print
        ? {
            pageSetup: {
              orientation: sheet.print.landscape ? 'landscape' : 'portrait',
              ...(sheet.print.fitToWidth
                ? {
                    fitToPage: true,
                    fitToWidth: sheet.print.fitToWidth,
                    fitToHeight: sheet.print.fitToHeight ?? 0,
                  }
                : {}),
            },
          }
        : {}),
    });
    for (const { column, width, hidden } of sheet.columnWidths) {
      const col = ws.getColumn(column + 1);
      // exceljs drops a width of exactly 9 as its "default", yet Excel's default is 8.43.
      col.width = width === 9 ? 9.001 : width;
      if (hidden) col.hidden = true;
    }
    for (const item of sheet.items) writeItem(ws, item, priority);
  }
  return wb;
}
