import { attributes, elements, setAttribute } from './xml-text';

/**
 * A sheet column's width set in the worksheet's `<cols>` (ISO/IEC 29500-1 §18.3.1.13): a
 * `<col>` spanning several columns is split so only `col` (0-based) changes, and one is added,
 * in order, where none covers it. Every other column keeps its width and style.
 */
export function setColumnWidth(sheetXml: string, col: number, width: number): string {
  const n = col + 1;
  const own = (min: number, max: number, tag: string) =>
    setAttribute(setAttribute(tag, 'min', String(min)), 'max', String(max));
  const cols = elements(sheetXml, 'cols')[0];
  const fresh = `<col min="${n}" max="${n}" width="${width}" customWidth="1"/>`;
  if (!cols) return sheetXml.replace(/<sheetData[\s>/]/, (m) => `<cols>${fresh}</cols>${m}`);
  const out: string[] = [];
  let placed = false;
  for (const c of elements(cols.text, 'col')) {
    const a = attributes(c.text);
    const min = Number(a.min);
    const max = Number(a.max);
    if (!placed && n < min) {
      out.push(fresh);
      placed = true;
    }
    if (n < min || n > max) {
      out.push(c.text);
      continue;
    }
    if (min < n) out.push(own(min, n - 1, c.text));
    out.push(
      setAttribute(setAttribute(own(n, n, c.text), 'width', String(width)), 'customWidth', '1'),
    );
    if (n < max) out.push(own(n + 1, max, c.text));
    placed = true;
  }
  if (!placed) out.push(fresh);
  const start = /^<cols\b[^>]*>/.exec(cols.text)?.[0] ?? '<cols>';
  return (
    sheetXml.slice(0, cols.start) + `${start}${out.join('')}</cols>` + sheetXml.slice(cols.end)
  );
}
