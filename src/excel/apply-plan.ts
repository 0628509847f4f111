import { columnLetter, rangeSize } from '../domain/plan/a1';
import { serialToIso } from '../domain/dates';
import {
  assertNever,
  type Cell,
  type CellStyle,
  type ConditionalRule,
  type NamePlan,
  type PlanStep,
  type SheetItem,
  type SheetPlan,
  type ValidationRule,
  type WorkbookPlan,
} from '../domain/plan/types';
import * as edits from './apply-edits';
import { addChart, deleteCharts } from './charts';
import { toInput, widthToPoints } from './cell-input';
import { requestCost, utf8Length } from './payload';
import { defaultRun, detectCapabilities, type ExcelRun, type HostCapabilities } from './host';

/**
 * Excel on the web rejects a request above about 5 MB. Writes are queued until this many bytes
 * are pending by estimate (payload.ts), then synced, so the number of syncs grows with the
 * data's size only. Half the limit, with room to spare: the estimate is not a measurement, and
 * a smaller request keeps Excel and the pane responsive while it is applied.
 */
export const PAYLOAD_BUDGET = 2_400_000;

export interface ApplyReport {
  readonly syncs: number;
  /** Sentences about what this host could not apply (a missing requirement set). */
  readonly skipped: readonly string[];
}

/** Queues writes and syncs only when the pending payload would pass the budget. */
export class WriteQueue {
  private pending = 0;
  syncs = 0;
  constructor(
    readonly context: Excel.RequestContext,
    readonly budget = PAYLOAD_BUDGET,
  ) {}

  /**
   * Accounts for `calls` API calls carrying `payload` (payload.ts says how they are counted);
   * syncs first when they would not fit in the current request.
   */
  async spend(payload: unknown, calls = 1): Promise<void> {
    const bytes = requestCost(payload, calls);
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes;
  }

  /** Runs just before each sync: e.g. to keep calculation suspended through every request. */
  beforeSync: (() => void) | undefined;
  /** Runs after each sync, before the next request is built: e.g. to move a progress bar. */
  afterSync: (() => Promise<void>) | undefined;
  /** Cells of the plan's cell blocks queued so far, for a progress bar. */
  cellsQueued = 0;

  async flush(): Promise<void> {
    this.beforeSync?.();
    await this.context.sync();
    this.syncs++;
    this.pending = 0;
    await this.afterSync?.();
  }
}

/**
 * Writes a 2-D block in row chunks that each fit in a request, so one huge table never
 * becomes one oversized request.
 */
async function writeBlock<T>(
  q: WriteQueue,
  topLeft: Excel.Range,
  rows: readonly (readonly T[])[],
  set: (range: Excel.Range, chunk: T[][]) => void,
  countsAsCells = false,
): Promise<void> {
  const width = rows[0]?.length ?? 1;
  const total = utf8Length(rows);
  const perChunk = Math.max(1, Math.floor((rows.length * q.budget) / 2 / Math.max(total, 1)));
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk).map((r) => [...r]);
    await q.spend(chunk, 2);
    set(topLeft.getOffsetRange(start, 0).getResizedRange(chunk.length - 1, width - 1), chunk);
    if (countsAsCells) q.cellsQueued += chunk.length * width;
  }
}

const alignment = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
  top: 'Top',
  bottom: 'Bottom',
} as const;

async function applyStyle(
  q: WriteQueue,
  range: Excel.Range,
  style: CellStyle,
  size: { rows: number; cols: number },
): Promise<void> {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontSize !== undefined) f.font.size = style.fontSize;
  if (style.fontColor !== undefined) f.font.color = style.fontColor;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.hAlign !== undefined) f.horizontalAlignment = alignment[style.hAlign];
  if (style.vAlign !== undefined) f.verticalAlignment = alignment[style.vAlign];
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.bottomBorder !== undefined) {
    const edge = f.borders.getItem('EdgeBottom');
    edge.style = 'Continuous';
    edge.color = style.bottomBorder;
  }
  if (style.numberFormat !== undefined) {
    const format = style.numberFormat;
    const formats = Array.from({ length: size.rows }, () => Array<string>(size.cols).fill(format));
    await writeBlock(q, range.getCell(0, 0), formats, (r, chunk) => (r.numberFormat = chunk));
  }
}

