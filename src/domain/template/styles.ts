import type { CellStyle, HighlightStyle } from '../plan/types';

/**
 * The template's look. Header cells are formatted explicitly rather than left to the table
 * style, because LibreOffice (and so our rendered pictures) does not draw table styles.
 */
export const BRAND = '#0F5C4D';

export const styles = {
  title: { bold: true, fontSize: 16, fontColor: BRAND },
  hint: { italic: true, fontColor: '#5F6B6D', wrap: false },
  section: { bold: true, fontSize: 12, fontColor: BRAND, bottomBorder: BRAND },
  header: { bold: true, fontColor: '#FFFFFF', fill: BRAND, vAlign: 'center' },
  cardLabel: { bold: true, fontColor: '#34403F', fill: '#E8F1EF' },
  cardInput: { fill: '#FFFDF2' },
  calculated: { fontColor: '#34403F', fill: '#F1F3F3' },
  note: { fontColor: '#34403F', wrap: true, vAlign: 'top' },
} satisfies Record<string, CellStyle>;

export const TABLE_STYLE = 'TableStyleLight15';

export const numberFormats = {
  date: 'd mmm yyyy',
  month: 'mmm yyyy',
  percent: '0%',
  integer: '0',
  /** Currency code in the format itself, so a printed sheet says what the amounts are. */
  money: (currency: string) => `[$${currency}] #,##0.00`,
  days: '0',
} as const;

/** Fills by risk rating band, in band order (Low, Medium, High, Critical and beyond). */
export const BAND_HIGHLIGHTS: readonly HighlightStyle[] = [
  { fill: '#C6EFCE', fontColor: '#006100' },
  { fill: '#FFEB9C', fontColor: '#7F6000' },
  { fill: '#F8CBAD', fontColor: '#843C0C' },
  { fill: '#C00000', fontColor: '#FFFFFF', bold: true },
];

export function bandHighlight(index: number): HighlightStyle {
  return BAND_HIGHLIGHTS[Math.min(index, BAND_HIGHLIGHTS.length - 1)] ?? {};
}
