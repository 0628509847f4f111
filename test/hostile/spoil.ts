import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { listSheets } from '../../src/xlsx/ooxml/workbook';
import { cli } from './support';

/**
 * A user's workbook with a plan: their own "Notes" sheet, then `implan init`, then two
 * projects added (Alpha on the sheet "Alpha", Beta on "Beta"), made once per test file.
 */
export async function planBook(file: string, cache: { bytes?: Buffer }): Promise<Buffer> {
  if (!cache.bytes) {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').getCell('A1').value = 'My own notes';
    await fs.writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
    for (const args of [
      ['init', file],
      ['add-project', file, '--name', 'Alpha', '--code', 'ALPHA', '--start', '2025-01-06'],
      ['add-project', file, '--name', 'Beta', '--code', 'BETA', '--start', '2025-02-03'],
    ]) {
      const r = await cli(...args);
      if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.err}`);
    }
    cache.bytes = await fs.readFile(file);
  }
  await fs.writeFile(file, cache.bytes);
  return cache.bytes;
}

/** The parts of a workbook as text, with each sheet's part found by its name. */
export interface Parts {
  get(path: string): string;
  set(path: string, text: string): void;
  sheet(name: string): string;
  /** The sheet's 0-based position, as `localSheetId` counts it. */
  index(name: string): number;
}

/** Rewrites a workbook file with some of its XML parts edited, as another program might. */
export async function spoil(file: string, edit: (parts: Parts) => void): Promise<void> {
  const bytes = await fs.readFile(file);
  const zip = await JSZip.loadAsync(bytes);
  const sheets = await listSheets(await XlsxPackage.load(bytes));
  const texts = new Map<string, string>();
  for (const f of Object.values(zip.files))
    if (!f.dir && /\.(xml|rels)$/.test(f.name)) texts.set(f.name, await f.async('string'));
  const parts: Parts = {
    get: (path) => texts.get(path) ?? '',
    set: (path, text) => {
      texts.set(path, text);
      zip.file(path, text);
    },
    index: (name) => sheets.findIndex((s) => s.name === name),
    sheet: (name) => {
      const path = sheets.find((s) => s.name === name)?.path;
      if (!path) throw new Error(`no sheet ${name}`);
      return path;
    },
  };
  edit(parts);
  await fs.writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Sets one cell of a sheet's XML to a number or an inline string. */
export function setCell(xml: string, ref: string, value: number | string): string {
  const cell =
    typeof value === 'number'
      ? `<c r="${ref}"><v>${value}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  const existing = new RegExp(`<c r="${ref}"(?:[^>]*/>|[^>]*>[\\s\\S]*?</c>)`);
  if (!existing.test(xml)) throw new Error(`no cell ${ref}`);
  return xml.replace(existing, cell);
}

/** Elements that follow `<mergeCells>` in a worksheet, in schema order. */
const AFTER_MERGES =
  /<(phoneticPr|conditionalFormatting|dataValidations|hyperlinks|printOptions|pageMargins|pageSetup)\b/;

/** Merges a range, in the place the schema gives merged cells. */
export function merge(xml: string, range: string): string {
  const cell = `<mergeCell ref="${range}"/>`;
  if (/<mergeCells\b/.test(xml))
    return xml.replace(/(<mergeCells\b[^>]*>)/, `$1${cell}`).replace(/count="\d+"/, '');
  const at = AFTER_MERGES.exec(xml)?.index ?? xml.indexOf('</worksheet>');
  return `${xml.slice(0, at)}<mergeCells>${cell}</mergeCells>${xml.slice(at)}`;
}

/** Protects a sheet the way Excel writes it, right after its cells. */
export const protectSheet = (xml: string): string =>
  xml.replace('</sheetData>', '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>');

/** Protects the workbook's structure the way Excel writes it, before its views. */
export const protectStructure = (xml: string): string =>
  xml.replace(/<(bookViews|sheets)\b/, '<workbookProtection lockStructure="1"/><$1');

/** Adds a defined name, workbook-wide or scoped to the sheet at `localSheetId`. */
export function addName(
  xml: string,
  name: string,
  refersTo: string,
  localSheetId?: number,
): string {
  const scope = localSheetId === undefined ? '' : ` localSheetId="${localSheetId}"`;
  const element = `<definedName name="${name}"${scope}>${refersTo}</definedName>`;
  if (/<definedNames>/.test(xml)) return xml.replace('<definedNames>', `<definedNames>${element}`);
  return xml.replace('</sheets>', `</sheets><definedNames>${element}</definedNames>`);
}
