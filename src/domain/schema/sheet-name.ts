import { z } from 'zod';

/** Sheet names implan itself uses; a project sheet may not take them. */
export const RESERVED_SHEETS = [
  'How to use',
  'Settings',
  'Projects',
  'Joint Schedule',
  'Joint Budget',
  'Contingency Plan',
  'History',
] as const;

const FORBIDDEN = /[:\\/?*[\]]/;

/** Why Excel would refuse `name` as a sheet name, or null when it is fine. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === '') return 'a sheet name cannot be empty';
  // Excel counts UTF-16 code units, so an emoji takes two of the 31.
  if (name.length > 31)
    return `"${name}" has ${name.length} characters; Excel allows 31 in a sheet name`;
  const bad = FORBIDDEN.exec(name);
  if (bad) return `"${name}" contains ${bad[0]}, which Excel does not allow in a sheet name`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `"${name}" starts or ends with an apostrophe, which Excel does not allow in a sheet name`;
  const reserved = RESERVED_SHEETS.find((r) => r.toLowerCase() === name.toLowerCase());
  if (reserved) return `"${name}" is a sheet name implan keeps for itself`;
  return null;
}

export const SheetName = z.string().superRefine((name, ctx) => {
  const problem = sheetNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
