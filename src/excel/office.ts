/**
 * The few things the pane needs from Office itself, kept here so that only src/excel (and the
 * ribbon commands) touch the Office globals; the components stay testable without a host.
 */

/** Resolves once Office has initialised the add-in (or at once outside Office). */
export async function officeReady(): Promise<void> {
  await Office.onReady();
}

/** The Office theme's body background colour, where the host tells it. */
export function officeBackground(): string | undefined {
  return typeof Office !== 'undefined'
    ? Office.context?.officeTheme?.bodyBackgroundColor
    : undefined;
}
