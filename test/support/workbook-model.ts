/**
 * A plain description of a workbook that both writers' results are reduced to, so the contract
 * test can say "the same cells, formulas, formats, validations, conditional formats and names".
 */
import ExcelJS from 'exceljs';
import { a1, cellsOf } from '../../src/domain/plan/a1';
import { isoToSerial } from '../../src/domain/dates';
import { pointsToWidth } from '../../src/excel/cell-input';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { listDefinedNames, listSheets, listTables } from '../../src/xlsx/ooxml/workbook';
import { attributes, elements, startTag, unescapeXml } from '../../src/xlsx/ooxml/xml-text';
import type { FakeExcel } from '../excel/fake-excel';
import { type ChartModel, chartsFromFake, chartsFromFile, plainRange } from './chart-model';

export interface CellModel {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  /** Points; 11, the size both writers give a font left at its default, counts as absent. */
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  bottomBorder?: string;
}

export interface SheetModel {
  name: string;
  cells: Record<string, CellModel>;
  tables: { name: string; ref: string; style: string; calculated: Record<string, string> }[];
  validations: string[];
  conditionalFormats: string[];
  widths: Record<number, number>;
  /** 0-based hidden columns, ascending; absent when none is. */
  hidden?: number[];
  freezeRows?: number;
  tabColor?: string;
  merges: string[];
  /** Page setup: orientation, pages across and down when fitted, and the print area. */
  print?: { orientation: string; fitToWidth?: number; fitToHeight?: number; area?: string };
  charts?: ChartModel[];
}

export interface WorkbookModel {
  sheets: SheetModel[];
  names: Record<string, string>;
  /** The comment of each defined name that has one (Excel's Name Manager shows it). */
  nameComments: Record<string, string>;
}

/** Leaves out what both engines treat as absent: undefined, false and empty text. */
const clean = <T extends object>(o: T): T =>
  Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== false && v !== ''),
  ) as T;

/** One entry per cell: exceljs splits a validation's range into cells when it reads a file. */
const perCell = (range: string, what: string) =>
  [...cellsOf(range)].map(({ row, col }) => `${a1(row, col)} ${what}`);
const hex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);
const upper = (c: string | undefined) => c?.toUpperCase();
const size = (points: number | undefined) => (points === 11 ? undefined : points);
/** Excel's "Center" vertical alignment is "middle" in a file. */
const vertical = (v: string | undefined) => {
  const lower = v?.toLowerCase();
  return lower === 'middle' ? 'center' : lower;
};