function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.source } };
    case 'wholeNumber':
      return { wholeNumber: { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
    case 'decimal':
      return {
        decimal:
          rule.max === undefined
            ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' }
            : { formula1: rule.min, formula2: rule.max, operator: 'Between' },
      };
    case 'date':
      return {
        date: {
          formula1: serialToIso(rule.min),
          formula2: serialToIso(rule.max),
          operator: 'Between',
        },
      };
    case 'custom':
      return { custom: { formula: `=${rule.formula}` } };
    default:
      return assertNever(rule);
  }
}

function conditionalFormat(range: Excel.Range, rule: ConditionalRule): void {
  const cf = range.conditionalFormats.add('Custom');
  cf.custom.rule.formula = `=${rule.formula}`;
  if (rule.style.fill) cf.custom.format.fill.color = rule.style.fill;
  if (rule.style.fontColor) cf.custom.format.font.color = rule.style.fontColor;
  if (rule.style.bold) cf.custom.format.font.bold = true;
}

const inputs = (rows: readonly (readonly Cell[])[]) => rows.map((r) => r.map(toInput));

async function writeItem(
  q: WriteQueue,
  sheet: Excel.Worksheet,
  item: SheetItem,
  caps: HostCapabilities,
  skipped: Set<string>,
  chartIndex = { next: 0 },
): Promise<void> {
  switch (item.kind) {
    case 'cells': {
      await writeBlock(
        q,
        sheet.getRange(item.at),
        inputs(item.rows),
        (r, chunk) => (r.formulas = chunk),
        true,
      );
      return;
    }
    case 'format': {
      // A call for the range and one a property set (two for a border); number formats are
      // charged by writeBlock as the block they are.
      const props = Object.keys(item.style).filter((k) => k !== 'numberFormat').length;
      await q.spend(item.style, 1 + props + (item.style.bottomBorder === undefined ? 0 : 2));
      await applyStyle(q, sheet.getRange(item.range), item.style, rangeSize(item.range));
      return;
    }
    case 'table': {
      // The table exists (addStructure); its body is written now, formulas and all. Writing
      // each column's formula over its whole body makes it a calculated column.
      const t = item.table;
      await writeBlock(
        q,
        sheet.getRange(t.at).getOffsetRange(1, 0),
        inputs(t.rows),
        (r, chunk) => (r.formulas = chunk),
      );
      return;
    }
    case 'validation': {
      if (!caps.dataValidation) {
        skipped.add(
          'In-sheet guards (data validation) were not applied: this version of Excel lacks ExcelApi 1.8.',
        );
        return;
      }
      await q.spend(item.rule, 6);
      const dv = sheet.getRange(item.range).dataValidation;
      dv.ignoreBlanks = true;
      dv.rule = validationRule(item.rule);
      if (item.rule.prompt)
        dv.prompt = {
          showPrompt: true,
          title: item.rule.prompt.title,
          message: item.rule.prompt.message,
        };
      dv.errorAlert = {
        showAlert: true,
        style: 'Stop',
        title: item.rule.error.title,
        message: item.rule.error.message,
      };
      return;
    }
    case 'conditionalFormat':
      await q.spend(item.rule, 8);
      conditionalFormat(sheet.getRange(item.range), item.rule);
      return;
    case 'merge':
      sheet.getRange(item.range).merge(false);
      return;
    case 'chart':
      if (caps.charts === false) {
        skipped.add(
          'The dashboard charts were not drawn: this version of Excel lacks ExcelApi 1.7.',
        );
        return;
      }
      await q.spend(item.chart, 8 + item.chart.series.length * 4);
      addChart(q.context.workbook, sheet, item.chart, chartIndex.next++);
      return;
    default:
      assertNever(item);
  }
}

