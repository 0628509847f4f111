import { sharedStrings } from './cells';
import { cellsOfRow, findRow, putRow } from './sheet-rows';
import { adaptSheet } from './graft';
import { PackageError, type XlsxPackage } from './package';
import { mergeStyles } from './styles';
import { listSheets } from './workbook';
import { appendChild, attributes, elements, setAttribute, startTag } from './xml-text';
import { insertAt } from './worksheet-order';

const ROW = /<row\b[^>]*?\br="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g;

/** Lays every cell of a rendered sheet's rows onto the target sheet's XML, row by row. */
function putCells(xml: string, renderedSheetData: string): string {
  let out = xml;
  for (const row of renderedSheetData.matchAll(ROW)) {
    const r = Number(row[1]) - 1;
    const cells = cellsOfRow(findRow(out, r)?.[1]);
    for (const [col, cell] of cellsOfRow(row[2])) cells.set(col, cell);
    out = putRow(out, r, cells);
  }
  return out;
}

/**
 * Conditional formats put ahead of the sheet's own, as Excel does when an add-in adds one
 * (ConditionalFormatCollection.add gives the new format the top priority): the new rules take
 * priorities 1..n in the plan's order and every rule the sheet had, x14 ones too, moves down
 * by n, keeping its order. So a file and a live upgrade rank the same rules the same way.
 */
function addConditionalFormats(xml: string, formats: readonly string[]): string {
  const added = formats.reduce((n, f) => n + (f.match(/<cfRule\b/g) ?? []).length, 0);
  if (added === 0) return xml;
  let out = xml.replace(
    /(<(?:\w+:)?cfRule\b[^>]*?\bpriority=")(\d+)"/g,
    (_, head: string, p: string) => `${head}${Number(p) + added}"`,
  );
  let next = 1;
  for (const format of formats) {
    const renumbered = format.replace(/<cfRule\b[^>]*>/g, (tag) =>
      setAttribute(tag, 'priority', String(next++)),
    );
    out = insertAt(out, 'conditionalFormatting', renumbered);
  }
  return out;
}

function addValidations(xml: string, validations: readonly string[]): string {
  if (validations.length === 0) return xml;
  const existing = elements(xml, 'dataValidations')[0];
  if (!existing)
    return insertAt(
      xml,
      'dataValidations',
      `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`,
    );
  const count = Number(attributes(startTag(existing.text)).count ?? 0) + validations.length;
  const grown = appendChild(existing.text, 'dataValidations', validations.join('')).replace(
    /<dataValidations\b[^>]*>/,
    (tag) => setAttribute(tag, 'count', String(count)),
  );
  return xml.slice(0, existing.start) + grown + xml.slice(existing.end);
}

/**
 * Writes what exceljs rendered into `donor`'s sheets onto the target's sheets of the same
 * names: its cells (style ids remapped, text inline), conditional formats and validations are
 * added to the sheet's part, and styles.xml gains the donor's styles. Every other cell, rule,
 * table and relationship of the sheet stays as it was, and no other part changes.
 */
export async function editSheets(
  target: XlsxPackage,
  donor: XlsxPackage,
  sheetNames: readonly string[],
): Promise<void> {
  const existing = await listSheets(target);
  const donorSheets = await listSheets(donor);
  const pairs = sheetNames.map((name) => {
    const own = existing.find((s) => s.name === name);
    if (!own) throw new PackageError(`The workbook has no sheet named "${name}".`);
    const source = donorSheets.find((s) => s.name === name);
    if (!source) throw new Error(`Donor has no sheet ${name}`);
    return { own, source };
  });
  const styles = await mergeStyles(target, donor);
  const strings = await sharedStrings(donor);
  for (const { own, source } of pairs) {
    const rendered = adaptSheet(await donor.text(source.path), styles, strings);
    if (/<extLst[\s>]/.test(rendered)) throw new Error('Donor sheet with an extension list');
    const sheetData = /<sheetData>([\s\S]*)<\/sheetData>/.exec(rendered)?.[1] ?? '';
    let xml = putCells(await target.text(own.path), sheetData);
    xml = addConditionalFormats(
      xml,
      elements(rendered, 'conditionalFormatting').map((e) => e.text),
    );
    xml = addValidations(
      xml,
      elements(rendered, 'dataValidation').map((e) => e.text),
    );
    target.setText(own.path, xml);
  }
}
