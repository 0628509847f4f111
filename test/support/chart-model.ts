/**
 * Charts as the contract test compares them: type, title, the cells they cover, legend and
 * every series' name and ranges, read from the fake host's record or from a file's drawing and
 * chart parts (xl/drawings/drawingN.xml anchors, xl/charts/chartN.xml series).
 */
import { a1 } from '../../src/domain/plan/a1';
import type { ChartPlan } from '../../src/domain/plan/types';
import type { XlsxPackage } from '../../src/xlsx/ooxml/package';
import { relationshipsOf, resolveTarget } from '../../src/xlsx/ooxml/relationships';
import { attributes, elements, unescapeXml } from '../../src/xlsx/ooxml/xml-text';
import type { FakeSheet } from '../excel/fake-excel';

export interface ChartModel {
  type: ChartPlan['type'];
  title: string;
  anchor: string;
  legend: ChartPlan['legend'];
  series: { name: string; categories: string; values: string }[];
}

/** "Sheet!A1:B2" from `'Sheet'!$A$1:$B$2` or `Sheet!A1:B2`. */
export function plainRange(ref: string): string {
  const bang = ref.lastIndexOf('!');
  const sheet = ref
    .slice(0, bang)
    .replace(/^'(.*)'$/, '$1')
    .replace(/''/g, "'");
  return `${sheet}!${ref.slice(bang + 1).replace(/\$/g, '')}`;
}

const FAKE_TYPES: Record<string, ChartPlan['type']> = {
  Line: 'line',
  ColumnClustered: 'clusteredColumn',
  BarClustered: 'clusteredBar',
  Pie: 'pie',
};

export function chartsFromFake(sheet: FakeSheet): ChartModel[] {
  return sheet.charts.map((c) => ({
    type: FAKE_TYPES[c.type] ?? (c.type as ChartPlan['type']),
    title: c.title ?? '',
    anchor: c.anchor ?? '',
    legend:
      c.legend.visible === false ? 'none' : c.legend.position === 'Right' ? 'right' : 'bottom',
    series: c.series.map((s) => ({
      name: s.name ?? '',
      categories: plainRange(s.categories ?? '!'),
      values: plainRange(s.values ?? '!'),
    })),
  }));
}

const text = (xml: string, tag: string) =>
  unescapeXml(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '');

function fileType(xml: string): ChartPlan['type'] {
  if (xml.includes('<c:lineChart>')) return 'line';
  if (xml.includes('<c:pieChart>')) return 'pie';
  return xml.includes('<c:barDir val="bar"/>') ? 'clusteredBar' : 'clusteredColumn';
}

function fileChart(xml: string, anchor: string): ChartModel {
  const legend = /<c:legendPos val="(\w+)"/.exec(xml)?.[1];
  return {
    type: fileType(xml),
    title: text(xml, 'a:t'),
    anchor,
    legend: legend === undefined ? 'none' : legend === 'r' ? 'right' : 'bottom',
    series: elements(xml, 'c:ser').map((s) => ({
      name: text(s.text, 'c:v'),
      categories: plainRange(text(text(s.text, 'c:cat'), 'c:f')),
      values: plainRange(text(text(s.text, 'c:val'), 'c:f')),
    })),
  };
}

/** The charts a sheet part's drawing holds, in the drawing's order. */
export async function chartsFromFile(pkg: XlsxPackage, sheetPath: string): Promise<ChartModel[]> {
  const charts: ChartModel[] = [];
  for (const rel of await relationshipsOf(pkg, sheetPath)) {
    if (!rel.type.endsWith('/drawing')) continue;
    const drawing = resolveTarget(sheetPath, rel.target);
    const targets = new Map(
      (await relationshipsOf(pkg, drawing)).map((r) => [r.id, resolveTarget(drawing, r.target)]),
    );
    for (const anchor of elements(await pkg.text(drawing), 'xdr:twoCellAnchor')) {
      const at = (edge: string, tag: string) =>
        Number(text(text(anchor.text, `xdr:${edge}`), `xdr:${tag}`));
      const cover = `${a1(at('from', 'row'), at('from', 'col'))}:${a1(at('to', 'row') - 1, at('to', 'col') - 1)}`;
      const id = attributes(/<c:chart\b[^>]*>/.exec(anchor.text)?.[0] ?? '')['r:id'] ?? '';
      charts.push(fileChart(await pkg.text(targets.get(id) ?? ''), cover));
    }
  }
  return charts;
}