/**
 * Excel parses a formula when it is set, against the workbook as it stands: a formula naming a
 * table, sheet or defined name that does not exist yet is refused (InvalidArgument), and the
 * names themselves refer to tables and cells. So a plan is applied in passes: every sheet
 * and table (headers only) first, then the names, then every cell, formula, rule and row, and
 * last the names that hold constants.
 *
 * Before all of them, the rows that grow a table the workbook already has (the registry line
 * Add project writes). Growing is the one write Excel may refuse that implan cannot always see
 * coming: before ExcelApi 1.13 the merged cells in the way cannot be listed, and Excel answers
 * MergedRangeConflict. A failed sync is not rolled back (the commands queued before the failing
 * one stay applied; see test/excel/fake-excel.ts), so the growth goes first: refused, it
 * leaves nothing behind, not even the project's new sheet. Its formulas name only its own
 * table, so they need nothing the later passes make.
 */
type Pass = 'grow' | 'structure' | 'names' | 'content' | 'stamps';
const PASSES: readonly Pass[] = ['grow', 'structure', 'names', 'content', 'stamps'];

/**
 * A name holding a constant (a build stamp, a sheet's fingerprint) names nothing, so it is set
 * last, after every cell: a fingerprint then only ever describes a sheet that was written in
 * full, and a run Excel stops half-way never marks a half-written sheet as built.
 */
const isStamp = (n: NamePlan) => /^("([^"]|"")*"|-?\d+(\.\d+)?)$/.test(n.refersTo);

/** What a plan is applied over: sheets it rebuilds in place, names that already exist. */
export interface PlanTarget {
  /** Sheets that exist and are rebuilt in place, keeping their identity (and so every
   *  reference into them); compared as Excel compares sheet names, ignoring case. */
  readonly rebuild?: readonly string[];
  /** Defined names that exist: given their new formula instead of being added again. */
  readonly existingNames?: readonly string[];
  /** Written in A1 of each emptied sheet until its content replaces it: what a reader sees if
   *  Excel stops the run half-way. */
  readonly rebuildNote?: string;
  /** How many charts each rebuilt sheet holds now (read first): they are deleted with it. */
  readonly charts?: Readonly<Record<string, number>>;
}

/** The charts `target` says a sheet holds, its name compared ignoring case. */
const chartsOn = (target: PlanTarget, sheet: string): number =>
  Object.entries(target.charts ?? {}).find(([n]) => n.toUpperCase() === sheet.toUpperCase())?.[1] ??
  0;

const hasName = (list: readonly string[] | undefined, name: string) =>
  (list ?? []).some((n) => n.toUpperCase() === name.toUpperCase());

/**
 * Empties a sheet for a rebuild: contents, formats, conditional formats, validations, merges,
 * widths and frozen panes, but not the sheet itself. A deleted and recreated sheet would turn
 * every reference to it into #REF! for good and clear the user's undo stack (Worksheet.delete
 * is on the undo page's list); an emptied one keeps both.
 */
function clearSheet(sheet: Excel.Worksheet, caps: HostCapabilities): void {
  const all = sheet.getRange();
  all.conditionalFormats.clearAll();
  if (caps.dataValidation) all.dataValidation.clear();
  all.unmerge();
  all.clear();
  all.format.useStandardWidth = true;
  // A rebuilt sheet's helper columns may stand elsewhere now (the Gantt strip grew or shrank).
  all.columnHidden = false;
  sheet.freezePanes.unfreeze();
}

/** The sheet and its tables, so every later formula finds what it names. */
async function addStructure(
  q: WriteQueue,
  plan: SheetPlan,
  caps: HostCapabilities,
  target: PlanTarget,
): Promise<void> {
  await q.spend(plan.name, 12 + plan.columnWidths.length * 2);
  const rebuild = hasName(target.rebuild, plan.name);
  const sheet = rebuild
    ? q.context.workbook.worksheets.getItem(plan.name)
    : q.context.workbook.worksheets.add(plan.name);
  if (rebuild) clearSheet(sheet, caps);
  if (rebuild) deleteCharts(sheet, chartsOn(target, plan.name));
  if (rebuild && target.rebuildNote) sheet.getRange('A1').values = [[toInput(target.rebuildNote)]];
  if (plan.tabColor) sheet.tabColor = plan.tabColor;
  for (const { column, width, hidden } of plan.columnWidths) {
    const letter = columnLetter(column);
    const range = sheet.getRange(`${letter}:${letter}`);
    range.format.columnWidth = widthToPoints(width);
    if (hidden) range.columnHidden = true;
  }
  for (const item of plan.items) {
    if (item.kind !== 'table') continue;
    const t = item.table;
    await q.spend(t.columns, 8);
    const headerRange = sheet.getRange(t.at).getResizedRange(0, t.columns.length - 1);
    headerRange.values = [t.columns.map((c) => toInput(c.name))];
    const table = sheet.tables.add(headerRange.getResizedRange(t.rows.length, 0), true);
    table.name = t.name;
    table.style = t.style;
  }
}

