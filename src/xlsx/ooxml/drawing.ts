import { parseRange } from '../../domain/plan/a1';
import type { ChartPlan } from '../../domain/plan/types';
import { chartXml } from './chart-xml';
import { freshPath, type XlsxPackage } from './package';
import {
  addContentType,
  addRelationship,
  relationshipsOf,
  relsPathOf,
  removeContentType,
  resolveTarget,
} from './relationships';
import { insertAt } from './worksheet-order';
import { attributes, escapeXml, setAttribute } from './xml-text';

const OFFICE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const DRAWING_REL = `${OFFICE_REL}/drawing`;
export const CHART_REL = `${OFFICE_REL}/chart`;
const CT = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};

/** A twoCellAnchor over the cells of `anchor` holding the chart its relationship `rId` names. */
function anchorXml(anchor: string, rId: string, id: number, name: string): string {
  const { from, to } = parseRange(anchor);
  const cell = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${cell('from', from.col, from.row)}${cell('to', to.col + 1, to.row + 1)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(name)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function withDrawing(sheetXml: string, rId: string): string {
  const xml = sheetXml.replace(/<worksheet\b[^>]*>/, (tag) =>
    attributes(tag)['xmlns:r'] ? tag : setAttribute(tag, 'xmlns:r', OFFICE_REL),
  );
  return insertAt(xml, 'drawing', `<drawing r:id="${rId}"/>`);
}

/**
 * Adds a sheet's charts at the part level (exceljs writes none): one drawing part with an
 * anchor per chart, a chart part each, their relationships and content types, and the
 * sheet's <drawing> element.
 */
export async function addCharts(
  pkg: XlsxPackage,
  sheetPath: string,
  charts: readonly ChartPlan[],
): Promise<void> {
  if (charts.length === 0) return;
  const drawingPath = freshPath(pkg, 'xl/drawings', 'drawing');
  // A placeholder first, so the drawing's relationships can be added to it.
  pkg.setText(drawingPath, '');
  const anchors: string[] = [];
  for (const [i, chart] of charts.entries()) {
    const chartPath = freshPath(pkg, 'xl/charts', 'chart');
    pkg.setText(chartPath, chartXml(chart));
    await addContentType(pkg, chartPath, CT.chart);
    const rId = await addRelationship(
      pkg,
      drawingPath,
      CHART_REL,
      `../charts/${chartPath.split('/').pop()}`,
    );
    anchors.push(anchorXml(chart.anchor, rId, i + 2, `Chart ${i + 1}`));
  }
  pkg.setText(
    drawingPath,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
      `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${OFFICE_REL}">` +
      `${anchors.join('')}</xdr:wsDr>`,
  );
  await addContentType(pkg, drawingPath, CT.drawing);
  const rId = await addRelationship(
    pkg,
    sheetPath,
    DRAWING_REL,
    `../drawings/${drawingPath.split('/').pop()}`,
  );
  pkg.setText(sheetPath, withDrawing(await pkg.text(sheetPath), rId));
}

/** Removes a part, its relationships part and content type, and the parts it alone owns. */
async function removeOwned(pkg: XlsxPackage, part: string): Promise<void> {
  for (const rel of await relationshipsOf(pkg, part)) {
    const target = resolveTarget(part, rel.target);
    if (pkg.has(target)) await removeOwned(pkg, target);
  }
  if (pkg.has(relsPathOf(part))) pkg.remove(relsPathOf(part));
  if (pkg.has(part)) pkg.remove(part);
  await removeContentType(pkg, part);
}

/**
 * Removes the drawings of a sheet implan is about to rebuild, with their charts (and whatever
 * parts those own, such as the style and colour parts Excel adds when it saves a chart), so a
 * second Consolidate leaves the same set of parts as the first and no orphans.
 */
export async function removeDrawings(pkg: XlsxPackage, sheetPath: string): Promise<void> {
  for (const rel of await relationshipsOf(pkg, sheetPath))
    if (rel.type === DRAWING_REL) await removeOwned(pkg, resolveTarget(sheetPath, rel.target));
}
