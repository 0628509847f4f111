import { parseRange } from '../../domain/plan/a1';
import type { XlsxPackage } from './package';
import { REL, relationshipsOf, relsPathOf, resolveTarget } from './relationships';
import { appendChild, attributes, elements, escapeXml, unescapeXml } from './xml-text';

export const WORKBOOK = 'xl/workbook.xml';

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly rId: string;
  readonly path: string;
}

export interface TableEntry {
  readonly name: string;
  readonly ref: string;
  readonly path: string;
  readonly sheet: SheetEntry;
  readonly columns: readonly string[];
  readonly headerRowCount: number;
  readonly totalsRowCount: number;
}

/** The prefix the workbook binds to the relationships namespace (Excel writes "r"). */
export function relPrefix(workbookXml: string): string {
  const m =
    /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
      workbookXml,
    );
  return m?.[1] ?? 'r';
}

/**
 * The sheets as last parsed, per package, reused while the workbook part and its relationships
 * part are the same strings (as relationshipsOf reuses its parse): every table look-up and sheet
 * step lists the sheets, and parsing 400 sheet entries for each of them grew with the square of
 * the projects.
 */
const listed = new WeakMap<
  XlsxPackage,
  { xml: string; relsXml: string; sheets: readonly SheetEntry[] }
>();

export async function listSheets(pkg: XlsxPackage): Promise<SheetEntry[]> {
  return (await sheetsOf(pkg)).map((s) => ({ ...s }));
}

/** listSheets without a copy, for look-ups in this module. */
async function sheetsOf(pkg: XlsxPackage): Promise<readonly SheetEntry[]> {
  const xml = await pkg.text(WORKBOOK);
  const relsPath = relsPathOf(WORKBOOK);
  const relsXml = pkg.has(relsPath) ? await pkg.text(relsPath) : '';
  const cached = listed.get(pkg);
  if (cached && cached.xml === xml && cached.relsXml === relsXml) return cached.sheets;
  const prefix = relPrefix(xml);
  const byId = new Map((await relationshipsOf(pkg, WORKBOOK)).map((r) => [r.id, r] as const));
  const sheets = elements(xml, 'sheet').map((e) => {
    const a = attributes(e.text);
    const rId = a[`${prefix}:id`] ?? '';
    const rel = byId.get(rId);
    return {
      name: a.name ?? '',
      sheetId: Number(a.sheetId),
      rId,
      path: rel ? resolveTarget(WORKBOOK, rel.target) : '',
    };
  });
  listed.set(pkg, { xml, relsXml, sheets });
  return sheets;
}

/** The table parts of every sheet, in workbook order, with their start tags. */
async function* tableParts(
  pkg: XlsxPackage,
): AsyncGenerator<{ sheet: SheetEntry; path: string; xml: string; a: Record<string, string> }> {
  for (const sheet of await listSheets(pkg)) {
    if (!sheet.path) continue;
    for (const rel of await relationshipsOf(pkg, sheet.path)) {
      if (rel.type !== REL.table) continue;
      const path = resolveTarget(sheet.path, rel.target);
      const xml = await pkg.text(path);
      yield { sheet, path, xml, a: attributes(/<table\b[^>]*>/.exec(xml)?.[0] ?? '') };
    }
  }
}

function tableEntry(part: {
  sheet: SheetEntry;
  path: string;
  xml: string;
  a: Record<string, string>;
}): TableEntry {
  const { a, xml } = part;
  return {
    name: a.displayName ?? a.name ?? '',
    ref: a.ref ?? '',
    path: part.path,
    sheet: part.sheet,
    columns: elements(xml, 'tableColumn').map((c) => attributes(c.text).name ?? ''),
    headerRowCount: a.headerRowCount === undefined ? 1 : Number(a.headerRowCount),
    totalsRowCount: a.totalsRowCount === undefined ? 0 : Number(a.totalsRowCount),
  };
}

export async function listTables(pkg: XlsxPackage): Promise<TableEntry[]> {
  const out: TableEntry[] = [];
  for await (const part of tableParts(pkg)) out.push(tableEntry(part));
  return out;
}

/** Where each table stands, by upper-case name, as last listed (the first of a name wins). */
const tableIndexes = new WeakMap<
  XlsxPackage,
  Map<string, { readonly sheet: SheetEntry; readonly path: string }>
>();

/**
 * The table at an indexed place, if it is still there under this name: its sheet is listed as
 * it was, its sheet's relationships still point at it and its start tag still names it.
 */
