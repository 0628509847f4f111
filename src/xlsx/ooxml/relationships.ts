import type { XlsxPackage } from './package';
import { appendChild, attributes, elements, escapeXml } from './xml-text';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

export const REL = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  sharedStrings:
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
} as const;

/** The rels part of a part: xl/worksheets/sheet1.xml -> xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part. */
export function resolveTarget(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = part.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Parsed relationship parts per package, reused while the part's text is the same string:
 * every table look-up walks every sheet's relationships, and parsing them again each time grew
 * with the square of the sheets.
 */
const parsed = new WeakMap<
  XlsxPackage,
  Map<string, { xml: string; rels: readonly Relationship[] }>
>();

export async function relationshipsOf(pkg: XlsxPackage, part: string): Promise<Relationship[]> {
  const path = relsPathOf(part);
  if (!pkg.has(path)) return [];
  const xml = await pkg.text(path);
  let parts = parsed.get(pkg);
  if (!parts)
    parsed.set(pkg, (parts = new Map<string, { xml: string; rels: readonly Relationship[] }>()));
  const cached = parts.get(path);
  if (cached && cached.xml === xml) return cached.rels.map((r) => ({ ...r }));
  const rels = elements(xml, 'Relationship').map((e) => {
    const a = attributes(e.text);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '' };
  });
  parts.set(path, { xml, rels });
  return rels.map((r) => ({ ...r }));
}

/** Adds a relationship with a fresh id and returns the id. */
export async function addRelationship(
  pkg: XlsxPackage,
  part: string,
  type: string,
  target: string,
): Promise<string> {
  const path = relsPathOf(part);
  const xml = pkg.has(path)
    ? await pkg.text(path)
    : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const used = new Set(elements(xml, 'Relationship').map((e) => attributes(e.text).Id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  pkg.setText(
    path,
    appendChild(
      xml,
      'Relationships',
      `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`,
    ),
  );
  return id;
}

/** Declares a part's content type unless an Override already does. */
export async function addContentType(
  pkg: XlsxPackage,
  part: string,
  contentType: string,
): Promise<void> {
  const xml = await pkg.text('[Content_Types].xml');
  // Part names compare ignoring ASCII case (OPC M1.12), so one Override serves either spelling.
  const declared = elements(xml, 'Override').some(
    (e) => attributes(e.text).PartName?.toLowerCase() === `/${part}`.toLowerCase(),
  );
  if (declared) return;
  pkg.setText(
    '[Content_Types].xml',
    appendChild(
      xml,
      'Types',
      `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`,
    ),
  );
}

/** Removes a part's relationships of one type and returns the parts they pointed at. */
export async function removeRelationships(
  pkg: XlsxPackage,
  part: string,
  type: string,
): Promise<string[]> {
  const path = relsPathOf(part);
  if (!pkg.has(path)) return [];
  let xml = await pkg.text(path);
  const gone = elements(xml, 'Relationship').filter((e) => attributes(e.text).Type === type);
  for (const e of [...gone].reverse()) xml = xml.slice(0, e.start) + xml.slice(e.end);
  if (gone.length > 0) pkg.setText(path, xml);
  return gone.map((e) => resolveTarget(part, attributes(e.text).Target ?? ''));
}

/** Removes a part's Override from [Content_Types].xml, matching its name ignoring case. */
export async function removeContentType(pkg: XlsxPackage, part: string): Promise<void> {
  let xml = await pkg.text('[Content_Types].xml');
  const gone = elements(xml, 'Override').filter(
    (e) => attributes(e.text).PartName?.toLowerCase() === `/${part}`.toLowerCase(),
  );
  for (const e of [...gone].reverse()) xml = xml.slice(0, e.start) + xml.slice(e.end);
  if (gone.length > 0) pkg.setText('[Content_Types].xml', xml);
}