export function modelFromFake(fake: FakeExcel): WorkbookModel {
  return {
    sheets: fake.sheets.map((s) => ({
      name: s.name,
      cells: Object.fromEntries(
        [...s.cells]
          .map(([ref, c]): [string, CellModel] => [
            ref,
            clean({
              value: c.value ?? undefined,
              formula: c.formula,
              numberFormat: c.numberFormat,
              bold: c.bold,
              italic: c.italic,
              fontSize: size(c.fontSize),
              fontColor: upper(c.fontColor),
              fill: upper(c.fill),
              hAlign: c.hAlign?.toLowerCase(),
              vAlign: vertical(c.vAlign),
              wrap: c.wrap,
              bottomBorder: upper(c.bottomBorder),
            }),
          ])
          .filter(([, c]) => Object.keys(c).length > 0),
      ),
      tables: fake.tables
        .filter((t) => t.sheet === s)
        .map((t) => {
          const calculated: Record<string, string> = {};
          for (let col = t.ref.from.col; col <= t.ref.to.col; col++) {
            const formulas = new Set<string | undefined>();
            for (let row = t.ref.from.row + 1; row <= t.ref.to.row; row++)
              formulas.add(s.cells.get(a1(row, col))?.formula);
            const [only] = [...formulas];
            if (formulas.size === 1 && only !== undefined)
              calculated[String(s.cells.get(a1(t.ref.from.row, col))?.value)] = only;
          }
          return {
            name: t.name,
            ref: `${a1(t.ref.from.row, t.ref.from.col)}:${a1(t.ref.to.row, t.ref.to.col)}`,
            style: t.style ?? '',
            calculated,
          };
        }),
      validations: s.validations
        .flatMap((v) =>
          perCell(v.range, JSON.stringify({ ...fakeRule(v.rule), ...fakeOptions(v) })),
        )
        .sort(),
      // In priority order (highest first): which format wins where two apply is part of the look.
      conditionalFormats: s.conditionalFormats.map(
        (c) =>
          `${c.range} ${c.formula.replace(/^=/, '')} ${upper(c.fill) ?? ''} ${upper(c.fontColor) ?? ''} ${c.bold ? 'bold' : ''}${c.stopIfTrue ? ' stop' : ''}`,
      ),
      widths: Object.fromEntries(
        [...s.columnWidths].map(([c, w]) => [c, Math.round(pointsToWidth(w) * 10) / 10]),
      ),
      ...(s.hiddenColumns.size > 0 ? { hidden: [...s.hiddenColumns].sort((a, b) => a - b) } : {}),
      ...(s.freezeRows ? { freezeRows: s.freezeRows } : {}),
      ...(s.tabColor ? { tabColor: upper(s.tabColor) } : {}),
      merges: [...s.merges].sort(),
      ...(s.orientation
        ? {
            print: {
              orientation: s.orientation.toLowerCase(),
              ...(s.fitToWidth ? { fitToWidth: s.fitToWidth } : {}),
              ...(s.fitToHeight ? { fitToHeight: s.fitToHeight } : {}),
              ...(s.printArea ? { area: s.printArea } : {}),
            },
          }
        : {}),
      ...(s.charts.length > 0 ? { charts: chartsFromFake(s) } : {}),
    })),
    names: Object.fromEntries([...fake.names].map(([n, r]) => [n, r.replace(/^=/, '')])),
    nameComments: Object.fromEntries(fake.nameComments),
  };
}

/** A validation's options as both models spell them: blanks, the prompt, the error alert. */
interface ValidationOptions {
  ignoreBlanks: boolean;
  prompt?: string;
  alert: string;
}

function fakeOptions(v: FakeExcel['sheets'][number]['validations'][number]): ValidationOptions {
  const prompt = v.prompt as { showPrompt?: boolean; title?: string; message?: string } | undefined;
  const alert = (v.errorAlert ?? {}) as {
    showAlert?: boolean;
    style?: string;
    title?: string;
    message?: string;
  };
  return {
    ignoreBlanks: v.ignoreBlanks ?? true,
    ...(prompt?.showPrompt ? { prompt: `${prompt.title ?? ''}: ${prompt.message ?? ''}` } : {}),
    alert: alert.showAlert
      ? `${alert.style?.toLowerCase() ?? 'stop'} ${alert.title ?? ''}: ${alert.message ?? ''}`
      : 'none',
  };
}

function fileOptions(attr: (name: string) => string | undefined): ValidationOptions {
  const on = (name: string) => attr(name) === '1' || attr(name) === 'true';
  const text = (name: string) => unescapeXml(attr(name) ?? '');
  return {
    ignoreBlanks: on('allowBlank'),
    ...(on('showInputMessage') ? { prompt: `${text('promptTitle')}: ${text('prompt')}` } : {}),
    alert: on('showErrorMessage')
      ? `${attr('errorStyle') ?? 'stop'} ${text('errorTitle')}: ${text('error')}`
      : 'none',
  };
}

function fakeRule(rule: unknown): object {
  const r = rule as Record<string, Record<string, unknown>>;
  if (r.list) return { list: r.list.source };
  if (r.wholeNumber) return { between: [r.wholeNumber.formula1, r.wholeNumber.formula2] };
  if (r.decimal) return { decimal: [r.decimal.formula1, r.decimal.formula2 ?? null] };
  if (r.custom) return { custom: String(r.custom.formula).replace(/^=/, '') };
  if (r.date)
    return { date: [isoToSerial(String(r.date.formula1)), isoToSerial(String(r.date.formula2))] };
  return { unknown: rule };
}