async function indexedTable(
  pkg: XlsxPackage,
  upper: string,
  at: { readonly sheet: SheetEntry; readonly path: string } | undefined,
): Promise<TableEntry | undefined> {
  if (!at || !pkg.has(at.path)) return undefined;
  const sheet = (await sheetsOf(pkg)).find((s) => s.rId === at.sheet.rId);
  if (!sheet || sheet.path !== at.sheet.path || sheet.name !== at.sheet.name) return undefined;
  const rels = await relationshipsOf(pkg, sheet.path);
  if (!rels.some((r) => r.type === REL.table && resolveTarget(sheet.path, r.target) === at.path))
    return undefined;
  const xml = await pkg.text(at.path);
  const a = attributes(/<table\b[^>]*>/.exec(xml)?.[0] ?? '');
  if ((a.displayName ?? a.name ?? '').toUpperCase() !== upper) return undefined;
  return tableEntry({ sheet, path: at.path, xml, a });
}

/**
 * The first table of this name, ignoring case. Tables are indexed once and each look-up
 * checks its table is still where the index says; a miss lists them again. Walking every
 * table for each look-up (three a project, when writing or reading a workbook) grew with the
 * square of the projects.
 */
export async function findTable(pkg: XlsxPackage, name: string): Promise<TableEntry | undefined> {
  const upper = name.toUpperCase();
  const found = await indexedTable(pkg, upper, tableIndexes.get(pkg)?.get(upper));
  if (found) return found;
  const index = new Map<string, { sheet: SheetEntry; path: string }>();
  for await (const part of tableParts(pkg)) {
    const key = (part.a.displayName ?? part.a.name ?? '').toUpperCase();
    if (!index.has(key)) index.set(key, { sheet: part.sheet, path: part.path });
  }
  tableIndexes.set(pkg, index);
  return await indexedTable(pkg, upper, index.get(upper));
}

/** Data body of a table: the ref less its header and totals rows. */
export function bodyRange(t: TableEntry): {
  top: number;
  bottom: number;
  left: number;
  right: number;
} {
  const r = parseRange(t.ref);
  return {
    top: r.from.row + t.headerRowCount,
    bottom: r.to.row - t.totalsRowCount,
    left: r.from.col,
    right: r.to.col,
  };
}

/**
 * Adds or replaces workbook-level names. Names implan does not set, sheet-scoped names and the
 * rest of workbook.xml stay byte-identical.
 */
export async function setDefinedNames(
  pkg: XlsxPackage,
  names: readonly { name: string; refersTo: string; comment?: string; localSheetId?: number }[],
): Promise<void> {
  let xml = await pkg.text(WORKBOOK);
  const toAdd: string[] = [];
  for (const { name, refersTo, comment, localSheetId } of names) {
    // The comment Excel's Name Manager shows (CT_DefinedName's comment attribute).
    const said = comment === undefined ? '' : ` comment="${escapeXml(comment)}"`;
    // A sheet-scoped name (a print area) names its sheet by its 0-based position.
    const local = localSheetId === undefined ? '' : ` localSheetId="${localSheetId}"`;
    const element = `<definedName name="${escapeXml(name)}"${local}${said}>${escapeXml(refersTo)}</definedName>`;
    const existing = elements(xml, 'definedName').find((e) => {
      const a = attributes(e.text);
      return (
        a.name?.toUpperCase() === name.toUpperCase() &&
        a.localSheetId === (localSheetId === undefined ? undefined : String(localSheetId))
      );
    });
    if (existing) xml = xml.slice(0, existing.start) + element + xml.slice(existing.end);
    else toAdd.push(element);
  }
  if (toAdd.length > 0) {
    if (/<definedNames[\s>/]/.test(xml)) xml = appendChild(xml, 'definedNames', toAdd.join(''));
    else {
      // Schema order: sheets, functionGroups, externalReferences, definedNames, calcPr, ...
      const anchors = ['</externalReferences>', '</functionGroups>', '</sheets>'];
      const anchor = anchors.map((a) => ({ a, i: xml.indexOf(a) })).find((x) => x.i >= 0);
      if (!anchor) throw new Error('workbook.xml has no <sheets> element');
      const at = anchor.i + anchor.a.length;
      xml = `${xml.slice(0, at)}<definedNames>${toAdd.join('')}</definedNames>${xml.slice(at)}`;
    }
  }
  pkg.setText(WORKBOOK, xml);
}

export async function listDefinedNames(
  pkg: XlsxPackage,
): Promise<{ name: string; refersTo: string; localSheetId?: number; comment?: string }[]> {
  const xml = await pkg.text(WORKBOOK);
  return elements(xml, 'definedName').map((e) => {
    const a = attributes(e.text);
    const body = /^<[^>]*>([\s\S]*)<\/definedName>$/.exec(e.text)?.[1] ?? '';
    return {
      name: a.name ?? '',
      refersTo: unescapeXml(body),
      ...(a.comment !== undefined ? { comment: a.comment } : {}),
      ...(a.localSheetId !== undefined ? { localSheetId: Number(a.localSheetId) } : {}),
    };
  });
}
