import { z } from 'zod';

/**
 * Sheet names a project sheet may not take: the ones implan makes itself (its guide, registry
 * and settings, and the joint sheets Consolidate rebuilds, which would overwrite a project of
 * that name), and History, which Excel keeps for its change tracking.
 */
export const RESERVED_SHEETS = [
  'How to use',
  'Settings',
  'Projects',
  'Joint Schedule',
  'Joint Budget',
  'Contingency Plan',
  'Baselines',
  'Baseline Variance',
  'Dashboard',
  'History',
] as const;

/** Excel's own limit, counted in UTF-16 code units (an emoji takes two of the 31). */
export const SHEET_NAME_MAX = 31;

const FORBIDDEN = /[:\\/?*[\]]/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Excel compares sheet names without regard to case, in every script. */
export const sameSheetName = (a: string, b: string): boolean =>
  a.toLocaleUpperCase('en-US') === b.toLocaleUpperCase('en-US');

function controlName(ch: string): string {
  if (ch === '\t') return 'a tab';
  if (ch === '\n' || ch === '\r') return 'a line break';
  return 'a control character';
}

/**
 * Why `name` cannot be a project's sheet name, as the end of a sentence whose subject is the
 * name ("contains :, which Excel does not allow in a sheet name"), or null when it can.
 */
export function sheetNameReason(name: string): string | null {
  if (name.trim() === '') return 'is empty';
  if (name.length > SHEET_NAME_MAX)
    return `has ${name.length} characters; Excel allows ${SHEET_NAME_MAX} in a sheet name`;
  const control = CONTROL.exec(name);
  if (control)
    return `contains ${controlName(control[0])}, which Excel does not allow in a sheet name`;
  const bad = FORBIDDEN.exec(name);
  if (bad) return `contains ${bad[0]}, which Excel does not allow in a sheet name`;
  if (name.startsWith("'") || name.endsWith("'"))
    return 'starts or ends with an apostrophe, which Excel does not allow in a sheet name';
  const reserved = RESERVED_SHEETS.find((r) => sameSheetName(r, name));
  if (reserved === 'History') return 'is a sheet name Excel keeps for itself';
  if (reserved) return 'is a sheet name implan keeps for itself';
  return null;
}

/** Why Excel or implan would refuse `name` as a sheet name, or null when it is fine. */
export function sheetNameProblem(name: string): string | null {
  const reason = sheetNameReason(name);
  if (reason === null) return null;
  if (reason === 'is empty') return 'a sheet name cannot be empty';
  return `"${name.replace(CONTROL, (c) => JSON.stringify(c).slice(1, -1))}" ${reason}`;
}

/** The first `max` UTF-16 units of `text`, never cutting a character in two. */
function clip(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

const tidy = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();

/**
 * A legal sheet name made from `name`: control characters become spaces, `/` and `\` dashes,
 * `[ ]` round brackets, `: ? *` are dropped, apostrophes at the ends go, it is cut to 31
 * characters, and a number is added while it is reserved or in `taken`.
 * "Budget: Q1/Q2" -> "Budget Q1-Q2"; "Settings" -> "Settings (2)".
 */
export function legalSheetName(name: string, taken: readonly string[] = []): string {
  const replaced = name
    .replace(new RegExp(CONTROL.source, 'g'), ' ')
    .replace(/[/\\]/g, '-')
    .replace(/\[/g, '(')
    .replace(/]/g, ')')
    .replace(/[:?*]/g, '');
  const base = tidy(clip(tidy(replaced), SHEET_NAME_MAX)) || 'Project';
  const free = (s: string) =>
    sheetNameReason(s) === null && !taken.some((t) => sameSheetName(t, s));
  if (free(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = `${tidy(clip(base, SHEET_NAME_MAX - suffix.length))}${suffix}`;
    if (free(candidate)) return candidate;
  }
}

/**
 * The sheet of a project that names none: its name when that is a legal sheet name, otherwise
 * a legal name derived from it and the sentence that says so.
 */
export function defaultSheetOf(
  name: string,
  taken: readonly string[] = [],
): { sheet: string; note: string | null } {
  const reason = sheetNameReason(name);
  if (reason === null) return { sheet: name, note: null };
  const sheet = legalSheetName(name, taken);
  const shown = name.replace(new RegExp(CONTROL.source, 'g'), (c) =>
    JSON.stringify(c).slice(1, -1),
  );
  return {
    sheet,
    note: `${shown.trim() === '' ? 'The project' : shown} gets the sheet "${sheet}": its name ${reason}.`,
  };
}

export const SheetName = z.string().superRefine((name, ctx) => {
  const problem = sheetNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
