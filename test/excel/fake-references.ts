/**
 * How the fake Excel host reads the references in a formula: which sheets, tables, table
 * columns and defined names it names. Excel parses a formula when it is set, against the
 * workbook as it stands at that moment; the fake does the same at sync, so writing a formula
 * before the table or name it refers to exists fails as it would in Excel.
 *
 * Sources: a structured reference to a table or column that does not exist is refused by Excel
 * ("There's a problem with this formula"), and the Range.formulas setter rejects it with
 * InvalidArgument (issue 10's reading of the Range.formulas reference page,
 * learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulas-member, and
 * of the error list at learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
 * Where Excel would accept a formula naming an unknown defined name and show #NAME?, the
 * documentation does not say so for the API: the fake does the safe thing and refuses it too,
 * so implan never relies on a name being created after the formula that uses it.
 */

export interface Reference {
  readonly kind: 'sheet' | 'table' | 'name';
  readonly name: string;
  /** For a structured reference: the columns it names (specials such as #This Row left out). */
  readonly columns?: readonly string[];
}

const FUNCTION_CHAR = /[\w.$]/;
const CELL = /^\$?[A-Za-z]{1,3}\$?\d+$/;
const COLUMN = /^\$?[A-Za-z]{1,3}$/;
const LITERALS = new Set(['TRUE', 'FALSE']);

/** Reads a bracketed group starting at `i` (a `[`), nested brackets included. */
function bracketGroup(text: string, i: number): { group: string; end: number } {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === "'" && text[j + 1] !== undefined) {
      j++; // an apostrophe escapes the next character inside a structured reference
      continue;
    }
    if (text[j] === '[') depth++;
    else if (text[j] === ']' && --depth === 0) return { group: text.slice(i, j + 1), end: j + 1 };
  }
  return { group: text.slice(i), end: text.length };
}

const columnsOf = (group: string): string[] =>
  [...group.matchAll(/\[([^[\]]+)\]/g)]
    .map((m) => m[1]!.replace(/'(.)/g, '$1'))
    .filter((c) => !c.startsWith('#') && c !== group);

/** Every sheet, table (with columns) and defined name a formula refers to. */
export function referencesOf(formula: string): Reference[] {
  const text = formula.startsWith('=') ? formula.slice(1) : formula;
  const refs: Reference[] = [];
  for (let i = 0; i < text.length;) {
    const ch = text[i]!;
    if (ch === '"') {
      i = text.indexOf('"', i + 1);
      while (i >= 0 && text[i + 1] === '"') i = text.indexOf('"', i + 2);
      i = i < 0 ? text.length : i + 1;
    } else if (ch === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'"))
        j += text[j] === "'" ? 2 : 1;
      refs.push({ kind: 'sheet', name: text.slice(i + 1, j).replace(/''/g, "'") });
      i = j + 2; // past the closing quote and the "!"
    } else if (ch === '#') {
      const m = /^#[A-Z/0]+[!?]?(\d)?/i.exec(text.slice(i));
      i += m ? m[0].length : 1;
    } else if (/[A-Za-z_\\$]/.test(ch)) {
      let j = i;
      while (j < text.length && FUNCTION_CHAR.test(text[j]!)) j++;
      const token = text.slice(i, j);
      const next = text[j];
      if (next === '(') {
        // a function
      } else if (next === '!') {
        refs.push({ kind: 'sheet', name: token });
        j++;
      } else if (next === '[') {
        const { group, end } = bracketGroup(text, j);
        refs.push({ kind: 'table', name: token, columns: columnsOf(group) });
        j = end;
      } else if (
        !CELL.test(token) &&
        !(COLUMN.test(token) && (next === ':' || text[i - 1] === ':')) &&
        !LITERALS.has(token.toUpperCase())
      )
        refs.push({ kind: 'name', name: token });
      i = j;
    } else if (/\d/.test(ch)) {
      const m = /^\d+(\.\d+)?(E[+-]?\d+)?(:\$?\d+)?/i.exec(text.slice(i));
      i += m ? m[0].length : 1;
    } else i++;
  }
  return refs;
}

/** Quotes a sheet name for a formula when Excel would. */
export function quotedSheet(name: string): string {
  return /^[A-Za-z_][\w.]*$/.test(name) && !CELL.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The patterns by which a formula can name a sheet: quoted, and bare where that is legal. */
function sheetPatterns(name: string): RegExp[] {
  const quoted = `'${escapeRe(name.replace(/'/g, "''"))}'!`;
  const bare = /^[A-Za-z_][\w.]*$/.test(name) ? [`(?<![\\w.'])${escapeRe(name)}!`] : [];
  return [quoted, ...bare].map((p) => new RegExp(p, 'gi'));
}

/**
 * A formula after its sheet was renamed: Excel rewrites every reference to follow the sheet
 * (it is the same sheet, by identity, under a new name).
 */
export function renameSheetIn(formula: string, from: string, to: string): string {
  let out = formula;
  for (const re of sheetPatterns(from)) out = out.replace(re, `${quotedSheet(to)}!`);
  return out;
}

/**
 * A formula after its sheet was deleted: every reference into that sheet becomes #REF! for
 * good, as in Excel (support.microsoft.com, "How to correct a #REF! error": deleting a sheet
 * that a formula refers to leaves #REF!; making a new sheet of the same name does not mend it).
 */
export function deleteSheetIn(formula: string, name: string): string {
  let out = formula;
  for (const re of sheetPatterns(name))
    out = out.replace(
      new RegExp(`${re.source}\\$?[A-Za-z]{0,3}\\$?\\d*(:\\$?[A-Za-z]{0,3}\\$?\\d*)?`, 'gi'),
      '#REF!',
    );
  return out;
}

/** A formula after a table was deleted with its sheet: its structured references become #REF!. */
export function deleteTableIn(formula: string, table: string): string {
  return formula.replace(
    new RegExp(`(?<![\\w.])${escapeRe(table)}\\[(\\[[^\\]]*\\]|[^\\]])*\\]`, 'gi'),
    '#REF!',
  );
}
