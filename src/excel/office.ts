/**
 * The few things the pane needs from Office itself, kept here so that only src/excel (and the
 * ribbon commands) touch the Office globals; the components stay testable without a host.
 */

/** Why a page of implan cannot run as an Excel add-in here. */
export type FirstRunReason = 'outside-office' | 'no-office-js' | 'not-excel' | 'old-excel';

/**
 * Waits for Office.js and says why the page cannot run in Excel, or null when it can: no
 * Office.js at all, a browser outside Office (onReady gives no host), another Office
 * application, or an Excel below `minimum` of ExcelApi when `needsApi`. Never rejects.
 */
export async function whyNotExcel(
  minimum: string,
  needsApi: boolean,
): Promise<FirstRunReason | null> {
  if (typeof Office === 'undefined') return 'no-office-js';
  try {
    const info = await Office.onReady();
    const host = info?.host as unknown;
    if (host === null || host === undefined) return 'outside-office';
    if (host !== 'Excel') return 'not-excel';
    const hasApi = Office.context?.requirements?.isSetSupported?.('ExcelApi', minimum) ?? false;
    return needsApi && !hasApi ? 'old-excel' : null;
  } catch {
    return 'outside-office';
  }
}

/** Whether this Office can open dialogs (DialogApi 1.1); true where Office cannot say. */
export function supportsDialogs(): boolean {
  return (
    typeof Office === 'undefined' ||
    (Office.context?.requirements?.isSetSupported('DialogApi', '1.1') ?? true)
  );
}

/** The Office theme's body background colour, where the host tells it. */
export function officeBackground(): string | undefined {
  return typeof Office !== 'undefined'
    ? Office.context?.officeTheme?.bodyBackgroundColor
    : undefined;
}
