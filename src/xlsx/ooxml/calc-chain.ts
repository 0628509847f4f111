import type { XlsxPackage } from './package';
import { REL, removeContentType, removeRelationships } from './relationships';
import { WORKBOOK } from './workbook';

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;

/**
 * Drops the workbook's calc chain once implan has rewritten a worksheet that existed before.
 *
 * Excel saves `xl/calcChain.xml`, the order in which it last calculated every formula cell. A
 * sheet rebuilt in place (the joint sheets) or rows written into an existing table (the
 * registry) can leave entries naming cells that no longer hold formulas, and Excel then
 * repairs the file ("Removed Records: Formula from /xl/calcChain.xml part"). The chain is a
 * cache: without it Excel rebuilds it on load, so dropping it loses nothing, whereas rewriting
 * it would mean knowing Excel's calculation order. New sheets alone leave it valid (formulas
 * missing from the chain are added by Excel), so a set-up keeps it.
 */
export async function dropStaleCalcChain(pkg: XlsxPackage): Promise<void> {
  if (!pkg.rewrittenParts().some((p) => WORKSHEET_PART.test(p))) return;
  await dropCalcChain(pkg);
}

/** Drops the calc chain whatever changed: e.g. once a sheet its entries name is deleted. */
export async function dropCalcChain(pkg: XlsxPackage): Promise<void> {
  for (const part of await removeRelationships(pkg, WORKBOOK, REL.calcChain)) {
    if (pkg.has(part)) pkg.remove(part);
    await removeContentType(pkg, part);
  }
}