function fileValue(v: ExcelJS.CellValue): Pick<CellModel, 'value' | 'formula'> {
  if (v === null || v === undefined) return {};
  if (v instanceof Date) return { value: isoToSerial(v.toISOString().slice(0, 10)) };
  if (typeof v === 'object') {
    if ('formula' in v) return { formula: v.formula };
    if ('richText' in v) return { value: v.richText.map((r) => r.text).join('') };
    return {};
  }
  return { value: v };
}

/** The same description, read from a file implan wrote (exceljs is safe on implan's own files). */
export async function modelFromXlsx(bytes: Uint8Array): Promise<WorkbookModel> {
  const pkg = await XlsxPackage.load(bytes);
  const tables = await listTables(pkg);
  // exceljs cannot read the calculatedColumnFormula it never writes: give it a copy without.
  const forExceljs = await XlsxPackage.load(bytes);
  for (const t of tables)
    forExceljs.setText(
      t.path,
      (await pkg.text(t.path)).replace(
        /<calculatedColumnFormula>[\s\S]*?<\/calculatedColumnFormula>/g,
        '',
      ),
    );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await forExceljs.save()) as unknown as ArrayBuffer);
  const sheetPaths = new Map((await listSheets(pkg)).map((x) => [x.name, x.path]));
  const defined = await listDefinedNames(pkg);
  // A print area is a name scoped to its sheet; the model keeps it with the sheet's page setup.
  const PRINT_AREA = '_xlnm.Print_Area';
  const areas = new Map(
    defined
      .filter((n) => n.name === PRINT_AREA && n.localSheetId !== undefined)
      .map((n) => [n.localSheetId!, plainRange(n.refersTo).split('!')[1]!]),
  );
  const sheets: SheetModel[] = [];
  for (const ws of wb.worksheets) {
    const cells: Record<string, CellModel> = {};
    // Rows of styled blank cells count too; a merge's other cells only echo its first one.
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        if (c.isMerged && c.master.address !== c.address) return;
        const fill = c.fill?.type === 'pattern' ? hex(c.fill.fgColor?.argb) : undefined;
        const model = clean({
          ...fileValue(c.value),
          numberFormat: c.numFmt || undefined,
          bold: c.font?.bold,
          italic: c.font?.italic,
          fontSize: size(c.font?.size),
          fontColor: hex(c.font?.color?.argb),
          fill,
          hAlign: c.alignment?.horizontal,
          vAlign: vertical(c.alignment?.vertical),
          wrap: c.alignment?.wrapText,
          bottomBorder: hex(c.border?.bottom?.color?.argb),
        });
        if (Object.keys(model).length > 0) cells[c.address] = model;
      }),
    );
    const own = tables.filter((t) => t.sheet.name === ws.name);
    const tableModels = [];
    for (const t of own) {
      const xml = await pkg.text(t.path);
      const calculated: Record<string, string> = {};
      for (const col of elements(xml, 'tableColumn')) {
        const f = /<calculatedColumnFormula>([\s\S]*?)<\/calculatedColumnFormula>/.exec(
          col.text,
        )?.[1];
        const name = /\sname="([^"]*)"/.exec(col.text)?.[1];
        if (f !== undefined && name !== undefined) calculated[unescapeXml(name)] = unescapeXml(f);
      }
      const style = attributes(/<tableStyleInfo\b[^>]*>/.exec(xml)?.[0] ?? '').name ?? '';
      tableModels.push({ name: t.name, ref: t.ref, style, calculated });
    }
    const sheetXml = await pkg.text(sheetPaths.get(ws.name) ?? '');
    const validations = elements(sheetXml, 'dataValidation')
      .flatMap((e) => {
        const attr = (n: string) => new RegExp(`\\s${n}="([^"]*)"`).exec(startTag(e.text))?.[1];
        const f = (n: number) =>
          unescapeXml(
            new RegExp(`<formula${n}>([\\s\\S]*?)</formula${n}>`).exec(e.text)?.[1] ?? '',
          );
        const type = attr('type');
        const rule =
          type === 'list'
            ? { list: f(1).startsWith('"') ? f(1).slice(1, -1) : `=${f(1)}` }
            : type === 'whole'
              ? { between: [Number(f(1)), Number(f(2))] }
              : type === 'custom'
                ? { custom: f(1) }
                : type === 'decimal'
                  ? { decimal: [Number(f(1)), f(2) === '' ? null : Number(f(2))] }
                  : { date: [Number(f(1)), Number(f(2))] };
        const what = JSON.stringify({ ...rule, ...fileOptions(attr) });
        return (attr('sqref') ?? '').split(' ').flatMap((r) => perCell(r, what));
      })
      .sort();
    const cfs = (
      ws as unknown as {
        conditionalFormattings: {
          ref: string;
          rules: {
            priority?: number;
            stopIfTrue?: boolean;
            formulae?: string[];
            style?: {
              fill?: { bgColor?: { argb?: string } };
              font?: { color?: { argb?: string }; bold?: boolean };
            };
          }[];
        }[];
      }
    ).conditionalFormattings
      .flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, r })))
      // Excel evaluates a sheet's formats by their priority numbers, lowest first.
      .sort((a, b) => (a.r.priority ?? 0) - (b.r.priority ?? 0))
      .map(
        ({ ref, r }) =>
          `${ref} ${r.formulae?.[0] ?? ''} ${hex(r.style?.fill?.bgColor?.argb) ?? ''} ${hex(r.style?.font?.color?.argb) ?? ''} ${r.style?.font?.bold ? 'bold' : ''}${r.stopIfTrue ? ' stop' : ''}`,
      );
    const widths: Record<number, number> = {};
    const hidden: number[] = [];
    for (const col of elements(sheetXml, 'col')) {
      const a = (n: string) => Number(new RegExp(`\\s${n}="([^"]*)"`).exec(col.text)?.[1]);
      const hides = /\shidden="(1|true)"/.test(col.text);
      for (let i = a('min'); i <= a('max'); i++) {
        widths[i - 1] = Math.round(a('width') * 10) / 10;
        if (hides) hidden.push(i - 1);
      }
    }
    const view = ws.views[0] as { ySplit?: number } | undefined;
    const merges = elements(sheetXml, 'mergeCell')
      .map((m) => attributes(m.text).ref ?? '')
      .sort();
    const setup = attributes(/<pageSetup\b[^>]*>/.exec(sheetXml)?.[0] ?? '');
    const charts = await chartsFromFile(pkg, sheetPaths.get(ws.name)!);
    const fitted = /<pageSetUpPr\b[^>]*\bfitToPage="(1|true)"/.test(sheetXml);
    sheets.push({
      name: ws.name,
      cells,
      tables: tableModels,
      validations,
      conditionalFormats: cfs,
      widths,
      ...(hidden.length > 0 ? { hidden } : {}),
      ...(view?.ySplit ? { freezeRows: view.ySplit } : {}),
      ...(ws.properties.tabColor?.argb ? { tabColor: hex(ws.properties.tabColor.argb) } : {}),
      merges,
      ...(setup.orientation
        ? {
            print: {
              orientation: setup.orientation,
              ...(fitted && setup.fitToWidth ? { fitToWidth: Number(setup.fitToWidth) } : {}),
              ...(fitted && Number(setup.fitToHeight) > 0
                ? { fitToHeight: Number(setup.fitToHeight) }
                : {}),
              ...(areas.has(sheets.length) ? { area: areas.get(sheets.length) } : {}),
            },
          }
        : {}),
      ...(charts.length > 0 ? { charts } : {}),
    });
  }
  const names = Object.fromEntries(
    defined.filter((n) => n.name !== PRINT_AREA).map((n) => [n.name, n.refersTo]),
  );
  const nameComments = Object.fromEntries(
    defined.flatMap((n) => (n.comment === undefined ? [] : [[n.name, n.comment]])),
  );
  return { sheets, names, nameComments };
}
