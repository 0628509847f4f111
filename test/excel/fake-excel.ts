/**
 * A small fake Excel host: just the Office.js members implan uses, each object behind a Proxy
 * that throws on any member it does not know. It applies writes to a workbook model the tests
 * inspect, refuses reads of properties that were not loaded and synced (as Office.js does),
 * counts syncs and measures each request's payload. It evaluates no formulas: LibreOffice
 * does that elsewhere.
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
  orientation?: string;
  fitToWidth?: number;
  active?: boolean;
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

export interface FakeExcel {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  sheets: FakeSheet[];
  tables: FakeTable[];
  names: Map<string, string>;
  syncCount: number;
  requestBytes: number[];
  calls: string[];
  payloadLimit: number;
  /** The last cell a batch selected, as "Sheet!A1". */
  selection: string | null;
  sheet(name: string): FakeSheet;
}

export function createFakeExcel(): FakeExcel {
  const fake: FakeExcel = {
    run: async (batch) => await batch(context() as unknown as Excel.RequestContext),
    sheets: [],
    tables: [],
    names: new Map(),
    syncCount: 0,
    requestBytes: [],
    calls: [],
    payloadLimit: 5_000_000,
    selection: null,
    sheet(name) {
      const s = fake.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!s) throw new Error(`No sheet ${name}`);
      return s;
    },
  };
  let pendingBytes = 0;
  let pendingLoads: (() => void)[] = [];

  /** Wraps an object so unknown members throw, like a typo against the real API would. */
  function strict<T extends object>(kind: string, target: T): T {
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
        pendingBytes += JSON.stringify(value ?? null).length;
        return Reflect.set(t, prop, value);
      },
    });
  }

  /** A property readable only after load() and a sync. */
  function loadable<T>(read: () => T) {
    let state: 'none' | 'queued' | 'ready' = 'none';
    let snapshot: T;
    return {
      load() {
        state = 'queued';
        pendingLoads.push(() => {
          snapshot = read();
          state = 'ready';
        });
      },
      get(): T {
        if (state !== 'ready')
          throw new Error('Fake Excel: property read before load() and sync()');
        return snapshot;
      },
    };
  }

  const cellOf = (sheet: FakeSheet, ref: string) => {
    let c = sheet.cells.get(ref);
    if (!c) sheet.cells.set(ref, (c = {}));
    return c;
  };

  function range(sheet: FakeSheet | null, ref: RangeAddress): Excel.Range {
    const addr = rangeA1(ref.from, ref.to);
    const each = (f: (c: FakeCell, r: number, k: number) => void) => {
      if (!sheet) return;
      for (const { row, col } of cellsOf(addr))
        f(cellOf(sheet, a1(row, col)), row - ref.from.row, col - ref.from.col);
    };
    const grid = (v: unknown, r: number, k: number): unknown =>
      Array.isArray(v) ? (v[r] as unknown[] | undefined)?.[k] : v;
    const checkShape = (v: unknown) => {
      if (!Array.isArray(v)) return;
      const rows = ref.to.row - ref.from.row + 1;
      const cols = ref.to.col - ref.from.col + 1;
      if (v.length !== rows || (v as unknown[][]).some((r) => r.length !== cols))
        throw new HostError(
          'InvalidArgument',
          `Fake Excel: ${v.length}-row array written to ${addr}`,
        );
    };
    const values = loadable(() => {
      const out: Scalar[][] = [];
      for (let r = ref.from.row; r <= ref.to.row; r++) {
        const row: Scalar[] = [];
        for (let c = ref.from.col; c <= ref.to.col; c++)
          row.push(sheet?.cells.get(a1(r, c))?.value ?? '');
        out.push(row);
      }
      return out;
    });
    const formulas = loadable(() => {
      const out: Scalar[][] = [];
      for (let r = ref.from.row; r <= ref.to.row; r++) {
        const row: Scalar[] = [];
        for (let c = ref.from.col; c <= ref.to.col; c++) {
          const cell = sheet?.cells.get(a1(r, c));
          row.push(cell?.formula !== undefined ? `=${cell.formula}` : (cell?.value ?? ''));
        }
        out.push(row);
      }
      return out;
    });
    const font = strict('RangeFont', {
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
    });
    const fill = strict('RangeFill', {
      set color(v: string) {
        each((c) => (c.fill = v));
      },
    });
    const bottom = { style: '', color: '' };
    const borders = strict('RangeBorderCollection', {
      getItem(index: string) {
        if (index !== 'EdgeBottom') throw new Error(`Fake Excel: border ${index}`);
        return strict('RangeBorder', {
          set style(v: string) {
            bottom.style = v;
          },
          set color(v: string) {
            each((c) => (c.bottomBorder = v));
          },
        });
      },
    });
    const format = strict('RangeFormat', {
      font,
      fill,
      borders,
      set horizontalAlignment(v: string) {
        each((c) => (c.hAlign = v));
      },
      set verticalAlignment(v: string) {
        each((c) => (c.vAlign = v));
      },
      set wrapText(v: boolean) {
        each((c) => (c.wrap = v));
      },
      set columnWidth(v: number) {
        for (let col = ref.from.col; col <= ref.to.col; col++) sheet?.columnWidths.set(col, v);
      },
    });
    const validation = {
      range: addr,
      rule: undefined as unknown,
      prompt: undefined as unknown,
      errorAlert: undefined as unknown,
      ignoreBlanks: undefined as boolean | undefined,
    };
    const dataValidation = strict('DataValidation', {
      set rule(v: unknown) {
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
    });
    const conditionalFormats = strict('ConditionalFormatCollection', {
      add(type: string) {
        if (type !== 'Custom') throw new Error(`Fake Excel: conditional format ${type}`);
        const cf: FakeSheet['conditionalFormats'][number] = { range: addr, formula: '' };
        // "Adds a new conditional format to the collection at the first/top priority."
        // (Excel.ConditionalFormatCollection.add, ExcelApi 1.6, learn.microsoft.com/javascript/
        // api/excel/excel.conditionalformatcollection#excel-excel-conditionalformatcollection-add-member(1));
        // priorities are kept per worksheet, as Excel's are.
        sheet?.conditionalFormats.unshift(cf);
        return strict('ConditionalFormat', {
          set stopIfTrue(v: boolean) {
            cf.stopIfTrue = v;
          },
          custom: strict('CustomConditionalFormat', {
            rule: strict('ConditionalFormatRule', {
              set formula(v: string) {
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
    });
    const self: Excel.Range = strict('Range', {
      isNullObject: sheet === null,
      get address() {
        return addr;
      },
      select() {
        fake.selection = `${sheet?.name ?? ''}!${addr}`;
      },
      set formulas(v: unknown) {
        checkShape(v);
        each((c, r, k) => {
          delete c.value;
          delete c.formula;
          Object.assign(c, typed(grid(v, r, k)));
        });
      },
      set values(v: unknown) {
        checkShape(v);
        each((c, r, k) => {
          delete c.value;
          delete c.formula;
          Object.assign(c, typed(grid(v, r, k)));
        });
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
      format,
      dataValidation,
      conditionalFormats,
      load(props: string | string[]) {
        const list = Array.isArray(props) ? props : [props];
        if (list.some((p) => p !== 'values' && p !== 'address' && p !== 'formulas'))
          throw new Error(`Fake Excel: Range.load(${list.join()})`);
        if (list.includes('values')) values.load();
        if (list.includes('formulas')) formulas.load();
        return self;
      },
      merge(across: boolean) {
        if (across) throw new Error('Fake Excel: merge across');
        sheet?.merges.push(addr);
      },
      getResizedRange(rows: number, cols: number) {
        return range(sheet, {
          from: ref.from,
          to: { row: ref.to.row + rows, col: ref.to.col + cols },
        });
      },
      getCell(r: number, c: number) {
        const at = { row: ref.from.row + r, col: ref.from.col + c };
        return range(sheet, { from: at, to: at });
      },
      getOffsetRange(r: number, c: number) {
        const move = (x: { row: number; col: number }) => ({ row: x.row + r, col: x.col + c });
        return range(sheet, { from: move(ref.from), to: move(ref.to) });
      },
      getRow(i: number) {
        return range(sheet, {
          from: { row: ref.from.row + i, col: ref.from.col },
          to: { row: ref.from.row + i, col: ref.to.col },
        });
      },
    }) as unknown as Excel.Range;
    return self;
  }

  function tableObject(t: FakeTable | null): Excel.Table {
    return strict('Table', {
      isNullObject: t === null,
      get name() {
        return t?.name ?? '';
      },
      set name(v: string) {
        if (t) t.name = v;
      },
      set style(v: string) {
        if (t) t.style = v;
      },
      getRange() {
        return t ? range(t.sheet, t.ref) : range(null, parseRange('A1'));
      },
      getDataBodyRange() {
        if (!t) return range(null, parseRange('A1'));
        return range(t.sheet, {
          from: { row: t.ref.from.row + 1, col: t.ref.from.col },
          to: t.ref.to,
        });
      },
      rows: strict('TableRowCollection', {
        getItemAt(index: number) {
          return strict('TableRow', {
            delete() {
              if (!t) return;
              // Cells of the table's columns below the row move up one; the table shrinks.
              const first = t.ref.from.row + 1 + index;
              for (let r = first; r <= t.ref.to.row; r++)
                for (let c = t.ref.from.col; c <= t.ref.to.col; c++) {
                  const below = t.sheet.cells.get(a1(r + 1, c));
                  if (r < t.ref.to.row && below) t.sheet.cells.set(a1(r, c), { ...below });
                  else t.sheet.cells.delete(a1(r, c));
                }
              t.ref = { from: t.ref.from, to: { row: t.ref.to.row - 1, col: t.ref.to.col } };
            },
          });
        },
        add(index: number | undefined, rows: unknown[][]) {
          if (!t) return;
          if (index !== undefined) throw new Error('Fake Excel: rows.add at an index');
          const start = t.ref.to.row + 1;
          // Excel gives new table rows the formats of the row above them.
          for (let r = 0; r < rows.length; r++)
            for (let c = t.ref.from.col; c <= t.ref.to.col; c++) {
              const {
                value: _v,
                formula: _f,
                ...look
              } = t.sheet.cells.get(a1(t.ref.to.row, c)) ?? {};
              Object.assign(cellOf(t.sheet, a1(start + r, c)), look);
            }
          t.ref = { from: t.ref.from, to: { row: t.ref.to.row + rows.length, col: t.ref.to.col } };
          range(t.sheet, { from: { row: start, col: t.ref.from.col }, to: t.ref.to }).formulas =
            rows;
        },
      }),
    }) as unknown as Excel.Table;
  }

  function sheetObject(s: FakeSheet | null): Excel.Worksheet {
    const position = loadable(() => (s ? fake.sheets.indexOf(s) : -1));
    return strict('Worksheet', {
      isNullObject: s === null,
      get name() {
        return s?.name ?? '';
      },
      set name(v: string) {
        if (!s) throw new HostError('ItemNotFound', 'No such sheet');
        if (fake.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase()))
          throw new HostError('ItemAlreadyExists', `A sheet named ${v} exists`);
        s.name = v;
      },
      get position() {
        return position.get();
      },
      set position(v: number) {
        if (!s) return;
        fake.sheets.splice(fake.sheets.indexOf(s), 1);
        fake.sheets.splice(v, 0, s);
      },
      load(props: string | string[]) {
        const list = Array.isArray(props) ? props : [props];
        if (list.some((p) => p !== 'position' && p !== 'isNullObject'))
          throw new Error(`Fake Excel: Worksheet.load(${list.join()})`);
        position.load();
      },
      delete() {
        if (!s) throw new HostError('ItemNotFound', 'No such sheet');
        fake.sheets.splice(fake.sheets.indexOf(s), 1);
        fake.tables = fake.tables.filter((t) => t.sheet !== s);
        fake.calls.push(`delete ${s.name}`);
      },
      getUsedRangeOrNullObject() {
        const used = [...(s?.cells ?? new Map<string, FakeCell>())]
          .filter(([, c]) => c.value !== undefined || c.formula !== undefined)
          .map(([ref]) => parseCell(ref));
        if (!s || used.length === 0) return range(null, parseRange('A1'));
        return range(s, {
          from: {
            row: Math.min(...used.map((c) => c.row)),
            col: Math.min(...used.map((c) => c.col)),
          },
          to: {
            row: Math.max(...used.map((c) => c.row)),
            col: Math.max(...used.map((c) => c.col)),
          },
        });
      },
      set tabColor(v: string) {
        if (s) s.tabColor = v;
      },
      getRange(ref: string) {
        if (/^[A-Z]+:[A-Z]+$/.test(ref)) {
          const [l = 'A', r = 'A'] = ref.split(':');
          return range(s, {
            from: { row: 0, col: parseCell(`${l}1`).col },
            to: { row: 1_048_575, col: parseCell(`${r}1`).col },
          });
        }
        return range(s, parseRange(ref));
      },
      tables: strict('TableCollection', {
        add(address: Excel.Range | string, hasHeaders: boolean) {
          if (!s || !hasHeaders) throw new Error('Fake Excel: tables.add');
          const addr = typeof address === 'string' ? address : address.address;
          const t: FakeTable = {
            name: `Table${fake.tables.length + 1}`,
            sheet: s,
            ref: parseRange(addr),
          };
          fake.tables.push(t);
          return tableObject(t);
        },
      }),
      freezePanes: strict('WorksheetFreezePanes', {
        freezeRows(n: number) {
          if (s) s.freezeRows = n;
        },
      }),
      pageLayout: strict('PageLayout', {
        set orientation(v: string) {
          if (s) s.orientation = v;
        },
        set zoom(v: { horizontalFitToPages?: number }) {
          if (s) s.fitToWidth = v.horizontalFitToPages;
        },
      }),
      activate() {
        for (const x of fake.sheets) x.active = x === s;
      },
    }) as unknown as Excel.Worksheet;
  }

  function context() {
    const sheetsLoaded = loadable(() => fake.sheets.map((s) => sheetObject(s)));
    const tablesLoaded = loadable(() => fake.tables.map((t) => tableObject(t)));
    const findSheet = (name: string) =>
      fake.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
    const findTable = (name: string) =>
      fake.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
    const worksheets = strict('WorksheetCollection', {
      add(name: string) {
        if (findSheet(name))
          throw new HostError('ItemAlreadyExists', `A sheet named ${name} exists`);
        const s: FakeSheet = {
          name,
          cells: new Map(),
          columnWidths: new Map(),
          validations: [],
          conditionalFormats: [],
          merges: [],
        };
        fake.sheets.push(s);
        return sheetObject(s);
      },
      getItem(name: string) {
        const s = findSheet(name);
        if (!s) throw new HostError('ItemNotFound', `No sheet ${name}`);
        return sheetObject(s);
      },
      getItemOrNullObject: (name: string) => sheetObject(findSheet(name)),
      load(props: string) {
        if (props !== 'items/name') throw new Error(`Fake Excel: worksheets.load(${props})`);
        sheetsLoaded.load();
        return worksheets;
      },
      get items() {
        return sheetsLoaded.get();
      },
    });
    const tables = strict('TableCollection', {
      getItem(name: string) {
        const t = findTable(name);
        if (!t) throw new HostError('ItemNotFound', `No table ${name}`);
        return tableObject(t);
      },
      getItemOrNullObject: (name: string) => tableObject(findTable(name)),
      load(props: string) {
        if (props !== 'items/name') throw new Error(`Fake Excel: tables.load(${props})`);
        tablesLoaded.load();
        return tables;
      },
      get items() {
        return tablesLoaded.get();
      },
    });
    const namesLoaded = loadable(() =>
      [...fake.names].map(([name, formula]) => ({ name, formula })),
    );
    const names = strict('NamedItemCollection', {
      add(name: string, reference: string) {
        if (fake.names.has(name)) throw new HostError('ItemAlreadyExists', `Name ${name} exists`);
        fake.names.set(name, reference);
        pendingBytes += reference.length;
      },
      getItem(name: string) {
        if (!fake.names.has(name)) throw new HostError('ItemNotFound', `No name ${name}`);
        return strict('NamedItem', {
          delete() {
            fake.names.delete(name);
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
    const application = strict('Application', {
      suspendApiCalculationUntilNextSync() {
        fake.calls.push('suspendApiCalculationUntilNextSync');
      },
    });
    return strict('RequestContext', {
      workbook: strict('Workbook', { worksheets, tables, names }),
      application,
      async sync() {
        fake.syncCount++;
        fake.requestBytes.push(pendingBytes);
        const bytes = pendingBytes;
        pendingBytes = 0;
        if (bytes > fake.payloadLimit)
          throw new HostError(
            'RequestPayloadSizeLimitExceeded',
            `Request of ${bytes} bytes is too large`,
          );
        const loads = pendingLoads;
        pendingLoads = [];
        for (const l of loads) l();
        await Promise.resolve();
      },
    });
  }

  return fake;
}
