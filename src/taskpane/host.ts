import type { Diagnostic } from '../domain/diagnostics';
import { RefusedWrite } from '../excel/host';

/** Sentences with a next step for the host errors a user can meet; branches on error.code only. */
const HOST_MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode:
    'Excel is busy while a cell is being edited: press Enter or Esc in the sheet, then try again.',
  RequestPayloadSizeLimitExceeded:
    'The change was too large for Excel even when sent in small blocks; leave some projects out (Included: No), consolidate, then include them again.',
  ItemAlreadyExists:
    'Something with that name already exists in the workbook; choose another name.',
  AccessDenied:
    'The workbook is read-only or protected: unprotect it or open an editable copy, then try again.',
  InsertDeleteConflict:
    'The workbook is protected against this change: unprotect it, then try again.',
  MergedRangeConflict:
    'A table cannot grow over merged cells: unmerge the cells just below it (Home > Merge & Center), then try again.',
  ApiNotFound:
    'This version of Excel lacks a feature implan needs; update Excel or use Excel on the web.',
};

/** Turns anything thrown by Excel.run into a diagnostic the pane can show. */
export function hostProblem(error: unknown): Diagnostic {
  if (error instanceof RefusedWrite && error.problems[0]) return error.problems[0];
  const code = (error as { code?: unknown } | null)?.code;
  const message =
    typeof code === 'string' && HOST_MESSAGES[code]
      ? HOST_MESSAGES[code]
      : `Excel could not complete the change${typeof code === 'string' ? ` (${code})` : ''}; nothing was lost. Try again.`;
  return { severity: 'error', code: typeof code === 'string' ? code : 'host', message };
}
