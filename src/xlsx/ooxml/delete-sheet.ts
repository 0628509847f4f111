import { dropCalcChain } from './calc-chain';
import { PackageError, type XlsxPackage } from './package';
import {
  REL,
  relationshipsOf,
  relsPathOf,
  removeContentType,
  resolveTarget,
} from './relationships';
import { listDefinedNames, listSheets, listTables, WORKBOOK } from './workbook';
import { attributes, elements, escapeXml, setAttribute } from './xml-text';

/**
 * Deletes a sheet and its tables from a package. Excel would turn every formula that refers to
 * them into #REF! for good; a file edit cannot ask, so it refuses instead when another sheet or
 * a workbook name refers to the sheet or its tables, and when the sheet holds parts implan does
 * not know how to take apart (charts, pictures, comments).
 */
export async function deleteSheet(pkg: XlsxPackage, name: string): Promise<void> {
  const sheets = await listSheets(pkg);
  const index = sheets.findIndex((s) => s.name.toUpperCase() === name.toUpperCase());
  const sheet = sheets[index];
  if (!sheet) throw new PackageError(`The workbook has no sheet named "${name}".`);
  const rels = await relationshipsOf(pkg, sheet.path);
  if (rels.some((r) => r.type !== REL.table))
    throw new PackageError(
      `The sheet "${sheet.name}" holds charts, pictures or comments; delete it in Excel instead. Nothing was changed.`,
    );
  const tables = (await listTables(pkg)).filter((t) => t.path && t.sheet.path === sheet.path);
  await refuseReferences(pkg, sheet.name, index, [...tables.map((t) => t.name)]);

  for (const rel of rels) {
    const part = resolveTarget(sheet.path, rel.target);
    if (pkg.has(part)) pkg.remove(part);
    await removeContentType(pkg, part);
  }
  if (pkg.has(relsPathOf(sheet.path))) pkg.remove(relsPathOf(sheet.path));
  pkg.remove(sheet.path);
  await removeContentType(pkg, sheet.path);
  await removeWorkbookRelationship(pkg, sheet.rId);
  pkg.setText(WORKBOOK, withoutSheetEntry(await pkg.text(WORKBOOK), index));
  await dropCalcChain(pkg);
}

/** Where a formula names a sheet: `Name!` or `'Name'!`, as the XML spells it. */
const sheetPatterns = (name: string) =>
  [`${name}!`, `'${name.replace(/'/g, "''")}'!`].map((p) => escapeXml(p).toUpperCase());

async function refuseReferences(
  pkg: XlsxPackage,
  name: string,
  index: number,
  tables: readonly string[],
): Promise<void> {
  const needles = [...sheetPatterns(name), ...tables.map((t) => `${t.toUpperCase()}[`)];
  const holds = (text: string) => needles.some((n) => text.toUpperCase().includes(n));
  const others = (await listSheets(pkg)).filter((_, i) => i !== index);
  for (const other of others)
    if (other.path && holds(await pkg.text(other.path)))
      throw new PackageError(
        `Formulas on the sheet "${other.name}" refer to the sheet "${name}" or its tables; leave the project out of consolidation and consolidate again first, or delete the sheet in Excel. Nothing was changed.`,
      );
  const names = (await listDefinedNames(pkg)).filter((n) => n.localSheetId !== index);
  const named = names.find((n) => holds(escapeXml(n.refersTo)));
  if (named)
    throw new PackageError(
      `The name ${named.name} refers to the sheet "${name}"; remove or change it in Excel (Formulas > Name Manager) first. Nothing was changed.`,
    );
}

async function removeWorkbookRelationship(pkg: XlsxPackage, rId: string): Promise<void> {
  const path = relsPathOf(WORKBOOK);
  let xml = await pkg.text(path);
  const gone = elements(xml, 'Relationship').find((e) => attributes(e.text).Id === rId);
  if (gone) xml = xml.slice(0, gone.start) + xml.slice(gone.end);
  pkg.setText(path, xml);
}

/**
 * workbook.xml without the sheet's entry: its sheet-scoped names go, later sheets' names and
 * the active and first tab shift down by one, as sheet indexes count from the first sheet.
 */
function withoutSheetEntry(xml: string, index: number): string {
  let out = xml;
  const entry = elements(out, 'sheet')[index];
  if (entry) out = out.slice(0, entry.start) + out.slice(entry.end);
  for (const e of elements(out, 'definedName').reverse()) {
    const local = attributes(e.text).localSheetId;
    if (local === undefined || Number(local) < index) continue;
    const kept =
      Number(local) === index
        ? ''
        : e.text.replace(/^<definedName\b[^>]*>/, (tag) =>
            setAttribute(tag, 'localSheetId', String(Number(local) - 1)),
          );
    out = out.slice(0, e.start) + kept + out.slice(e.end);
  }
  out = out.replace(/<definedNames>\s*<\/definedNames>/, '');
  return out.replace(/<workbookView\b[^>]*>/g, (tag) => {
    let t = tag;
    for (const attr of ['activeTab', 'firstSheet']) {
      const v = attributes(t)[attr];
      if (v !== undefined && Number(v) >= index && Number(v) > 0)
        t = setAttribute(t, attr, String(Number(v) - 1));
    }
    return t;
  });
}