/** Everything else on the sheet, once every table and name of the plan exists. */
async function addContent(
  q: WriteQueue,
  plan: SheetPlan,
  caps: HostCapabilities,
  skipped: Set<string>,
  target: PlanTarget,
): Promise<void> {
  const sheet = q.context.workbook.worksheets.getItem(plan.name);
  // Excel puts each conditional format it adds at the top priority (ConditionalFormatCollection
  // .add), while a plan lists them highest first as the file writer numbers them: adding them
  // last to first gives the plan's order, whatever range each one covers.
  const formats = plan.items.filter((i) => i.kind === 'conditionalFormat');
  // A rebuilt sheet keeps its note in A1 until everything else is written.
  const noted = hasName(target.rebuild, plan.name) && target.rebuildNote !== undefined;
  const holdsA1 = (i: SheetItem) => noted && i.kind === 'cells' && i.at === 'A1';
  const cells = plan.items.filter((i) => i.kind !== 'conditionalFormat');
  const charts = { next: 0 };
  for (const item of [...cells.filter((i) => !holdsA1(i)), ...formats.reverse()])
    await writeItem(q, sheet, item, caps, skipped, charts);
  for (const item of cells.filter(holdsA1)) await writeItem(q, sheet, item, caps, skipped);
  if (plan.freezeRows) sheet.freezePanes.freezeRows(plan.freezeRows);
  if (plan.print && caps.pageLayout) {
    sheet.pageLayout.orientation = plan.print.landscape ? 'Landscape' : 'Portrait';
    if (plan.print.fitToWidth)
      sheet.pageLayout.zoom = {
        horizontalFitToPages: plan.print.fitToWidth,
        verticalFitToPages: plan.print.fitToHeight ?? 0,
      };
    // PageLayout.setPrintArea (ExcelApi 1.9, as the rest of the page layout).
    if (plan.print.area) sheet.pageLayout.setPrintArea(plan.print.area);
  }
}

/**
 * Rows written into a table: those that replace existing (placeholder) rows in place, the
 * others by growing the table and then writing its new last rows. Microsoft's co-authoring
 * guidance (learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins, "Avoid
 * table row conflicts") says TableRowCollection.add causes merge conflicts; Table.resize
 * (ExcelApi 1.13) does not, and where it is missing rows.add is the only way left.
 */
async function fillTableRows(
  q: WriteQueue,
  step: Extract<PlanStep, { kind: 'fillTableRows' }>,
  caps: HostCapabilities,
): Promise<void> {
  const table = q.context.workbook.tables.getItem(step.table);
  const rows = inputs(step.rows);
  const overlap = rows.slice(0, Math.max(0, step.existingRows - step.firstRow));
  const rest = rows.slice(overlap.length);
  await q.spend(rows, 6);
  if (overlap.length > 0)
    table
      .getDataBodyRange()
      .getRow(step.firstRow)
      .getResizedRange(overlap.length - 1, 0).formulas = overlap;
  if (rest.length === 0) return;
  if (!caps.tableResize) {
    table.rows.add(undefined, rest);
    return;
  }
  table.resize(table.getRange().getResizedRange(rest.length, 0));
  table
    .getDataBodyRange()
    .getLastRow()
    .getOffsetRange(1 - rest.length, 0)
    .getResizedRange(rest.length - 1, 0).formulas = rest;
}

/**
 * Items written onto a sheet that exists (a template upgrade): into cells the plan found
 * empty, leaving the rest of the sheet alone; conditional formats last to first, as in
 * addContent, so they end in the plan's order.
 */
