/** What the Office.js writer needs from its host, passed in so tests can give a fake. */
import type { Diagnostic } from '../domain/diagnostics';

/**
 * A write implan refused itself, before sending it, because Excel would refuse it half-way
 * (a protected sheet): the pane shows its sentences as they are.
 */
export class RefusedWrite extends Error {
  constructor(readonly problems: readonly Diagnostic[]) {
    super(problems.map((p) => p.message).join(' '));
  }
}

/** The Excel.run options implan sets (Excel.RunOptions). */
export interface RunOptions {
  /** ExcelApi 1.20: every sync of the run is one undo step. */
  readonly mergeUndoGroup?: boolean;
  /** Wait while the user edits a cell instead of failing ("Delay execution while cell is being edited"). */
  readonly delayForCellEdit?: boolean;
}

export type ExcelRun = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options?: RunOptions,
) => Promise<T>;

export interface HostCapabilities {
  /** ExcelApi 1.8: data validation (the in-sheet guards). */
  readonly dataValidation: boolean;
  /** ExcelApi 1.9: page layout (print orientation and fit to width). */
  readonly pageLayout: boolean;
  /** ExcelApi 1.6: suspending calculation while a batch writes. */
  readonly suspendCalculation?: boolean;
  /** ExcelApi 1.13: Table.resize, which grows a table without TableRowCollection.add. */
  readonly tableResize?: boolean;
  /** ExcelApi 1.20: Excel.run's mergeUndoGroup, one undo step for a whole action. */
  readonly undoGroup?: boolean;
  /** ExcelApi 1.9: Range.find, to find a line again by its key when an edit is applied. */
  readonly findInRange?: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject, to find merges before a table grows. */
  readonly mergedAreas?: boolean;
  /** ExcelApi 1.7: chart series set by range (ChartSeries.setValues), the dashboard's charts;
   *  absent counts as present, as the manifest requires 1.7. */
  readonly charts?: boolean;
  /**
   * ExcelApi 1.9: Range.getSpecialCellsOrNullObject, to read back which cells of a joint sheet
   * hold formulas and what its constants say, without every formula's text.
   */
  readonly specialCells?: boolean;
}

export function detectCapabilities(): HostCapabilities {
  if (typeof Office === 'undefined' || !Office.context?.requirements)
    return {
      dataValidation: true,
      pageLayout: true,
      suspendCalculation: true,
      tableResize: true,
      undoGroup: true,
      findInRange: true,
      mergedAreas: true,
      charts: true,
      specialCells: true,
    };
  const has = (v: string) => Office.context.requirements.isSetSupported('ExcelApi', v);
  return {
    dataValidation: has('1.8'),
    pageLayout: has('1.9'),
    suspendCalculation: has('1.6'),
    tableResize: has('1.13'),
    undoGroup: has('1.20'),
    findInRange: has('1.9'),
    mergedAreas: has('1.13'),
    charts: has('1.7'),
    specialCells: has('1.9'),
  };
}

/**
 * Every implan action is started by the user, who may still be editing a cell: Excel then
 * queues the batch until the edit ends rather than failing it ("Delay execution while cell is
 * being edited", learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
 * Hosts too old for the option ignore it; withRetries covers them.
 */
export const defaultRun: ExcelRun = (batch, options) =>
  Excel.run({ delayForCellEdit: true, ...options }, batch);

/**
 * The host error worth a quiet retry: a cell is being edited. (GeneralException is not: Excel
 * may have applied part of the batch, and running it again could add a sheet twice.)
 */
const TRANSIENT = new Set(['InvalidOperationInCellEditMode']);

/**
 * An ExcelRun that waits and retries a few times when Excel refuses a request because a cell is
 * being edited; Excel rejects such a request before applying any of it, so a retry is safe.
 */
export function withRetries(
  run: ExcelRun,
  options: { attempts?: number; delayMs?: number; onWait?: (attempt: number) => void } = {},
): ExcelRun {
  const attempts = options.attempts ?? 4;
  const delay = options.delayMs ?? 1500;
  return async <T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    runOptions?: RunOptions,
  ): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run(batch, runOptions);
      } catch (e) {
        const code = (e as { code?: unknown } | null)?.code;
        if (attempt >= attempts || typeof code !== 'string' || !TRANSIENT.has(code)) throw e;
        options.onWait?.(attempt);
        await new Promise((resolve) => setTimeout(resolve, delay * attempt));
      }
    }
  };
}
