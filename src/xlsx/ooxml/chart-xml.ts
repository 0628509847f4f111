import type { ChartPlan, ChartSeriesPlan, SheetRange } from '../../domain/plan/types';
import { quoteSheet } from '../../domain/plan/references';
import { escapeXml } from './xml-text';

/**
 * DrawingML chart parts (ISO/IEC 29500-1 §21.2, CT_ChartSpace), written in the schema's
 * element order. Series name their ranges only (no cached values): Excel and LibreOffice
 * read the cells when the file opens, so the picture is never older than the formulas.
 */

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Series colours: the house green, gold for actuals, then a grey for a third (forecast). */
const COLOURS = ['0F5C4D', 'BF8F00', '7F7F7F', 'C00000'] as const;
const colour = (i: number) => COLOURS[i % COLOURS.length]!;
const AXES = { category: 500000001, value: 500000002 } as const;

const ref = (r: SheetRange) => escapeXml(`${quoteSheet(r.sheet)}!${r.range}`);

function text(size: number, bold: boolean, body: string): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="${size}"${b}/><a:t>${escapeXml(body)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

const fill = (i: number) => `<a:solidFill><a:srgbClr val="${colour(i)}"/></a:solidFill>`;

/** One series: its name as a constant, categories as text (a month's date reads as a number). */
function series(chart: ChartPlan, s: ChartSeriesPlan, i: number): string {
  const line = chart.type === 'line';
  const look = line
    ? `<c:spPr><a:ln w="28575" cap="rnd">${fill(i)}<a:round/></a:ln></c:spPr><c:marker><c:symbol val="none"/></c:marker>`
    : chart.type === 'pie'
      ? ''
      : `<c:spPr>${fill(i)}</c:spPr><c:invertIfNegative val="0"/>`;
  const categories = line
    ? `<c:cat><c:numRef><c:f>${ref(s.categories)}</c:f></c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${ref(s.categories)}</c:f></c:strRef></c:cat>`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>${look}` +
    `${categories}<c:val><c:numRef><c:f>${ref(s.values)}</c:f></c:numRef></c:val>` +
    `${line ? '<c:smooth val="0"/>' : ''}</c:ser>`
  );
}

const axisIds = `<c:axId val="${AXES.category}"/><c:axId val="${AXES.value}"/>`;

function plot(chart: ChartPlan): string {
  const all = chart.series.map((s, i) => series(chart, s, i)).join('');
  switch (chart.type) {
    case 'line':
      return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${all}<c:marker val="1"/>${axisIds}</c:lineChart>`;
    case 'clusteredColumn':
    case 'clusteredBar': {
      const dir = chart.type === 'clusteredBar' ? 'bar' : 'col';
      return `<c:barChart><c:barDir val="${dir}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${all}<c:gapWidth val="80"/>${axisIds}</c:barChart>`;
    }
    case 'pie':
      return `<c:pieChart><c:varyColors val="1"/>${all}<c:firstSliceAng val="0"/></c:pieChart>`;
  }
}

const small = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;

/** The category axis below (left of bars) and the value axis with its gridlines. */
function axes(chart: ChartPlan): string {
  if (chart.type === 'pie') return '';
  const bar = chart.type === 'clusteredBar';
  const dateFormat =
    chart.type === 'line' ? '<c:numFmt formatCode="mmm yyyy" sourceLinked="0"/>' : '';
  return (
    `<c:catAx><c:axId val="${AXES.category}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${bar ? 'l' : 'b'}"/>${dateFormat}<c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="low"/>${small}<c:crossAx val="${AXES.value}"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${AXES.value}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${bar ? 'b' : 'l'}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${small}<c:crossAx val="${AXES.category}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function legend(chart: ChartPlan): string {
  if (chart.legend === 'none') return '';
  const pos = chart.legend === 'bottom' ? 'b' : 'r';
  return `<c:legend><c:legendPos val="${pos}"/><c:overlay val="0"/>${small}</c:legend>`;
}

/** xl/charts/chartN.xml for one chart of the plan. */
export function chartXml(chart: ChartPlan): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${NS}>` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${text(1200, true, chart.title)}<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot(chart)}${axes(chart)}</c:plotArea>` +
    `${legend(chart)}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}
