import type { XlsxPackage } from './package';
import { appendChild, attributes, elements, setAttribute, startTag } from './xml-text';

const STYLES = 'xl/styles.xml';

/** Index maps from a donor's style ids to the ids they get in the target's styles.xml. */
export interface StyleMap {
  readonly cellXf: (id: number) => number;
  readonly dxf: (id: number) => number;
}

function collection(xml: string, name: string): { inner: string; count: number } {
  const m = new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(xml);
  const inner = m?.[1] ?? '';
  return {
    inner,
    count: m ? elements(inner, name === 'numFmts' ? 'numFmt' : childOf(name)).length : 0,
  };
}

function childOf(name: string): string {
  return (
    {
      fonts: 'font',
      fills: 'fill',
      borders: 'border',
      cellXfs: 'xf',
      dxfs: 'dxf',
      numFmts: 'numFmt',
    }[name] ?? name
  );
}

/** The children of CT_Stylesheet in the order the schema requires (ISO/IEC 29500-1 §18.8.39). */
const STYLESHEET_ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

/** Adds an empty collection where the schema puts it: before the first one that follows it. */
function createCollection(xml: string, name: string): string {
  const later = STYLESHEET_ORDER.slice(STYLESHEET_ORDER.indexOf(name) + 1)
    .map((n) => xml.search(new RegExp(`<${n}[\\s>/]`)))
    .filter((at) => at >= 0);
  const at = later.length > 0 ? Math.min(...later) : xml.lastIndexOf('</styleSheet>');
  return `${xml.slice(0, at)}<${name} count="0"></${name}>${xml.slice(at)}`;
}

/** Appends children to a collection, creating it if need be, and keeps its count true. */
function appendTo(xml: string, name: string, children: readonly string[]): string {
  if (children.length === 0) return xml;
  if (!new RegExp(`<${name}[\\s>/]`).test(xml)) xml = createCollection(xml, name);
  const before = collection(xml, name).count;
  xml = appendChild(xml, name, children.join(''));
  return xml.replace(new RegExp(`<${name}\\b[^>]*>`), (tag) =>
    setAttribute(tag, 'count', String(before + children.length)),
  );
}

/**
 * Merges the donor's fonts, fills, borders, number formats, cell formats and differential
 * formats into the target's styles.xml, reusing identical entries and appending the others, and
 * returns how donor ids map. Existing entries keep their positions, so every existing cell keeps
 * its look.
 */
export async function mergeStyles(target: XlsxPackage, donor: XlsxPackage): Promise<StyleMap> {
  return await mergeStyleXml(target, await donor.text(STYLES));
}

/** The same from a donor's styles.xml text (ooxml/cell-styles.ts writes one of its own). */
export async function mergeStyleXml(target: XlsxPackage, d: string): Promise<StyleMap> {
  let xml = await target.text(STYLES);
  if (/<\w+:styleSheet[\s>]/.test(xml)) throw new Error('styles.xml with namespace prefixes');
  // Custom number formats: reuse an identical format code, else take a fresh id above 163.
  const targetFmts = elements(collection(xml, 'numFmts').inner, 'numFmt').map((e) =>
    attributes(e.text),
  );
  // A fresh id must be unused anywhere in the part: differential formats carry numFmt ids too,
  // and Excel treats two numFmt elements with one id as a damaged styles part.
  const usedIds = elements(xml, 'numFmt').map((e) => Number(attributes(e.text).numFmtId));
  let nextId = Math.max(163, ...usedIds) + 1;
  const fmtMap = new Map<number, number>();
  const newFmts: string[] = [];
  for (const e of elements(collection(d, 'numFmts').inner, 'numFmt')) {
    const a = attributes(e.text);
    const same = targetFmts.find((f) => f.formatCode === a.formatCode);
    if (same) fmtMap.set(Number(a.numFmtId), Number(same.numFmtId));
    else {
      fmtMap.set(Number(a.numFmtId), nextId);
      newFmts.push(setAttribute(e.text, 'numFmtId', String(nextId)));
      targetFmts.push({ numFmtId: String(nextId), formatCode: a.formatCode ?? '' });
      nextId++;
    }
  }
  const mapFmt = (id: number) => fmtMap.get(id) ?? id;
  xml = appendTo(xml, 'numFmts', newFmts);

  /**
   * Each donor entry reuses an identical entry of the target or is appended, so consolidating
   * again adds nothing and rebuilt sheets come out with the same style ids.
   */
  const merge = (name: string, children: readonly string[]): number[] => {
    const existing = elements(collection(xml, name).inner, childOf(name)).map((e) => e.text);
    const index = new Map<string, number>();
    existing.forEach((t, i) => index.has(t) || index.set(t, i));
    const added: string[] = [];
    const ids = children.map((c) => {
      const found = index.get(c);
      if (found !== undefined) return found;
      const id = existing.length + added.length;
      index.set(c, id);
      added.push(c);
      return id;
    });
    xml = appendTo(xml, name, added);
    return ids;
  };
  const donorChildren = (name: string) =>
    elements(collection(d, name).inner, childOf(name)).map((e) => e.text);
  const fonts = merge('fonts', donorChildren('fonts'));
  const fills = merge('fills', donorChildren('fills'));
  const borders = merge('borders', donorChildren('borders'));
  const xfs = merge(
    'cellXfs',
    donorChildren('cellXfs').map((text) => {
      const a = attributes(startTag(text));
      let tag = startTag(text);
      tag = setAttribute(tag, 'fontId', String(fonts[Number(a.fontId ?? 0)] ?? 0));
      tag = setAttribute(tag, 'fillId', String(fills[Number(a.fillId ?? 0)] ?? 0));
      tag = setAttribute(tag, 'borderId', String(borders[Number(a.borderId ?? 0)] ?? 0));
      tag = setAttribute(tag, 'numFmtId', String(mapFmt(Number(a.numFmtId ?? 0))));
      tag = setAttribute(tag, 'xfId', '0');
      return tag + text.slice(startTag(text).length);
    }),
  );
  const dxfs = merge(
    'dxfs',
    donorChildren('dxfs').map((text) =>
      text.replace(/<numFmt\b[^>]*>/g, (tag) => {
        const a = attributes(tag);
        return setAttribute(tag, 'numFmtId', String(mapFmt(Number(a.numFmtId))));
      }),
    ),
  );
  target.setText(STYLES, xml);
  return { cellXf: (id) => xfs[id] ?? 0, dxf: (id) => dxfs[id] ?? 0 };
}
