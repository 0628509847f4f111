/**
 * What a page of implan shows when it cannot run as an Excel add-in: opened in a browser outside
 * Office, Office.js unreachable, or an Excel too old for implan. Plain DOM and text only (no
 * React, no markup from strings), so the pane, the ribbon's function file and the report dialog
 * can all say it, and a person never meets a blank page.
 */

import { type FirstRunReason, whyNotExcel } from '../excel/office';

export type { FirstRunReason };

/** The lowest ExcelApi the manifest declares (manifest.xml, Requirements). */
export const MIN_EXCEL_API = '1.7';

const WHAT =
  'Implan turns an Excel workbook into an implementation plan for finance and PMO teams: a templated sheet per project (tasks, budget and risks as Excel tables with live formulas), checks of every entry, and joint schedule, budget and contingency sheets.';

const WHY: Record<FirstRunReason, string> = {
  'outside-office':
    'This page is the Implan add-in, and it runs inside Excel: it was opened in a browser on its own, so there is no workbook to work on.',
  'no-office-js':
    'Office.js, the library every Excel add-in loads from Microsoft (appsforoffice.microsoft.com), could not be loaded: check the network connection, or ask whoever runs the proxy or firewall to allow that address, then reload.',
  'not-excel':
    'Implan is an add-in for Excel; this Office application is not Excel. Open a workbook in Excel and start Implan there.',
  'old-excel': `This version of Excel is too old for Implan (it lacks the Excel JavaScript API ${MIN_EXCEL_API}): update Office, or use Excel on the web.`,
};

const STEPS = [
  'Open a workbook in Excel on the web, on Windows or on a Mac.',
  'On the Home tab choose Add-ins, then Implan (your administrator may already have deployed it to you), and then Open Implan.',
  'Not in the list? Sideload the manifest.xml your administrator or developer gives you: the help page says how, for each kind of Excel.',
];

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  style: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.textContent = text;
  e.setAttribute('style', style);
  return e;
}

/**
 * Replaces the page's content with what implan is, why it cannot run here and how to open it
 * in Excel, with a link to the sideload help next to the page.
 */
export function showFirstRun(reason: FirstRunReason, doc: Document = document): void {
  const text = 'font-size:14px;line-height:20px;margin:0 0 12px';
  const main = element(
    'main',
    '',
    `font-family:'Segoe UI',system-ui,sans-serif;color:#242424;max-width:36rem;padding:16px`,
  );
  main.setAttribute('aria-labelledby', 'implan-first-run');
  const title = element('h1', 'Implan', 'font-size:20px;color:#0f5c4d;margin:0 0 8px');
  title.id = 'implan-first-run';
  const status = element('p', WHY[reason], `${text};font-weight:600`);
  status.setAttribute('role', 'status');
  const how = element('h2', 'How to open Implan in Excel', 'font-size:16px;margin:16px 0 8px');
  const list = element('ol', '', 'padding-left:20px;margin:0 0 12px');
  for (const step of STEPS) list.append(element('li', step, text));
  const help = element('a', 'How to sideload Implan (help)', 'color:#0f6cbd');
  help.href = new URL('help.html#sideload', doc.location.href).href;
  help.target = '_blank';
  help.rel = 'noopener';
  const more = element('p', '', text);
  more.append(help);
  main.append(title, element('p', WHAT, text), status, how, list, more);
  doc.body.replaceChildren(main);
}

/**
 * Waits for Office.js and tells whether the page runs in Excel; otherwise shows the first-run
 * page and resolves false. Never rejects.
 */
export async function officeReady(options: { needsApi?: boolean } = {}): Promise<boolean> {
  const reason = await whyNotExcel(MIN_EXCEL_API, options.needsApi !== false);
  if (reason === null) return true;
  showFirstRun(reason);
  return false;
}