async function editSheet(
  q: WriteQueue,
  step: Extract<PlanStep, { kind: 'editSheet' }>,
  caps: HostCapabilities,
  skipped: Set<string>,
): Promise<void> {
  const sheet = q.context.workbook.worksheets.getItem(step.sheet);
  const formats = step.items.filter((i) => i.kind === 'conditionalFormat').reverse();
  const rest = step.items.filter((i) => i.kind !== 'conditionalFormat');
  for (const item of [...rest, ...formats]) await writeItem(q, sheet, item, caps, skipped);
}

function setName(q: WriteQueue, name: NamePlan, target: PlanTarget): void {
  const names = q.context.workbook.names;
  if (hasName(target.existingNames, name.name)) {
    const item = names.getItem(name.name);
    item.formula = `=${name.refersTo}`;
    // NamedItem.comment is settable (ExcelApi 1.4): a rebuilt name says what it holds now.
    if (name.comment !== undefined) item.comment = name.comment;
  } else if (name.comment) names.add(name.name, `=${name.refersTo}`, name.comment);
  else names.add(name.name, `=${name.refersTo}`);
}

type EditStep = Extract<
  PlanStep,
  {
    kind:
      'setCells' | 'setRowCells' | 'deleteRow' | 'deleteSheet' | 'setTableRows' | 'addTableColumn';
  }
>;

async function applyEdit(q: WriteQueue, step: EditStep, caps: HostCapabilities): Promise<void> {
  await q.spend(step, 6);
  switch (step.kind) {
    case 'setCells':
      return edits.setCells(q.context, step);
    case 'setRowCells':
      return edits.setRowCells(q.context, step, caps);
    case 'deleteRow':
      return edits.deleteRow(q.context, step, caps);
    case 'deleteSheet':
      return edits.deleteSheet(q.context, step);
    case 'setTableRows':
      return edits.setTableRows(q.context, step, caps);
    case 'addTableColumn':
      return edits.addTableColumn(q.context, step);
    default:
      assertNever(step);
  }
}

async function applyStep(
  q: WriteQueue,
  step: PlanStep,
  pass: Pass,
  caps: HostCapabilities,
  skipped: Set<string>,
  target: PlanTarget,
): Promise<void> {
  switch (step.kind) {
    case 'addSheet':
      if (pass === 'structure') await addStructure(q, step.sheet, caps, target);
      if (pass === 'content') await addContent(q, step.sheet, caps, skipped, target);
      return;
    case 'setNames':
      if (pass !== 'names' && pass !== 'stamps') return;
      for (const n of step.names.filter((x) => isStamp(x) === (pass === 'stamps'))) {
        await q.spend(n, 2);
        setName(q, n, target);
      }
      return;
    case 'fillTableRows':
      if (pass === 'grow') await fillTableRows(q, step, caps);
      return;
    // Edits of what the workbook holds, in the plan's order (a sheet before its registry line).
    case 'setCells':
    case 'setRowCells':
    case 'deleteRow':
    case 'deleteSheet':
    case 'setTableRows':
    case 'addTableColumn':
      if (pass === 'content') await applyEdit(q, step, caps);
      return;
    case 'editSheet':
      if (pass === 'content') await editSheet(q, step, caps, skipped);
      return;
    default:
      assertNever(step);
  }
}

/** Queues a whole plan on `q` (syncing only for the payload budget); the caller syncs last. */
export async function queuePlan(
  q: WriteQueue,
  plan: WorkbookPlan,
  caps: HostCapabilities,
  target: PlanTarget = {},
): Promise<string[]> {
  const skipped = new Set<string>();
  for (const pass of PASSES)
    for (const step of plan.steps) await applyStep(q, step, pass, caps, skipped, target);
  return [...skipped];
}

/** Applies a plan to the open workbook in one Excel.run and, for plans within the budget, one sync. */
export async function applyPlan(
  plan: WorkbookPlan,
  options: { run?: ExcelRun; capabilities?: HostCapabilities; budget?: number } = {},
): Promise<ApplyReport> {
  const run = options.run ?? defaultRun;
  const caps = options.capabilities ?? detectCapabilities();
  return await run(async (context) => {
    const q = new WriteQueue(context, options.budget);
    const skipped = await queuePlan(q, plan, caps);
    await q.flush();
    return { syncs: q.syncs, skipped };
  });
}
