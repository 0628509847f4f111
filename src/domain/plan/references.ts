/** Sheet-qualified references, quoted the one way both Excel and LibreOffice read. */

/** Always quotes, doubling apostrophes: 'Alpha''s Ünï'. Quoting a plain name is harmless. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** An absolute reference to a cell or range on a sheet: 'Settings'!$B$2. */
export function sheetRef(sheet: string, ref: string): string {
  const abs = ref
    .split(':')
    .map((part) => part.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
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
