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

/**
 * Copies sheets that exceljs rendered into `donor` into the user's workbook `target`, appended
 * after its sheets so existing sheet-scoped names keep their index. Only the parts a new sheet
 * needs are added and only workbook.xml, its rels, [Content_Types].xml and styles.xml are
 * edited, by insertion; every other part stays byte-identical. Checks everything first, so a
 * refusal leaves the target untouched.
 *
 * A sheet named in `replace` that the target already has is rebuilt in place instead: its
 * part gets the donor's content and loses its own relationships, while its entry in
 * workbook.xml (position, id, sheet-scoped names) stays, so nothing else shifts.
 */
export async function graftSheets(
  target: XlsxPackage,
  donor: XlsxPackage,
  sheetNames: readonly string[],
  replace: readonly string[] = [],
): Promise<void> {
  const existing = await listSheets(target);
  const existingTables = await listTables(target);
  const donorSheets = await listSheets(donor);
  const donorTables = await listTables(donor);
  const upper = (s: string) => s.toLocaleUpperCase('en-US');
  const replaced = (name: string) =>
    replace.includes(name) ? existing.find((s) => s.name === name) : undefined;
  for (const name of sheetNames) {
    if (!replaced(name) && existing.some((s) => upper(s.name) === upper(name)))
      throw new PackageError(`The workbook already has a sheet named "${name}".`);
    if (!donorSheets.some((s) => s.name === name)) throw new Error(`Donor has no sheet ${name}`);
  }
  for (const t of donorTables.filter((t) => sheetNames.includes(t.sheet.name)))
    if (existingTables.some((x) => upper(x.name) === upper(t.name)))
      throw new PackageError(`The workbook already has a table named ${t.name}.`);

  const styles = await mergeStyles(target, donor);
  const strings = await sharedStrings(donor);
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

  for (const name of sheetNames) {
    const source = donorSheets.find((s) => s.name === name)!;
    const old = replaced(name);
    if (old) {
      if ((await relationshipsOf(donor, source.path)).length > 0)
        throw new Error('Only sheets without tables can be rebuilt in place');
      target.setText(old.path, adaptSheet(await donor.text(source.path), styles, strings));
      // Its charts go with it (their parts too): the plan's charts are added afresh.
      await removeDrawings(target, old.path);
      if (target.has(relsPathOf(old.path))) target.remove(relsPathOf(old.path));
      continue;
    }
    const sheetPath = freshPath(target, 'xl/worksheets', 'sheet');
    target.setText(sheetPath, adaptSheet(await donor.text(source.path), styles, strings));
    await addContentType(target, sheetPath, CT.worksheet);
    for (const rel of await relationshipsOf(donor, source.path)) {
      if (rel.type !== REL.table)
        throw new Error(`Unexpected relationship ${rel.type} in donor sheet`);
      const tablePath = freshPath(target, 'xl/tables', 'table');
      const tableXml = (await donor.text(resolveTarget(source.path, rel.target))).replace(
        /<table\b[^>]*>/,
        (tag) => setAttribute(tag, 'id', String(nextTableId++)),
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
          `<Relationship Id="${rel.id}" Type="${REL.table}" Target="../tables/${tablePath.split('/').pop()}"/>`,
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
