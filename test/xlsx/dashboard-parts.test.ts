/**
 * The file writer's chart parts: a consolidated workbook holds one drawing for the dashboard
 * with its three charts, each reached from the sheet through relationships and declared in
 * [Content_Types].xml; a second Consolidate replaces them rather than adding more, and leaves
 * no orphan part behind.
 */
import JSZip from 'jszip';
import { demoPlan } from '../../src/domain/demo';
import { newWorkbookPlan } from '../../src/domain/template/workbook';
import { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { relationshipsOf, resolveTarget } from '../../src/xlsx/ooxml/relationships';
import { listSheets } from '../../src/xlsx/ooxml/workbook';
import { consolidateWorkbook, newWorkbook } from '../../src/xlsx/workbook-file';
import { parts } from '../support/package-parts';

const BUILT = '1 Dec 2026 09:00 UTC';

async function consolidated(bytes: Uint8Array): Promise<Buffer> {
  const { bytes: out } = await consolidateWorkbook(bytes, { builtAt: BUILT });
  if (!out) throw new Error('not consolidated');
  return out;
}

/** Every part reached from the workbook through relationships. */
async function reachable(pkg: XlsxPackage): Promise<Set<string>> {
  const seen = new Set<string>();
  const visit = async (part: string) => {
    if (seen.has(part) || !pkg.has(part)) return;
    seen.add(part);
    for (const rel of await relationshipsOf(pkg, part))
      await visit(resolveTarget(part, rel.target));
  };
  await visit('xl/workbook.xml');
  return seen;
}

describe('dashboard chart parts', () => {
  it('are one drawing and three charts, replaced on a second Consolidate with no orphans', async () => {
    const once = await consolidated(await newWorkbook(newWorkbookPlan(demoPlan())));
    const twice = await consolidated(once);
    const [a, b] = [await parts(once), await parts(twice)];
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const drawn = [...a.keys()].filter((p) => /^xl\/(drawings|charts)\/[^/]+\.xml$/.test(p));
    expect(drawn.sort()).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/charts/chart3.xml',
      'xl/drawings/drawing1.xml',
    ]);
    const pkg = await XlsxPackage.load(twice);
    const linked = await reachable(pkg);
    for (const part of drawn) expect(linked).toContain(part);
    const types = await pkg.text('[Content_Types].xml');
    for (const part of drawn) expect(types).toContain(`PartName="/${part}"`);
    const dashboard = (await listSheets(pkg)).find((s) => s.name === 'Dashboard')!;
    expect((await pkg.text(dashboard.path)).match(/<drawing\b/g)).toHaveLength(1);
  });

  it('takes away the style and colour parts Excel adds to a chart it saved', async () => {
    const once = await consolidated(await newWorkbook(newWorkbookPlan(demoPlan())));
    // As Excel saves a chart: chart1.xml gains relationships to a style and a colour part.
    const zip = await JSZip.loadAsync(once);
    const office = 'http://schemas.microsoft.com/office/2011/relationships';
    zip.file(
      'xl/charts/style1.xml',
      '<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>',
    );
    zip.file(
      'xl/charts/colors1.xml',
      '<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>',
    );
    zip.file(
      'xl/charts/_rels/chart1.xml.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${office}/chartStyle" Target="style1.xml"/>` +
        `<Relationship Id="rId2" Type="${office}/chartColorStyle" Target="colors1.xml"/></Relationships>`,
    );
    const saved = await zip.generateAsync({ type: 'uint8array' });
    const again = await parts(await consolidated(saved));
    expect([...again.keys()].filter((p) => p.startsWith('xl/charts/')).sort()).toEqual([
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/charts/chart3.xml',
    ]);
  });
});
