import type { XlsxPackage } from './package';
import { freshPath, PackageError } from './package';
import { sharedStrings } from './cells';
import {
  REL,
  addContentType,
  addRelationship,
  relationshipsOf,
  relsPathOf,
  resolveTarget,
} from './relationships';
import { removeDrawings } from './drawing';
import { mergeStyles, type StyleMap } from './styles';
import { WORKBOOK, listSheets, listTables, relPrefix } from './workbook';
import { appendChild, attributes, escapeXml, setAttribute } from './xml-text';

const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
};

/** A donor sheet's XML restyled for the target: style ids remapped, shared strings inlined. */
export function adaptSheet(xml: string, styles: StyleMap, strings: readonly string[]): string {
  return (
    xml
      .replace(
        /<c\b([^>]*?)\bt="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g,
        (_, a: string, b: string, i: string) => {
          const text = strings[Number(i)] ?? '';
          return `<c${a}t="inlineStr"${b}><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
        },
      )
      .replace(
        /(<(?:c|row)\b[^>]*?\bs=")(\d+)"/g,
        (_, head: string, id: string) => `${head}${styles.cellXf(Number(id))}"`,
      )
      .replace(
        /(<col\b[^>]*?\bstyle=")(\d+)"/g,
        (_, head: string, id: string) => `${head}${styles.cellXf(Number(id))}"`,
      )
      .replace(
        /(<cfRule\b[^>]*?\bdxfId=")(\d+)"/g,
        (_, head: string, id: string) => `${head}${styles.dxf(Number(id))}"`,
      )
      // Two selected tabs would put Excel in group-edit mode: only the user's selection stays.
      .replace(/\stabSelected="(1|true)"/g, '')
  );
}

/** A sheet ready to be placed: its part's XML in the target's terms, and its table parts. */
export interface PlacedSheet {
  readonly name: string;
  readonly xml: string;
  /** Table parts with the relationship id the sheet's XML names them by. */
  readonly tables: readonly { readonly rId: string; readonly xml: string }[];
}

const upper = (s: string) => s.toLocaleUpperCase('en-US');

/**
 * Refuses, before anything changes, sheets or tables whose names the target already has (a
 * sheet in `replace` is rebuilt in place instead, when it holds no tables).
 */
export async function checkNewSheets(
  target: XlsxPackage,
  sheetNames: readonly string[],
  tableNames: readonly string[],
  replace: readonly string[],
): Promise<void> {
  const existing = await listSheets(target);
  const existingTables = await listTables(target);
  for (const name of sheetNames)
    if (!replace.includes(name) || !existing.some((s) => s.name === name))
      if (existing.some((s) => upper(s.name) === upper(name)))
        throw new PackageError(`The workbook already has a sheet named "${name}".`);
  for (const t of tableNames)
    if (existingTables.some((x) => upper(x.name) === upper(t)))
      throw new PackageError(`The workbook already has a table named ${t}.`);
}

/**
 * Donor sheets ready to be placed in `target`: styles.xml gains the donor's styles and each
 * sheet's XML is restyled for it (style ids remapped, shared strings inlined).
 */
export async function donorSheets(
  target: XlsxPackage,
  donor: XlsxPackage,
  sheetNames: readonly string[],
): Promise<PlacedSheet[]> {
  const sheets = await listSheets(donor);
  for (const name of sheetNames)
    if (!sheets.some((s) => s.name === name)) throw new Error(`Donor has no sheet ${name}`);
  const styles = await mergeStyles(target, donor);
  const strings = await sharedStrings(donor);
  const placed: PlacedSheet[] = [];
  for (const name of sheetNames) {
    const source = sheets.find((s) => s.name === name)!;
    const tables = [];
    for (const rel of await relationshipsOf(donor, source.path)) {
      if (rel.type !== REL.table)
        throw new Error(`Unexpected relationship ${rel.type} in donor sheet`);
      tables.push({
        rId: rel.id,
        xml: await donor.text(resolveTarget(source.path, rel.target)),
      });
    }
    placed.push({ name, xml: adaptSheet(await donor.text(source.path), styles, strings), tables });
  }
  return placed;
}

/**
 * Places sheets into the user's workbook `target`, appended after its sheets so existing
 * sheet-scoped names keep their index. Only the parts a new sheet needs are added and only
 * workbook.xml, its rels and [Content_Types].xml are edited, by insertion; every other part
 * stays byte-identical. The caller has checked the names (checkNewSheets), so a refusal leaves
 * the target untouched.
 *
 * A sheet named in `replace` that the target already has is rebuilt in place instead: its
 * part gets the new content and loses its own relationships, while its entry in workbook.xml
 * (position, id, sheet-scoped names) stays, so nothing else shifts.
 */
export async function placeSheets(
  target: XlsxPackage,
  sheets: readonly PlacedSheet[],
  replace: readonly string[] = [],
): Promise<void> {
  const existing = await listSheets(target);
  const existingTables = await listTables(target);
  const replaced = (name: string) =>
    replace.includes(name) ? existing.find((s) => s.name === name) : undefined;
  let nextTableId =
    Math.max(
      0,
      ...(await Promise.all(
        existingTables.map(
          async (t) =>
            Number(attributes((await target.text(t.path)).match(/<table\b[^>]*>/)?.[0] ?? '').id) ||
            0,
        ),
      )),
    ) + 1;
  let sheetId = Math.max(0, ...existing.map((s) => s.sheetId)) + 1;

  for (const { name, xml, tables } of sheets) {
    const old = replaced(name);
    if (old) {
      if (tables.length > 0) throw new Error('Only sheets without tables can be rebuilt in place');
      target.setText(old.path, xml);
      // Its charts go with it (their parts too): the plan's charts are added afresh.
      await removeDrawings(target, old.path);
      if (target.has(relsPathOf(old.path))) target.remove(relsPathOf(old.path));
      continue;
    }
    const sheetPath = freshPath(target, 'xl/worksheets', 'sheet');
    target.setText(sheetPath, xml);
    await addContentType(target, sheetPath, CT.worksheet);
    for (const table of tables) {
      const tablePath = freshPath(target, 'xl/tables', 'table');
      const tableXml = table.xml.replace(/<table\b[^>]*>/, (tag) =>
        setAttribute(tag, 'id', String(nextTableId++)),
      );
      target.setText(tablePath, tableXml);
      await addContentType(target, tablePath, CT.table);
      const relsPath = relsPathOf(sheetPath);
      const relsXml = target.has(relsPath)
        ? await target.text(relsPath)
        : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
      target.setText(
        relsPath,
        appendChild(
          relsXml,
          'Relationships',
          `<Relationship Id="${table.rId}" Type="${REL.table}" Target="../tables/${tablePath.split('/').pop()}"/>`,
        ),
      );
    }
    const rId = await addRelationship(
      target,
      WORKBOOK,
      REL.worksheet,
      sheetPath.replace(/^xl\//, ''),
    );
    const wb = await target.text(WORKBOOK);
    target.setText(
      WORKBOOK,
      appendChild(
        wb,
        'sheets',
        `<sheet name="${escapeXml(name)}" sheetId="${sheetId++}" ${relPrefix(wb)}:id="${rId}"/>`,
      ),
    );
  }
}
