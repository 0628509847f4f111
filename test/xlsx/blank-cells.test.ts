/**
 * Blank cells in the forms other tools save them read as blank: an empty cached value with no
 * type (`<v></v>`), one of white space, a shared-string cell with an empty index, a formula with
 * no cached value, and a cell with a style and no value. Before, the first read as 0 and the third as shared string 0, so an empty
 * placeholder row looked filled in and blocked Consolidate (issue 12).
 */
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { readCells } from '../../src/xlsx/ooxml/cells';
import { excelLikeParts, zipParts } from '../fixtures/excel-like';

describe('blank cells as other tools save them', () => {
  it('read as blank, not as 0 or as the first shared string', async () => {
    const parts = excelLikeParts();
    parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml']!.replace(
      '<c r="A2" t="s"><v>3</v></c><c r="B2"><v>100</v></c>',
      '<c r="A2" t="s"><v></v></c><c r="B2"><v></v></c>',
    )
      .replace('<v>20</v>', '<v></v>')
      .replace('<c r="B3"><v>250</v></c>', '<c r="B3"><v> </v></c><c r="D3" s="0"/>');
    const pkg = await XlsxPackage.load(await zipParts(parts));
    const cells = await readCells(pkg, 'xl/worksheets/sheet1.xml', {
      top: 1,
      bottom: 2,
      left: 0,
      right: 3,
    });
    // No type and an empty value; a shared string with no index; a formula with no cached value.
    expect(cells[0]?.slice(0, 3)).toEqual([null, null, null]);
    // White space as the value; a cell with a style and nothing else.
    expect([cells[1]?.[1], cells[1]?.[3]]).toEqual([null, null]);
    // A real value next to them still reads as itself.
    expect(cells[1]?.[0]).toBe('South');
  });
});
