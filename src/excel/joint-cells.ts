import type { SheetCell } from '../domain/consolidation/fingerprint';
import { a1, parseRange } from '../domain/plan/a1';
import type { Scalar } from '../domain/plan/types';
import { type BandedRead, type CellCost, Loads } from './loads';

/**
 * A joint sheet's cells as its fingerprint sees them (src/domain/consolidation/fingerprint.ts):
 * which cells hold formulas, and what the constants say. Formula text is not part of it.
 *
 * Where ExcelApi 1.9 is there, Excel says so itself: the formula cells as the addresses of
 * their areas (Range.getSpecialCellsOrNullObject("Formulas")), the constants with their values
 * ("Constants"). A joint sheet of 200 projects is then a few kilobytes to read back instead of
 * ~38 MB of formulas and values in some 25 responses. Elsewhere, and wherever Excel refuses
 * the special cells, the whole used range is read in bands, formulas and values.
 */
export type JointCells = () => SheetCell[];

/** A cell in a response, formula and value, at the most: see consolidate.ts. */
const jointCells = (): CellCost => ({ bytesPerCell: 64 });

/** Queues the read of `sheet`'s cells, the quick way where `special`, else in bands. */
export function queueJointCellsRead(
  sheet: Excel.Worksheet,
  loads: Loads,
  special: boolean,
): JointCells {
  if (!special) {
    const used = loads.addBanded(
      sheet.getUsedRangeOrNullObject(),
      ['formulas', 'values'],
      jointCells(),
    );
    return () => {
      const read = used();
      return read ? cellsOfBands(read) : [];
    };
  }
  // The whole sheet: special cells never reach past the used range (there is nothing there).
  const whole = sheet.getRange();
  const formulas = whole.getSpecialCellsOrNullObject('Formulas');
  const constants = whole.getSpecialCellsOrNullObject('Constants');
  loads.add(() => formulas.areas.load('items/address'));
  loads.add(() => constants.areas.load('items/address,items/values'));
  return () => [
    ...areasOf(formulas).flatMap((a) => formulaCells(a.address)),
    ...areasOf(constants).flatMap((a) => constantCells(a.address, a.values)),
  ];
}

/** The areas of special cells loaded and synced; none for a null object. */
function areasOf(special: Excel.RangeAreas): Excel.Range[] {
  return special.isNullObject ? [] : special.areas.items;
}

/** The top-left cell of an address with a sheet name, and its size. */
function areaOf(address: string) {
  return parseRange(address.split('!').pop() ?? 'A1');
}

function formulaCells(address: string): SheetCell[] {
  const { from, to } = areaOf(address);
  const out: SheetCell[] = [];
  for (let row = from.row; row <= to.row; row++)
    for (let col = from.col; col <= to.col; col++)
      out.push({ address: a1(row, col), formula: true, value: null });
  return out;
}

function constantCells(address: string, values: unknown[][]): SheetCell[] {
  const { from } = areaOf(address);
  const out: SheetCell[] = [];
  values.forEach((line, r) =>
    line.forEach((v, c) => {
      if (v === '' || v === null || typeof v === 'object') return;
      out.push({ address: a1(from.row + r, from.col + c), formula: false, value: v as Scalar });
    }),
  );
  return out;
}

/** The cells of a used range read whole, formulas and values side by side. */
function cellsOfBands(range: BandedRead): SheetCell[] {
  const origin = areaOf(range.address).from;
  const { formulas, values } = range;
  const out: SheetCell[] = [];
  formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      const v = values[r]?.[c];
      if ((f === '' || f === null) && (v === '' || v === null)) return;
      const address = a1(origin.row + r, origin.col + c);
      // A constant reads the same as formula and value; a formula reads as its text.
      const formula = typeof f === 'string' && f.startsWith('=') && f !== v;
      out.push({
        address,
        formula,
        value: formula ? null : typeof v === 'object' ? null : (v as Scalar),
      });
    }),
  );
  return out;
}
