/** What the Office.js writer needs from its host, passed in so tests can give a fake. */

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface HostCapabilities {
  /** ExcelApi 1.8: data validation (the in-sheet guards). */
  readonly dataValidation: boolean;
  /** ExcelApi 1.9: page layout (print orientation and fit to width). */
  readonly pageLayout: boolean;
  /** ExcelApi 1.6: suspending calculation while a batch writes. */
  readonly suspendCalculation?: boolean;
}

export function detectCapabilities(): HostCapabilities {
  if (typeof Office === 'undefined' || !Office.context?.requirements)
    return { dataValidation: true, pageLayout: true, suspendCalculation: true };
  const has = (v: string) => Office.context.requirements.isSetSupported('ExcelApi', v);
  return { dataValidation: has('1.8'), pageLayout: has('1.9'), suspendCalculation: has('1.6') };
}

export const defaultRun: ExcelRun = (batch) => Excel.run(batch);
