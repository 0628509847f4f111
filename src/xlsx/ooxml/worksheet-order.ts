import { elements } from './xml-text';

/** CT_Worksheet's children after sheetData, in schema order (ISO/IEC 29500-1 §18.3.1.99). */
const WORKSHEET_ORDER = [
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** Where an element `name` goes: after the last one of its kind, else before its successors. */
export function insertAt(xml: string, name: string, text: string): string {
  const same = elements(xml, name).pop();
  if (same) return xml.slice(0, same.end) + text + xml.slice(same.end);
  const later = WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(name) + 1)
    .map((n) => xml.search(new RegExp(`<${n}[\\s>/]`)))
    .filter((at) => at >= 0);
  const at = later.length > 0 ? Math.min(...later) : xml.lastIndexOf('</worksheet>');
  return xml.slice(0, at) + text + xml.slice(at);
}
