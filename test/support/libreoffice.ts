/**
 * The recalculation harness: LibreOffice recalculates a workbook implan wrote, and tests read
 * the computed values back (dates as serial numbers) to compare with their own expectations.
 */
import { a1, parseCell } from '../../src/domain/plan/a1';
import { readCells, sharedStrings } from '../../src/xlsx/ooxml/cells';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { listSheets } from '../../src/xlsx/ooxml/workbook';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const lo = require('../../scripts/lib/libreoffice.js') as {
  convert(bytes: Uint8Array, to: string, options?: { timeoutMs?: number }): Promise<Buffer>;
  requireLibreOffice(): void;
};

export type Computed = number | string | boolean | null | { error: string };

export interface ComputedBook {
  sheetNames(): string[];
  value(sheet: string, ref: string): Computed;
  /** Every cell of a sheet that holds a value, as [A1 reference, value]. */
  cells(sheet: string): [string, Computed][];
}

export const requireLibreOffice = (): void => lo.requireLibreOffice();

export async function recalculate(xlsx: Uint8Array): Promise<Buffer> {
  return await lo.convert(xlsx, 'xlsx');
}

/**
 * Reads the recalculated values straight from the sheet parts: exceljs drops a formula's cached
 * result when it is 0, which would hide exactly the edge cases these tests look for.
 */
export async function computedValues(xlsx: Uint8Array): Promise<ComputedBook> {
  const pkg = await XlsxPackage.load(await recalculate(xlsx));
  const sheets = await listSheets(pkg);
  const strings = await sharedStrings(pkg);
  const values = new Map<string, Computed>();
  for (const sheet of sheets) {
    const dims = /<dimension ref="[A-Z]+\d+:([A-Z]+)(\d+)"/.exec(await pkg.text(sheet.path));
    const last = dims ? parseCell(`${dims[1]}${dims[2]}`) : { row: 0, col: 0 };
    const cells = await readCells(
      pkg,
      sheet.path,
      { top: 0, bottom: last.row, left: 0, right: last.col },
      strings,
    );
    cells.forEach((row, r) =>
      row.forEach((v, c) => v !== null && values.set(`${sheet.name}!${a1(r, c)}`, v)),
    );
  }
  return {
    sheetNames: () => sheets.map((s) => s.name),
    value(sheet, ref) {
      if (!sheets.some((s) => s.name === sheet))
        throw new Error(`No sheet ${sheet} in the recalculated workbook`);
      return values.get(`${sheet}!${ref}`) ?? null;
    },
    cells: (sheet) =>
      [...values]
        .filter(([key]) => key.startsWith(`${sheet}!`))
        .map(([key, v]): [string, Computed] => [key.slice(sheet.length + 1), v]),
  };
}
