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

/** Appends children to a collection and keeps its count attribute true. */
function appendTo(
  xml: string,
  name: string,
  children: readonly string[],
  createAfter?: string,
): string {
  if (children.length === 0) return xml;
  if (!new RegExp(`<${name}[\\s>/]`).test(xml)) {
    const anchor = createAfter ? xml.indexOf(createAfter) : -1;
    const at =
      anchor >= 0 ? anchor + createAfter!.length : xml.indexOf('>', xml.indexOf('<styleSheet')) + 1;
    xml = `${xml.slice(0, at)}<${name} count="0"></${name}>${xml.slice(at)}`;
  }
  const before = collection(xml, name).count;
  xml = appendChild(xml, name, children.join(''));
  return xml.replace(new RegExp(`<${name}\\b[^>]*>`), (tag) =>
    setAttribute(tag, 'count', String(before + children.length)),
  );
}

/**
 * Appends the donor's fonts, fills, borders, number formats, cell formats and differential
 * formats to the target's styles.xml, renumbering ids, and returns how donor ids map. Existing
 * entries keep their positions, so every existing cell keeps its look.
 */
export async function mergeStyles(target: XlsxPackage, donor: XlsxPackage): Promise<StyleMap> {
  let xml = await target.text(STYLES);
  const d = await donor.text(STYLES);
  if (/<\w+:styleSheet[\s>]/.test(xml)) throw new Error('styles.xml with namespace prefixes');
  const offset = (name: string) => collection(xml, name).count;
  const fontOffset = offset('fonts');
  const fillOffset = offset('fills');
  const borderOffset = offset('borders');
  const xfOffset = offset('cellXfs');
  const dxfOffset = offset('dxfs');

  // Custom number formats: reuse an identical format code, else take a fresh id above 163.
  const targetFmts = elements(collection(xml, 'numFmts').inner, 'numFmt').map((e) =>
    attributes(e.text),
  );
  let nextId = Math.max(163, ...targetFmts.map((f) => Number(f.numFmtId))) + 1;
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

  const xfs = elements(collection(d, 'cellXfs').inner, 'xf').map((e) => {
    const a = attributes(startTag(e.text));
    let tag = startTag(e.text);
    tag = setAttribute(tag, 'fontId', String(Number(a.fontId ?? 0) + fontOffset));
    tag = setAttribute(tag, 'fillId', String(Number(a.fillId ?? 0) + fillOffset));
    tag = setAttribute(tag, 'borderId', String(Number(a.borderId ?? 0) + borderOffset));
    tag = setAttribute(tag, 'numFmtId', String(mapFmt(Number(a.numFmtId ?? 0))));
    tag = setAttribute(tag, 'xfId', '0');
    return tag + e.text.slice(startTag(e.text).length);
  });
  const dxfs = elements(collection(d, 'dxfs').inner, 'dxf').map((e) =>
    e.text.replace(/<numFmt\b[^>]*>/g, (tag) => {
      const a = attributes(tag);
      return setAttribute(tag, 'numFmtId', String(mapFmt(Number(a.numFmtId))));
    }),
  );

  xml = appendTo(xml, 'numFmts', newFmts);
  xml = appendTo(
    xml,
    'fonts',
    elements(collection(d, 'fonts').inner, 'font').map((e) => e.text),
  );
  xml = appendTo(
    xml,
    'fills',
    elements(collection(d, 'fills').inner, 'fill').map((e) => e.text),
  );
  xml = appendTo(
    xml,
    'borders',
    elements(collection(d, 'borders').inner, 'border').map((e) => e.text),
  );
  xml = appendTo(xml, 'cellXfs', xfs);
  xml = appendTo(xml, 'dxfs', dxfs, '</cellStyles>');
  target.setText(STYLES, xml);
  return { cellXf: (id) => id + xfOffset, dxf: (id) => id + dxfOffset };
}
