import type { HostCapabilities } from '../excel/host';

/**
 * What implan does without in this Excel, one sentence each with the requirement set that is
 * missing: the pane says it on load, before anyone meets it. Features below the manifest's
 * minimum (ExcelApi 1.7) are not listed: Excel does not load implan without them.
 */
export function featuresOff(caps: HostCapabilities, dialogs: boolean): string[] {
  const off: string[] = [];
  if (!caps.dataValidation)
    off.push(
      'In-sheet guards (lists and checks on the cells) are off: this Excel lacks ExcelApi 1.8.',
    );
  if (!caps.pageLayout)
    off.push('Print settings (orientation, fit to width) are off: this Excel lacks ExcelApi 1.9.');
  if (!caps.undoGroup)
    off.push(
      "Excel's Undo cannot reverse a Consolidate: this Excel lacks ExcelApi 1.20; Remove joint sheets on the Consolidate tab takes them out again.",
    );
  if (!dialogs)
    off.push(
      "The ribbon's Consolidate runs but cannot show its report: this Excel lacks DialogApi 1.1; use the pane's Consolidate tab.",
    );
  return off;
}
