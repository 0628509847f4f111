/**
 * Table look-ups use an index made once per package; each answer must still be what walking
 * every table would give after tables are renamed, removed or added since the index was made.
 */
import { demoPlan } from '../../../src/domain/demo';
import { PlanFile } from '../../../src/domain/schema/plan-file';
import { newWorkbookPlan } from '../../../src/domain/template/workbook';
import { deleteSheet } from '../../../src/xlsx/ooxml/delete-sheet';
import { XlsxPackage } from '../../../src/xlsx/ooxml/package';
import { findTable, listTables } from '../../../src/xlsx/ooxml/workbook';
import { newWorkbook } from '../../../src/xlsx/workbook-file';

const demoPackage = async () =>
  await XlsxPackage.load(await newWorkbook(newWorkbookPlan(PlanFile.parse(demoPlan()))));

/** What walking every table finds for `name`, ignoring case. */
const walked = async (pkg: XlsxPackage, name: string) =>
  (await listTables(pkg)).find((t) => t.name.toUpperCase() === name.toUpperCase());

describe('table look-ups', () => {
  it('find every table as a walk does, in any case', async () => {
    const pkg = await demoPackage();
    const tables = await listTables(pkg);
    expect(tables.length).toBeGreaterThan(3);
    for (const t of tables) {
      expect(await findTable(pkg, t.name.toLowerCase())).toEqual(t);
      expect(await findTable(pkg, t.name)).toEqual(await walked(pkg, t.name));
    }
  });

  it('follow a table renamed and a sheet removed since the index was made', async () => {
    const pkg = await demoPackage();
    const tables = await listTables(pkg);
    const [first, second] = [tables[0], tables[tables.length - 1]];
    if (!first || !second) throw new Error('the demo has tables');
    await findTable(pkg, first.name); // the index is made
    const xml = await pkg.text(first.path);
    pkg.setText(first.path, xml.replace(/(displayName|name)="[^"]*"/g, '$1="Renamed_Table"'));
    expect(await findTable(pkg, first.name)).toBeUndefined();
    expect((await findTable(pkg, 'renamed_table'))?.path).toBe(first.path);

    await deleteSheet(pkg, second.sheet.name);
    expect(await findTable(pkg, second.name)).toBeUndefined();
    expect(await findTable(pkg, second.name)).toEqual(await walked(pkg, second.name));
  });
});
