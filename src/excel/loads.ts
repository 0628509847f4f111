import { rangeSize } from '../domain/plan/a1';
import { utf8Length } from './payload';

/**
 * Loads that fit Excel on the web's response limit. Excel on the web refuses a response over
 * 5 MB (`ResponsePayloadSizeLimitExceeded`, "Payload size limit best practices",
 * learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices).
 * Ranges whose size grows with the plan (project tables, joint sheets) are read in two steps:
 * their addresses first, with the small loads, then their cells in row bands packed into
 * responses of at most RESPONSE_BUDGET: by a cautious estimate at first, then by what the
 * bands already read measured. Where Excel still refuses a response, its
 * loads are made again in two halves, each in its own sync, and so on. Loads change nothing,
 * so asking again is safe.
 */
const REFUSED = 'ResponsePayloadSizeLimitExceeded';

/** Estimated bytes of one response: under half of Excel's 5 MB, room for estimates that miss. */
export const RESPONSE_BUDGET = 2_400_000;

export type CellProperty = 'values' | 'formulas';

/**
 * What a kind of range's cells cost in a response: a cautious estimate per cell (all loaded
 * properties together), and what the bands of ranges of this kind read so far measured. Each
 * kind is one constant object; its ranges share what they measure (a project's table is
 * usually one band, and the next project's tables are alike).
 */
export interface CellCost {
  readonly bytesPerCell: number;
}

/** A range read in bands: its address and the loaded properties, whole; null for a null object. */
export type BandedRead = {
  readonly address: string;
} & { readonly [P in CellProperty]: unknown[][] };

/** What bands read so far measured, in cells and UTF-8 bytes of JSON. */
interface Measured {
  cells: number;
  bytes: number;
}

interface Banded {
  readonly range: Excel.Range;
  readonly props: readonly CellProperty[];
  readonly cost: CellCost;
  readonly measured: Measured;
  read: BandedRead | null;
}

interface Band {
  readonly of: Banded;
  readonly range: Excel.Range;
  readonly cells: number;
}

/** Adds what a band returned to its kind's measure. */
function measure(band: Band): void {
  band.of.measured.cells += band.cells;
  for (const prop of band.of.props) band.of.measured.bytes += utf8Length(band.range[prop]);
}

export class Loads {
  private readonly queued: (() => void)[] = [];
  private readonly banded: Banded[] = [];
  private readonly measured = new Map<CellCost, Measured>();
  /** Syncs made, for the callers' counts. */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget = RESPONSE_BUDGET,
  ) {}

  /** Queues a load now; it is made again if its response has to be split. */
  add(load: () => void): void {
    load();
    this.queued.push(load);
  }

  /**
   * Queues a range (possibly a null object) to be read whole, in bands of rows that fit a
   * response, its cells costing about `cost`. The result is there after `sync`: null for a
   * null object.
   */
  addBanded(
    range: Excel.Range,
    props: readonly CellProperty[],
    cost: CellCost,
  ): () => BandedRead | null {
    let measured = this.measured.get(cost);
    if (!measured) this.measured.set(cost, (measured = { cells: 0, bytes: 0 }));
    const entry: Banded = { range, props, cost, measured, read: null };
    this.add(() => range.load('address'));
    this.banded.push(entry);
    return () => entry.read;
  }

  /** Syncs every queued load, then the banded ranges' cells, within the response budget. */
  async sync(): Promise<void> {
    // Always one sync here, as before banded reads existed: callers count on it.
    await this.attempt(this.queued.splice(0), false, true);
    const banded = this.banded.splice(0);
    const bands = banded.flatMap((b) => this.bandsOf(b));
    for (let next = 0; next < bands.length;) {
      const group = this.groupFrom(bands, next);
      await this.attempt(
        group.map((band) => () => band.range.load([...band.of.props])),
        true,
      );
      for (const band of group) measure(band);
      next += group.length;
    }
    for (const b of banded) b.read = joined(b, bands);
  }

  /** Bands cut at the cautious estimate, so a band alone fits even when the estimate is low. */
  private bandsOf(b: Banded): Band[] {
    if (b.range.isNullObject) return [];
    const { rows, cols } = rangeSize(b.range.address.split('!').pop() ?? 'A1');
    const perRow = cols * b.cost.bytesPerCell;
    const height = Math.max(1, Math.floor(this.budget / Math.max(perRow, 1)));
    const bands: Band[] = [];
    for (let start = 0; start < rows; start += height) {
      const h = Math.min(height, rows - start);
      const range = b.range.getRow(start).getResizedRange(h - 1, 0);
      bands.push({ of: b, range, cells: h * cols });
    }
    return bands;
  }

  /**
   * The bands from `first` that fit one response: by the cautious estimate until bands of
   * their kind have come back, then by what those measured, with a margin (most cells of a
   * joint sheet's used range are empty, and cost a few bytes, not the estimate).
   */
  private groupFrom(bands: readonly Band[], first: number): Band[] {
    const group: Band[] = [];
    let size = 0;
    for (const band of bands.slice(first)) {
      const { measured, cost } = band.of;
      const rate = measured.cells > 0 ? (1.25 * measured.bytes) / measured.cells : Infinity;
      const bytes = band.cells * Math.min(rate, cost.bytesPerCell);
      if (group.length > 0 && size + bytes > this.budget) break;
      group.push(band);
      size += bytes;
    }
    return group;
  }

  private async attempt(
    loads: readonly (() => void)[],
    again: boolean,
    always = false,
  ): Promise<void> {
    if (loads.length === 0 && !always) return;
    if (again) for (const load of loads) load();
    try {
      this.syncs++;
      await this.context.sync();
    } catch (e) {
      if ((e as { code?: unknown } | null)?.code !== REFUSED || loads.length < 2) throw e;
      const half = Math.ceil(loads.length / 2);
      await this.attempt(loads.slice(0, half), true);
      await this.attempt(loads.slice(half), true);
    }
  }
}

/** A banded range's properties put back together from its bands, top to bottom. */
function joined(b: Banded, bands: readonly Band[]): BandedRead | null {
  if (b.range.isNullObject) return null;
  const mine = bands.filter((band) => band.of === b);
  const whole = (prop: CellProperty) =>
    b.props.includes(prop) ? mine.flatMap((band) => band.range[prop] as unknown[][]) : [];
  return { address: b.range.address, values: whole('values'), formulas: whole('formulas') };
}
