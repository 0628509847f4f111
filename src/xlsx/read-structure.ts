import { JOINT_SHEETS } from '../domain/consolidation/consolidate';
import { REGISTRY_SHEET, REGISTRY_TABLE } from '../domain/template/registry-sheet';
import { SETTINGS_TABLES } from '../domain/template/settings-names';
import { SETTINGS_SHEET } from '../domain/template/settings-sheet';
import type { NameRead, TableAt, WorkbookStructure } from '../domain/validation/structure';
import type { XlsxPackage } from './ooxml/package';
import { WORKBOOK, listDefinedNames, type SheetEntry, type TableEntry } from './ooxml/workbook';
import { attributes } from './ooxml/xml-text';

/** An OOXML boolean attribute that is on (`1` or `true`). */
const isOn = (v: string | undefined) => v === '1' || v === 'true';

/** The first start tag of an element, or undefined. */
const startTag = (xml: string, name: string) => new RegExp(`<${name}\\b[^>]*>`).exec(xml)?.[0];

/** Sheets implan writes into, so the only ones whose protection and merges matter to it. */
const WRITTEN = new Set(
  [REGISTRY_SHEET, SETTINGS_SHEET, ...JOINT_SHEETS].map((s) => s.toUpperCase()),
);

/** The tables implan grows: the registry (Add project) and the Settings lists (Settings). */
const GROWN = new Set(
  [REGISTRY_TABLE, ...Object.values(SETTINGS_TABLES)].map((t) => t.toUpperCase()),
);

/** Whether a sheet's XML protects it (`<sheetProtection sheet="1">`). */
const isProtected = (xml: string): boolean => {
  const guard = startTag(xml, 'sheetProtection');
  return guard !== undefined && isOn(attributes(guard).sheet);
};

/**
 * The protected ones among `sheets`, for a writer that also writes sheets `readStructure` does
 * not read (the upgrade adds cells and columns to every project sheet).
 */
export async function protectedAmong(
  pkg: XlsxPackage,
  sheets: readonly SheetEntry[],
): Promise<string[]> {
  const out: string[] = [];
  for (const sheet of sheets)
    if (sheet.path && isProtected(await pkg.text(sheet.path))) out.push(sheet.name);
  return out;
}

/**
 * Protection (`<workbookProtection lockStructure>`, `<sheetProtection sheet>`), defined names
 * with their scope, and the merged cells (`<mergeCell ref>`) of the sheets implan writes into,
 * read from the package. Only those sheets' XML is read: the project sheets are never written.
 */
export async function readStructure(
  pkg: XlsxPackage,
  sheets: readonly SheetEntry[],
  tables: Iterable<TableEntry>,
): Promise<WorkbookStructure> {
  const workbook = await pkg.text(WORKBOOK);
  const lock = startTag(workbook, 'workbookProtection');
  const names: NameRead[] = (await listDefinedNames(pkg)).map((n) => {
    const scope = n.localSheetId === undefined ? undefined : sheets[n.localSheetId]?.name;
    return { name: n.name, refersTo: n.refersTo, ...(scope !== undefined ? { sheet: scope } : {}) };
  });
  const protectedSheets: string[] = [];
  const merges: { sheet: string; range: string }[] = [];
  for (const sheet of sheets) {
    if (!WRITTEN.has(sheet.name.toUpperCase()) || !sheet.path) continue;
    const xml = await pkg.text(sheet.path);
    if (isProtected(xml)) protectedSheets.push(sheet.name);
    for (const m of xml.matchAll(/<mergeCell\b[^>]*>/g)) {
      const ref = attributes(m[0]).ref;
      if (ref) merges.push({ sheet: sheet.name, range: ref });
    }
  }
  const grown: TableAt[] = [];
  for (const t of tables)
    if (GROWN.has(t.name.toUpperCase()))
      grown.push({ name: t.name, sheet: t.sheet.name, ref: t.ref });
  return {
    structureProtected: lock !== undefined && isOn(attributes(lock).lockStructure),
    protectedSheets,
    names,
    tables: grown,
    merges,
  };
}
