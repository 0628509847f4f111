/** Sheet-qualified references, quoted the one way both Excel and LibreOffice read. */

/** Always quotes, doubling apostrophes: 'Alpha''s Ünï'. Quoting a plain name is harmless. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.includes("'") ? sheet.replace(/'/g, "''") : sheet}'`;
}

const RELATIVE_CELL = /^([A-Z]+)(\d+)$/;

/**
 * `B2` made `$B$2`; anything else (already absolute, or mixed) as it is. The `$` test first:
 * the joint sheets pass hundreds of thousands of absolute cells, and skip the regex that way.
 */
const absolutePart = (part: string): string =>
  part.startsWith('$') ? part : part.replace(RELATIVE_CELL, '$$$1$$$2');

/** An absolute reference to a cell or range on a sheet: 'Settings'!$B$2. */
export function sheetRef(sheet: string, ref: string): string {
  const abs = ref.includes(':') ? ref.split(':').map(absolutePart).join(':') : absolutePart(ref);
  return `${quoteSheet(sheet)}!${abs}`;
}

/** Escapes a column name for use inside a structured reference bracket. */
export function structuredColumn(name: string): string {
  // Most names need no escape; the joint sheets ask for a handful of names millions of times.
  return /['#[\]]/.test(name) ? name.replace(/(['#[\]])/g, "'$1") : name;
}

/** Table[[#This Row],[Column]]: the this-row form LibreOffice 7.4 also reads. */
export function thisRow(table: string, column: string): string {
  return `${table}[[#This Row],[${structuredColumn(column)}]]`;
}

/** Table[Column]: a whole data column. */
export function wholeColumn(table: string, column: string): string {
  return `${table}[${structuredColumn(column)}]`;
}

/** A formula string literal: "He said ""hi""". */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A SUMIFS criterion that matches `text`, whole: "=" first, so a text that starts
 * with "<", ">" or "=" is not read as a comparison, and "~" before "*", "?" and "~", which
 * both engines otherwise read as wildcards.
 */
export function exactCriterion(text: string): string {
  return textLiteral(`=${text.replace(/[~*?]/g, '~$&')}`);
}
