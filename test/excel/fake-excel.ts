/**
 * A fake Excel host that behaves as the Office.js documentation says Excel does, for the members
 * implan uses; each object sits behind a Proxy that throws on any member it does not know.
 * Every behaviour cites its source; where the documentation is silent the fake takes the
 * stricter reading and says so, so that code passing here does not lean on leniency.
 *
 * - Operations are queued and applied only at `context.sync()`, in order; the first that fails
 *   rejects the sync with its error code and the rest of the batch is dropped ("Excel JavaScript
 *   object model in Office Add-ins", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-core-concepts:
 *   commands are queued and run when sync is called). The documentation does not promise a
 *   batch is atomic, so operations before the failing one stay applied: the harder case.
 * - A property is readable only after `load()` and a sync (PropertyNotLoaded otherwise); a
 *   null object's `isNullObject` only after a sync ("*OrNullObject methods and properties",
 *   learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
 * - Formulas are parsed when applied, against the workbook as it stands (fake-references.ts).
 * - Conditional formats are added at the top priority (ConditionalFormatCollection.add).
 * - Names, sheets and tables compare ignoring case, as Excel's do.
 * - Deleting a sheet turns references to it into #REF!; renaming it rewrites them.
 * - Request and response payloads are measured as "Payload size limit best practices"
 *   (learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices)
 *   describes them, and both 5 MB limits and the 5,000,000-cell read limit are enforced.
 * - Members that "Undo capabilities" (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities)
 *   lists as clearing the undo stack are recorded in `undoClearedBy`.
 * - While a cell is being edited, a batch fails with InvalidOperationInCellEditMode unless run
 *   with `delayForCellEdit`, which waits ("Delay execution while cell is being edited").
 * It evaluates no formulas: LibreOffice does that elsewhere.
 */
import {
  a1,
  cellsOf,
  parseCell,
  parseRange,
  rangeA1,
  type RangeAddress,
} from '../../src/domain/plan/a1';
import type { Scalar } from '../../src/domain/plan/types';
import { utf8Length } from '../../src/excel/payload';
import { deleteSheetIn, deleteTableIn, referencesOf, renameSheetIn } from './fake-references';

export interface FakeCell {
  value?: Scalar;
  formula?: string;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fill?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  bottomBorder?: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  tabColor?: string;
  freezeRows?: number;
  columnWidths: Map<number, number>;
  /** 0-based columns hidden by Range.columnHidden. */
  hiddenColumns: Set<number>;
  validations: {
    range: string;
    rule: unknown;
    prompt?: unknown;
    errorAlert?: unknown;
    ignoreBlanks?: boolean;
  }[];
  /** In priority order, highest first, as Excel evaluates them on the worksheet. */
  conditionalFormats: {
    range: string;
    formula: string;
    fill?: string;
    fontColor?: string;
    bold?: boolean;
    stopIfTrue?: boolean;
  }[];
  merges: string[];
  /** Names scoped to this sheet (Worksheet.names, ExcelApi 1.4), by name: their formulas. */
  names?: Map<string, string>;
  /** Worksheet protection is on (WorksheetProtection.protected, ExcelApi 1.2). */
  protected?: boolean;
  orientation?: string;
  fitToWidth?: number;
  fitToHeight?: number;
  printArea?: string;
  active?: boolean;
  /** Charts in the order they were added (ChartCollection.getItemAt counts in that order). */
  charts: FakeChart[];
}

export interface FakeChart {
  name?: string;
  type: string;
  title?: string;
  legend: { visible?: boolean; position?: string };
  /** setPosition's start and end cells, "G5:P21". */
  anchor?: string;
  /** Values and categories as "Sheet!A1:B2"; a name only once set. */
  series: { name?: string; values?: string; categories?: string }[];
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  ref: RangeAddress;
  style?: string;
}

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Excel's reading of what was typed: what the writer must avoid by quoting text. */
function typed(input: unknown): { value?: Scalar; formula?: string } {
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (input === null || input === undefined || input === '') return {};
  const s = typeof input === 'string' ? input : JSON.stringify(input);
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (s.startsWith('=')) return { formula: s.slice(1) };
  if (/^[+-]/.test(s) && !/^[+-]?\d/.test(s)) return { formula: s.slice(1) };
  if (/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*%?\s*$/i.test(s)) return { value: parseFloat(s) };
  if (/^(true|false)$/i.test(s)) return { value: s.toLowerCase() === 'true' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(s))
    return { value: (Date.parse(s) - Date.UTC(1899, 11, 30)) / 86_400_000 };
  return { value: s };
}

/** Options of `Excel.run(options, batch)` that the fake honours (Excel.RunOptions). */
export interface FakeRunOptions {
  readonly delayForCellEdit?: boolean;
  readonly mergeUndoGroup?: boolean;
}

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface FakeExcel {
  run: {
    <T>(batch: Batch<T>, options?: FakeRunOptions): Promise<T>;
    <T>(options: FakeRunOptions, batch: Batch<T>): Promise<T>;
  };
  sheets: FakeSheet[];
  tables: FakeTable[];
  /** Defined names with the case they were created in; look up with `name()`. */
  names: Map<string, string>;
  /** The workbook's structure is protected (WorkbookProtection.protected, ExcelApi 1.7). */
  structureProtected: boolean;
  /** Each defined name's comment (NamedItem.comment, ExcelApi 1.4), by the name's key. */
  nameComments: Map<string, string>;
  syncCount: number;
  requestBytes: number[];
  responseBytes: number[];
  calls: string[];
  /** Excel on the web's request limit; a test can lower it to play a stricter host. */
  payloadLimit: number;
  responseLimit: number;
  /**
   * The error code a request that lists special cells fails with, when set: Excel's limits on
   * a RangeAreas (how many areas, how long an address) are not documented, so a test plays a
   * host that refuses one.
   */
  specialCellsRefusal?: string;
  /** The last cell a batch selected, as "Sheet!A1". */
  selection: string | null;
  /** Members called that clear the user's undo stack, in order. */
  undoClearedBy: string[];
  /** The options of every Excel.run, in order. */
  runs: FakeRunOptions[];
  /** The user's AutoCorrect option "Fill formulas in tables to create calculated columns". */
  fillsCalculatedColumns: boolean;
  /**
   * The code a batch fails with in cell edit mode: the error reference names
   * InvalidOperationInCellEditMode, the delay-for-cell-edit page says InvalidOperation; a test
   * can play either.
   */
  cellEditCode: 'InvalidOperationInCellEditMode' | 'InvalidOperation';
  /** A cell is being edited; `endEdit()` leaves cell edit mode. */
  editing: boolean;
  endEdit(): void;
  /** Makes the sync `after` syncs from now fail with `code` before applying anything, as a
   *  lost connection or a host failure would: for tests of a run stopped half-way. */
  interrupt(after: number, code?: string): void;
  sheet(name: string): FakeSheet;
  name(name: string): string | undefined;
}

/**
 * The documented payload "combines the number of API calls, the number of objects, such as
 * Range objects, and the length of the value to set or get" (performance.md); the page gives
 * no per-call figure, so the fake charges these, measured as UTF-8 bytes of JSON.
 */
export const PAYLOAD_COST = { perCall: 64, perObject: 32 } as const;
const FIVE_MB = 5 * 1024 * 1024;
/** Sheets with their protection and their own names, as the state read loads them. */
const SCOPED_SHEET_LOAD =
  'items/name,items/protection/protected,items/names/items/name,items/names/items/formula';
const READ_CELL_LIMIT = 5_000_000;
const utf8 = utf8Length;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const lazy = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

