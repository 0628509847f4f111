/**
 * New parts take the first free name as OPC compares names (ignoring ASCII case), counting
 * the parts added and removed since the package was opened.
 */
import JSZip from 'jszip';
import { freshPath, XlsxPackage } from '../../../src/xlsx/ooxml/package';

async function packageOf(parts: readonly string[]): Promise<XlsxPackage> {
  const zip = new JSZip();
  zip.file(
    'xl/workbook.xml',
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
  );
  for (const p of parts) zip.file(p, '<x/>');
  return await XlsxPackage.load(await zip.generateAsync({ type: 'uint8array' }));
}

describe('fresh part names', () => {
  it('skip names taken in any case, then those set since opening', async () => {
    const pkg = await packageOf(['xl/worksheets/sheet1.xml', 'xl/worksheets/SHEET2.xml']);
    expect(freshPath(pkg, 'xl/worksheets', 'sheet')).toBe('xl/worksheets/sheet3.xml');
    pkg.setText('xl/worksheets/sheet3.xml', '<x/>');
    expect(freshPath(pkg, 'xl/worksheets', 'sheet')).toBe('xl/worksheets/sheet4.xml');
  });

  it('free a name when its part is removed', async () => {
    const pkg = await packageOf(['xl/tables/table1.xml', 'xl/tables/table2.xml']);
    pkg.remove('xl/tables/table1.xml');
    expect(pkg.hasIgnoringCase('XL/TABLES/TABLE1.XML')).toBe(false);
    expect(pkg.hasIgnoringCase('XL/TABLES/TABLE2.XML')).toBe(true);
    expect(freshPath(pkg, 'xl/tables', 'table')).toBe('xl/tables/table1.xml');
  });
});