export function createFakeExcel(): FakeExcel {
  let endEdit: () => void = () => undefined;
  let edited = Promise.resolve();
  const fake: FakeExcel = {
    // Excel.run(batch) and Excel.run(options, batch); implan's ExcelRun passes (batch, options).
    run: async <T>(a: FakeRunOptions | Batch<T>, b?: Batch<T> | FakeRunOptions): Promise<T> => {
      const batch = (typeof a === 'function' ? a : b) as Batch<T>;
      const options = (typeof a === 'function' ? (b ?? {}) : a) as FakeRunOptions;
      fake.runs.push(options);
      if (fake.editing && options.delayForCellEdit) await edited;
      try {
        return await batch(context() as unknown as Excel.RequestContext);
      } finally {
        // What a run queued and never synced dies with its context.
        ops = [];
        requestCost = 0;
      }
    },
    sheets: [],
    tables: [],
    names: new Map(),
    structureProtected: false,
    nameComments: new Map(),
    syncCount: 0,
    requestBytes: [],
    responseBytes: [],
    calls: [],
    payloadLimit: FIVE_MB,
    responseLimit: FIVE_MB,
    selection: null,
    undoClearedBy: [],
    runs: [],
    fillsCalculatedColumns: true,
    cellEditCode: 'InvalidOperationInCellEditMode',
    get editing() {
      return editing;
    },
    set editing(v: boolean) {
      editing = v;
      if (v) edited = new Promise((resolve) => (endEdit = resolve));
      else endEdit();
    },
    endEdit() {
      fake.editing = false;
    },
    interrupt(after, code = 'GeneralException') {
      interruption = { at: fake.syncCount + after + 1, code };
    },
    sheet(name) {
      const s = findSheet(name);
      if (!s) throw new Error(`No sheet ${name}`);
      return s;
    },
    name(name) {
      for (const [n, f] of fake.names) if (same(n, name)) return f;
      return undefined;
    },
  };
  let editing = false;
  let interruption: { at: number; code: string } | null = null;
  const findSheet = (name: string) => fake.sheets.find((s) => same(s.name, name)) ?? null;
  const findTable = (name: string) => fake.tables.find((t) => same(t.name, name)) ?? null;
  const nameKey = (name: string) => [...fake.names.keys()].find((n) => same(n, name));

  /**
   * Excel refuses a change to a protected sheet, or to the sheets of a workbook whose structure
   * is protected. The error-handling reference (application-specific-api-error-handling.md)
   * names no code of its own for it; AccessDenied ("You cannot perform the requested
   * operation") is the one OfficeDev/office-js#6784 shows protection answering with. The fake
   * refuses with it and applies nothing of the operation: the safe reading.
   */
  function guard(sheet: FakeSheet | null | undefined): void {
    if (sheet?.protected)
      throw new HostError('AccessDenied', `The sheet ${sheet.name} is protected`);
  }
  function guardStructure(): void {
    if (fake.structureProtected)
      throw new HostError('AccessDenied', "The workbook's structure is protected");
  }

  /** The request being built by the current context: its operations and their cost. */
  // Writes and loads in the order they were queued: a load after a write reads what it wrote.
  // Each returns the bytes it adds to the response.
  // An object's own resolution (its getItem, whether it is null) is `sticky`: when the request
  // carrying it fails, the object still exists on the add-in's side, and the next request that
  // uses it resolves it again.
  interface Op {
    readonly run: () => number;
    readonly sticky: boolean;
  }
  let ops: Op[] = [];
  let delivered: (() => void)[] = [];
  let requestCost = 0;

  /** Queues an operation for the next sync: a call of the documented payload. */
  function queue(apply: () => void, value?: unknown, sticky = false): void {
    requestCost += PAYLOAD_COST.perCall + (value === undefined ? 0 : utf8(value));
    ops.push({
      run: () => {
        apply();
        return 0;
      },
      sticky,
    });
  }

  /** Wraps an object so unknown members throw, like a typo against the real API would. */
  function strict<T extends object>(kind: string, target: T, counted = true): T {
    if (counted) requestCost += PAYLOAD_COST.perObject;
    return new Proxy(target, {
      get(t, prop, receiver) {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        if (!(prop in t)) throw new Error(`Fake Excel: ${kind}.${prop} is not supported`);
        return Reflect.get(t, prop, receiver) as unknown;
      },
      set(t, prop, value) {
        if (typeof prop === 'symbol' || !(prop in t))
          throw new Error(`Fake Excel: cannot set ${kind}.${String(prop)}`);
        fake.calls.push(`${kind}.${prop}`);
        queue(() => Reflect.set(t, prop, value), value);
        return true;
      },
    });
  }

  /** A property readable only after load() and a sync: PropertyNotLoaded before. */
  function loadable<T>(what: string, read: () => T, charged = true, sticky = false) {
    let state: 'none' | 'queued' | 'ready' = 'none';
    let snapshot: T;
    return {
      load() {
        if (state === 'ready') return;
        state = 'queued';
        if (charged) requestCost += PAYLOAD_COST.perCall;
        ops.push({
          run: () => {
            const taken = read();
            // Delivered only with a response Excel sends: not when it refuses it as too large.
            delivered.push(() => {
              snapshot = taken;
              state = 'ready';
            });
            return utf8(taken);
          },
          sticky,
        });
      },
      get(): T {
        if (state !== 'ready')
          throw new HostError(
            'PropertyNotLoaded',
            `The property '${what}' is not available. Call load() and sync() before reading it.`,
          );
        return snapshot;
      },
    };
  }

  /** Whether an object resolved to nothing: known only once a sync has run. */
  function nullness(resolve: () => boolean) {
    // Part of the object's own answer, not a call of its own.
    const state = loadable('isNullObject', resolve, false, true);
    state.load();
    return state;
  }

  function checkFormula(formula: string, where: string, allowStructured = true): void {
    for (const ref of referencesOf(formula)) {
      const fail = (why: string) => {
        throw new HostError('InvalidArgument', `${where}: ${why} in =${formula.replace(/^=/, '')}`);
      };
      if (ref.kind === 'sheet' && !findSheet(ref.name)) fail(`no sheet ${ref.name}`);
      if (ref.kind === 'table') {
        // Excel refuses structured references in conditional formats and validation rules.
        if (!allowStructured) fail(`a structured reference (${ref.name}[...])`);
        const t = findTable(ref.name);
        if (!t) fail(`no table ${ref.name}`);
        const header = headerOf(t!);
        for (const c of ref.columns ?? [])
          if (!header.some((h) => same(h, c))) fail(`no column ${c} in ${ref.name}`);
      }
      if (ref.kind === 'name' && nameKey(ref.name) === undefined && !findTable(ref.name))
        fail(`no name ${ref.name}`);
    }
  }

  const headerOf = (t: FakeTable): string[] => {
    const out: string[] = [];
    for (let c = t.ref.from.col; c <= t.ref.to.col; c++)
      out.push(String(t.sheet.cells.get(a1(t.ref.from.row, c))?.value ?? ''));
    return out;
  };

  /** Applies a rewrite to every formula of the workbook: names and cells. */
  function rewriteFormulas(change: (formula: string) => string): void {
    for (const [n, f] of fake.names) fake.names.set(n, `=${change(f.replace(/^=/, ''))}`);
    for (const s of fake.sheets)
      for (const c of s.cells.values()) if (c.formula !== undefined) c.formula = change(c.formula);
  }

  const cellOf = (sheet: FakeSheet, ref: string) => {
    let c = sheet.cells.get(ref);
    if (!c) sheet.cells.set(ref, (c = {}));
    return c;
  };

  type Bounds = () => { sheet: FakeSheet | null; ref: RangeAddress };
  const inside = (ref: RangeAddress, cell: string) => {
    const { row, col } = parseCell(cell);
    return row >= ref.from.row && row <= ref.to.row && col >= ref.from.col && col <= ref.to.col;
  };
  const overlaps = (ref: RangeAddress, address: string) => {
    const o = parseRange(address);
    return !(
      o.to.row < ref.from.row ||
      o.from.row > ref.to.row ||
      o.to.col < ref.from.col ||
      o.from.col > ref.to.col
    );
  };
  /**
   * Rectangles covering `cells` exactly: each row's runs of adjacent columns, a run stacked on
   * the one above when it spans the same columns. How Excel splits a RangeAreas into areas is
   * not documented; a different split changes only how many areas there are, not their cells.
   */
  function areasOf(cells: readonly { row: number; col: number }[]): RangeAddress[] {
    const sorted = [...cells].sort((x, y) => x.row - y.row || x.col - y.col);
    const areas: { top: number; left: number; bottom: number; right: number }[] = [];
    let above = new Map<string, (typeof areas)[number]>();
    let here = new Map<string, (typeof areas)[number]>();
    let row = Number.NaN;
    for (let i = 0; i < sorted.length;) {
      const first = sorted[i]!;
      let j = i;
      while (sorted[j + 1]?.row === first.row && sorted[j + 1]!.col === sorted[j]!.col + 1) j++;
      if (first.row !== row) {
        above = first.row === row + 1 ? here : new Map();
        here = new Map();
        row = first.row;
      }
      const key = `${first.col}:${sorted[j]!.col}`;
      const area = above.get(key) ?? {
        top: row,
        left: first.col,
        bottom: row,
        right: sorted[j]!.col,
      };
      if (area.top === row) areas.push(area);
      area.bottom = row;
      here.set(key, area);
      i = j + 1;
    }
    return areas.map((a) => ({
      from: { row: a.top, col: a.left },
      to: { row: a.bottom, col: a.right },
    }));
  }

  /** A RangeAreas of the cells in `bounds` that hold formulas, or constants (not ""). */
  function specialCells(bounds: Bounds, cellType: 'Formulas' | 'Constants') {
    const found = () => {
      if (fake.specialCellsRefusal)
        throw new HostError(fake.specialCellsRefusal, 'The special cells could not be listed.');
      const { sheet, ref } = bounds();
      if (!sheet) return { sheet, areas: [] };
      const cells: { row: number; col: number }[] = [];
      for (const [key, c] of sheet.cells) {
        const wanted =
          cellType === 'Formulas'
            ? c.formula !== undefined
            : c.formula === undefined && c.value !== undefined && c.value !== '';
        if (wanted && inside(ref, key)) cells.push(parseCell(key));
      }
      return { sheet, areas: areasOf(cells) };
    };
    const isNull = nullness(() => found().areas.length === 0);
    let withValues = false;
    const items = loadable('areas/items', () => {
      const { sheet, areas } = found();
      return areas.map((area) => {
        const address = `${quoted(sheet?.name ?? '')}!${rangeA1(area.from, area.to)}`;
        if (!withValues) return { address };
        const values: Scalar[][] = [];
        for (let r = area.from.row; r <= area.to.row; r++) {
          const line: Scalar[] = [];
          for (let c = area.from.col; c <= area.to.col; c++)
            line.push(sheet?.cells.get(a1(r, c))?.value ?? '');
          values.push(line);
        }
        return { address, values };
      });
    });
    const areas = strict('RangeCollection', {
      load(props: string) {
        const list = props.split(',');
        if (list.some((p) => p !== 'items/address' && p !== 'items/values'))
          throw new Error(`Fake Excel: RangeCollection.load(${props})`);
        withValues ||= list.includes('items/values');
        items.load();
        return areas;
      },
      get items() {
        return items.get();
      },
    });
    return strict('RangeAreas', {
      get isNullObject() {
        return isNull.get();
      },
      areas,
    });
  }

  /** Where each range object points, for the API members that take a Range. */
  const boundsOf = new WeakMap<object, Bounds>();

  function range(bounds: Bounds): Excel.Range {
    const each = (f: (c: FakeCell, r: number, k: number) => void) => {
      const { sheet, ref } = bounds();
      if (!sheet) return;
      guard(sheet);
      for (const { row, col } of cellsOf(rangeA1(ref.from, ref.to)))
        f(cellOf(sheet, a1(row, col)), row - ref.from.row, col - ref.from.col);
    };
    const addressOf = () => {
      const { ref } = bounds();
      return rangeA1(ref.from, ref.to);
    };
    const grid = (v: unknown, r: number, k: number): unknown =>
      Array.isArray(v) ? (v[r] as unknown[] | undefined)?.[k] : v;
    const checkShape = (v: unknown) => {
      if (!Array.isArray(v)) return;
      const { ref } = bounds();
      const rows = ref.to.row - ref.from.row + 1;
      const cols = ref.to.col - ref.from.col + 1;
      if (v.length !== rows || (v as unknown[][]).some((r) => r.length !== cols))
        throw new HostError(
          'InvalidArgument',
          `Fake Excel: ${v.length}-row array written to ${addressOf()}`,
        );
    };
    const grid2d = (pick: (c: FakeCell | undefined) => Scalar) => () => {
      const { sheet, ref } = bounds();
      const count = (ref.to.row - ref.from.row + 1) * (ref.to.col - ref.from.col + 1);
      // "A range is limited to five million cells for get operations" (performance.md).
      if (count > READ_CELL_LIMIT)
        throw new HostError('InvalidOperation', `A read of ${count} cells passes the limit`);
      const out: Scalar[][] = [];
      for (let r = ref.from.row; r <= ref.to.row; r++) {
        const row: Scalar[] = [];
        for (let c = ref.from.col; c <= ref.to.col; c++) row.push(pick(sheet?.cells.get(a1(r, c))));
        out.push(row);
      }
      return out;
    };
    const values = loadable(
      'values',
      grid2d((c) => c?.value ?? ''),
    );
    const formulas = loadable(
      'formulas',
      grid2d((c) => (c?.formula !== undefined ? `=${c.formula}` : (c?.value ?? ''))),
    );
    const address = loadable(
      'address',
      () => `${quoted(bounds().sheet?.name ?? '')}!${addressOf()}`,
    );
    const isNull = nullness(() => bounds().sheet === null);
    const write = (v: unknown) => {
      checkShape(v);
      const where = `${bounds().sheet?.name ?? ''}!${addressOf()}`;
      each((c, r, k) => {
        const next = typed(grid(v, r, k));
        if (next.formula !== undefined) checkFormula(next.formula, where);
        delete c.value;
        delete c.formula;
        Object.assign(c, next);
      });
    };
    // Sub-objects exist once the code touches them, as the proxies Office.js hands out do.
    const font = lazy(() =>
      strict('RangeFont', {
        set bold(v: boolean) {
          each((c) => (c.bold = v));
        },
        set italic(v: boolean) {
          each((c) => (c.italic = v));
        },
        set size(v: number) {
          each((c) => (c.fontSize = v));
        },
        set color(v: string) {
          each((c) => (c.fontColor = v));
        },
      }),
    );
    const fill = lazy(() =>
      strict('RangeFill', {
        set color(v: string) {
          each((c) => (c.fill = v));
        },
      }),
    );
    const borders = lazy(() =>
      strict('RangeBorderCollection', {
        getItem(index: string) {
          if (index !== 'EdgeBottom') throw new Error(`Fake Excel: border ${index}`);
          return strict('RangeBorder', {
            set style(_v: string) {},
            set color(v: string) {
              each((c) => (c.bottomBorder = v));
            },
          });
        },
      }),
    );
    const format = lazy(() =>
      strict('RangeFormat', {
        get font() {
          return font();
        },
        get fill() {
          return fill();
        },
        get borders() {
          return borders();
        },
        set horizontalAlignment(v: string) {
          each((c) => (c.hAlign = v));
        },
        set verticalAlignment(v: string) {
          each((c) => (c.vAlign = v));
        },
        set wrapText(v: boolean) {
          each((c) => (c.wrap = v));
        },
        set useStandardWidth(v: boolean) {
          const { sheet, ref } = bounds();
          if (v && sheet)
            for (const col of [...sheet.columnWidths.keys()])
              if (col >= ref.from.col && col <= ref.to.col) sheet.columnWidths.delete(col);
        },
        set columnWidth(v: number) {
          const { sheet, ref } = bounds();
          for (let col = ref.from.col; col <= ref.to.col; col++) sheet?.columnWidths.set(col, v);
        },
      }),
    );
    const validation = {
      range: '',
      rule: undefined as unknown,
      prompt: undefined as unknown,
      errorAlert: undefined as unknown,
      ignoreBlanks: undefined as boolean | undefined,
    };
    const dataValidation = lazy(() =>
      strict('DataValidation', {
        set rule(v: unknown) {
          const { sheet } = bounds();
          validation.range = addressOf();
          const rule = v as Record<string, { formula?: unknown; source?: unknown }>;
          const formula = rule.custom?.formula ?? rule.list?.source;
          if (typeof formula === 'string' && formula.startsWith('='))
            checkFormula(formula, `validation of ${validation.range}`, false);
          validation.rule = v;
          if (sheet && !sheet.validations.includes(validation)) sheet.validations.push(validation);
        },
        set prompt(v: unknown) {
          validation.prompt = v;
        },
        set errorAlert(v: unknown) {
          validation.errorAlert = v;
        },
        set ignoreBlanks(v: boolean) {
          validation.ignoreBlanks = v;
        },
        clear() {
          queue(() => {
            const { sheet, ref } = bounds();
            if (sheet) sheet.validations = sheet.validations.filter((x) => !overlaps(ref, x.range));
          });
        },
      }),
    );
    const conditionalFormats = lazy(() =>
      strict('ConditionalFormatCollection', {
        clearAll() {
          queue(() => {
            const { sheet, ref } = bounds();
            if (sheet)
              sheet.conditionalFormats = sheet.conditionalFormats.filter(
                (c) => !overlaps(ref, c.range),
              );
          });
        },
        add(type: string) {
          if (type !== 'Custom') throw new Error(`Fake Excel: conditional format ${type}`);
          const cf: FakeSheet['conditionalFormats'][number] = { range: '', formula: '' };
          // "Adds a new conditional format to the collection at the first/top priority."
          // (ConditionalFormatCollection.add, ExcelApi 1.6); priorities are kept per worksheet.
          queue(() => {
            cf.range = addressOf();
            bounds().sheet?.conditionalFormats.unshift(cf);
          });
          return strict('ConditionalFormat', {
            set stopIfTrue(v: boolean) {
              cf.stopIfTrue = v;
            },
            custom: strict('CustomConditionalFormat', {
              rule: strict('ConditionalFormatRule', {
                set formula(v: string) {
                  checkFormula(v, `conditional format on ${cf.range}`, false);
                  cf.formula = v;
                },
              }),
              format: strict('ConditionalRangeFormat', {
                fill: strict('ConditionalRangeFill', {
                  set color(v: string) {
                    cf.fill = v;
                  },
                }),
                font: strict('ConditionalRangeFont', {
                  set color(v: string) {
                    cf.fontColor = v;
                  },
                  set bold(v: boolean) {
                    cf.bold = v;
                  },
                }),
              }),
            }),
          });
        },
      }),
    );
    const resized = (f: (ref: RangeAddress) => RangeAddress): Excel.Range =>
      range(() => {
        const b = bounds();
        return { sheet: b.sheet, ref: f(b.ref) };
      });
    const self: Excel.Range = strict('Range', {
      get isNullObject() {
        return isNull.get();
      },
      get address() {
        return address.get();
      },
      select() {
        queue(() => {
          fake.selection = `${bounds().sheet?.name ?? ''}!${addressOf()}`;
        });
      },
      set formulas(v: unknown) {
        write(v);
      },
      set values(v: unknown) {
        write(v);
      },
      get values() {
        return values.get();
      },
      get formulas() {
        return formulas.get();
      },
      set numberFormat(v: unknown) {
        checkShape(v);
        each((c, r, k) => (c.numberFormat = String(grid(v, r, k))));
      },
      get format() {
        return format();
      },
      // Range.columnHidden (ExcelApi 1.2, learn.microsoft.com/javascript/api/excel/excel.range
      // #excel-excel-range-columnhidden-member: "Represents if all columns in the current range
      // are hidden"): setting it hides, or shows, every column the range spans.
      set columnHidden(v: boolean) {
        const { sheet, ref } = bounds();
        for (let col = ref.from.col; col <= ref.to.col; col++)
          if (v) sheet?.hiddenColumns.add(col);
          else sheet?.hiddenColumns.delete(col);
      },
      get dataValidation() {
        return dataValidation();
      },
      get conditionalFormats() {
        return conditionalFormats();
      },
      load(props: string | string[]) {
        const list = Array.isArray(props) ? props : [props];
        if (list.some((p) => p !== 'values' && p !== 'address' && p !== 'formulas'))
          throw new Error(`Fake Excel: Range.load(${list.join()})`);
        if (list.includes('values')) values.load();
        if (list.includes('formulas')) formulas.load();
        if (list.includes('address')) address.load();
        return self;
      },
      merge(across: boolean) {
        if (across) throw new Error('Fake Excel: merge across');
        queue(() => {
          guard(bounds().sheet);
          bounds().sheet?.merges.push(addressOf());
        });
      },
      // Range.clear() with no argument clears "everything" of the cells: contents and formats
      // (ClearApplyTo.all). Conditional formats and validations have their own clear members,
      // which implan calls; the fake leaves them to those.
      clear() {
        queue(() => {
          const { sheet, ref } = bounds();
          if (!sheet) return;
          guard(sheet);
          for (const key of [...sheet.cells.keys()]) if (inside(ref, key)) sheet.cells.delete(key);
        });
      },
      unmerge() {
        queue(() => {
          const { sheet, ref } = bounds();
          guard(sheet);
          if (sheet) sheet.merges = sheet.merges.filter((m) => !overlaps(ref, m));
        });
      },
      getResizedRange(rows: number, cols: number) {
        return resized((ref) => ({
          from: ref.from,
          to: { row: ref.to.row + rows, col: ref.to.col + cols },
        }));
      },
      getCell(r: number, c: number) {
        return resized((ref) => {
          const at = { row: ref.from.row + r, col: ref.from.col + c };
          return { from: at, to: at };
        });
      },
      getOffsetRange(r: number, c: number) {
        const move = (x: { row: number; col: number }) => ({ row: x.row + r, col: x.col + c });
        return resized((ref) => ({ from: move(ref.from), to: move(ref.to) }));
      },
      getRow(i: number) {
        return resized((ref) => ({
          from: { row: ref.from.row + i, col: ref.from.col },
          to: { row: ref.from.row + i, col: ref.to.col },
        }));
      },
      getLastRow() {
        return resized((ref) => ({ from: { row: ref.to.row, col: ref.from.col }, to: ref.to }));
      },
      // Range.getLastColumn (ExcelApi 1.1, "Excel.Range" reference): the range's last column.
      getLastColumn() {
        return resized((ref) => ({ from: { row: ref.from.row, col: ref.to.col }, to: ref.to }));
      },
      // Range.getSpecialCellsOrNullObject (ExcelApi 1.9; learn.microsoft.com/javascript/api/
      // excel/excel.range#excel-excel-range-getspecialcellsornullobject-member: "Gets the
      // RangeAreas object, comprising one or more ranges, that represents all the cells that
      // match the specified type and value. If no special cells are found, then this method will
      // return an object with its isNullObject property set to true"). Formulas and Constants
      // only, as implan asks; what the areas hold is found when the request runs.
      getSpecialCellsOrNullObject(cellType: string) {
        if (cellType !== 'Formulas' && cellType !== 'Constants')
          throw new Error(`Fake Excel: special cells ${cellType}`);
        return specialCells(bounds, cellType);
      },
      // Range.find (ExcelApi 1.9) looks when the request runs: ItemNotFound when nothing matches.
      find(text: string, criteria: { completeMatch?: boolean; matchCase?: boolean } = {}) {
        return range(() => {
          const { sheet, ref } = bounds();
          const norm = (v: string) => (criteria.matchCase ? v : v.toLowerCase());
          for (let r = ref.from.row; r <= ref.to.row; r++)
            for (let c = ref.from.col; c <= ref.to.col; c++) {
              const v = norm(String(sheet?.cells.get(a1(r, c))?.value ?? ''));
              if (criteria.completeMatch ? v === norm(text) : v.includes(norm(text)))
                return { sheet, ref: { from: { row: r, col: c }, to: { row: r, col: c } } };
            }
          throw new HostError('ItemNotFound', `${text} was not found`);
        });
      },
      getEntireRow() {
        return resized((ref) => ({
          from: { row: ref.from.row, col: 0 },
          to: { row: ref.to.row, col: 16_383 },
        }));
      },
      getIntersection(other: Excel.Range) {
        return resized((ref) => {
          const o = boundsOf.get(other)!().ref;
          const from = {
            row: Math.max(ref.from.row, o.from.row),
            col: Math.max(ref.from.col, o.from.col),
          };
          const to = { row: Math.min(ref.to.row, o.to.row), col: Math.min(ref.to.col, o.to.col) };
          if (from.row > to.row || from.col > to.col)
            throw new HostError('InvalidArgument', 'The ranges do not intersect');
          return { from, to };
        });
      },
      // Deleting a whole body row of a table, shifting up, removes that table row; the fake
      // knows no other deletion.
      delete(shift: string) {
        queue(() => {
          const { sheet, ref } = bounds();
          const t = fake.tables.find(
            (x) =>
              x.sheet === sheet &&
              x.ref.from.col === ref.from.col &&
              x.ref.to.col === ref.to.col &&
              ref.from.row === ref.to.row &&
              ref.from.row > x.ref.from.row &&
              ref.from.row <= x.ref.to.row,
          );
          if (shift !== 'Up' || !t) throw new Error('Fake Excel: Range.delete outside a table row');
          deleteTableRow(t, ref.from.row - t.ref.from.row - 1);
        });
      },
      // Range.getMergedAreasOrNullObject (ExcelApi 1.13): the merged areas within the range,
      // a null object when there are none; its address names the sheet of each area
      // ("Sheet1!A1:B4, Sheet1!D1:D4", RangeAreas.address).
      getMergedAreasOrNullObject() {
        const found = () => {
          const { sheet, ref } = bounds();
          return sheet ? sheet.merges.filter((m) => overlaps(ref, m)) : [];
        };
        const isNullAreas = nullness(() => found().length === 0);
        const areasAddress = loadable('address', () =>
          found()
            .map((m) => `${quoted(bounds().sheet?.name ?? '')}!${m}`)
            .join(', '),
        );
        const areas = strict('RangeAreas', {
          get isNullObject() {
            return isNullAreas.get();
          },
          get address() {
            return areasAddress.get();
          },
          load(props: string) {
            if (props !== 'address') throw new Error(`Fake Excel: RangeAreas.load(${props})`);
            areasAddress.load();
            return areas;
          },
        });
        return areas;
      },
      getRowsBelow(n = 1) {
        return resized((ref) => ({
          from: { row: ref.to.row + 1, col: ref.from.col },
          to: { row: ref.to.row + n, col: ref.to.col },
        }));
      },
    }) as unknown as Excel.Range;
    boundsOf.set(self, bounds);
    return self;
  }

  const quoted = (name: string) =>
    /^[A-Za-z_]\w*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
  const nowhere = () => ({ sheet: null, ref: parseRange('A1') });

  /** A table's body row removed: the cells of its columns below move up one; it shrinks. */
  function deleteTableRow(t: FakeTable, index: number): void {
    const first = t.ref.from.row + 1 + index;
    if (first > t.ref.to.row) throw new HostError('InvalidArgument', 'No such row');
    for (let r = first; r <= t.ref.to.row; r++)
      for (let c = t.ref.from.col; c <= t.ref.to.col; c++) {
        const below = t.sheet.cells.get(a1(r + 1, c));
        if (r < t.ref.to.row && below) t.sheet.cells.set(a1(r, c), { ...below });
        else t.sheet.cells.delete(a1(r, c));
      }
    t.ref = { from: t.ref.from, to: { row: t.ref.to.row - 1, col: t.ref.to.col } };
  }

  /**
   * A table grown by `rows` rows at the bottom: the new rows take the formats of the last row
   * and, when the user's AutoCorrect option "Fill formulas in tables to create calculated
   * columns" is on (the default), every calculated column's formula (a column whose body holds
   * one formula everywhere). With the option off Excel fills nothing: OfficeDev/office-js#2093
   * ("by design") and #5909 show the API's result depends on that option.
   */
  function growTable(t: FakeTable, rows: number): void {
    const last = t.ref.to.row;
    guard(t.sheet);
    // "MergedRangeConflict: ... A table can't overlap with ... merged cells" (error reference).
    const below = {
      from: { row: last + 1, col: t.ref.from.col },
      to: { row: last + rows, col: t.ref.to.col },
    };
    if (t.sheet.merges.some((m) => overlaps(below, m)))
      throw new HostError('MergedRangeConflict', "A table can't overlap with merged cells");
    for (let c = t.ref.from.col; c <= t.ref.to.col; c++) {
      const formulas = new Set<string | undefined>();
      for (let r = t.ref.from.row + 1; r <= last; r++)
        formulas.add(t.sheet.cells.get(a1(r, c))?.formula);
      const [only] = [...formulas];
      const calculated =
        fake.fillsCalculatedColumns && formulas.size === 1 && only !== undefined ? only : undefined;
      const { value: _v, formula: _f, ...look } = t.sheet.cells.get(a1(last, c)) ?? {};
      for (let r = last + 1; r <= last + rows; r++)
        Object.assign(cellOf(t.sheet, a1(r, c)), look, calculated ? { formula: calculated } : {});
    }
    t.ref = { from: t.ref.from, to: { row: last + rows, col: t.ref.to.col } };
  }

  /**
   * An object found by name is looked up where its getItem call stands in the batch, and from
   * then on is that object whatever it is renamed to: the request refers to it by identity.
   */
  function lookup<T>(
    find: () => T | null,
    missing: 'throw' | 'null',
    what: string,
  ): () => T | null {
    let found: { item: T | null } | undefined;
    queue(
      () => {
        if (found) return;
        const item = find();
        if (item === null && missing === 'throw') throw new HostError('ItemNotFound', `No ${what}`);
        found = { item };
      },
      undefined,
      true,
    );
    return () => {
      if (!found) throw new Error(`Fake Excel: ${what} used before its lookup ran`);
      return found.item;
    };
  }

  function tableObject(
    find: () => FakeTable | null,
    missing: 'throw' | 'null' = 'throw',
  ): Excel.Table {
    const resolve = lookup(find, missing, 'such table');
    const name = loadable('name', () => resolve()?.name ?? '');
    const isNull = nullness(() => resolve() === null);
    const bounds = (f: (t: FakeTable) => RangeAddress) => () => {
      const t = resolve();
      return t ? { sheet: t.sheet, ref: f(t) } : nowhere();
    };
    return strict('Table', {
      get isNullObject() {
        return isNull.get();
      },
      get name() {
        return name.get();
      },
      set name(v: string) {
        const t = resolve();
        if (!t) return;
        if (fake.tables.some((x) => x !== t && same(x.name, v)) || nameKey(v) !== undefined)
          throw new HostError('ItemAlreadyExists', `A table or name ${v} exists`);
        t.name = v;
      },
      set style(v: string) {
        const t = resolve();
        if (t) t.style = v;
      },
      load(props: string) {
        if (props !== 'name') throw new Error(`Fake Excel: Table.load(${props})`);
        name.load();
      },
      getRange() {
        return range(bounds((t) => t.ref));
      },
      getDataBodyRange() {
        return range(
          bounds((t) => ({ from: { row: t.ref.from.row + 1, col: t.ref.from.col }, to: t.ref.to })),
        );
      },
      getHeaderRowRange() {
        return range(
          bounds((t) => ({ from: t.ref.from, to: { row: t.ref.from.row, col: t.ref.to.col } })),
        );
      },
      resize(target: string | Excel.Range) {
        queue(() => {
          const t = resolve();
          if (!t) throw new HostError('ItemNotFound', 'No such table');
          const next =
            typeof target === 'string'
              ? parseRange(target.split('!').pop() ?? target)
              : boundsOf.get(target)!().ref;
          if (next.from.row !== t.ref.from.row || next.from.col !== t.ref.from.col)
            throw new HostError('InvalidArgument', 'A table keeps its header row where it is');
          if (next.to.row > t.ref.to.row) growTable(t, next.to.row - t.ref.to.row);
          t.ref = next;
        });
      },
      columns: strict('TableColumnCollection', {
        /**
         * TableColumnCollection.add(index, values, name): an undefined or null index appends
         * the column at the table's end and `name` names it (ExcelApi 1.4, "Excel.
         * TableColumnCollection" reference; excel-add-ins-tables.md "Add a column"). The
         * docs do not say what happens to cells already right of the table, so the fake
         * refuses when they hold anything (implan checks they are empty first), and gives
         * the new cells no format (the plan sets the column's look itself).
         */
        add(index: number | null | undefined, values?: unknown[][], name?: string) {
          fake.calls.push('TableColumnCollection.add');
          if (index !== undefined && index !== null)
            throw new Error('Fake Excel: columns.add at an index');
          if (values !== undefined) throw new Error('Fake Excel: columns.add with values');
          queue(() => {
            const t = resolve();
            if (!t) throw new HostError('ItemNotFound', 'No such table');
            guard(t.sheet);
            const col = t.ref.to.col + 1;
            const right = { from: { row: t.ref.from.row, col }, to: { row: t.ref.to.row, col } };
            const refOf = (x: FakeTable) =>
              `${a1(x.ref.from.row, x.ref.from.col)}:${a1(x.ref.to.row, x.ref.to.col)}`;
            // Tables never overlap (docs silent on this call's error code: a plain refusal).
            if (
              fake.tables.some((x) => x !== t && x.sheet === t.sheet && overlaps(right, refOf(x)))
            )
              throw new HostError('InvalidOperation', 'A table cannot overlap another table');
            for (let r = t.ref.from.row; r <= t.ref.to.row; r++) {
              const c = t.sheet.cells.get(a1(r, col));
              if (c?.value !== undefined || c?.formula !== undefined)
                throw new Error(`Fake Excel: columns.add over ${a1(r, col)}, which is not empty`);
            }
            const header = name ?? `Column${t.ref.to.col - t.ref.from.col + 2}`;
            Object.assign(cellOf(t.sheet, a1(t.ref.from.row, col)), { value: header });
            t.ref = { from: t.ref.from, to: { row: t.ref.to.row, col } };
          }, [name]);
        },
        getItem(column: string) {
          const at = (t: FakeTable) => {
            const k = headerOf(t).findIndex((h) => same(h, column));
            if (k < 0) throw new HostError('ItemNotFound', `No column ${column}`);
            return t.ref.from.col + k;
          };
          return strict('TableColumn', {
            getDataBodyRange: () =>
              range(
                bounds((t) => ({
                  from: { row: t.ref.from.row + 1, col: at(t) },
                  to: { row: t.ref.to.row, col: at(t) },
                })),
              ),
          });
        },
      }),
      rows: strict('TableRowCollection', {
        // Still part of the API, but Microsoft's co-authoring guidance says it causes merge
        // conflicts (co-authoring-in-excel-add-ins.md): recorded so tests can say it is unused.
        add(index: number | undefined, rows: unknown[][]) {
          fake.calls.push('TableRowCollection.add');
          if (index !== undefined) throw new Error('Fake Excel: rows.add at an index');
          queue(() => {
            const t = resolve();
            if (!t) throw new HostError('ItemNotFound', 'No such table');
            growTable(t, rows.length);
            rows.forEach((row, r) =>
              row.forEach((v, k) => {
                const ref = a1(t.ref.to.row - rows.length + 1 + r, t.ref.from.col + k);
                const next = typed(v);
                if (next.formula !== undefined) checkFormula(next.formula, `${t.name} row`);
                const c = cellOf(t.sheet, ref);
                delete c.value;
                delete c.formula;
                Object.assign(c, next);
              }),
            );
          }, rows);
        },
        getItemAt(index: number) {
          return strict('TableRow', {
            delete() {
              queue(() => {
                const t = resolve();
                if (!t) throw new HostError('ItemNotFound', 'No such table');
                deleteTableRow(t, index);
              });
            },
          });
        },
      }),
    }) as unknown as Excel.Table;
  }

  function sheetObject(find: () => FakeSheet | null, missing: 'throw' | 'null'): Excel.Worksheet {
    const get = lookup(find, missing, 'such sheet');
    const resolve = get;
    const position = loadable('position', () => {
      const s = get();
      return s ? fake.sheets.indexOf(s) : -1;
    });
    const name = loadable('name', () => get()?.name ?? '');
    const guarded = loadable('protection', () => get()?.protected ?? false);
    const isNull = nullness(() => resolve() === null);
    const whole = (f: (s: FakeSheet) => RangeAddress) => () => {
      const s = get();
      return s ? { sheet: s, ref: f(s) } : nowhere();
    };
    return strict('Worksheet', {
      get isNullObject() {
        return isNull.get();
      },
      get name() {
        return name.get();
      },
      set name(v: string) {
        const s = get();
        if (!s) return;
        guardStructure();
        if (fake.sheets.some((x) => x !== s && same(x.name, v)))
          throw new HostError('ItemAlreadyExists', `A sheet named ${v} exists`);
        const old = s.name;
        s.name = v;
        rewriteFormulas((f) => renameSheetIn(f, old, v));
      },
      get position() {
        return position.get();
      },
      set position(v: number) {
        const s = get();
        if (!s) return;
        fake.sheets.splice(fake.sheets.indexOf(s), 1);
        fake.sheets.splice(v, 0, s);
      },
      load(props: string | string[]) {
        const list = Array.isArray(props) ? props : [props];
        const known = ['position', 'name', 'isNullObject', 'protection/protected'];
        if (list.some((p) => !known.includes(p)))
          throw new Error(`Fake Excel: Worksheet.load(${list.join()})`);
        if (list.includes('position')) position.load();
        if (list.includes('name')) name.load();
        if (list.includes('protection/protected')) guarded.load();
      },
      get protection() {
        return strict('WorksheetProtection', { protected: guarded.get() }, false);
      },
      delete() {
        queue(() => {
          const s = get();
          if (!s) return;
          guardStructure();
          fake.undoClearedBy.push('Worksheet.delete');
          fake.sheets.splice(fake.sheets.indexOf(s), 1);
          const gone = fake.tables.filter((t) => t.sheet === s);
          fake.tables = fake.tables.filter((t) => t.sheet !== s);
          rewriteFormulas((f) =>
            gone.reduce((x, t) => deleteTableIn(x, t.name), deleteSheetIn(f, s.name)),
          );
          fake.calls.push(`delete ${s.name}`);
        });
      },
      getUsedRangeOrNullObject() {
        return range(() => {
          const s = resolve();
          const used = [...(s?.cells ?? new Map<string, FakeCell>())]
            .filter(([, c]) => c.value !== undefined || c.formula !== undefined)
            .map(([ref]) => parseCell(ref));
          if (!s || used.length === 0) return nowhere();
          // A fold, not Math.min(...cells): a joint sheet of 200 projects has more cells than
          // a call takes arguments.
          const ref = { from: { ...used[0]! }, to: { ...used[0]! } };
          for (const c of used) {
            ref.from = { row: Math.min(ref.from.row, c.row), col: Math.min(ref.from.col, c.col) };
            ref.to = { row: Math.max(ref.to.row, c.row), col: Math.max(ref.to.col, c.col) };
          }
          return { sheet: s, ref };
        });
      },
      set tabColor(v: string) {
        const s = get();
        if (s) s.tabColor = v;
      },
      getRange(ref?: string) {
        if (ref === undefined) return range(whole(() => parseRange('A1:XFD1048576')));
        if (/^[A-Z]+:[A-Z]+$/.test(ref)) {
          const [l = 'A', r = 'A'] = ref.split(':');
          return range(
            whole(() => ({
              from: { row: 0, col: parseCell(`${l}1`).col },
              to: { row: 1_048_575, col: parseCell(`${r}1`).col },
            })),
          );
        }
        return range(whole(() => parseRange(ref)));
      },
      tables: strict('TableCollection', {
        add(address: Excel.Range | string, hasHeaders: boolean) {
          if (!hasHeaders) throw new Error('Fake Excel: tables.add without headers');
          const box: { table: FakeTable | null } = { table: null };
          queue(() => {
            const s = get()!;
            guard(s);
            const at =
              typeof address === 'string' ? parseRange(address) : boundsOf.get(address)!().ref;
            box.table = { name: `Table${fake.tables.length + 1}`, sheet: s, ref: at };
            fake.tables.push(box.table);
          });
          return tableObject(() => box.table);
        },
      }),
      freezePanes: strict('WorksheetFreezePanes', {
        freezeRows(n: number) {
          queue(() => {
            const s = get();
            if (s) s.freezeRows = n;
          });
        },
        unfreeze() {
          queue(() => {
            const s = get();
            if (s) delete s.freezeRows;
          });
        },
      }),
      pageLayout: strict('PageLayout', {
        set orientation(v: string) {
          const s = get();
          if (s) s.orientation = v;
        },
        set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
          const s = get();
          if (!s) return;
          s.fitToWidth = v.horizontalFitToPages;
          s.fitToHeight = v.verticalFitToPages;
        },
        // PageLayout.setPrintArea (ExcelApi 1.9): a range or its address.
        setPrintArea(area: string) {
          queue(() => {
            const s = get();
            if (s) s.printArea = area;
          });
        },
      }),
      charts: chartCollection(get),
      activate() {
        queue(() => {
          const s = get();
          for (const x of fake.sheets) x.active = x === s;
        });
      },
    }) as unknown as Excel.Worksheet;
  }

  /** "Sheet!A1:B2" for a range object the fake made. */
  function rangeName(r: Excel.Range): string {
    const { sheet, ref } = boundsOf.get(r)!();
    return `${sheet?.name ?? '?'}!${rangeA1(ref.from, ref.to)}`;
  }

  /**
   * A sheet's charts ("Create and customize charts with the Excel JavaScript API",
   * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts; ChartCollection,
   * ChartSeriesCollection and ChartSeries in the API reference, learn.microsoft.com/javascript/api/excel).
   * ChartCollection.add (ExcelApi 1.1) makes a chart from a source range; the documentation does
   * not say how it splits that range into series, names and categories, so the fake takes the
   * strict reading: one series of the source's values, with no name and no categories, which
   * the writer must then set itself. ChartSeriesCollection.add (ExcelApi 1.7) adds a series that
   * "is not visible until values ... are set": the fake records it without values, so a writer
   * that forgets them differs from the file's chart in the contract test. A chart's position
   * counts from the first added (getItemAt); deleting one moves the later ones down.
   */
  function chartCollection(get: () => FakeSheet | null) {
    const chartAt = (find: () => FakeChart | undefined) => {
      const c = () => {
        const chart = find();
        if (!chart) throw new HostError('ItemNotFound', 'No chart at that position');
        return chart;
      };
      const seriesObject = (pick: () => FakeChart['series'][number]) =>
        strict('ChartSeries', {
          set name(v: string) {
            pick().name = v;
          },
          setValues(r: Excel.Range) {
            queue(() => (pick().values = rangeName(r)));
          },
          setXAxisValues(r: Excel.Range) {
            queue(() => (pick().categories = rangeName(r)));
          },
        });
      return strict('Chart', {
        set name(v: string) {
          c().name = v;
        },
        title: strict('ChartTitle', {
          set text(v: string) {
            c().title = v;
          },
        }),
        legend: strict('ChartLegend', {
          set visible(v: boolean) {
            c().legend.visible = v;
          },
          set position(v: string) {
            c().legend.position = v;
          },
        }),
        setPosition(start: string, end: string) {
          queue(() => (c().anchor = `${start}:${end}`));
        },
        series: strict('ChartSeriesCollection', {
          getItemAt(i: number) {
            return seriesObject(() => {
              const found = c().series[i];
              if (!found) throw new HostError('ItemNotFound', `No series ${i}`);
              return found;
            });
          },
          add(name?: string) {
            const made: FakeChart['series'][number] = name === undefined ? {} : { name };
            queue(() => c().series.push(made));
            return seriesObject(() => made);
          },
        }),
        delete() {
          queue(() => {
            const s = get();
            const chart = find();
            if (s && chart) s.charts.splice(s.charts.indexOf(chart), 1);
          });
        },
      }) as unknown as Excel.Chart;
    };
    const items = loadable('items', () =>
      (get()?.charts ?? []).map((ch) => strict('Chart', { name: ch.name ?? '' }, false)),
    );
    return strict('ChartCollection', {
      add(type: string, source: Excel.Range, seriesBy?: string) {
        if (seriesBy !== undefined && !['Auto', 'Columns', 'Rows'].includes(seriesBy))
          throw new Error(`Fake Excel: seriesBy ${seriesBy}`);
        const made: FakeChart = { type, legend: {}, series: [] };
        queue(() => {
          const s = get();
          guard(s);
          made.series.push({ values: rangeName(source) });
          s!.charts.push(made);
        });
        return chartAt(() => made);
      },
      getItemAt(i: number) {
        // Resolved when the operation runs, as Excel resolves a position: after earlier deletes.
        let picked: FakeChart | undefined;
        let resolved = false;
        return chartAt(() => {
          if (!resolved) {
            picked = get()?.charts[i];
            resolved = true;
          }
          return picked;
        });
      },
      load(props: string) {
        if (props !== 'items/name') throw new Error(`Fake Excel: charts.load(${props})`);
        items.load();
      },
      get items() {
        return items.get();
      },
    });
  }

  function context() {
    // A loaded collection's items carry the loaded properties, nothing else.
    const sheetsLoaded = loadable('items', () =>
      fake.sheets.map((s) => strict('Worksheet', { name: s.name }, false)),
    );
    // Worksheet.protection (ExcelApi 1.2) loaded along the collection's items in one request.
    const guardedLoaded = loadable('items', () =>
      fake.sheets.map((s) =>
        strict(
          'Worksheet',
          {
            name: s.name,
            protection: strict('WorksheetProtection', { protected: s.protected ?? false }, false),
          },
          false,
        ),
      ),
    );
    // The same with each sheet's own names through the navigation path
    // items/names/items/... ("Scalar and navigation properties", application-specific-api-model:
    // navigation properties are a path to load scalar properties; Worksheet.names, "Collection of
    // names scoped to the current worksheet", ExcelApi 1.4). One request, as any other load.
    const scopedLoaded = loadable('items', () =>
      fake.sheets.map((s) =>
        strict(
          'Worksheet',
          {
            name: s.name,
            protection: strict('WorksheetProtection', { protected: s.protected ?? false }, false),
            names: strict(
              'NamedItemCollection',
              { items: [...(s.names ?? [])].map(([name, formula]) => ({ name, formula })) },
              false,
            ),
          },
          false,
        ),
      ),
    );
    let sheetItems = sheetsLoaded;
    const tablesLoaded = loadable('items', () =>
      fake.tables.map((t) => strict('Table', { name: t.name }, false)),
    );
    const worksheets = strict('WorksheetCollection', {
      add(name: string) {
        const s: FakeSheet = {
          name,
          cells: new Map(),
          columnWidths: new Map(),
          hiddenColumns: new Set(),
          validations: [],
          conditionalFormats: [],
          merges: [],
          charts: [],
        };
        queue(() => {
          guardStructure();
          if (findSheet(name))
            throw new HostError('ItemAlreadyExists', `A sheet named ${name} exists`);
          fake.sheets.push(s);
        }, name);
        return sheetObject(() => (fake.sheets.includes(s) ? s : null), 'throw');
      },
      // getItem fails at sync when the sheet is missing (ItemNotFound), not when queued.
      getItem: (name: string) => sheetObject(() => findSheet(name), 'throw'),
      getItemOrNullObject: (name: string) => sheetObject(() => findSheet(name), 'null'),
      load(props: string) {
        if (props === 'items/name') sheetItems = sheetsLoaded;
        else if (props === 'items/name,items/protection/protected') sheetItems = guardedLoaded;
        else if (props === SCOPED_SHEET_LOAD) sheetItems = scopedLoaded;
        else throw new Error(`Fake Excel: worksheets.load(${props})`);
        sheetItems.load();
        return worksheets;
      },
      get items() {
        return sheetItems.get();
      },
    });
    const tables = strict('TableCollection', {
      getItem: (name: string) => tableObject(() => findTable(name), 'throw'),
      getItemOrNullObject: (name: string) => tableObject(() => findTable(name), 'null'),
      load(props: string) {
        if (props !== 'items/name') throw new Error(`Fake Excel: tables.load(${props})`);
        tablesLoaded.load();
        return tables;
      },
      get items() {
        return tablesLoaded.get();
      },
    });
    const namesLoaded = loadable('items', () =>
      [...fake.names].map(([name, formula]) => ({ name, formula })),
    );
    const names = strict('NamedItemCollection', {
      add(name: string, reference: string, comment?: string) {
        queue(() => {
          if (nameKey(name) !== undefined || findTable(name))
            throw new HostError('ItemAlreadyExists', `Name ${name} exists`);
          checkFormula(reference, `name ${name}`);
          fake.names.set(name, reference);
          // NamedItemCollection.add: "comment: Optional. The comment associated with the
          // named item." (ExcelApi 1.4, the office-js reference).
          if (comment !== undefined) fake.nameComments.set(name, comment);
        }, [name, reference, comment ?? null]);
      },
      getItem(name: string) {
        return strict('NamedItem', {
          // NamedItem.formula (ExcelApi 1.7) is settable: the name keeps its identity, so
          // formulas that use it never see it missing.
          set formula(v: string) {
            const key = nameKey(name);
            if (key === undefined) throw new HostError('ItemNotFound', `No name ${name}`);
            checkFormula(v, `name ${name}`);
            fake.names.set(key, v);
          },
          // NamedItem.comment: "Specifies the comment associated with this name." (ExcelApi 1.4)
          set comment(v: string) {
            queue(() => {
              const key = nameKey(name);
              if (key === undefined) throw new HostError('ItemNotFound', `No name ${name}`);
              fake.nameComments.set(key, v);
            }, [name, v]);
          },
          delete() {
            queue(() => {
              const key = nameKey(name);
              if (key === undefined) throw new HostError('ItemNotFound', `No name ${name}`);
              fake.names.delete(key);
              fake.nameComments.delete(key);
            });
          },
        });
      },
      load(props: string) {
        if (props !== 'items/name,items/formula')
          throw new Error(`Fake Excel: names.load(${props})`);
        namesLoaded.load();
        return names;
      },
      get items() {
        return namesLoaded.get();
      },
    });
    // WorkbookProtection.protected (ExcelApi 1.7): whether the structure is protected.
    const structureLoaded = loadable('protected', () => fake.structureProtected);
    const workbookProtection = strict('WorkbookProtection', {
      load(props: string) {
        if (props !== 'protected') throw new Error(`Fake Excel: protection.load(${props})`);
        structureLoaded.load();
        return workbookProtection;
      },
      get protected() {
        return structureLoaded.get();
      },
    });
    const application = strict('Application', {
      suspendApiCalculationUntilNextSync() {
        fake.calls.push('suspendApiCalculationUntilNextSync');
        queue(() => undefined);
      },
    });
    return strict('RequestContext', {
      workbook: strict('Workbook', { worksheets, tables, names, protection: workbookProtection }),
      application,
      async sync() {
        fake.syncCount++;
        const request = requestCost;
        const batch = ops;
        ops = [];
        requestCost = 0;
        fake.requestBytes.push(request);
        await Promise.resolve();
        try {
          deliver(batch, request);
        } catch (e) {
          ops = [...batch.filter((op) => op.sticky), ...ops];
          throw e;
        }
      },
    });
  }

  /** Runs a request as Excel would, or refuses it with the documented code. */
  function deliver(batch: readonly Op[], request: number): void {
    // "InvalidOperationInCellEditMode: The operation isn't available while Excel is in Edit
    // cell mode" (error-handling reference); delayForCellEdit waits instead (see run).
    if (fake.editing)
      throw new HostError(
        fake.cellEditCode,
        'The operation is not available while a cell is being edited.',
      );
    if (interruption && fake.syncCount === interruption.at) {
      const { code } = interruption;
      interruption = null;
      throw new HostError(code, 'The connection to Excel was lost.');
    }
    if (request > fake.payloadLimit)
      throw new HostError(
        'RequestPayloadSizeLimitExceeded',
        `Request of ${request} bytes is too large`,
      );
    let response = 0;
    delivered = [];
    for (const op of batch) response += op.run();
    fake.responseBytes.push(response);
    if (response > fake.responseLimit)
      throw new HostError(
        'ResponsePayloadSizeLimitExceeded',
        `Response of ${response} bytes is too large`,
      );
    for (const give of delivered) give();
  }

  return fake;
}
